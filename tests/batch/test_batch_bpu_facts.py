"""Batch equals scalar for non-wage earners with the facts relief depends on: the
participant's sector and who pays (valid, odd and invalid cells, around relief windows)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan import PerlindunganError, contributions
from perlindungan.batch import OUTPUT_COLUMNS, _vector, contributions_batch
from perlindungan.workers import worker_from_dict

# Relief window edges (PP 49/2020; PP 50/2025 for transport and for every sector).
DATES = [
    "2020-07-31",
    "2020-08-01",
    "2025-12-31",
    "2026-01-01",
    "2026-03-31",
    "2026-04-01",
    "2026-12-31",
    "2027-01-01",
    "2027-02-28",
]
SECTORS = ["transport", " transport ", "Transport", "retail", "", None]
PAYERS = ["worker", "government", "regional_budget", "village_budget", "other", "Other",
          "apbd", "employer", None]  # fmt: skip


@st.composite
def rows(draw: st.DrawFn) -> dict[str, Any]:
    category = draw(st.sampled_from(["bpu"] * 8 + ["pu"]))
    row: dict[str, Any] = {"category": category}
    if category == "pu":
        row |= {"wage": 5_000_000, "risk_class": 2, "birth_date": _dt.date(1990, 1, 1)}
    else:
        row["income"] = draw(
            st.one_of(st.sampled_from([1_000_000, 3_333_333, 20_700_000, 999_999]),
                      st.integers(1_000_000, 20_700_000))
        )  # fmt: skip
        row["with_jht"] = draw(st.sampled_from([True, False, None]))
    if category == "bpu" or draw(st.booleans()):
        row["sector"] = draw(st.sampled_from(SECTORS))
        row["paid_by"] = draw(st.sampled_from(PAYERS))
    return row


def scalar(row: dict[str, Any], on: _dt.date) -> dict[str, int] | str:
    data = {k: v for k, v in row.items() if v is not None}
    try:
        quote = contributions(worker_from_dict(data, prefix=""), on=on)
    except PerlindunganError as exc:
        return str(exc)
    out = dict.fromkeys(OUTPUT_COLUMNS, 0)
    for line in quote.lines:
        amount = int(line.amount)
        out[f"{line.program.value.lower()}_{line.payer.value}"] += amount
        out[f"total_{line.payer.value}"] += amount
        out["total"] += amount
    return out


def table_of(population: list[dict[str, Any]]) -> pa.Table:
    types = {
        "category": pa.string(),
        "wage": pa.int64(),
        "risk_class": pa.int64(),
        "birth_date": pa.date32(),
        "income": pa.int64(),
        "with_jht": pa.bool_(),
        "sector": pa.string(),
        "paid_by": pa.string(),
    }
    names = [n for n in types if any(n in r for r in population)]
    return pa.table({n: pa.array([r.get(n) for r in population], type=types[n]) for n in names})


def check(population: list[dict[str, Any]], on: _dt.date, data: Any) -> None:
    result = contributions_batch(data, on=on)
    errors = {e.row: e.message for e in result.errors}
    columns = {name: result.column(name) for name in OUTPUT_COLUMNS}
    for i, row in enumerate(population):
        expected = scalar(row, on)
        if isinstance(expected, str):
            assert errors.get(i) == expected, (i, row)
        else:
            assert i not in errors, (i, row, errors.get(i))
            assert {n: columns[n][i] for n in OUTPUT_COLUMNS} == expected, (i, row)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(DATES).map(_dt.date.fromisoformat), st.integers(1, 4))
def test_batch_equals_scalar_with_bpu_facts(data: st.DataObject, on: _dt.date, block: int) -> None:
    population = data.draw(st.lists(rows(), min_size=1, max_size=30))
    table = table_of(population)
    check(population, on, table)
    check(population, on, {n: table[n].to_pylist() for n in table.column_names})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_vector, "BLOCK_ROWS", block)
        check(population, on, table)


def test_facts_columns_of_other_types_go_to_the_scalar_path() -> None:
    population = [
        {"category": "bpu", "income": 1_000_000, "sector": 5, "paid_by": "worker"},
        {"category": "bpu", "income": 1_000_000, "sector": "transport", "paid_by": 7},
        {"category": "bpu", "income": 1_000_000},
    ]
    columns = {
        k: [r.get(k) for r in population] for k in ("category", "income", "sector", "paid_by")
    }
    on = _dt.date(2026, 2, 1)
    result = contributions_batch(columns, on=on)
    assert [e.row for e in result.errors] == [0, 1]
    assert result.column("total")[2] == scalar(population[2], on)["total"]  # type: ignore[index]
