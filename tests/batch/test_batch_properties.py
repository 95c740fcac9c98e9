"""The batch API gives the scalar API's amounts and errors, whatever the input form or chunking."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan import contributions
from perlindungan.batch import OUTPUT_COLUMNS, _vector, contributions_batch
from perlindungan.batch._vector import _last_birth_at_pension_age
from perlindungan.errors import InvalidInputError, PerlindunganError
from perlindungan.pension_age import pension_age_reached_on
from perlindungan.workers import SECTORS, worker_from_dict

DATES = [
    "2015-07-01",
    "2019-01-01",
    "2020-07-31",
    "2020-08-01",
    "2020-12-15",
    "2021-01-31",
    "2021-02-01",
    "2021-02-02",
    "2024-02-29",
    "2025-01-31",
    "2025-02-01",
    "2025-02-06",
    "2025-02-07",
    "2025-06-15",
    "2025-07-31",
    "2026-01-31",
    "2026-02-01",
    "2026-03-01",
]
# JP caps and their neighbours, BPU range ends, exact half-rupiah products (0.003 x 500,
# 0.0024 x 625, 0.02 x 25), and values outside the int64-safe range.
EDGE_AMOUNTS = [
    1,
    25,
    500,
    625,
    1250,
    208_333,
    999_999,
    1_000_000,
    1_000_001,
    5_000_000,
    10_042_300,
    10_547_399,
    10_547_400,
    10_547_401,
    11_086_300,
    11_086_301,
    12_000_000,
    20_699_999,
    20_700_000,
    20_700_001,
    10**15,
    10**17,
    0,
    -5,
]

amounts = st.one_of(st.sampled_from(EDGE_AMOUNTS), st.integers(1, 40_000_000))
days = st.one_of(
    st.sampled_from(DATES).map(_dt.date.fromisoformat),
    st.dates(_dt.date(2015, 7, 1), _dt.date(2027, 2, 28)),
)


@st.composite
def rows(draw: st.DrawFn, on: _dt.date) -> dict[str, Any]:
    category = draw(st.sampled_from(["pu"] * 6 + ["bpu"] * 3 + ["construction", "migrant", "xx"]))
    row: dict[str, Any] = {"category": category}
    if category == "pu" or draw(st.integers(0, 20)) == 0:
        row["wage"] = draw(st.one_of(amounts, st.none()) if category != "pu" else amounts)
        row["risk_class"] = draw(st.sampled_from([1, 2, 3, 4, 5, 5, 0, 6]))
        # Birthdays at pension age: someone turning 56-66 around the contribution month.
        age = draw(st.one_of(st.integers(56, 61), st.integers(17, 70)))
        shift = draw(st.sampled_from([0, 0, 0, 1, -1, 15, -40]))
        first = _dt.date(on.year - age, on.month, 1)
        last = (first + _dt.timedelta(days=32)).replace(day=1) - _dt.timedelta(days=1)
        # The pension age steps up on 1 January, so year ends are birthdays at the edge too.
        year_end = _dt.date(on.year - age, 12, 31)
        month_end = (on.replace(day=1) + _dt.timedelta(days=32)).replace(day=1)
        edge = _last_birth_at_pension_age(month_end - _dt.timedelta(days=1))
        birth = draw(st.sampled_from([first, last, year_end, edge, edge])) + _dt.timedelta(
            days=shift
        )
        row["birth_date"] = draw(
            st.one_of(st.just(birth), st.dates(_dt.date(1940, 1, 1), _dt.date(2030, 12, 31)))
        )
        if draw(st.booleans()):
            row["employer_sector"] = draw(st.sampled_from([*SECTORS, "mining", None]))
            row["employer_workers"] = draw(st.sampled_from([None, 0, 49, 50, 51, 3000]))
    if category == "bpu" or draw(st.integers(0, 20)) == 0:
        row["income"] = draw(amounts)
        row["with_jht"] = draw(st.sampled_from([True, False, None]))
    if category == "construction":
        row["contract_value"] = draw(st.sampled_from([100_000_000, 1_000_000_000, None]))
    if category == "migrant":
        row["contract_months"] = draw(st.sampled_from([6, 24, 36]))
    return row


def table_of(population: list[dict[str, Any]]) -> pa.Table:
    types = {
        "category": pa.string(),
        "wage": pa.int64(),
        "risk_class": pa.int64(),
        "birth_date": pa.date32(),
        "income": pa.int64(),
        "with_jht": pa.bool_(),
        "employer_sector": pa.string(),
        "employer_workers": pa.int64(),
        "contract_value": pa.int64(),
        "contract_months": pa.int64(),
    }
    names = [n for n in types if any(n in r for r in population)]
    return pa.table({n: pa.array([r.get(n) for r in population], type=types[n]) for n in names})


def worker_data(row: dict[str, Any]) -> dict[str, Any]:
    """The JSON-contract worker object of a row (employer facts nested, None left out)."""
    data = {k: v for k, v in row.items() if v is not None and not k.startswith("employer")}
    employer = {
        k.removeprefix("employer_"): v
        for k, v in row.items()
        if k.startswith("employer") and v is not None
    }
    if employer:
        data["employer"] = employer
    return data


def scalar(row: dict[str, Any], on: _dt.date) -> dict[str, int] | str:
    """What the scalar API says for one row: amounts per output column, or the message."""
    try:
        quote = contributions(worker_from_dict(worker_data(row), prefix=""), on=on)
    except PerlindunganError as exc:
        return str(exc)
    out = dict.fromkeys(OUTPUT_COLUMNS, 0)
    for line in quote.lines:
        amount = int(line.amount)
        out[f"{line.program.value.lower()}_{line.payer.value}"] += amount
        out[f"total_{line.payer.value}"] += amount
        out["total"] += amount
    return out


def check(population: list[dict[str, Any]], on: _dt.date, data: Any, **kw: Any) -> None:
    result = contributions_batch(data, on=on, **kw)
    errors = {e.row: e.message for e in result.errors}
    columns = {name: result.column(name) for name in OUTPUT_COLUMNS}
    for i, row in enumerate(population):
        expected = scalar(row, on)
        if isinstance(expected, str):
            assert errors.get(i) == expected, (i, row)
            assert all(columns[n][i] is None for n in OUTPUT_COLUMNS)
        else:
            assert i not in errors, (i, row, errors.get(i))
            assert {n: columns[n][i] for n in OUTPUT_COLUMNS} == expected, (i, row)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), days)
def test_batch_equals_scalar(data: st.DataObject, on: _dt.date) -> None:
    population = data.draw(st.lists(rows(on), min_size=1, max_size=40))
    table = table_of(population)
    check(population, on, table)
    check(population, on, table, vectorised=False)
    check(population, on, {n: table[n].to_pylist() for n in table.column_names})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), days, st.integers(1, 7))
def test_chunking_never_changes_results(data: st.DataObject, on: _dt.date, size: int) -> None:
    population = data.draw(st.lists(rows(on), min_size=1, max_size=30))
    table = table_of(population)
    whole = contributions_batch(table, on=on)
    for start in range(0, len(population), size):
        part = contributions_batch(table.slice(start, size), on=on)
        for name in OUTPUT_COLUMNS:
            assert part.column(name) == whole.column(name)[start : start + size]
        assert [(e.row + start, e.message) for e in part.errors] == [
            (e.row, e.message) for e in whole.errors if start <= e.row < start + size
        ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), days, st.integers(1, 5))
def test_internal_blocks_never_change_results(
    data: st.DataObject, on: _dt.date, block: int
) -> None:
    # The numpy path computes BLOCK_ROWS rows at a time; any block size gives the scalar
    # amounts (Arrow input read block by block from its buffers, and list input).
    population = data.draw(st.lists(rows(on), min_size=1, max_size=30))
    table = table_of(population)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_vector, "BLOCK_ROWS", block)
        check(population, on, table)
        check(population[1:], on, table.slice(1))  # buffers read from an offset
        check(population, on, {n: table[n].to_pylist() for n in table.column_names})


def test_pension_age_threshold_is_exact_day_by_day() -> None:
    # JP is not due exactly for birth dates up to the threshold (checked on every day of
    # birth around it, for the last day of months across the years the data cover).
    for year in range(2015, 2027):
        for month in (1, 2, 6, 12):
            last = (_dt.date(year, month, 28) + _dt.timedelta(days=4)).replace(day=1)
            last -= _dt.timedelta(days=1)
            threshold = _last_birth_at_pension_age(last)
            for delta in range(-800, 800):
                birth = threshold + _dt.timedelta(days=delta)
                assert (pension_age_reached_on(birth) <= last) == (delta <= 0)


def test_input_forms_and_explanations() -> None:
    frame = pd.DataFrame(
        {
            "category": ["pu", "bpu", "pu"],
            "wage": pd.array([10_000_000, None, 0], dtype="Int64"),
            "risk_class": pd.array([3, None, 1], dtype="Int64"),
            "birth_date": [_dt.date(1990, 5, 17), None, _dt.date(1990, 1, 1)],
            "income": pd.array([None, 1_000_000, None], dtype="Int64"),
        }
    )
    result = contributions_batch(frame, on="2024-06-01")
    assert result.column("total") == [1_000_000, 16_800, None]
    assert [(e.row, e.field) for e in result.errors] == [(2, "wage")]
    assert "JKK" in result.explain(0, "en")
    out = result.to_pandas()
    assert out["total"].isna().tolist() == [False, False, True]
    assert out["error"].tolist()[:2] == [None, None]
    assert result.to_arrow().column("total").null_count == 1
    assert list(result)[1]["jkm_worker"] == 6_800
    numpy_input = {
        "category": np.array(["pu"] * 3),
        "wage": np.array([5_000_000, 7_000_000, 20_000_000]),
        "risk_class": np.array([1, 2, 5], dtype=np.int8),
        "birth_date": np.array(["1990-01-01", "1960-01-01", "1980-02-29"], dtype="datetime64[D]"),
    }
    numpy_result = contributions_batch(numpy_input, on="2025-06-01")
    assert numpy_result.column("jp_worker") == [50_000, 0, 105_474]
    assert int(numpy_result.ok.sum()) == 3


def worker_error(row: dict[str, Any]) -> str | None:
    """The scalar API's message for a row whose worker is refused (whatever the date)."""
    try:
        worker_from_dict(worker_data(row), prefix="")
    except PerlindunganError as exc:
        return str(exc)
    return None


NO_DATE = "on must be given, as the on= argument or in the row's on column: an ISO date such as 2025-06-01."


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.one_of(st.none(), days), st.integers(1, 6))
def test_rows_with_their_own_dates_equal_the_scalar_api(
    data: st.DataObject, default: _dt.date | None, block: int
) -> None:
    # An ``on`` column gives each row its date; a missing cell falls back to ``on=``; a
    # date before July 2015 or no date at all is a refused row, as in the scalar API.
    early = _dt.date(2015, 6, 30)
    dates = data.draw(st.lists(st.one_of(days, st.none(), st.just(early)), min_size=1, max_size=30))
    population = [data.draw(rows(d or default or _dt.date(2025, 6, 1))) for d in dates]
    table = table_of(population).append_column("on", pa.array(dates, type=pa.date32()))
    as_text = {n: table[n].to_pylist() for n in table.column_names}
    as_text["on"] = [None if d is None else d.isoformat() for d in dates]
    for form in (table, as_text):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_vector, "BLOCK_ROWS", block)
            result = contributions_batch(form, on=default)
        errors = {e.row: e.message for e in result.errors}
        columns = {name: result.column(name) for name in OUTPUT_COLUMNS}
        for i, (row, day) in enumerate(zip(population, dates, strict=True)):
            when = day or default
            expected = worker_error(row) or NO_DATE if when is None else scalar(row, when)
            if isinstance(expected, str):
                assert errors.get(i) == expected, (i, row, when)
            else:
                assert {n: columns[n][i] for n in OUTPUT_COLUMNS} == expected, (i, row, when)
        if 0 not in errors:  # the explanation is the scalar quote for the row's own date
            assert result.quote(0).on == (dates[0] or default)


def test_on_is_required_without_an_on_column() -> None:
    with pytest.raises(InvalidInputError, match="on is required"):
        contributions_batch({"category": ["bpu"], "income": [1_000_000]})
