"""A benefit claim: the program, the event and the facts known about it."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from perlindungan._input.shown import shown
from perlindungan._suggest import did_you_mean
from perlindungan.benefits import _claim_fields as conv
from perlindungan.benefits._claim_fields import EVENTS, LEVELS, REASONS
from perlindungan.dates import Month
from perlindungan.errors import InvalidInputError, UnknownNameError
from perlindungan.money import Rupiah
from perlindungan.programs import Program

__all__ = ["EVENTS", "LEVELS", "REASONS", "Child", "Claim", "Contribution", "YearWage"]


def _year_wages(value: Iterable[YearWage]) -> tuple[YearWage, ...]:
    return tuple(value)


def _contributions(value: Iterable[Contribution]) -> tuple[Contribution, ...]:
    return tuple(value)


def _children(value: Iterable[Child]) -> tuple[Child, ...]:
    return tuple(value)


@attrs.frozen
class Child:
    """A child who may receive a scholarship."""

    school_level: str = attrs.field(converter=conv.school_level)
    birth_date: _dt.date | None = attrs.field(default=None, converter=conv.child_birth_date)


@attrs.frozen
class YearWage:
    """The monthly wage of one year of a wage history (``months`` paid that year)."""

    year: int
    wage: Rupiah = attrs.field(converter=conv.year_wage)
    months: int = 12


@attrs.frozen
class Contribution:
    """One JHT contribution paid for a month."""

    month: Month
    amount: Rupiah = attrs.field(converter=conv.contribution_amount)


@attrs.frozen(kw_only=True)
class Claim:
    """A claim for a benefit: the program, the event and the facts known.

    Every fact is optional; a rule that needs a fact not given reports it in
    :attr:`Benefit.missing`. Facts that are malformed or contradict each other raise
    :class:`~perlindungan.errors.InvalidInputError` naming the field.
    """

    program: Program = attrs.field(converter=conv.program)
    event: str = attrs.field(converter=conv.event)
    category: str | None = attrs.field(default=None, converter=conv.category)
    wage: Rupiah | None = attrs.field(default=None, converter=conv.wage)
    membership_months: int | None = attrs.field(default=None, converter=conv.membership_months)
    contribution_months: int | None = attrs.field(default=None, converter=conv.contribution_months)
    consecutive_months: int | None = attrs.field(default=None, converter=conv.consecutive_months)
    months_off_work: int | None = attrs.field(default=None, converter=conv.months_off_work)
    disability_percent: Decimal | None = attrs.field(
        default=None, converter=conv.disability_percent
    )
    average_indexed_wage: Rupiah | None = attrs.field(
        default=None, converter=conv.average_indexed_wage
    )
    wage_history: tuple[YearWage, ...] = attrs.field(default=(), converter=_year_wages)
    balance: Rupiah | None = attrs.field(default=None, converter=conv.balance)
    contributions: tuple[Contribution, ...] = attrs.field(default=(), converter=_contributions)
    assumed_return: Decimal | None = attrs.field(default=None, converter=conv.assumed_return)
    birth_date: _dt.date | None = attrs.field(default=None, converter=conv.birth_date)
    registered_on: _dt.date | None = attrs.field(default=None, converter=conv.registered_on)
    terminated_on: _dt.date | None = attrs.field(default=None, converter=conv.terminated_on)
    event_date: _dt.date | None = attrs.field(default=None, converter=conv.event_date)
    termination_reason: str | None = attrs.field(default=None, converter=conv.termination_reason)
    children: tuple[Child, ...] = attrs.field(default=(), converter=_children)
    survivor: str | None = attrs.field(default=None, converter=conv.survivor)
    purpose: str | None = attrs.field(default=None, converter=conv.purpose)
    citizen: bool | None = attrs.field(default=None, converter=conv.citizen)
    partial_claimed_before: bool | None = attrs.field(
        default=None, converter=conv.partial_claimed_before
    )

    def __attrs_post_init__(self) -> None:
        events = EVENTS[self.program]
        if self.event not in events:
            raise UnknownNameError(
                f"claim.event {self.event!r} is not an event of {self.program.value}; use one of "
                f"{', '.join(events)}; {did_you_mean(self.event, events)}",
                field="claim.event",
                value=self.event,
                suggestions=list(events),
            )
        if (
            self.registered_on is not None
            and self.terminated_on is not None
            and self.terminated_on < self.registered_on
        ):
            raise InvalidInputError(
                f"claim.terminated_on {self.terminated_on.isoformat()} is before "
                f"claim.registered_on {self.registered_on.isoformat()}.",
                field="claim.terminated_on",
                value=self.terminated_on,
            )
        if (
            self.birth_date is not None
            and self.registered_on is not None
            and self.registered_on < self.birth_date
        ):
            raise InvalidInputError(
                "claim.registered_on is before claim.birth_date.",
                field="claim.registered_on",
                value=self.registered_on,
            )
        if (
            self.membership_months is not None
            and self.contribution_months is not None
            and self.contribution_months > self.membership_months
        ):
            raise InvalidInputError(
                f"claim.contribution_months ({self.contribution_months}) cannot exceed "
                f"claim.membership_months ({self.membership_months}).",
                field="claim.contribution_months",
                value=self.contribution_months,
            )
        if self.disability_percent is not None and self.disability_percent == 0:
            raise InvalidInputError(
                "claim.disability_percent must be more than 0 (a percentage such as 10).",
                field="claim.disability_percent",
                value=self.disability_percent,
            )
        for item, name in (
            (self.wage_history, "wage_history"),
            (self.contributions, "contributions"),
            (self.children, "children"),
        ):
            kind = {"wage_history": YearWage, "contributions": Contribution, "children": Child}
            for index, entry in enumerate(item):
                if not isinstance(entry, kind[name]):
                    raise InvalidInputError(
                        f"claim.{name}[{index}] must be a {kind[name].__name__}.",
                        field=f"claim.{name}[{index}]",
                        value=entry,
                    )


#: The keys of each object in the claim's lists.
_ENTRY_KEYS: Final = {
    "wage_history": ("year", "wage", "months"),
    "contributions": ("month", "amount"),
    "children": ("school_level", "birth_date"),
}


def _entries(raw: object, name: str) -> list[Mapping[str, Any]]:
    if not isinstance(raw, list) or not all(isinstance(x, Mapping) for x in raw):
        raise InvalidInputError(
            f"claim.{name} must be a list of objects.", field=f"claim.{name}", value=raw
        )
    keys = _ENTRY_KEYS[name]
    for index, entry in enumerate(raw):
        for key in entry:
            if key not in keys:
                raise UnknownNameError(
                    f"claim.{name}[{index}].{shown(key).strip(chr(39))} is not a known field; "
                    f"{did_you_mean(str(key), keys)}",
                    field=f"claim.{name}[{index}].{key}",
                    value=key,
                    suggestions=[*keys],
                )
    return raw


def _year(value: object, index: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1950 <= value <= 2100:
        raise InvalidInputError(
            f"claim.wage_history[{index}].year must be a year such as 2020, got {value!r}.",
            field=f"claim.wage_history[{index}].year",
            value=value,
        )
    return value


def _year_wage_entry(entry: Mapping[str, Any], index: int) -> YearWage:
    months = conv.to_count(entry.get("months"), f"wage_history[{index}].months")
    return YearWage(
        year=_year(entry.get("year"), index),
        wage=entry.get("wage"),
        months=12 if months is None else months,
    )


def _month(value: object, index: int) -> Month:
    field = f"claim.contributions[{index}].month"
    if not isinstance(value, str):
        raise InvalidInputError(
            f"{field} must be a month such as '2024-05', got {shown(value)}.",
            field=field,
            value=value,
        )
    return Month.parse(value, field=field)


def claim_from_dict(data: Mapping[str, Any]) -> Claim:
    """A :class:`Claim` from the ``claim`` object of the JSON contract."""
    if not isinstance(data, Mapping):
        raise InvalidInputError("claim must be an object with program and event.", field="claim")
    fields = {a.name for a in attrs.fields(Claim)}
    for key in data:
        if key not in fields:
            raise UnknownNameError(
                f"claim.{key} is not a fact of a claim; {did_you_mean(str(key), fields)}",
                field=f"claim.{key}",
                value=key,
            )
    for key in ("program", "event"):
        if key not in data:
            raise InvalidInputError(f"claim.{key} is required.", field=f"claim.{key}")
    values: dict[str, Any] = dict(data)
    if "wage_history" in values:
        values["wage_history"] = [
            _year_wage_entry(e, i)
            for i, e in enumerate(_entries(values["wage_history"], "wage_history"))
        ]
    if "contributions" in values:
        values["contributions"] = [
            Contribution(
                month=_month(e.get("month"), i),
                amount=e.get("amount"),
            )
            for i, e in enumerate(_entries(values["contributions"], "contributions"))
        ]
    if "children" in values:
        values["children"] = [
            Child(school_level=e.get("school_level", "none"), birth_date=e.get("birth_date"))
            for e in _entries(values["children"], "children")
        ]
    return Claim(**values)
