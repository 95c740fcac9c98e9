"""What grows with the roster stays out of memory: with the DuckDB engine, JSON lines
rosters find repeated ids and NIKs in DuckDB as CSV rosters do, and a run keeps only the
first row errors in memory (all are counted, written and reported as before)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan import regional
from perlindungan.regional import _stream
from perlindungan.regional._roster import Claims
from perlindungan.regional._stream import evaluate_roster_file

pytest.importorskip("pyarrow")
pytest.importorskip("duckdb")

FILES = ("decisions.csv", "allocation.csv", "budget.csv", "result.json", "report.txt")
PROGRAM = "kota-jambi-rentan-2025"
ON = "2025-06-01"

record = st.fixed_dictionaries(
    {
        # few ids and NIKs: many repeats, some on rows that have an error of their own
        "id": st.sampled_from(["P1", "P2", "P3", "=X", "", "P 4"]),
        "role": st.sampled_from(["pekerja_rentan", "petugas_keagamaan", "tukang", ""]),
        "domicile": st.sampled_from(["15.71", "13.03", ""]),
        # a birth date after the evaluation day is an error found when deciding
        "birth_date": st.sampled_from(["1980-01-01", "2099-01-01", "1990-13-45", ""]),
        "category": st.sampled_from(["bpu", "pu", ""]),
        "nik": st.sampled_from(["", "", "3510165708850003", "12345"]),
    }
)
rosters = st.lists(record | st.just({"broken": "yes"}), max_size=60)


def _write(path: Path, records: list[dict[str, str]]) -> None:
    """CSV or JSON lines (by the suffix); a ``broken`` record is a line that cannot be read."""
    if path.suffix == ".jsonl":
        lines = ['{"id": "B", oops' if "broken" in r else json.dumps(r) for r in records]
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = ["id", "role", "domicile", "birth_date", "category", "nik"]
    writer.writerow(names)
    for r in records:
        if "broken" in r:
            out.write('B1,"open quote\n')
        else:
            writer.writerow([r[n] for n in names])
    path.write_text(out.getvalue(), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rosters, st.sampled_from([".csv", ".jsonl"]), st.sampled_from([1, 7, 100_000]))
def test_first_errors_kept_and_every_file_the_per_person_engines(
    tmp_path_factory: pytest.TempPathFactory,
    records: list[dict[str, str]],
    suffix: str,
    chunk_rows: int,
) -> None:
    tmp = tmp_path_factory.mktemp("bounded")
    roster = tmp / f"roster{suffix}"
    _write(roster, records)
    program = regional.scheme(PROGRAM)
    result = regional.run_roster(program, regional.read_roster(roster), on=ON)
    result.write_files(tmp / "pp")
    expected = _files(tmp / "pp")
    # the report lists 20 errors: keep no more than that in memory
    with mock.patch.object(_stream, "KEPT_ERRORS", 20), mock.patch.object(_stream, "AUTO_ROWS", 4):
        for engine in ("memory", "duckdb", "auto"):
            out = tmp / engine
            summary = evaluate_roster_file(
                program, roster, out, on=ON, chunk_rows=chunk_rows, engine=engine
            )
            assert _files(out) == expected, engine
            assert summary.summary["row_errors"] == len(result.errors)
            assert list(summary.errors) == list(result.errors)[:20]


def test_json_lines_repeats_are_found_in_duckdb_not_in_memory(tmp_path: Path) -> None:
    roster = tmp_path / "roster.jsonl"
    base = {"role": "pekerja_rentan", "domicile": "15.71", "birth_date": "1980-01-01"}
    records = [
        base | {"id": "P1", "nik": "3510165708850003"},
        base | {"id": "P2"},
        base | {"id": "P1"},  # the id of line 1
        base | {"id": "P3", "nik": "3510165708850003"},  # the NIK of line 1
        base | {"id": "P2", "birth_date": "2099-01-01"},  # an error of its own, and a repeat
    ]
    _write(roster, records)
    program = regional.scheme(PROGRAM)
    regional.run_roster(program, regional.read_roster(roster), on=ON).write_files(tmp_path / "pp")
    refused = AssertionError("an id or NIK claimed in memory")
    with (
        mock.patch.object(Claims, "claim_id", side_effect=refused),
        mock.patch.object(Claims, "claim_nik", side_effect=refused),
    ):
        summary = evaluate_roster_file(program, roster, tmp_path / "duck", on=ON, engine="duckdb")
    assert _files(tmp_path / "duck") == _files(tmp_path / "pp")
    assert [(e.row, e.field) for e in summary.errors] == [(3, "id"), (4, "nik"), (5, "id")]
    assert summary.summary["rows"] == 5


def test_only_the_first_errors_stay_in_memory(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    good = {"role": "pekerja_rentan", "domicile": "15.71", "birth_date": "1980-01-01"}
    bad = good | {"birth_date": "1990-13-45"}
    records = [
        (bad if i % 2 else good) | {"id": f"P{i}", "category": "", "nik": ""} for i in range(60)
    ]
    _write(roster, records)
    program = regional.scheme(PROGRAM)
    expected = regional.run_roster(program, regional.read_roster(roster), on=ON)
    expected.write_files(tmp_path / "pp")
    with mock.patch.object(_stream, "KEPT_ERRORS", 20):
        summary = evaluate_roster_file(program, roster, tmp_path / "out", on=ON, chunk_rows=8)
    assert len(summary.errors) == 20
    assert summary.summary["row_errors"] == 30
    assert _files(tmp_path / "out") == _files(tmp_path / "pp")
    assert "... 10 " in (tmp_path / "out" / "report.txt").read_text(encoding="utf-8")
