"""A benefit claim: the program, the event and the facts known about it."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from perlindungan._i18n import N_
from perlindungan._input.flags import flag
from perlindungan._input.limits import MAX_MONTHS
from perlindungan._input.numbers import whole_number
from perlindungan._input.shown import shown
from perlindungan._suggest import did_you_mean
from perlindungan.dates import Month, to_date
from perlindungan.errors import InvalidInputError, UnknownNameError
from perlindungan.money import Rupiah, as_decimal
from perlindungan.programs import Program

__all__ = ["EVENTS", "LEVELS", "REASONS", "Child", "Claim", "Contribution", "YearWage"]

#: The events each program answers.
EVENTS: Final[dict[Program, tuple[str, ...]]] = {
    Program.JKK: (
        "temporary_disability",
        "partial_disability",
        "permanent_total_disability",
        "death",
    ),
    Program.JKM: ("death",),
    Program.JHT: (
        "resignation",
        "termination",
        "retirement",
        "disability",
        "death",
        "leaving_indonesia",
        "partial",
    ),
    Program.JP: ("old_age", "disability", "death"),
    Program.JKP: ("termination",),
}
#: Reasons for termination.
REASONS: Final = (
    "layoff",
    "resignation",
    "retirement",
    "contract_end",
    "bankruptcy",
    "death",
    "disability",
)
#: School levels of the scholarship, in order ("none": not yet at school).
LEVELS: Final = ("none", "tk", "sd", "smp", "sma", "higher")
_SURVIVORS: Final = ("spouse", "child", "parent")
_PURPOSES: Final = ("housing", "other")
_CATEGORIES: Final = ("pu", "bpu", "construction", "migrant")


def _f(name: str) -> str:
    return f"claim.{name}"


def _choice(value: object, choices: Sequence[str], name: str) -> str:
    text = value.strip().lower() if isinstance(value, str) else ""
    if text not in choices:
        raise UnknownNameError(
            f"{_f(name)} must be one of {', '.join(choices)}; got {shown(value)}; "
            f"{did_you_mean(text, choices)}",
            field=_f(name),
            value=value,
            suggestions=list(choices),
        )
    return text


def _to_count(value: object, name: str) -> int | None:
    if value is None:
        return None
    return whole_number(value, field=_f(name), maximum=MAX_MONTHS, what=N_("months"))


def _to_money(value: object, name: str) -> Rupiah | None:
    if value is None:
        return None
    number = value.amount if isinstance(value, Rupiah) else as_decimal(value, field=_f(name))
    if number < 0:
        raise InvalidInputError(
            f"{_f(name)} must not be negative, got {value!r}.", field=_f(name), value=value
        )
    return Rupiah(number)


def _to_rate(value: object, name: str, upper: Decimal) -> Decimal | None:
    if value is None:
        return None
    number = as_decimal(value, field=_f(name))
    if number < 0 or number > upper:
        raise InvalidInputError(
            f"{_f(name)} must be between 0 and {upper}, got {value!r}.",
            field=_f(name),
            value=value,
        )
    return number


def _to_day(value: object, name: str) -> _dt.date | None:
    return None if value is None else to_date(value, field=_f(name))


def _to_choice(value: object, name: str, choices: Sequence[str]) -> str | None:
    return None if value is None else _choice(value, choices, name)


# One named converter per field: the attrs mypy plugin accepts only named functions.


def _school_level(value: object) -> str:
    return _choice(value, LEVELS, "children.school_level")


def _child_birth_date(value: object) -> _dt.date | None:
    return _to_day(value, "children.birth_date")


def _year_wage(value: object) -> Rupiah:
    amount = _to_money(value, "wage_history.wage")
    if amount is None:
        raise InvalidInputError(
            "claim.wage_history.wage is required: a monthly wage such as 5000000.",
            field="claim.wage_history.wage",
            value=value,
        )
    return amount


def _contribution_amount(value: object) -> Rupiah:
    amount = _to_money(value, "contributions.amount")
    if amount is None:
        raise InvalidInputError(
            "claim.contributions.amount is required: an amount such as 300000.",
            field="claim.contributions.amount",
            value=value,
        )
    return amount


def _event(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(
            f"claim.event must be an event name such as 'death', got {shown(value)}.",
            field="claim.event",
            value=value,
        )
    return value.strip().lower()


def _category(value: object) -> str | None:
    return _to_choice(value, "category", _CATEGORIES)


def _wage(value: object) -> Rupiah | None:
    return _to_money(value, "wage")


def _membership_months(value: object) -> int | None:
    return _to_count(value, "membership_months")


def _contribution_months(value: object) -> int | None:
    return _to_count(value, "contribution_months")


def _consecutive_months(value: object) -> int | None:
    return _to_count(value, "consecutive_months")


def _months_off_work(value: object) -> int | None:
    return _to_count(value, "months_off_work")


def _disability_percent(value: object) -> Decimal | None:
    return _to_rate(value, "disability_percent", Decimal(100))


def _average_indexed_wage(value: object) -> Rupiah | None:
    return _to_money(value, "average_indexed_wage")


def _balance(value: object) -> Rupiah | None:
    return _to_money(value, "balance")


def _assumed_return(value: object) -> Decimal | None:
    return _to_rate(value, "assumed_return", Decimal(1))


def _birth_date(value: object) -> _dt.date | None:
    return _to_day(value, "birth_date")


def _registered_on(value: object) -> _dt.date | None:
    return _to_day(value, "registered_on")


def _terminated_on(value: object) -> _dt.date | None:
    return _to_day(value, "terminated_on")


def _event_date(value: object) -> _dt.date | None:
    return _to_day(value, "event_date")


def _termination_reason(value: object) -> str | None:
    return _to_choice(value, "termination_reason", REASONS)


def _survivor(value: object) -> str | None:
    return _to_choice(value, "survivor", _SURVIVORS)


def _purpose(value: object) -> str | None:
    return _to_choice(value, "purpose", _PURPOSES)


def _citizen(value: object) -> bool | None:
    return None if value is None else flag(value, field="claim.citizen")


def _partial_claimed_before(value: object) -> bool | None:
    return None if value is None else flag(value, field="claim.partial_claimed_before")


def _year_wages(value: Iterable[YearWage]) -> tuple[YearWage, ...]:
    return tuple(value)


def _contributions(value: Iterable[Contribution]) -> tuple[Contribution, ...]:
    return tuple(value)


def _children(value: Iterable[Child]) -> tuple[Child, ...]:
    return tuple(value)


@attrs.frozen
class Child:
    """A child who may receive a scholarship."""

    school_level: str = attrs.field(converter=_school_level)
    birth_date: _dt.date | None = attrs.field(default=None, converter=_child_birth_date)


@attrs.frozen
class YearWage:
    """The monthly wage of one year of a wage history (``months`` paid that year)."""

    year: int
    wage: Rupiah = attrs.field(converter=_year_wage)
    months: int = 12


@attrs.frozen
class Contribution:
    """One JHT contribution paid for a month."""

    month: Month
    amount: Rupiah = attrs.field(converter=_contribution_amount)


def _program(value: object) -> Program:
    if isinstance(value, Program):
        return value
    text = value.strip().upper() if isinstance(value, str) else ""
    try:
        return Program(text)
    except ValueError:
        raise UnknownNameError(
            f"claim.program must be one of JKK, JKM, JHT, JP, JKP; got {shown(value)}; "
            f"{did_you_mean(text, [p.value for p in Program])}",
            field="claim.program",
            value=value,
            suggestions=[p.value for p in Program],
        ) from None


@attrs.frozen(kw_only=True)
class Claim:
    """A claim for a benefit: the program, the event and the facts known.

    Every fact is optional; a rule that needs a fact not given reports it in
    :attr:`Benefit.missing`. Facts that are malformed or contradict each other raise
    :class:`~perlindungan.errors.InvalidInputError` naming the field.
    """

    program: Program = attrs.field(converter=_program)
    event: str = attrs.field(converter=_event)
    category: str | None = attrs.field(default=None, converter=_category)
    wage: Rupiah | None = attrs.field(default=None, converter=_wage)
    membership_months: int | None = attrs.field(default=None, converter=_membership_months)
    contribution_months: int | None = attrs.field(default=None, converter=_contribution_months)
    consecutive_months: int | None = attrs.field(default=None, converter=_consecutive_months)
    months_off_work: int | None = attrs.field(default=None, converter=_months_off_work)
    disability_percent: Decimal | None = attrs.field(default=None, converter=_disability_percent)
    average_indexed_wage: Rupiah | None = attrs.field(default=None, converter=_average_indexed_wage)
    wage_history: tuple[YearWage, ...] = attrs.field(default=(), converter=_year_wages)
    balance: Rupiah | None = attrs.field(default=None, converter=_balance)
    contributions: tuple[Contribution, ...] = attrs.field(default=(), converter=_contributions)
    assumed_return: Decimal | None = attrs.field(default=None, converter=_assumed_return)
    birth_date: _dt.date | None = attrs.field(default=None, converter=_birth_date)
    registered_on: _dt.date | None = attrs.field(default=None, converter=_registered_on)
    terminated_on: _dt.date | None = attrs.field(default=None, converter=_terminated_on)
    event_date: _dt.date | None = attrs.field(default=None, converter=_event_date)
    termination_reason: str | None = attrs.field(default=None, converter=_termination_reason)
    children: tuple[Child, ...] = attrs.field(default=(), converter=_children)
    survivor: str | None = attrs.field(default=None, converter=_survivor)
    purpose: str | None = attrs.field(default=None, converter=_purpose)
    citizen: bool | None = attrs.field(default=None, converter=_citizen)
    partial_claimed_before: bool | None = attrs.field(
        default=None, converter=_partial_claimed_before
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
    months = _to_count(entry.get("months"), f"wage_history[{index}].months")
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
