"""Dates from outside: ISO dates within :data:`~perlindungan._input.limits.EARLIEST_DATE`
and :data:`~perlindungan._input.limits.LATEST_DATE`."""

from __future__ import annotations

import datetime as _dt

from perlindungan._input.limits import EARLIEST_DATE, LATEST_DATE
from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError

__all__ = ["date_value"]


def date_value(value: object, *, field: str) -> _dt.date:
    """An ISO date (text or a date) within the accepted years.

    >>> date_value("1990-05-17", field="birth_date")
    datetime.date(1990, 5, 17)
    >>> date_value("0001-01-01", field="birth_date")
    Traceback (most recent call last):
    ...
    perlindungan.errors.InvalidInputError: birth_date must be a date from 1900-01-01 to 2200-12-31, got '0001-01-01'.
    """
    if isinstance(value, str) and len(value) > 40:
        raise InvalidInputError(
            Message(
                "{field} must be an ISO date such as 2025-02-07, got {value}.",
                field=field,
                value=shown(value),
            ),
            field=field,
            value=value,
        )
    day = to_date(value.strip() if isinstance(value, str) else value, field=field)
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InvalidInputError(
            Message(
                "{field} must be a date from {earliest} to {latest}, got {value}.",
                field=field,
                earliest=EARLIEST_DATE.isoformat(),
                latest=LATEST_DATE.isoformat(),
                value=shown(value),
            ),
            field=field,
            value=value,
        )
    return day
