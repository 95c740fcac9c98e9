"""The result of a budget over a calendar period: month lines, notes and their totals by
month, year, payer and phase, and the declared assumptions of a projection (computed in
:mod:`perlindungan.regional._period`)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from perlindungan._i18n import translate
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah

__all__ = [
    "NO_PHASE",
    "Assumptions",
    "Cohort",
    "MonthLine",
    "PeriodBudget",
    "PeriodNote",
    "month_end",
    "months",
]

#: Phase label of people not split by phase.
NO_PHASE = "-"


def month_end(month: _dt.date) -> _dt.date:
    """The last day of the month of ``month`` (December 9999 too: no day after it)."""
    if month.month == 12:
        return month.replace(day=31)
    return _dt.date(month.year, month.month + 1, 1) - _dt.timedelta(days=1)


def months(start: _dt.date, end: _dt.date) -> list[_dt.date]:
    """The first days of the months from ``start``'s month to ``end``'s month."""
    out = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.append(_dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _fraction(path: str, raw: object) -> Decimal:
    try:
        number = Decimal(str(raw))
    except ArithmeticError:
        number = Decimal("NaN")
    if isinstance(raw, (bool, float)) or not number.is_finite() or not -1 < number <= 10:
        raise InvalidInputError(
            Message(
                "{path} must be a yearly growth as a fraction such as 0.05 (5%), more than -1 and at most 10; got {raw}.",
                path=path,
                raw=repr(raw),
            ),
            field=path,
            value=raw,
        )
    return number


def _participant_growth(raw: object) -> Decimal:
    return _fraction("growth.participants", raw)


def _income_growth(raw: object) -> Decimal:
    return _fraction("growth.income", raw)


@attrs.frozen
class Assumptions:
    """Declared assumptions of a projection: yearly growth of participants and of the
    declared income, as fractions (0.05 = 5% a year)."""

    participant_growth: Decimal = attrs.field(default=Decimal(0), converter=_participant_growth)
    income_growth: Decimal = attrs.field(default=Decimal(0), converter=_income_growth)

    @property
    def any(self) -> bool:
        """True when an assumption changes anything."""
        return bool(self.participant_growth or self.income_growth)

    def people(self, count: int, years: int) -> int:
        """``count`` grown for ``years`` years, to whole people (half up)."""
        if not years or not self.participant_growth:
            return count
        grown = Decimal(count) * (1 + self.participant_growth) ** years
        return int(grown.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def income(self, income: Rupiah, years: int) -> Rupiah:
        """``income`` grown for ``years`` years, to whole rupiah (half up)."""
        if not years or not self.income_growth:
            return income
        grown = income.amount * (1 + self.income_growth) ** years
        return Rupiah(grown.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def to_dict(self) -> dict[str, str]:
        """JSON form (fractions as text)."""
        return {
            "participant_growth_per_year": str(self.participant_growth),
            "income_growth_per_year": str(self.income_growth),
        }


@attrs.frozen
class Cohort:
    """People (or one construction activity) covered from the same first day."""

    phase: str
    start: _dt.date
    count: int
    activity_value: Rupiah | None = None


@attrs.frozen
class MonthLine:
    """What one payer pays for one program (JKK, JKM, ...) of one phase in one month."""

    month: _dt.date
    phase: str
    payer: str
    program: str
    people: int
    amount: Rupiah


@attrs.frozen
class PeriodNote:
    """A note on the budget: a translatable message and its values."""

    message: str
    values: Mapping[str, str] = attrs.field(factory=dict)

    def text(self, locale: str = "id_ID") -> str:
        """The note in the locale."""
        return translate(self.message, locale).format(**self.values)


@attrs.frozen
class PeriodBudget:
    """A program's budget over a calendar period, month by month."""

    program_id: str
    start: _dt.date
    end: _dt.date
    source: str  # "plan" or "roster"
    lines: tuple[MonthLine, ...]
    billed: tuple[_dt.date, ...]
    people: tuple[tuple[_dt.date, str, int], ...]
    notes: tuple[PeriodNote, ...] = ()
    assumptions: Assumptions = Assumptions()
    #: People per sub-region: admitted (roster) or planned places (listed sub-region quotas).
    sub_regions: tuple[tuple[str, int], ...] = ()

    @property
    def total(self) -> Rupiah:
        """The whole period's premiums."""
        return sum((ln.amount for ln in self.lines), Rupiah.zero())

    @property
    def months(self) -> list[_dt.date]:
        """Every month of the period (billed or not)."""
        return months(self.start, self.end)

    def per_month(self) -> dict[_dt.date, Rupiah]:
        """Premiums per month (every month of the period; zero when not billed)."""
        out = dict.fromkeys(self.months, Rupiah.zero())
        for ln in self.lines:
            out[ln.month] = out[ln.month] + ln.amount
        return out

    def per_year(self) -> dict[int, Rupiah]:
        """Premiums per calendar year: the sum of its months."""
        out: dict[int, Rupiah] = {}
        for month, amount in self.per_month().items():
            out[month.year] = out.get(month.year, Rupiah.zero()) + amount
        return out

    def _by(self, key: str) -> dict[int, dict[str, Rupiah]]:
        out: dict[int, dict[str, Rupiah]] = {y: {} for y in self.per_year()}
        for ln in self.lines:
            row = out[ln.month.year]
            name = str(getattr(ln, key))
            row[name] = row.get(name, Rupiah.zero()) + ln.amount
        return out

    def per_payer_year(self) -> dict[int, dict[str, Rupiah]]:
        """Premiums per year and payer."""
        return self._by("payer")

    def per_phase_year(self) -> dict[int, dict[str, Rupiah]]:
        """Premiums per year and phase (``"-"``: not split by phase)."""
        return self._by("phase")

    def per_month_phase_payer(self) -> dict[tuple[_dt.date, str, str], Rupiah]:
        """Premiums per (month, phase, payer)."""
        out: dict[tuple[_dt.date, str, str], Rupiah] = {}
        for ln in self.lines:
            key = (ln.month, ln.phase, ln.payer)
            out[key] = out.get(key, Rupiah.zero()) + ln.amount
        return out

    def people_per_month(self) -> dict[_dt.date, int]:
        """People covered in each month (all phases)."""
        out = dict.fromkeys(self.months, 0)
        for month, _, n in self.people:
            out[month] += n
        return out

    def to_dict(self, locale: str = "id_ID") -> dict[str, Any]:
        """JSON form (whole rupiah; months as ``YYYY-MM``)."""
        people = self.people_per_month()
        per_month = self.per_month()
        return {
            "program": self.program_id,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "source": self.source,
            "billing_rule": "a month is billed when the program covers any day of it",
            "assumptions": self.assumptions.to_dict(),
            "total": int(self.total),
            "per_year": {str(y): int(v) for y, v in self.per_year().items()},
            "per_payer_year": {
                str(y): {k: int(v) for k, v in row.items()}
                for y, row in self.per_payer_year().items()
            },
            "per_phase_year": {
                str(y): {k: int(v) for k, v in row.items()}
                for y, row in self.per_phase_year().items()
            },
            "months": [
                {
                    "month": m.strftime("%Y-%m"),
                    "billed": m in self.billed,
                    "people": people[m],
                    "amount": int(per_month[m]),
                    "lines": [
                        {
                            "phase": ln.phase,
                            "payer": ln.payer,
                            "program": ln.program,
                            "people": ln.people,
                            "amount": int(ln.amount),
                        }
                        for ln in self.lines
                        if ln.month == m
                    ],
                }
                for m in self.months
            ],
            "sub_regions": dict(self.sub_regions),
            "notes": [n.text(locale) for n in self.notes],
        }
