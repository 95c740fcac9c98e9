"""Streamed CSV rosters read on the input layer: the payroll reader's cells, bounds and
messages, file lines, and every row accounted for (tests/batch/broken_rosters.toml)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

import pytest

from perlindungan.batch import RowError, read_chunks, write_roster_contributions
from perlindungan.errors import InvalidInputError
from perlindungan.payroll import RowError as PayrollError
from perlindungan.payroll import read_payroll_csv

FIXTURES = tomllib.loads((Path(__file__).parent / "broken_rosters.toml").read_text("utf-8"))
ON = "2025-06-01"


def _line_bytes(line: str) -> bytes:
    if line == "NOT_UTF8":
        return b"r,pu,5000000,1,1990-01-01,,,\xff,"
    line = line.replace("FIVE_THOUSAND_DIGITS", "9" * 5000).replace("LONG_CELL", "x" * 10_001)
    return line.encode("utf-8")


def _roster(tmp_path: Path, case: dict[str, Any], *, crlf: bool = False) -> Path:
    end = b"\r\n" if crlf else b"\n"
    good = FIXTURES["good"].encode()
    body = [FIXTURES["header"].encode(), good, _line_bytes(case["line"]), good]
    path = tmp_path / "roster.csv"
    path.write_bytes(end.join(body) + end)
    return path


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in FIXTURES["case"]])
@pytest.mark.parametrize("chunk_rows", [1, 2, 1000])
def test_broken_line(tmp_path: Path, case: dict[str, Any], chunk_rows: int) -> None:
    for crlf in (False, True):
        path = _roster(tmp_path, case, crlf=crlf)
        summary = write_roster_contributions(
            path, tmp_path / "out.csv", on=ON, chunk_rows=chunk_rows
        )
        assert summary.rows == 3  # rows in = rows out
        out = (tmp_path / "out.csv").read_text("utf-8").splitlines()
        assert len(out) == 1 + 3
        if not case.get("error", True):
            assert summary.errors == ()
            continue
        assert [(e.row, e.line) for e in summary.errors] == [(1, 3)]
        message = summary.errors[0].message
        assert case["expected"] in message
        if case.get("payroll", True):
            payroll = [e for e in read_payroll_csv(path) if isinstance(e, PayrollError)]
            assert [(e.row, e.message) for e in payroll] == [(3, message)]
        # the good lines around it are computed
        assert out[1].startswith('0,"ok",')
        assert out[3].startswith('2,"ok",')
        assert out[1].split(",")[2:] == out[3].split(",")[2:]


def test_blank_lines_and_file_lines(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        "\ufeffid;category;income\n\na;bpu;1000000\n   \nb;bpu;-1\n\n\nc;xx;\n",
        encoding="utf-8",
    )
    chunks = list(read_chunks(path, chunk_rows=2))
    assert [list(c.lines) for c in chunks] == [[3, 5], [8]]
    summary = write_roster_contributions(path, None, on=ON)
    assert summary.rows == 3
    assert [(e.row, e.line) for e in summary.errors] == [(1, 5), (2, 8)]


def test_lines_across_blocks(tmp_path: Path) -> None:
    # Small blocks: a block split by pyarrow, one with a quote read line by line, and a
    # last line without a line end; lines stay the file's.
    from perlindungan._input.blocks import csv_blocks  # noqa: PLC0415

    rows = [f"p{i},bpu,,,,{1_000_000 + i},,," for i in range(40)]
    rows[17] = 'q,bpu,,,,"1000000",,,'
    rows[29] = "bad,bpu,,,,-5,,,"
    path = tmp_path / "roster.csv"
    path.write_text(FIXTURES["header"] + "\n" + "\n".join(rows), encoding="utf-8")
    blocks = csv_blocks(path, columns=None, bad_bytes="row").blocks(64)
    found = [
        (int(line), b.columns["id"][i].as_py()) for b in blocks for i, line in enumerate(b.lines)
    ]
    assert found == [(i + 2, rows[i].split(",")[0]) for i in range(40)]
    summary = write_roster_contributions(path, None, on=ON, chunk_rows=7)
    assert [(e.row, e.line) for e in summary.errors] == [(29, 31)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty; the first line must be the header."),
        ("id,category,wage,wage\n", "column 'wage' appears twice in the header"),
        ("id,category,wages\n", "unknown column 'wages'; did you mean 'wage'?"),
        ("id,wage\n", "the header must have a column 'category'."),
        ("id;category,wage\n", "unknown column 'id;category'"),
    ],
)
def test_file_problems_raise_before_any_row(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=expected.replace("(", r"\(").replace("?", r"\?")):
        next(read_chunks(path))


def test_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInputError, match="FIFO, device or folder is refused"):
        next(read_chunks(fifo))


def test_ids_are_safe_in_csv_outputs(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("id,category,income\n=HYPERLINK(1),bpu,1000000\n", encoding="utf-8")
    write_roster_contributions(path, tmp_path / "out.csv", on=ON)
    assert "'=HYPERLINK(1)" in (tmp_path / "out.csv").read_text("utf-8")


def test_odd_cells_leave_the_rest_of_the_column_on_the_numpy_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One text cell in a number column sends only its row to the scalar path.
    from perlindungan.batch import _reference  # noqa: PLC0415

    called: list[int] = []
    original = _reference.quote_row

    def counted(columns: Any, index: int, on: Any) -> Any:
        called.append(index)
        return original(columns, index, on)

    monkeypatch.setattr(_reference, "quote_row", counted)
    path = tmp_path / "roster.csv"
    rows = ["id,category,wage,risk_class,birth_date"]
    rows += [f"w{i},pu,{5_000_000 + i},1,1990-01-01" for i in range(50)]
    rows[10] = "w9,pu,5_000_008,1,1990-01-01"  # the scalar API reads 5_000_008
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary = write_roster_contributions(path, None, on=ON)
    assert summary.errors == ()
    assert called == [9]
    assert isinstance(RowError(0, "x"), RowError)


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in FIXTURES["case"]])
def test_text_rosters_read_as_files(tmp_path: Path, case: dict[str, Any]) -> None:
    # A CSV body (the HTTP API's) gives the rows and errors of the same file streamed.
    from perlindungan.batch import contributions_batch, roster_from_text  # noqa: PLC0415

    path = _roster(tmp_path, case)
    streamed = write_roster_contributions(path, None, on=ON)
    raw = path.read_bytes()
    if not case.get("payroll", True):
        return  # not UTF-8: an HTTP body is refused whole before it is read as CSV
    result = contributions_batch(roster_from_text(raw.decode("utf-8")), on=ON)
    assert result.rows == streamed.rows
    assert [(e.row, e.line, e.message) for e in result.errors] == [
        (e.row, e.line, e.message) for e in streamed.errors
    ]
    assert result.totals() == streamed.totals
