"""CSV and Parquet rosters read in chunks give the same outputs as in one piece."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from perlindungan.batch import (
    OUTPUT_COLUMNS,
    iter_roster,
    read_chunks,
    write_roster_contributions,
)
from perlindungan.errors import InvalidInputError

ROWS = [
    "id,category,wage,risk_class,birth_date,income,with_jht,employer_sector,employer_workers",
    "a,pu,5000000,1,1990-01-01,,,,",
    "b,bpu,,,,1000000,true,,",
    "c,pu,12000000,5,1966-12-31,,,textile_apparel,120",
    "d,pu,-1,1,1990-01-01,,,,",
    "e,pu,5000000,9,1990-01-01,,,,",
    "f,bpu,,,,20700001,,,",
    "g,pu,7000000.5,2,1980-02-29,,,,",
    "h,pu,625,3,not-a-date,,,,",
    "i,construction,,,,,,,",
    "j,bpu,,,,1500000,ya,,",
]


def write_csv(path: Path, copies: int = 30) -> Path:
    body = ROWS[1:] * copies
    path.write_text("\n".join([ROWS[0], *body]) + "\n", encoding="utf-8")
    return path


def collect(
    source: Path, chunk_rows: int
) -> tuple[dict[str, list[int | None]], list[tuple[int, str]]]:
    seen: dict[str, list[int | None]] = {name: [] for name in OUTPUT_COLUMNS}
    errors: list[tuple[int, str]] = []
    for first, result in iter_roster(source, on="2025-06-01", chunk_rows=chunk_rows):
        assert result.rows <= chunk_rows
        for name in OUTPUT_COLUMNS:
            seen[name].extend(result.column(name))
        errors.extend((first + e.row, e.message) for e in result.errors)
    return seen, errors


@pytest.mark.parametrize("chunk_rows", [1, 7, 64])
def test_csv_chunks_equal_one_piece(tmp_path: Path, chunk_rows: int) -> None:
    source = write_csv(tmp_path / "roster.csv")
    assert collect(source, chunk_rows) == collect(source, 10_000)
    _, errors = collect(source, chunk_rows)
    assert len(errors) == 30 * 5  # d, e, f, h, i in every copy
    assert errors[0] == (3, "wage must be a positive amount of rupiah such as 5000000, got -1.")


def test_parquet_and_written_outputs_match(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "roster.csv")
    # Text columns in Parquet are read cell by cell as in CSV.
    header = ROWS[0].split(",")
    table = pacsv.read_csv(
        source,
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=True
        ),
    )
    pq.write_table(table, tmp_path / "roster.parquet", row_group_size=50)
    summaries = []
    for name in ("out.parquet", "out.csv"):
        for src in ("roster.csv", "roster.parquet"):
            summaries.append(
                write_roster_contributions(
                    tmp_path / src, tmp_path / f"{src}-{name}", on="2025-06-01", chunk_rows=17
                )
            )
    first = summaries[0]
    assert first.rows == 300
    for other in summaries[1:]:
        assert other.totals == first.totals
        assert [(e.row, e.message) for e in other.errors] == [
            (e.row, e.message) for e in first.errors
        ]
    out = pq.read_table(tmp_path / "roster.csv-out.parquet")
    assert out.column("row").to_pylist() == list(range(300))
    assert out.column("id").to_pylist()[:2] == ["a", "b"]
    assert out.column("total").null_count == 150
    assert sum(1 for _ in read_chunks(tmp_path / "roster.parquet", chunk_rows=50)) == 6


def test_bad_roster_names() -> None:
    with pytest.raises(InvalidInputError, match=r"\.csv or \.parquet"):
        next(read_chunks("roster.xlsx"))
    with pytest.raises(InvalidInputError, match="chunk_rows must be at least 1"):
        next(read_chunks("roster.csv", chunk_rows=0))


def test_rosters_with_chosen_columns_and_dates_per_row(tmp_path: Path) -> None:
    source = tmp_path / "roster.csv"
    source.write_text(
        "id,category,income,on\n"
        "a,bpu,1000000,2020-09-01\n"
        "b,bpu,1000000,\n"
        "c,bpu,1000000,2015-06-30\n",
        encoding="utf-8",
    )
    wanted = (name for name in ["total_worker", "total"])  # an iterator is read once
    summary = write_roster_contributions(
        source, tmp_path / "out.csv", on="2025-06-01", columns=wanted
    )
    assert summary.totals == {"total_worker": 168 + 16_800, "total": 168 + 16_800}
    assert [e.row for e in summary.errors] == [2]
    assert "2015-07-01 or later" in summary.errors[0].message
    lines = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == '"row","id","total_worker","total","error"'
