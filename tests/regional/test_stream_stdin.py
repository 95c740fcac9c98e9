"""A roster on stdin (``--roster -``) is streamed as a file is: copied block by block to a
temporary file and read by the same block readers, with no row cap; the same files come
out as for the roster file, and broken input gets the file's own answer."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from perlindungan._input import spool as spool_module
from perlindungan._input.blocks import csv_blocks
from perlindungan._input.record_blocks import record_blocks
from perlindungan._input.spool import spool_stdin
from perlindungan.errors import InvalidInputError
from perlindungan.regional import FACTS, scheme
from perlindungan.regional._stream import evaluate_roster_file

pytest.importorskip("pyarrow")

FILES = ("decisions.csv", "allocation.csv", "budget.csv", "result.json", "report.txt")
SCHEME = "kota-jambi-rentan-2025"
# a byte-order mark, a CRLF line, a quote left open, too many cells, a repeated id, a bad
# date, a blank line: every kind of row error next to readable rows
BROKEN = (
    "\ufeffid,role,domicile,birth_date,category,income,covered_as_pu,documents\r\n"
    "P1,pekerja_rentan,15.71,1980-01-01,bpu,1000000,false,ktp\n"
    'P2,"pekerja_rentan,15.71,1980-01-01,bpu,1000000,false,ktp\n'
    "P3,pekerja_rentan,15.71,1980-01-01,bpu,1000000,false,ktp,extra\n"
    "P1,pekerja_rentan,15.71,1981-01-01,bpu,1000000,false,ktp\n"
    "\n"
    "P4,pekerja_rentan,15.71,1990-13-45,bpu,1000000,false,ktp\n"
    "P5,pekerja_rentan,15.71,1970-05-05,bpu,2000000,false,ktp;kk\n"
).encode()


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _cli(args: list[str], data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "perlindungan", *args],
        input=data,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_a_roster_piped_to_the_cli_gives_the_files_of_the_roster_file(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes(BROKEN)
    base = ["scheme", "evaluate", SCHEME, "--on", "2025-06-01", "--roster"]
    from_file = _cli([*base, str(roster), "--output", f"{tmp_path / 'file'}/"], b"")
    piped = _cli([*base, "-", "--output", f"{tmp_path / 'pipe'}/"], BROKEN)
    assert (from_file.returncode, piped.returncode) == (0, 0), piped.stderr
    for name in FILES:
        assert (tmp_path / "pipe" / name).read_bytes() == (tmp_path / "file" / name).read_bytes()
    # rows in = rows out + row errors: 6 records (the blank line is none), 4 of them errors
    text = (tmp_path / "pipe" / "decisions.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["row"] for r in rows] == ["2", "3", "4", "5", "7", "8"]
    assert [r["verdict"] for r in rows].count("error") == 4


def test_a_roster_piped_to_budget_gives_the_budget_of_the_roster_file(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes(BROKEN)
    base = ["scheme", "budget", SCHEME, "--on", "2025-06-01", "--format", "json", "--roster"]
    from_file = _cli([*base, str(roster)], b"")
    piped = _cli([*base, "-", "--engine", "duckdb"], BROKEN)
    assert (from_file.returncode, piped.returncode) == (0, 0), piped.stderr
    assert piped.stdout == from_file.stdout
    assert b'"source": "roster"' in piped.stdout


def test_a_broken_csv_on_stdin_gets_the_files_answer(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    bad = b"id,rol\nP1,x\n"  # a misspelt column: one error for the file
    roster.write_bytes(bad)
    base = ["scheme", "evaluate", SCHEME, "--roster"]
    from_file = _cli([*base, str(roster), "--output", f"{tmp_path / 'a'}/", "--lang", "en"], b"")
    piped = _cli([*base, "-", "--output", f"{tmp_path / 'b'}/", "--lang", "en"], bad)
    assert (from_file.returncode, piped.returncode) == (2, 2)
    message = piped.stderr.decode().strip()
    assert len(message.splitlines()) == 1
    assert message == from_file.stderr.decode().strip().replace(repr(str(roster))[1:-1], "<stdin>")
    assert "<stdin>:1" in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "<stdin>:1: the file is empty"),
        (b"\xef\xbb\xbf\n\n", "<stdin>:1: the file is empty"),
        (b"id\nP1\n\xff\n", "line 3 has the byte 0xff"),
    ],
)
def test_an_empty_or_undecodable_pipe_is_one_error(
    tmp_path: Path, data: bytes, expected: str
) -> None:
    done = _cli(
        ["scheme", "evaluate", SCHEME, "--roster", "-", "--output", f"{tmp_path}/", "--lang", "en"],
        data,
    )
    assert done.returncode == 2
    assert expected in done.stderr.decode()
    assert len(done.stderr.decode().strip().splitlines()) == 1


def test_stdin_is_copied_in_blocks_and_read_as_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spool_module, "_BLOCK", 7)  # many small blocks
    _stdin(monkeypatch, BROKEN)
    found = csv_blocks("-", columns=FACTS, required=("id",))
    assert (found.name, found.size) == ("<stdin>", len(BROKEN))
    blocks = list(found.blocks(16))
    assert sum(b.rows for b in blocks) == 6
    assert sorted(
        i + sum(b.rows for b in blocks[:k]) for k, b in enumerate(blocks) for i in b.problems
    ) == [1, 2]


def test_json_lines_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"id": "P1"}\n\n{"id": "P2", "rol": "x"}\nnot json\n'
    _stdin(monkeypatch, data)
    found = record_blocks("-", columns=FACTS, required=("id",), size=2)
    records = [r for block, _ in found.blocks for r in block]
    assert [(r.line, r.problem is None) for r in records] == [(1, True), (3, False), (4, False)]


def test_stdin_larger_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"id\n" + b"P1\n" * 100)
    with pytest.raises(InvalidInputError, match="roster on stdin is larger than 100 bytes"):
        spool_stdin(what="roster", field="roster", limit=100)


def test_an_endless_first_line_stops_early(monkeypatch: pytest.MonkeyPatch) -> None:
    """/dev/zero on stdin: refused once no reader could accept it, with the reader's
    message, long before the size limit."""
    monkeypatch.setattr(spool_module, "_LOOK_AHEAD", 10)
    _stdin(monkeypatch, b"\0" * 100)
    with pytest.raises(InvalidInputError, match="<stdin>:1: the line is longer than 50 bytes"):
        spool_stdin(what="roster", field="roster", line_limit=50)
    # a carriage return may end the lines of a CSV file (one without line feeds): the
    # copy goes on, and the reader decides
    _stdin(monkeypatch, b"id\r" + b"\0" * 100)
    with spool_stdin(what="roster", field="roster", line_limit=50) as copied:
        assert len(copied.read()) == 103
    # in JSON lines it does not
    _stdin(monkeypatch, b"id\r" + b"\0" * 100)
    with pytest.raises(InvalidInputError, match="longer than 50 bytes"):
        spool_stdin(what="roster", field="roster", line_limit=50, carriage_returns=False)


def test_dev_zero_on_stdin_is_refused_by_the_cli(tmp_path: Path) -> None:
    with Path("/dev/zero").open("rb") as zero:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "perlindungan",
                "scheme",
                "evaluate",
                SCHEME,
                "--roster",
                "-",
                "--output",
                f"{tmp_path}/",
                "--lang",
                "en",
            ],
            stdin=zero,
            capture_output=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 2
    assert "<stdin>:1: the line is longer than 16,777,216 bytes; refused." in done.stderr.decode()


def test_evaluate_roster_file_reads_stdin(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes(BROKEN)
    program = scheme(SCHEME)
    a = evaluate_roster_file(program, roster, tmp_path / "a", on="2025-06-01", chunk_rows=2)
    _stdin(monkeypatch, BROKEN)
    b = evaluate_roster_file(program, "-", tmp_path / "b", on="2025-06-01", chunk_rows=3)
    assert a.summary == b.summary
    assert (a.summary["rows"], a.summary["row_errors"]) == (6, 4)
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.slow
def test_more_than_a_million_rows_on_stdin(tmp_path: Path) -> None:
    """Past the 1,000,000 rows a roster read whole may have: stdin gives the report of the
    roster file (rows in = rows out + row errors)."""
    rows = 1_000_001
    line = b"pekerja_rentan,15.71,1980-01-01,bpu,1000000,false,ktp\n"
    roster = tmp_path / "roster.csv"
    with roster.open("wb") as handle:
        handle.write(b"id,role,domicile,birth_date,category,income,covered_as_pu,documents\n")
        for start in range(0, rows, 100_000):
            handle.write(
                b"".join(b"P%d," % i + line for i in range(start, min(start + 100_000, rows)))
            )
    base = ["scheme", "evaluate", SCHEME, "--on", "2025-06-01", "--lang", "en", "--output"]
    from_file = _cli([*base, str(tmp_path / "file.txt"), "--roster", str(roster)], b"")
    piped = _cli([*base, str(tmp_path / "pipe.txt"), "--roster", "-"], roster.read_bytes())
    assert (from_file.returncode, piped.returncode) == (0, 0), piped.stderr
    report = (tmp_path / "pipe.txt").read_text(encoding="utf-8")
    assert report == (tmp_path / "file.txt").read_text(encoding="utf-8")
    assert "Rows in: 1,000,001 = 1,000,001 decisions + 0 row errors" in report
