"""The library's small date API.

Every calculation takes the date it is for; nothing here reads the clock. Dates are
accepted as ISO strings (``"2025-02-07"``) or :class:`datetime.date` objects (pendulum
dates included) and returned as plain :class:`datetime.date`. Parsing and month
arithmetic use pendulum (imported on first use, so that ``import perlindungan`` stays fast;
plain ``YYYY-MM-DD`` strings are read by :meth:`datetime.date.fromisoformat`, which gives
the same dates and refuses the same impossible ones).

Months follow pendulum: one month after 31 January is the last day of February.
Ages follow the civil convention: a person becomes one year older on the anniversary of
their birth date; someone born on 29 February becomes older on 1 March in years that
have no 29 February. No regulation on BPJS Ketenagakerjaan states otherwise.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from functools import lru_cache
from typing import Final

import attrs

from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = [
    "DateLike",
    "Month",
    "age_on",
    "anniversary",
    "full_months_between",
    "to_date",
]

#: What every public function accepts as a date.
DateLike = _dt.date | str


def _iso_problem(field: str, value: object) -> Message:
    return Message(
        "{field} must be an ISO date such as 2025-02-07, got {value}.",
        field=field,
        value=repr(value),
    )


_PLAIN_ISO: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def to_date(value: object, *, field: str = "on") -> _dt.date:
    """Coerce an ISO string or a date to :class:`datetime.date`.

    >>> to_date("2025-02-07")
    datetime.date(2025, 2, 7)
    """
    if type(value) is str:  # the common cases first: a plain string, a plain date
        return _parse_date(value, field)
    if type(value) is _dt.date:
        return value
    if isinstance(value, _dt.datetime):
        raise InvalidInputError(
            Message(
                "{field} must be a date, not a datetime ({value}); give an ISO date such as "
                "2025-02-07.",
                field=field,
                value=repr(value),
            ),
            field=field,
            value=value,
        )
    if isinstance(value, _dt.date):
        return _dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        return _parse_date(value, field)
    raise InvalidInputError(
        Message(
            "{field} must be an ISO date such as 2025-02-07 or a datetime.date, got {kind} {value}.",
            field=field,
            kind=type(value).__name__,
            value=repr(value),
        ),
        field=field,
        value=value,
    )


@lru_cache(maxsize=4096)
def _parse_date(value: str, field: str) -> _dt.date:
    # Cached: the same dates are parsed again and again (a quote, a payroll, a roster).
    # Errors are not cached (lru_cache does not keep exceptions).
    text = value.strip()
    if len(text) != 10:
        raise InvalidInputError(_iso_problem(field, value), field=field, value=value)
    if _PLAIN_ISO.fullmatch(text):
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            raise InvalidInputError(_iso_problem(field, value), field=field, value=value) from None
    import pendulum  # noqa: PLC0415  (only for the rarer ISO forms, e.g. week dates)
    from pendulum.parsing.exceptions import ParserError  # noqa: PLC0415

    try:
        parsed = pendulum.parse(text, exact=True)
    except (ParserError, ValueError):
        raise InvalidInputError(_iso_problem(field, value), field=field, value=value) from None
    if type(parsed) is not pendulum.Date:
        raise InvalidInputError(_iso_problem(field, value), field=field, value=value)
    return _dt.date(parsed.year, parsed.month, parsed.day)


def anniversary(birth: _dt.date, years: int) -> _dt.date:
    """The date on which someone born on ``birth`` turns ``years`` old.

    >>> anniversary(_dt.date(1968, 2, 29), 57)
    datetime.date(2025, 3, 1)
    """
    year = birth.year + years
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
        raise InvalidInputError(
            Message(
                "birth_date {birth} + {years} years is outside the calendar (years "
                "{first}-{last}); give a real birth date such as 1990-05-17.",
                birth=birth.isoformat(),
                years=years,
                first=_dt.MINYEAR,
                last=_dt.MAXYEAR,
            ),
            field="birth_date",
            value=birth,
        )
    try:
        return birth.replace(year=year)
    except ValueError:  # 29 February in a common year
        return _dt.date(year, 3, 1)


def age_on(birth: _dt.date | str, on: _dt.date | str) -> int:
    """Age in whole years on a date.

    >>> age_on("1968-02-29", "2025-02-28"), age_on("1968-02-29", "2025-03-01")
    (56, 57)
    """
    b = to_date(birth, field="birth_date")
    d = to_date(on)
    if d < b:
        raise InvalidInputError(
            Message(
                "birth_date {birth} is after the date asked ({on}).",
                birth=b.isoformat(),
                on=d.isoformat(),
            ),
            field="birth_date",
            value=b,
        )
    age = d.year - b.year
    if d < anniversary(b, age):
        age -= 1
    return age


def full_months_between(start: _dt.date | str, end: _dt.date | str) -> int:
    """Whole months from ``start`` to ``end``; negative when ``end`` is earlier.

    Month ends follow pendulum: one month after 31 January is the last day of February.

    >>> full_months_between("2025-01-31", "2025-02-27"), full_months_between("2025-01-31", "2025-02-28")
    (0, 1)
    """
    import pendulum  # noqa: PLC0415  (imported on first use: see the module docstring)

    s = pendulum.Date(*to_date(start, field="start").timetuple()[:3])
    e = pendulum.Date(*to_date(end, field="end").timetuple()[:3])
    if e < s:
        return -full_months_between(e, s)
    return int((e - s).in_months())


@attrs.frozen(order=True)
class Month:
    """A calendar month: the period a monthly contribution is for.

    >>> Month.of("2025-02-07")
    Month(2025, 2)
    >>> Month(2024, 2).last_day
    datetime.date(2024, 2, 29)
    """

    year: int
    month: int = attrs.field()

    @month.validator
    def _check_month(self, _attribute: object, value: int) -> None:
        if not 1 <= value <= 12:
            raise InvalidInputError(
                Message("month must be 1-12, got {value}.", value=value), field="month", value=value
            )

    @classmethod
    def of(cls, value: _dt.date | str) -> Month:
        """The month containing a date."""
        d = to_date(value)
        return cls(d.year, d.month)

    @classmethod
    def parse(cls, value: str, *, field: str = "month") -> Month:
        """Parse ``YYYY-MM``."""
        parts = value.strip().split("-")
        month = None
        if len(parts) == 2 and len(parts[0]) == 4:
            with contextlib.suppress(ValueError, InvalidInputError):
                month = cls(int(parts[0]), int(parts[1]))
        if month is None:
            raise InvalidInputError(
                Message(
                    "{field} must be a month such as 2025-02, got {value}.",
                    field=field,
                    value=repr(value),
                ),
                field=field,
                value=value,
            )
        return month

    @property
    def first_day(self) -> _dt.date:
        """The first day of the month."""
        return _dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> _dt.date:
        """The last day of the month."""
        if self.month == 12:
            return _dt.date(self.year, 12, 31)
        return _dt.date(self.year, self.month + 1, 1) - _dt.timedelta(days=1)

    def shift(self, months: int) -> Month:
        """The month ``months`` later (or earlier, when negative)."""
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def __repr__(self) -> str:
        return f"Month({self.year}, {self.month})"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
