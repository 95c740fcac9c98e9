"""How batch results are held: int32 amounts while they are small, totals added up on
demand, refused rows for a date without data, Arrow columns read without copies."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import perlindungan as pl
from perlindungan.batch import OUTPUT_COLUMNS, _vector, contributions_batch
from perlindungan.batch._columns import Bits, Days, Masked, normalise
from perlindungan.batch._vector import INT32_HEADROOM

PEOPLE: dict[str, list[Any]] = {
    "category": ["pu", "bpu", "pu"],
    "wage": [5_000_000, None, 12_000_000],
    "risk_class": [2, None, 5],
    "birth_date": [_dt.date(1990, 1, 1), None, _dt.date(1970, 6, 30)],
    "income": [None, 2_000_000, None],
    "with_jht": [None, True, None],
}


def test_amounts_are_int32_and_totals_int64_added_up_on_demand() -> None:
    result = contributions_batch(pa.table(PEOPLE), on="2025-06-01")
    assert {result.arrays[n].dtype for n in OUTPUT_COLUMNS[:9]} == {np.dtype(np.int32)}
    assert result.arrays["total"].dtype == np.int64
    parts = ["jkk_worker", "jkm_worker", "jht_worker", "jp_worker"]
    expected = sum(result.arrays[n].astype(np.int64) for n in parts)
    assert result.arrays["total_worker"].tolist() == expected.tolist()
    assert list(result.arrays) == list(OUTPUT_COLUMNS)
    assert result.totals()["total"] == sum(v for v in result.column("total") if v is not None)
    with pytest.raises(KeyError):
        result.arrays["totl"]
    with pytest.raises(pl.InvalidInputError, match="did you mean 'total'"):
        result.column("totl")


def test_large_amounts_make_every_column_int64() -> None:
    wage = INT32_HEADROOM * 100  # JHT 3.7% of it is above the int32 headroom
    data = {**PEOPLE, "wage": [5_000_000, None, wage]}
    result = contributions_batch(data, on="2025-06-01")
    assert {result.arrays[n].dtype for n in OUTPUT_COLUMNS} == {np.dtype(np.int64)}
    scalar = pl.contributions(
        pl.WageEarner(wage=wage, risk_class=5, birth_date="1970-06-30"), on="2025-06-01"
    )
    assert result.column("total")[2] == int(scalar.total)


def test_a_date_without_data_refuses_each_row_like_the_scalar_api() -> None:
    result = contributions_batch(pa.table(PEOPLE), on="2027-03-01")
    with pytest.raises(pl.NoValueInForceError) as scalar:
        pl.contributions(
            pl.WageEarner(wage=5_000_000, risk_class=2, birth_date="1990-01-01"), on="2027-03-01"
        )
    assert [(e.row, e.message) for e in result.errors] == [
        (0, str(scalar.value)),
        (2, str(scalar.value)),
    ]
    bpu = pl.contributions(pl.NonWageEarner(income=2_000_000, with_jht=True), on="2027-03-01")
    assert result.column("total")[1] == int(bpu.total) == 66_800


def test_arrow_columns_are_views_with_bitmaps_read_by_block() -> None:
    table = pa.table(PEOPLE).slice(1)  # an offset that is not a multiple of 8
    columns = normalise(table)
    wage, birth, flag = columns["wage"], columns["birth_date"], columns["with_jht"]
    assert isinstance(wage, Masked)
    assert isinstance(birth, Days)
    assert isinstance(flag.values, Bits)  # type: ignore[attr-defined]
    assert [wage[0], wage[1]] == [None, 12_000_000]
    assert birth[1] == np.datetime64("1970-06-30")
    assert [flag[0], flag[1]] == [True, None]
    assert wage.given(0, 2).tolist() == [False, True]
    assert flag[0:2] is not None
    bits = Bits(np.array([0b10110100, 0b00000001], dtype=np.uint8), 2, 7)
    assert bits[0:7].tolist() == [True, False, True, True, False, True, True]
    assert [bits[i] for i in range(7)] == bits[0:7].tolist()
    assert bits[-1] is True
    with pytest.raises(IndexError):
        bits[7]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(OUTPUT_COLUMNS), min_size=1, unique=True),
    st.booleans(),
    st.integers(1, 4),
)
def test_chosen_columns_equal_those_of_the_full_result(
    chosen: list[str], vectorised: bool, block: int
) -> None:
    data = {
        **{k: v * 3 for k, v in PEOPLE.items()},
        "category": ["pu", "bpu", "pu", "construction", "bpu", "pu", "pu", "xx", "bpu"],
        "contract_value": [None, None, None, 1_000_000_000, None, None, None, None, None],
    }
    data["wage"] = [5_000_000, None, 12_000_000, None, None, -1, 7_000_000, None, None]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_vector, "BLOCK_ROWS", block)
        full = contributions_batch(data, on="2025-06-01")
        part = contributions_batch(data, on="2025-06-01", columns=chosen, vectorised=vectorised)
    assert list(part.arrays) == [n for n in OUTPUT_COLUMNS if n in chosen]
    assert part.to_arrow().column_names == [*part.arrays, "error"]
    for name in chosen:
        assert part.column(name) == full.column(name)
    assert part.totals() == {n: v for n, v in full.totals().items() if n in chosen}
    assert [(e.row, e.message) for e in part.errors] == [(e.row, e.message) for e in full.errors]


def test_chosen_columns_are_checked() -> None:
    with pytest.raises(pl.InvalidInputError, match="did you mean 'total_worker'"):
        contributions_batch(PEOPLE, on="2025-06-01", columns=["total_workers"])
    with pytest.raises(pl.InvalidInputError, match="at least one output column"):
        contributions_batch(PEOPLE, on="2025-06-01", columns=[])
    result = contributions_batch(PEOPLE, on="2025-06-01", columns="total")
    assert result.arrays.stored == ("total",)
    assert result.column("total") == contributions_batch(PEOPLE, on="2025-06-01").column("total")
    with pytest.raises(pl.InvalidInputError, match="'jp_worker' was not computed"):
        result.column("jp_worker")
    derived = contributions_batch(
        PEOPLE,
        on="2025-06-01",
        columns=["jkk_worker", "jkm_worker", "jht_worker", "jp_worker", "total_worker"],
    )
    assert "total_worker" not in derived.arrays.stored
    assert derived.column("total_worker")[1] == 2_000_000 // 100 + 6_800 + 40_000
