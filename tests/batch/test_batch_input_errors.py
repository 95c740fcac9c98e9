"""Batch input that is not a table of columns is refused before any row is computed,
with the column named and a valid shape shown."""

from __future__ import annotations

import pytest

from perlindungan import NonWageEarner, contributions
from perlindungan.batch import contributions_batch
from perlindungan.errors import InvalidInputError


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ([1, 2], "columns", "batch input must be a mapping of column name to sequence"),
        ({"category": "pu"}, "category", "batch input must map column names to sequences"),
        ({"categroy": ["pu"]}, "categroy", "unknown column 'categroy'; did you mean 'category'?"),
        ({"wage": [1]}, "category", "batch input must have a category column"),
        (
            {"category": ["pu", "bpu"], "wage": [1]},
            "columns",
            "batch columns must all have the same length; got lengths [1, 2].",
        ),
    ],
    ids=["a-list", "a-text-column", "misspelt-column", "no-category", "ragged"],
)
def test_input_that_is_not_a_table_of_columns_is_refused(
    data: object, field: str, message: str
) -> None:
    with pytest.raises(InvalidInputError) as caught:
        contributions_batch(data, on="2025-06-01")
    assert caught.value.field == field
    assert str(caught.value).startswith(message)


def test_columns_may_be_any_sequence_or_iterable() -> None:
    as_lists = contributions_batch(
        {"category": ["bpu", "bpu"], "income": [1_000_000, 2_000_000]}, on="2025-06-01"
    ).to_dict()
    as_iterables = contributions_batch(
        {"category": ("bpu" for _ in range(2)), "income": iter([1_000_000, 2_000_000])},
        on="2025-06-01",
    ).to_dict()
    assert as_iterables == as_lists
    scalar = [
        int(contributions(NonWageEarner(income=income), on="2025-06-01").total)
        for income in (1_000_000, 2_000_000)
    ]
    assert [row["total"] for row in as_lists["rows"]] == scalar


def test_numpy_columns_of_any_width_read_as_the_same_cells() -> None:
    np = pytest.importorskip("numpy")
    as_lists = {
        "category": ["pu", "pu"],
        "wage": [5_000_000, 7_000_000],
        "risk_class": [1, 3],
        "birth_date": ["1990-01-01", "1960-02-03"],
    }
    as_arrays = {
        "category": np.array(["pu", "pu"]),
        "wage": np.array([5_000_000, 7_000_000], dtype=np.uint64),
        "risk_class": np.array([1, 3], dtype=np.uint8),
        "birth_date": np.array(["1990-01-01", "1960-02-03"], dtype="datetime64[D]"),
    }
    expected = contributions_batch(as_lists, on="2025-06-01").to_dict()
    assert contributions_batch(as_arrays, on="2025-06-01").to_dict() == expected
    assert [row["error"] for row in expected["rows"]] == [None, None]


def test_an_unsigned_wage_beyond_int64_is_a_row_error() -> None:
    np = pytest.importorskip("numpy")
    data = {
        "category": np.array(["pu"]),
        "wage": np.array([2**64 - 1], dtype=np.uint64),
        "risk_class": np.array([1], dtype=np.uint8),
        "birth_date": np.array(["1990-01-01"], dtype="datetime64[D]"),
    }
    result = contributions_batch(data, on="2025-06-01").to_dict()
    (error,) = result["errors"]
    assert (error["row"], error["field"]) == (0, "wage")
    assert error["message"].startswith("wage is too large")


def test_the_full_quote_of_one_row_is_the_scalar_one_or_the_rows_refusal() -> None:
    result = contributions_batch(
        {"category": ["bpu", "bpu"], "income": [1_000_000, -5]}, on="2025-06-01"
    )
    expected = contributions(NonWageEarner(income=1_000_000), on="2025-06-01")
    assert result.quote(0).to_dict() == expected.to_dict()
    with pytest.raises(InvalidInputError, match="income must be a positive amount") as caught:
        result.quote(1)
    assert caught.value.field == "income"
    for row in (2, -1):
        with pytest.raises(InvalidInputError, match=f"row must be from 0 to 1, got {row}"):
            result.quote(row)
