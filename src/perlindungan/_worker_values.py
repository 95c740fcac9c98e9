"""The checked values of a worker's fields that stand alone: a positive amount of rupiah
and a number of months (the worker classes in :mod:`perlindungan.workers` use them)."""

from __future__ import annotations

from perlindungan._input.limits import MAX_MONTHS
from perlindungan._input.numbers import exact_number
from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah, checked_rupiah

__all__ = ["positive_amount", "whole_months"]


def positive_amount(value: object, field: str) -> Rupiah:
    """A positive amount of rupiah (an exact number checked once)."""
    checked = value.amount if isinstance(value, Rupiah) else exact_number(value, field=field)
    if checked <= 0:
        raise InvalidInputError(
            Message(
                "{field} must be a positive amount of rupiah such as 5000000, got {value}.",
                field=field,
                value=shown(value),
            ),
            field=field,
            value=value,
        )
    return value if isinstance(value, Rupiah) else checked_rupiah(checked)  # checked once


def whole_months(value: object) -> int:
    """Whole months from 1 to MAX_MONTHS (a placement contract's length)."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip()[:20])
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_MONTHS:
        raise InvalidInputError(
            Message(
                "{field} must be a whole number of months from 1 to {most:,}, such as 24; "
                "got {value}.",
                field="contract_months",
                most=MAX_MONTHS,
                value=shown(value),
            ),
            field="contract_months",
            value=value,
        )
    return value
