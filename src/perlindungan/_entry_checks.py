"""The checks on one entry of the regulation data: its keys, its dates, and its value for
the parameter's unit (rates, amounts, counts, flags, names, bands)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from perlindungan._suggest import did_you_mean
from perlindungan._toml import TomlDocument
from perlindungan.errors import DataProblem
from perlindungan.parameters import Band

__all__ = ["check_keys", "convert_value", "is_date"]


def check_keys(
    doc: TomlDocument,
    path: str,
    table: dict[str, Any],
    allowed: set[str],
    required: set[str],
    problems: list[DataProblem],
) -> None:
    if table.keys() <= allowed and required <= table.keys():
        return  # the usual case, checked without a loop
    for key in table:
        if key not in allowed:
            problems.append(
                doc.problem(f"{path}.{key}", f"unknown key {key!r}; {did_you_mean(key, allowed)}")
            )
    for key in sorted(required - set(table)):
        problems.append(doc.problem(path, f"missing required key {key!r}"))


def is_date(value: object) -> bool:
    return isinstance(value, _dt.date) and not isinstance(value, _dt.datetime)


def convert_value(unit: str, raw: object) -> tuple[object, str | None]:
    """Convert a raw TOML value for ``unit``; return (value, error message)."""
    if unit in {"rate", "rupiah"}:
        if isinstance(raw, bool) or not isinstance(raw, (int, Decimal)):
            return None, f"must be a number for unit {unit!r}, got {raw!r}"
        value = Decimal(raw)
        if value < 0:
            return None, f"must not be negative, got {raw}"
        if unit == "rate" and value > 1:
            return None, f"a rate is a fraction (0.0024 for 0.24%), got {raw}"
        return value, None
    if unit in {"years", "months", "count"}:
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            return None, f"must be a whole number for unit {unit!r}, got {raw!r}"
        return raw, None
    if unit == "flag":
        if not isinstance(raw, bool):
            return None, f"must be true or false, got {raw!r}"
        return raw, None
    if unit == "names":
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            return None, f"must be a list of names, got {raw!r}"
        return tuple(raw), None
    if unit == "bands":
        return _convert_bands(raw)
    return None, f"unknown unit {unit!r}"  # pragma: no cover - unit checked before


def _convert_bands(raw: object) -> tuple[object, str | None]:
    if not isinstance(raw, list) or not raw:
        return None, "must be a non-empty list of {above = ..., rate = ...}"
    bands: list[Band] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict) or set(item) != {"above", "rate"}:
            return (
                None,
                f"band {index} must be {{above = <rupiah>, rate = <fraction>}}, got {item!r}",
            )
        above, rate = item["above"], item["rate"]
        if isinstance(above, bool) or not isinstance(above, (int, Decimal)) or above < 0:
            return None, f"band {index}: 'above' must be a non-negative number"
        if isinstance(rate, bool) or not isinstance(rate, (int, Decimal)) or not 0 <= rate <= 1:
            return None, f"band {index}: 'rate' must be a fraction between 0 and 1"
        if bands and Decimal(above) <= bands[-1].above:
            return None, f"band {index}: thresholds must go strictly upward"
        bands.append(Band(Decimal(above), Decimal(rate)))
    if bands[0].above != 0:
        return None, "the first band must start at above = 0"
    return tuple(bands), None
