"""An OpenFisca model of the same contribution rules, for ``benchmarks/bench_batch.py``.

A small OpenFisca tax-benefit system (entities, variables, parameters) that computes a
month's BPJS Ketenagakerjaan contributions of the benchmark's synthetic population: wage
earners (JKK, JKM, JHT, JP and the government's JKP) and non-wage earners (JKK, JKM and
the optional JHT). Its parameters are read from perlindungan's TOML data when the system
is built (``_parameters``); its formulas are written the way an OpenFisca country package
writes them (``_variables``): OpenFisca is the reference, computed in its default way
(a default simulation, inputs set with ``set_input``, each output with ``calculate``).

    system = build_system()
    arrays = simulate(system, columns, on=datetime.date(2025, 6, 1))

Needs the ``bench`` extra (``pip install -e '.[bench]'``: openfisca-core).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Mapping
from typing import Any

import numpy as np
from openfisca_core.periods import period as _period
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from ._parameters import parameter_tree
from ._variables import ENTITIES, FORMULAS, INPUTS

__all__ = ["OUTPUTS", "build_system", "digest", "simulate"]

#: The contribution columns, named and ordered as perlindungan.batch names them.
OUTPUTS = (
    "jkk_employer",
    "jkk_worker",
    "jkm_employer",
    "jkm_worker",
    "jht_employer",
    "jht_worker",
    "jp_employer",
    "jp_worker",
    "jkp_government",
)


def build_system() -> TaxBenefitSystem:
    """The tax-benefit system: entities, variables and the parameters of the TOML data."""
    system = TaxBenefitSystem(list(ENTITIES))
    system.parameters = parameter_tree()
    for variable in (*INPUTS, *FORMULAS):
        system.add_variable(variable)
    return system


def simulate(
    system: TaxBenefitSystem, columns: Mapping[str, np.ndarray], *, on: _dt.date
) -> dict[str, np.ndarray]:
    """Each of :data:`OUTPUTS` for the month of ``on`` (the first day of a month).

    ``columns``: ``category`` (0 wage earner, 1 non-wage earner), ``wage``,
    ``risk_class`` (1-5), ``birth_date`` (datetime64[D]), ``income``, ``with_jht``, one
    value per worker (a wage earner's income and a non-wage earner's wage are ignored).
    """
    if on.day != 1:
        msg = f"OpenFisca's month starts on its first day; got {on}"
        raise ValueError(msg)
    month = _period(f"{on.year}-{on.month:02d}")
    count = len(columns["category"])
    simulation = SimulationBuilder().build_default_simulation(system, count)
    simulation.set_input("category", month, np.asarray(columns["category"], dtype=np.int16))
    simulation.set_input("wage", month, columns["wage"])
    simulation.set_input("risk_group", month, np.asarray(columns["risk_class"], dtype=np.int16) - 1)
    simulation.set_input("birth_date", _period("eternity"), columns["birth_date"])
    simulation.set_input("income", month, columns["income"])
    simulation.set_input("with_jht", month, columns["with_jht"])
    return {name: simulation.calculate(name, month) for name in OUTPUTS}


def digest(arrays: Mapping[str, Any]) -> str:
    """SHA-256 of the :data:`OUTPUTS` columns as little-endian int64, in that order."""
    hashed = hashlib.sha256()
    for name in OUTPUTS:
        hashed.update(np.ascontiguousarray(arrays[name], dtype="<i8").tobytes())
    return hashed.hexdigest()
