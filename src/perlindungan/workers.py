"""Workers of each category, as immutable values.

* :class:`WageEarner`: Penerima Upah (PU), paid a wage by an employer.
* :class:`NonWageEarner`: Bukan Penerima Upah (BPU), informal and self-employed workers
  who declare an income (community workers enrolled by local governments are BPU too).
* :class:`ConstructionProject`: a construction project (jasa konstruksi) registered on
  its contract value, and :class:`ConstructionWorker`, a listed worker with a known wage.
* :class:`MigrantWorker`: Pekerja Migran Indonesia (PMI), by placement contract length.

Amounts are exact: ``int``, ``Decimal`` or numeric strings; floats are refused, at run
time with :class:`~perlindungan.errors.MoneyTypeError` and by a type checker: the
constructors are typed (``wage: Rupiah | Decimal | int | str``), so mypy reports
``WageEarner(wage=5_000_000.0, ...)``.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from perlindungan._i18n import N_
from perlindungan._input.flags import flag
from perlindungan._input.prefix import with_prefix
from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan._participant import bpu_sector, employer_sector, employer_workers, paid_by
from perlindungan._repr import attrs_repr
from perlindungan._suggest import did_you_mean
from perlindungan._worker_values import positive_amount, whole_months
from perlindungan.dates import DateLike, to_date
from perlindungan.errors import InvalidInputError, UnknownNameError
from perlindungan.money import Amount, Rupiah
from perlindungan.programs import Payer

__all__ = [
    "SECTORS",
    "Category",
    "ConstructionProject",
    "ConstructionWorker",
    "Employer",
    "MigrantWorker",
    "NonWageEarner",
    "RiskClass",
    "WageEarner",
    "Worker",
    "worker_from_dict",
]

#: Sector names of the JSON contract; any other string means "another sector".
SECTORS: Final = (
    "food_beverage_tobacco",
    "textile_apparel",
    "leather",
    "footwear",
    "toys",
    "furniture",
)


class Category(enum.StrEnum):
    """A worker category. The values are part of the JSON contract."""

    PU = "pu"
    BPU = "bpu"
    CONSTRUCTION = "construction"
    MIGRANT = "migrant"


class RiskClass(enum.IntEnum):
    """JKK risk group of the workplace (PP 44/2015 Lampiran I)."""

    VERY_LOW = 1
    LOW = 2
    MEDIUM = 3
    HIGH = 4
    VERY_HIGH = 5


def _wage(value: Amount) -> Rupiah:
    return positive_amount(value, "wage")


def _income(value: Amount) -> Rupiah:
    return positive_amount(value, "income")


def _contract_value(value: Amount) -> Rupiah:
    return positive_amount(value, "contract_value")


def _risk_class(value: RiskClass | int | str) -> RiskClass:
    if isinstance(value, RiskClass):
        return value
    if isinstance(value, str) and value.strip() in {"1", "2", "3", "4", "5"}:
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5:
        return RiskClass(value)
    if isinstance(value, str) and value.strip().upper() in RiskClass.__members__:
        return RiskClass[value.strip().upper()]
    raise InvalidInputError(
        Message(
            "{field} must be a JKK risk group from 1 (very low, 0.24%) to 5 (very high, "
            "1.74%), got {value}.",
            field="risk_class",
            value=shown(value),
        ),
        field="risk_class",
        value=value,
    )


def _birth_date(value: DateLike) -> _dt.date:
    return to_date(value, field="birth_date")


@attrs_repr
@attrs.frozen(repr=False)
class Employer:
    """The facts about an employer that contributions depend on (relief schemes)."""

    sector: str | None = attrs.field(default=None, converter=employer_sector)
    workers: int | None = attrs.field(default=None, converter=employer_workers)


@attrs_repr
@attrs.frozen(kw_only=True, repr=False)
class WageEarner:
    """A wage earner (PU): monthly wage, JKK risk group and birth date (for JP)."""

    category: Category = attrs.field(default=Category.PU, init=False)
    wage: Rupiah = attrs.field(converter=_wage)
    risk_class: RiskClass = attrs.field(converter=_risk_class)
    birth_date: _dt.date = attrs.field(converter=_birth_date)
    employer: Employer | None = None


@attrs_repr
@attrs.frozen(kw_only=True, repr=False)
class NonWageEarner:
    """A non-wage earner (BPU): declared monthly income, and the facts relief depends on."""

    category: Category = attrs.field(default=Category.BPU, init=False)
    income: Rupiah = attrs.field(converter=_income)
    with_jht: bool = attrs.field(default=False)
    sector: str | None = attrs.field(default=None, converter=bpu_sector)
    paid_by: Payer = attrs.field(default=Payer.WORKER, converter=paid_by)

    @with_jht.validator
    def _check_jht(self, _attribute: object, value: object) -> None:
        if not isinstance(value, bool):
            raise InvalidInputError(
                f"with_jht must be true or false, got {value!r}.", field="with_jht", value=value
            )


@attrs_repr
@attrs.frozen(kw_only=True, repr=False)
class ConstructionProject:
    """A construction project registered on its contract value (nilai kontrak)."""

    category: Category = attrs.field(default=Category.CONSTRUCTION, init=False)
    contract_value: Rupiah = attrs.field(converter=_contract_value)


@attrs_repr
@attrs.frozen(kw_only=True, repr=False)
class ConstructionWorker:
    """A listed construction worker whose monthly wage is known.

    BPJS applies the highest JKK risk group to such workers (see the data file
    ``construction.toml``), so no risk class is asked for.
    """

    category: Category = attrs.field(default=Category.CONSTRUCTION, init=False)
    wage: Rupiah = attrs.field(converter=_wage)


def _contract_months(value: int | str) -> int:
    return whole_months(value)


def _jht_amount(value: Amount | None) -> Rupiah | None:
    if value is None:
        return None
    return positive_amount(value, "jht_amount")


@attrs_repr
@attrs.frozen(kw_only=True, repr=False)
class MigrantWorker:
    """A migrant worker (PMI) by length of the placement contract, in months."""

    category: Category = attrs.field(default=Category.MIGRANT, init=False)
    contract_months: int = attrs.field(converter=_contract_months)
    jht_amount: Rupiah | None = attrs.field(default=None, converter=_jht_amount)
    pre_placement: bool = attrs.field(default=True)

    @pre_placement.validator
    def _check_pre_placement(self, _attribute: object, value: object) -> None:
        flag(value, field="pre_placement")


Worker = WageEarner | NonWageEarner | ConstructionProject | ConstructionWorker | MigrantWorker

_FIELDS: Final[dict[Category, tuple[frozenset[str], frozenset[str]]]] = {
    # category: (required, optional)
    Category.PU: (frozenset({"wage", "risk_class", "birth_date"}), frozenset({"employer"})),
    Category.BPU: (frozenset({"income"}), frozenset({"with_jht", "sector", "paid_by"})),
    Category.CONSTRUCTION: (frozenset(), frozenset({"contract_value", "wage"})),
    Category.MIGRANT: (
        frozenset({"contract_months"}),
        frozenset({"with_jht", "jht_amount", "pre_placement"}),
    ),
}
_CATEGORY_VALUES: Final = frozenset(c.value for c in Category)
_ALL_FIELDS: Final = frozenset({"category"}).union(*(r | o for r, o in _FIELDS.values()))


def _at(prefix: str, name: str) -> str:
    return prefix + name


def _category(value: object, prefix: str) -> Category:
    if isinstance(value, str) and value.strip().lower() in _CATEGORY_VALUES:
        return Category(value.strip().lower())
    names = [c.value for c in Category]
    raise UnknownNameError(
        Message(
            "{field} must be one of {names}; got {value} ({hint})",
            field=_at(prefix, "category"),
            names=", ".join(names),
            value=shown(value),
            hint=did_you_mean(value if isinstance(value, str) else "", names),
        ),
        field=f"{prefix}category",
        value=value,
        suggestions=names,
    )


def _employer(value: object, prefix: str) -> Employer | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InvalidInputError(
            f"{prefix}employer must be an object such as "
            '{"sector": "textile_apparel", "workers": 120}.',
            field=f"{prefix}employer",
            value=value,
        )
    unknown = set(value) - {"sector", "workers"}
    if unknown:
        key = min(unknown)
        raise UnknownNameError(
            f"{prefix}employer.{key} is not a known field; "
            f"{did_you_mean(key, ['sector', 'workers'])}",
            field=f"{prefix}employer.{key}",
            value=key,
        )
    return Employer(sector=value.get("sector"), workers=value.get("workers"))


def worker_from_dict(data: Mapping[str, Any], *, prefix: str = "worker.") -> Worker:
    """Build a worker from the JSON contract's ``worker`` object.

    Unknown keys, keys another category uses, and missing required keys are errors
    naming the field (``worker.wage``) and its valid form.
    """
    if not isinstance(data, Mapping):
        raise InvalidInputError(
            f"{prefix.rstrip('.')} must be an object with a category and its fields.",
            field=prefix.rstrip("."),
            value=data,
        )
    if "category" not in data:
        raise InvalidInputError(
            Message(
                "{field} is required: one of pu, bpu, construction, migrant.",
                field=_at(prefix, "category"),
            ),
            field=f"{prefix}category",
        )
    category = _category(data["category"], prefix)
    required, optional = _FIELDS[category]
    for key in data:
        if key not in _ALL_FIELDS:
            raise UnknownNameError(
                Message(
                    "{field} is not a known field; {hint}",
                    field=_at(prefix, key),
                    hint=did_you_mean(key, _ALL_FIELDS),
                ),
                field=f"{prefix}{key}",
                value=key,
            )
        if key != "category" and key not in required | optional:
            raise InvalidInputError(
                Message(
                    "{field} does not apply to category {category}; its fields are {fields}.",
                    field=_at(prefix, key),
                    category=repr(category.value),
                    fields=", ".join(sorted(required | optional)),
                ),
                field=f"{prefix}{key}",
                value=data[key],
            )
    missing = sorted(k for k in required if data.get(k) is None)
    if missing:
        raise InvalidInputError(
            Message(
                "{field} is required for category {category}{hint}",
                field=_at(prefix, missing[0]),
                category=repr(category.value),
                hint=Message(_HINTS.get(missing[0], ".")),
            ),
            field=f"{prefix}{missing[0]}",
        )
    try:
        return _build(category, data, prefix)
    except InvalidInputError as exc:
        raise with_prefix(exc, prefix) from None


_HINTS: Final = {
    "wage": N_(": the monthly wage in rupiah, such as 5000000."),
    "risk_class": N_(": the JKK risk group, 1 to 5."),
    "birth_date": N_(" (JP stops at pension age): an ISO date such as 1990-05-17."),
    "income": N_(": the declared monthly income in rupiah, such as 1000000."),
    "contract_months": N_(": the placement contract length in months, such as 24."),
}


def _build(category: Category, data: Mapping[str, Any], prefix: str) -> Worker:
    if category is Category.PU:
        return WageEarner(
            wage=data["wage"],
            risk_class=data["risk_class"],
            birth_date=data["birth_date"],
            employer=_employer(data.get("employer"), prefix),
        )
    if category is Category.BPU:
        facts = {key: data.get(key) for key in ("sector", "paid_by")}
        return NonWageEarner(income=data["income"], with_jht=data.get("with_jht", False), **facts)
    if category is Category.CONSTRUCTION:
        has_contract = data.get("contract_value") is not None
        has_wage = data.get("wage") is not None
        if has_contract and has_wage:
            raise InvalidInputError(
                f"{prefix}contract_value and {prefix}wage cannot both be given: register a "
                "project on its contract value, or a listed worker on its monthly wage.",
                field=f"{prefix}contract_value",
            )
        if has_contract:
            return ConstructionProject(contract_value=data["contract_value"])
        if not has_wage:
            raise InvalidInputError(
                f"{prefix}contract_value is required for category 'construction': the contract "
                "value in rupiah, such as 250000000 (or wage, for a listed worker).",
                field=f"{prefix}contract_value",
            )
        return ConstructionWorker(wage=data["wage"])
    jht = data.get("jht_amount")
    with_jht = data.get("with_jht")
    if with_jht is not None and not isinstance(with_jht, bool):
        raise InvalidInputError(
            f"{prefix}with_jht must be true or false, got {with_jht!r}.",
            field=f"{prefix}with_jht",
            value=with_jht,
        )
    if with_jht and jht is None:
        raise InvalidInputError(
            f"{prefix}jht_amount is required when with_jht is true for a migrant worker: "
            "the monthly JHT amount chosen, such as 50000.",
            field=f"{prefix}jht_amount",
        )
    if with_jht is False and jht is not None:
        raise InvalidInputError(
            f"{prefix}jht_amount is given but with_jht is false.", field=f"{prefix}jht_amount"
        )
    pre = data.get("pre_placement", True)
    if not isinstance(pre, bool):
        raise InvalidInputError(
            f"{prefix}pre_placement must be true or false, got {pre!r}.",
            field=f"{prefix}pre_placement",
            value=pre,
        )
    return MigrantWorker(
        contract_months=data["contract_months"],
        jht_amount=Decimal(jht) if isinstance(jht, int) and not isinstance(jht, bool) else jht,
        pre_placement=pre,
    )
