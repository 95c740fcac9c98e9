"""The facts of a benefit claim: their vocabularies and one converter per field, each
checking its value and naming the field when it is refused."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from perlindungan._i18n import N_
from perlindungan._input.flags import flag
from perlindungan._input.limits import MAX_MONTHS
from perlindungan._input.numbers import whole_number
from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError, UnknownNameError
from perlindungan.money import Rupiah, as_decimal
from perlindungan.programs import Program

__all__ = [
    "EVENTS",
    "LEVELS",
    "REASONS",
    "assumed_return",
    "average_indexed_wage",
    "balance",
    "birth_date",
    "category",
    "child_birth_date",
    "citizen",
    "consecutive_months",
    "contribution_amount",
    "contribution_months",
    "disability_percent",
    "event",
    "event_date",
    "membership_months",
    "months_off_work",
    "partial_claimed_before",
    "program",
    "purpose",
    "registered_on",
    "school_level",
    "survivor",
    "terminated_on",
    "termination_reason",
    "to_count",
    "wage",
    "year_wage",
]

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
#: Readable, translatable names of the reasons (the codes stay in the JSON contract).
REASON_LABELS: Final = {
    "layoff": N_("layoff"),
    "resignation": N_("resignation"),
    "retirement": N_("retirement"),
    "contract_end": N_("the end of a fixed-term contract"),
    "bankruptcy": N_("the employer's bankruptcy"),
    "death": N_("death"),
    "disability": N_("total permanent disability"),
}
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
            Message(
                "{field} must be one of {names}; got {value} ({hint})",
                field=_f(name),
                names=", ".join(choices),
                value=shown(value),
                hint=did_you_mean(text, choices),
            ),
            field=_f(name),
            value=value,
            suggestions=list(choices),
        )
    return text


def to_count(value: object, name: str) -> int | None:
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


def school_level(value: object) -> str:
    return _choice(value, LEVELS, "children.school_level")


def child_birth_date(value: object) -> _dt.date | None:
    return _to_day(value, "children.birth_date")


def year_wage(value: object) -> Rupiah:
    amount = _to_money(value, "wage_history.wage")
    if amount is None:
        raise InvalidInputError(
            "claim.wage_history.wage is required: a monthly wage such as 5000000.",
            field="claim.wage_history.wage",
            value=value,
        )
    return amount


def contribution_amount(value: object) -> Rupiah:
    amount = _to_money(value, "contributions.amount")
    if amount is None:
        raise InvalidInputError(
            "claim.contributions.amount is required: an amount such as 300000.",
            field="claim.contributions.amount",
            value=value,
        )
    return amount


def event(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(
            f"claim.event must be an event name such as 'death', got {shown(value)}.",
            field="claim.event",
            value=value,
        )
    return value.strip().lower()


def category(value: object) -> str | None:
    return _to_choice(value, "category", _CATEGORIES)


def wage(value: object) -> Rupiah | None:
    return _to_money(value, "wage")


def membership_months(value: object) -> int | None:
    return to_count(value, "membership_months")


def contribution_months(value: object) -> int | None:
    return to_count(value, "contribution_months")


def consecutive_months(value: object) -> int | None:
    return to_count(value, "consecutive_months")


def months_off_work(value: object) -> int | None:
    return to_count(value, "months_off_work")


def disability_percent(value: object) -> Decimal | None:
    return _to_rate(value, "disability_percent", Decimal(100))


def average_indexed_wage(value: object) -> Rupiah | None:
    return _to_money(value, "average_indexed_wage")


def balance(value: object) -> Rupiah | None:
    return _to_money(value, "balance")


def assumed_return(value: object) -> Decimal | None:
    return _to_rate(value, "assumed_return", Decimal(1))


def birth_date(value: object) -> _dt.date | None:
    return _to_day(value, "birth_date")


def registered_on(value: object) -> _dt.date | None:
    return _to_day(value, "registered_on")


def terminated_on(value: object) -> _dt.date | None:
    return _to_day(value, "terminated_on")


def event_date(value: object) -> _dt.date | None:
    return _to_day(value, "event_date")


def termination_reason(value: object) -> str | None:
    return _to_choice(value, "termination_reason", REASONS)


def survivor(value: object) -> str | None:
    return _to_choice(value, "survivor", _SURVIVORS)


def purpose(value: object) -> str | None:
    return _to_choice(value, "purpose", _PURPOSES)


def citizen(value: object) -> bool | None:
    return None if value is None else flag(value, field="claim.citizen")


def partial_claimed_before(value: object) -> bool | None:
    return None if value is None else flag(value, field="claim.partial_claimed_before")


def program(value: object) -> Program:
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
