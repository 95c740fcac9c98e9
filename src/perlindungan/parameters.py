"""Dated regulation parameters.

Every rate, cap, flat amount, band and age limit is a :class:`Parameter`: a name and a
sequence of :class:`DatedValue` entries, each in force from its ``since`` date until
the next one. Each entry carries its legal basis, article, status and confidence.
Asking for a date before the first entry, or after a parameter's ``known_until`` date
(for figures re-announced every year), raises :class:`NoValueInForceError`; the library
never falls back to zero or to a stale value.

>>> from perlindungan import parameter
>>> cap = parameter("pu.jp.wage_cap").at("2025-03-01")
>>> cap.value, str(cap.citation)
(Decimal('10547400'), 'Surat BPJS Ketenagakerjaan B/726/022025')
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import cache
from typing import Final, Generic, TypeVar, cast

import attrs

from perlindungan._context import OVERLAY, overlay_cache
from perlindungan._repr import attrs_repr
from perlindungan._suggest import did_you_mean
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError, NoValueInForceError, UnknownNameError
from perlindungan.legal import Citation, LegalBasis

__all__ = [
    "CONFIDENCES",
    "STATUSES",
    "UNITS",
    "Band",
    "DatedValue",
    "Parameter",
    "ParameterSet",
    "amount",
    "bands",
    "count",
    "flag",
    "names",
    "parameter",
    "parameters",
    "rate",
]

#: How a value came to be known.
STATUSES: Final = {
    "enacted": "read in the text of the regulation",
    "announced": "announced by BPJS Ketenagakerjaan or the ministry (circular letter, press)",
    "derived": "computed from a rule in the regulation; not published as a figure",
    "illustrative": "an example or assumption, not a legal fact",
}
#: How sure we are of a value (see docs/concepts.md).
CONFIDENCES: Final = {
    "C2": "confirmed by two or more independent sources or the regulation text",
    "C1": "one source only",
    "D": "derived by calculation from confirmed inputs",
    "M": "not verified; treat as a hypothesis",
}
#: The units a parameter may have, and the Python type of its values.
UNITS: Final = {
    "rate": "a fraction of a base, e.g. 0.0024 for 0.24%",
    "rupiah": "an amount of rupiah",
    "years": "a whole number of years",
    "months": "a whole number of months",
    "count": "a whole number",
    "flag": "true or false",
    "names": "a list of names",
    "bands": "marginal bands: a list of {above, rate}",
}

T = TypeVar("T")
Value = Decimal | int | bool | tuple[str, ...] | tuple["Band", ...]


@attrs_repr
@attrs.frozen(repr=False)
class Band:
    """One marginal band: ``rate`` applies to the part of the base above ``above``."""

    above: Decimal
    rate: Decimal


@attrs_repr
@attrs.frozen(repr=False)
class DatedValue(Generic[T]):
    """A value in force from ``since`` (inclusive) until the next entry."""

    value: T
    since: _dt.date
    citations: tuple[Citation, ...]
    status: str = "enacted"
    confidence: str = "C2"
    note: str | None = None
    until: _dt.date | None = None

    @property
    def citation(self) -> Citation:
        """The first (main) citation."""
        return self.citations[0]

    @property
    def basis(self) -> LegalBasis:
        """The main legal instrument."""
        return self.citations[0].basis

    def cite(self) -> str:
        """All citations joined: ``PP 45/2015 Pasal 29 ayat (2); ...``."""
        return "; ".join(str(c) for c in self.citations)


@attrs_repr
@attrs.frozen(repr=False)
class Parameter(Generic[T]):
    """A named regulation parameter whose value changes over time."""

    name: str
    unit: str
    label_en: str
    label_id: str
    values: tuple[DatedValue[T], ...]
    known_until: _dt.date | None = None
    file: str = ""
    _sinces: tuple[_dt.date, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_sinces", tuple(v.since for v in self.values))

    @property
    def earliest(self) -> _dt.date:
        """The date the first known value takes effect."""
        return self.values[0].since

    def in_force(self, on: _dt.date | str) -> bool:
        """True when a value is in force on ``on`` (a scenario's override counts)."""
        d = to_date(on)
        layer = OVERLAY.get()
        if layer is not None and layer.entry(self.name, d) is not None:
            return True
        if d < self.earliest or (self.known_until is not None and d > self.known_until):
            return False
        return not self._entry_index_repealed(d)

    def _entry_index_repealed(self, d: _dt.date) -> bool:
        index = bisect.bisect_right(self._sinces, d) - 1
        entry = self.values[index]
        return entry.until is not None and d > entry.until

    def at(self, on: _dt.date | str) -> DatedValue[T]:
        """The entry in force on ``on``.

        Raises :class:`NoValueInForceError` (naming the parameter, the date and the
        earliest date known) when there is none. Inside a what-if scenario (see
        :mod:`perlindungan._overlay`) the scenario's override, when it has one, comes first.
        """
        d = on if type(on) is _dt.date else to_date(on)
        layer = OVERLAY.get()
        if layer is not None:
            hit = layer.entry(self.name, d)
            if hit is not None:
                return cast("DatedValue[T]", hit)
        index = bisect.bisect_right(self._sinces, d) - 1
        if index < 0:
            raise NoValueInForceError(self.name, d, self.earliest, self.known_until)
        entry = self.values[index]
        if (self.known_until is not None and d > self.known_until) or (
            entry.until is not None and d > entry.until
        ):
            raise NoValueInForceError(self.name, d, self.earliest, entry.until or self.known_until)
        return entry

    def value_at(self, on: _dt.date | str) -> T:
        """Just the value in force on ``on``."""
        return self.at(on).value

    def label(self, locale: str = "id_ID") -> str:
        """The label in Bahasa Indonesia (default) or English."""
        return self.label_en if locale.lower().startswith("en") else self.label_id


@attrs_repr
@attrs.frozen(repr=False)
class ParameterSet(Mapping[str, Parameter[object]]):
    """All parameters, by name."""

    by_name: Mapping[str, Parameter[object]]
    bases: Mapping[str, LegalBasis]

    def __getitem__(self, name: str) -> Parameter[object]:
        try:
            return self.by_name[name]
        except KeyError:
            raise UnknownNameError(
                f"Unknown parameter {name!r}; {did_you_mean(name, self.by_name)}",
                field="parameter",
                value=name,
            ) from None

    def __contains__(self, name: object) -> bool:
        # Mapping's own test calls __getitem__ and expects a KeyError, which the refusal
        # above is not: ``"x" in parameters()`` is False, not an error
        return name in self.by_name

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_name)

    def __len__(self) -> int:
        return len(self.by_name)

    def basis(self, basis_id: str) -> LegalBasis:
        """A legal basis from the catalogue by id."""
        try:
            return self.bases[basis_id]
        except KeyError:
            raise UnknownNameError(
                f"Unknown legal basis {basis_id!r}; {did_you_mean(basis_id, self.bases)}",
                field="basis",
                value=basis_id,
            ) from None


@cache
def parameters() -> ParameterSet:
    """The bundled regulation parameters (loaded once, validated strictly)."""
    # import cycle: _loading imports this module (through _entry_checks)
    from perlindungan._loading import load_bundled  # noqa: PLC0415

    return load_bundled()


def parameter(name: str) -> Parameter[object]:
    """One bundled parameter by name, e.g. ``parameter("pu.jp.wage_cap")``."""
    return parameters()[name]


# -- typed access -------------------------------------------------------------------------
#
# The loader has checked every value against its parameter's unit, so the unit says the
# Python type of the value: these accessors check the unit (not the value) and give the
# entry its type. Each is cached per (name, date): the bundled data is read once per
# process, its entries are immutable, and a quote asks for the same parameters on the same
# date again and again. A date with no value raises each time (exceptions are not cached).
# Inside a what-if scenario the entry is the scenario's override when it has one
# (:meth:`Parameter.at`), and the cache is keyed by the scenario too.

_ACCESSORS: Final = {
    "rate": ("rate",),
    "amount": ("rupiah",),
    "count": ("count", "years", "months"),
    "flag": ("flag",),
    "names": ("names",),
    "bands": ("bands",),
}


@overlay_cache(maxsize=8192)
def _entry(name: str, on: _dt.date, accessor: str) -> DatedValue[object]:
    found = parameter(name)
    units = _ACCESSORS[accessor]
    if found.unit not in units:
        right = next(a for a, u in _ACCESSORS.items() if found.unit in u)
        raise InvalidInputError(
            f"Parameter {name!r} has unit {found.unit!r}: read it with {right}(), "
            f"not {accessor}().",
            field="parameter",
            value=name,
        )
    return found.at(on)


def rate(name: str, on: _dt.date) -> DatedValue[Decimal]:
    """The entry of a ``rate`` parameter in force on ``on`` (an exact fraction)."""
    return cast("DatedValue[Decimal]", _entry(name, on, "rate"))


def amount(name: str, on: _dt.date) -> DatedValue[Decimal]:
    """The entry of a ``rupiah`` parameter in force on ``on`` (exact rupiah)."""
    return cast("DatedValue[Decimal]", _entry(name, on, "amount"))


def count(name: str, on: _dt.date) -> DatedValue[int]:
    """The entry of a ``count``, ``years`` or ``months`` parameter in force on ``on``."""
    return cast("DatedValue[int]", _entry(name, on, "count"))


def flag(name: str, on: _dt.date) -> DatedValue[bool]:
    """The entry of a ``flag`` parameter in force on ``on``."""
    return cast("DatedValue[bool]", _entry(name, on, "flag"))


def names(name: str, on: _dt.date) -> DatedValue[tuple[str, ...]]:
    """The entry of a ``names`` parameter in force on ``on``."""
    return cast("DatedValue[tuple[str, ...]]", _entry(name, on, "names"))


def bands(name: str, on: _dt.date) -> DatedValue[tuple[Band, ...]]:
    """The entry of a ``bands`` parameter in force on ``on`` (marginal bands, upward)."""
    return cast("DatedValue[tuple[Band, ...]]", _entry(name, on, "bands"))
