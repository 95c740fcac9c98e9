"""perlindungan.batch against an OpenFisca model of the same rules.

The model (``benchmarks/openfisca_model``, the reference of ``benchmarks/bench_batch.py``)
is written independently of the library: OpenFisca variables and formulas, its parameters
read from the same TOML data with :mod:`tomllib`, the pension-age rule computed from the
dated schedule per worker (the library bisects for a cut-off birth date). Both must give
the same amount on every line of every worker, for months across the data's history.
"""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from perlindungan import parameter
from perlindungan.batch import contributions_batch

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import openfisca_model

#: every JP and JKP wage cap the data knows
CAPS = tuple(
    int(str(entry.value))
    for name in ("pu.jp.wage_cap", "pu.jkp.wage_cap")
    for entry in parameter(name).values
)


@pytest.fixture(scope="module")
def system() -> object:
    return openfisca_model.build_system()


def _population(rows: int, seed: int) -> dict[str, np.ndarray]:
    """Wage earners and non-wage earners, births dense around the pension age (1950-1975,
    every 29 February among them), wages at the caps and one rupiah either side."""
    rng = np.random.default_rng(seed)
    pu = rng.random(rows) < 0.8
    wage = np.maximum(np.round(rng.lognormal(np.log(5e6), 0.7, rows)), 1).astype(np.int64)
    edges = np.array([cap + step for cap in CAPS for step in (-1, 0, 1)])
    at_edge = rng.random(rows) < 0.2
    wage = np.where(at_edge, rng.choice(edges, rows), wage)
    first, last = np.datetime64("1950-01-01"), np.datetime64("1976-01-01")
    span = int((last - first) / np.timedelta64(1, "D"))
    birth = first + rng.integers(0, span, rows).astype("timedelta64[D]")
    leap = np.array([f"{y}-02-29" for y in range(1952, 1976, 4)], dtype="datetime64[D]")
    birth = np.where(rng.random(rows) < 0.05, rng.choice(leap, rows), birth)
    return {
        "category": np.where(pu, 0, 1).astype(np.int8),
        "wage": np.where(pu, wage, 0),
        "risk_class": rng.integers(1, 6, rows).astype(np.int8),
        "birth_date": birth.astype("datetime64[D]"),
        "income": np.where(pu, 0, np.clip(wage, 1_000_000, 20_700_000)),
        "with_jht": ~pu & (rng.random(rows) < 0.4),
    }


def _table(columns: dict[str, np.ndarray]) -> pa.Table:
    pu = columns["category"] == 0
    return pa.table(
        {
            "category": pa.DictionaryArray.from_arrays(
                pa.array(columns["category"]), pa.array(["pu", "bpu"])
            ),
            "wage": pa.array(columns["wage"], mask=~pu),
            "risk_class": pa.array(columns["risk_class"], mask=~pu),
            "birth_date": pa.array(columns["birth_date"], mask=~pu).cast(pa.date32()),
            "income": pa.array(columns["income"], mask=pu),
            "with_jht": pa.array(columns["with_jht"], mask=pu),
        }
    )


@pytest.mark.parametrize(
    "on",
    [
        "2015-07-01",
        "2016-03-01",
        "2019-01-01",
        "2021-02-01",  # JKP from 2 February 2021: not yet on the 1st
        "2021-03-01",
        "2022-01-01",
        "2024-12-01",
        "2025-01-01",
        "2025-06-01",  # the benchmark's month
        "2026-01-01",
        "2026-02-01",
        "2027-02-01",
    ],
)
def test_every_line_of_every_worker_equals_the_openfisca_model(system: object, on: str) -> None:
    day = _dt.date.fromisoformat(on)
    columns = _population(4_000, seed=day.toordinal())
    result = contributions_batch(_table(columns), on=day)
    assert not result.errors
    reference = openfisca_model.simulate(system, columns, on=day)
    for name in openfisca_model.OUTPUTS:
        differ = np.flatnonzero(result.arrays[name] != reference[name])
        assert differ.size == 0, (name, differ[:5], result.arrays[name][differ[:5]])
    assert openfisca_model.digest(result.arrays) == openfisca_model.digest(reference)
    # the population reaches both sides of the pension-age cut-off and of the caps
    due = reference["jp_worker"] > 0
    assert due.any()
    assert (~due & (columns["category"] == 0)).any()


def test_the_model_refuses_the_months_of_pp49_2020(system: object) -> None:
    columns = _population(10, seed=1)
    with pytest.raises(ValueError, match="PP 49/2020"):
        openfisca_model.simulate(system, columns, on=_dt.date(2020, 9, 1))
