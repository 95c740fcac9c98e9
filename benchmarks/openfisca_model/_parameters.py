"""The model's parameters, read from perlindungan's TOML data when the system is built.

Nothing is copied by hand: each OpenFisca parameter is one parameter of the bundled TOML
files (``src/perlindungan/data/parameters/*.toml``, read with :mod:`tomllib`, decimals as
:class:`~decimal.Decimal`), with every dated value it has. Rates become whole parts per
million (``0.0024`` -> ``2400``; a rate with more than six decimals is refused), so that
the formulas compute in integers, exactly, as perlindungan does with Decimal.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib.resources import files
from typing import Any

from openfisca_core.parameters import ParameterNode

#: Rates are given to OpenFisca in parts per million.
PPM = 1_000_000

#: (OpenFisca name, perlindungan parameter name, unit); the OpenFisca tree nests at dots.
PARAMETERS = (
    *((f"pu.jkk_rate.risk_group_{group}", f"pu.jkk.rate.{group}", "rate") for group in range(1, 6)),
    ("pu.jkm_rate", "pu.jkm.rate", "rate"),
    ("pu.jht_employer_rate", "pu.jht.employer_rate", "rate"),
    ("pu.jht_worker_rate", "pu.jht.worker_rate", "rate"),
    ("pu.jp_employer_rate", "pu.jp.employer_rate", "rate"),
    ("pu.jp_worker_rate", "pu.jp.worker_rate", "rate"),
    ("pu.jp_wage_cap", "pu.jp.wage_cap", "rupiah"),
    ("pu.jkp_government_rate", "pu.jkp.government_rate", "rate"),
    ("pu.jkp_wage_cap", "pu.jkp.wage_cap", "rupiah"),
    ("jp.pension_age", "jp.pension_age", "years"),
    ("bpu.jkk_rate", "bpu.jkk.rate", "rate"),
    ("bpu.jkm_amount", "bpu.jkm.amount", "rupiah"),
    ("bpu.jht_rate", "bpu.jht.rate", "rate"),
    ("relief.pp49_2020_in_force", "relief.pp49_2020.in_force", "flag"),
)

#: The first month perlindungan computes contributions for (PP 44/45/46/2015 in force):
#: a parameter whose first value comes later (JKP, from 2 February 2021) is 0 before it.
FIRST = "2015-07-01"


def _dated_values(name: str) -> list[dict[str, Any]]:
    """The ``values`` list of perlindungan parameter ``name`` (``pu.jkk.rate.1``)."""
    namespace = name.split(".", maxsplit=1)[0]
    source = files("perlindungan") / "data" / "parameters" / f"{namespace}.toml"
    data: Any = tomllib.loads(source.read_text(encoding="utf-8"), parse_float=Decimal)
    for key in name.split("."):
        data = data[key]
    return list(data["values"])


def _openfisca_value(value: object, unit: str) -> int | bool:
    if unit == "flag":
        assert isinstance(value, bool), value
        return value
    if unit == "rate":
        exact = Decimal(value) * PPM  # type: ignore[arg-type]
        if exact != exact.to_integral_value():
            msg = f"a rate with more than six decimals cannot be given in ppm: {value}"
            raise ValueError(msg)
        return int(exact)
    assert isinstance(value, int), value
    return value


def parameter_tree() -> ParameterNode:
    """Every parameter of :data:`PARAMETERS` with its dated values, as OpenFisca's tree."""
    tree: dict[str, Any] = {}
    for openfisca_name, name, unit in PARAMETERS:
        values = {
            str(entry["since"]): {"value": _openfisca_value(entry["value"], unit)}
            for entry in _dated_values(name)
        }
        if FIRST not in values and min(values) > FIRST:
            values[FIRST] = {"value": False if unit == "flag" else 0}
        *path, leaf = openfisca_name.split(".")
        node = tree
        for key in path:
            node = node.setdefault(key, {})
        node[leaf] = {"description": f"perlindungan {name} ({unit})", "values": values}
    return ParameterNode("", data=tree)
