"""The allocation engines of the chunked roster path (in memory, out of core on DuckDB, and
``auto`` moving from one to the other mid-roster) write the per-person engine's files,
byte for byte, whatever the chunk size."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan import regional
from perlindungan.errors import InvalidInputError
from perlindungan.regional import _stream
from perlindungan.regional._program import Priority, Quota, RegionalScheme
from perlindungan.regional._stream import evaluate_roster_file

pytest.importorskip("pyarrow")
pytest.importorskip("duckdb")

FILES = ("decisions.csv", "allocation.csv", "budget.csv", "result.json", "report.txt")

# Few distinct values, so that many rows tie on the priority and the tie-break decides.
cells = {
    "role": st.sampled_from(["pekerja_rentan", "petugas_keagamaan", "guru_ngaji", "", "tukang"]),
    "domicile": st.sampled_from(["15.71", "13.03", "36.73", "35.10", ""]),
    "birth_date": st.sampled_from(["1960-01-01", "1990-06-15", "", "1990-13-45"]),
    "category": st.sampled_from(["bpu", "bpu", "pu", ""]),
    "income": st.sampled_from(["1000000", "2500000", ""]),
    "covered_as_pu": st.sampled_from(["false", "true", ""]),
    "documents": st.sampled_from(["ktp", "ktp;kk", ""]),
    "sub_region": st.sampled_from(["RT 01", "RT 02", "nagari silokek", "13.03.04.2003", ""]),
    "activity_id": st.sampled_from(["A1", "A2", ""]),
    "activity_value": st.sampled_from(["100000000", "", "5000000000"]),
    "application_date": st.sampled_from(["2025-01-01", "2025-06-01", ""]),
    "dtsen_decile": st.sampled_from(["1", "4", ""]),
    "disability": st.sampled_from(["true", "false", ""]),
}
cells = {k: v for k, v in cells.items() if k in regional.FACTS}
# a NIK used twice (by different ids, on lines in different chunks too) and a bad one
cells["nik"] = st.sampled_from(["", "", "3510165708850003", "3509011708850001", "12345"])
rosters = st.lists(
    st.fixed_dictionaries(
        {
            # ids repeat (row errors), need quoting, or look like formulas
            "id": st.sampled_from(["P1", "P2", "Q,1", "=X", "\u00e9"])
            | st.text(alphabet="ab01", min_size=1, max_size=4),
            **cells,
        }
    ),
    max_size=45,
)


@st.composite
def schemes(draw: st.DrawFn) -> RegionalScheme:
    base = draw(st.sampled_from(regional.bundled_schemes()))
    if base.phased_places or base.quota.sub_region_split is not None:
        return base  # allocated by the per-person engine in every engine
    quota = Quota(
        total=draw(st.none() | st.integers(0, 25)),
        per_role=draw(
            st.dictionaries(st.sampled_from(["pekerja_rentan", "guru_ngaji"]), st.integers(0, 8))
        ),
        per_sub_region=draw(st.none() | st.integers(0, 4)),
        sub_region_quotas=draw(st.dictionaries(st.sampled_from(["RT 01"]), st.integers(0, 3))),
    )
    then = draw(
        st.lists(
            st.sampled_from(
                ["earliest_application", "oldest_first", "lowest_income", "older_than_60"]
            ),
            unique=True,
            max_size=3,
        )
    )
    priority = Priority(roles=base.priority.roles, then=tuple(then))
    return attrs.evolve(base, quota=quota, priority=priority)


def _write_roster(path: Path, records: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(regional.FACTS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    path.write_text(out.getvalue(), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(schemes(), rosters, st.sampled_from([1, 3, 8, 100_000]), st.integers(0, 12))
def test_engines_write_the_per_person_engines_files(
    tmp_path_factory: pytest.TempPathFactory,
    program: RegionalScheme,
    records: list[dict[str, str]],
    chunk_rows: int,
    auto_rows: int,
) -> None:
    tmp = tmp_path_factory.mktemp("engines")
    roster = tmp / "roster.csv"
    _write_roster(roster, records)
    on = max(program.phases[-1].start if program.phases else program.valid_from, program.valid_from)
    regional.run_roster(program, regional.read_roster(roster), on=on).write_files(tmp / "pp")
    expected = _files(tmp / "pp")
    for engine in ("memory", "duckdb"):
        evaluate_roster_file(
            program, roster, tmp / engine, on=on, chunk_rows=chunk_rows, engine=engine
        )
        assert _files(tmp / engine) == expected, engine
    # auto: in memory first, moved to DuckDB once more than auto_rows rows wait
    with mock.patch.object(_stream, "AUTO_ROWS", auto_rows):
        evaluate_roster_file(program, roster, tmp / "auto", on=on, chunk_rows=chunk_rows)
    assert _files(tmp / "auto") == expected


@pytest.mark.parametrize("program_id", [p.id for p in regional.bundled_schemes()])
def test_bundled_rosters_on_duckdb(tmp_path: Path, program_id: str) -> None:
    from importlib import resources  # noqa: PLC0415

    found = resources.files("perlindungan") / "data" / "rosters" / f"{program_id}.csv"
    if not found.is_file():
        pytest.skip("no bundled roster")
    program = regional.scheme(program_id)
    roster = tmp_path / "roster.csv"
    roster.write_bytes(found.read_bytes())
    on = program.valid_from
    regional.run_roster(program, regional.read_roster(roster), on=on).write_files(tmp_path / "pp")
    for chunk_rows in (7, 100_000):
        out = tmp_path / f"duckdb-{chunk_rows}"
        evaluate_roster_file(program, roster, out, on=on, chunk_rows=chunk_rows, engine="duckdb")
        assert _files(out) == _files(tmp_path / "pp"), chunk_rows


def test_unknown_engine_is_refused(tmp_path: Path) -> None:
    program = regional.scheme("kota-jambi-rentan-2025")
    roster = tmp_path / "roster.csv"
    _write_roster(roster, [])
    with pytest.raises(InvalidInputError, match="engine must be one of auto, memory, duckdb"):
        evaluate_roster_file(program, roster, tmp_path / "out", on=program.valid_from, engine="x")


def test_cli_engine_duckdb(tmp_path: Path) -> None:
    from perlindungan.cli import main  # noqa: PLC0415

    program = regional.scheme("kota-jambi-rentan-2025")
    record = dict.fromkeys(regional.FACTS, "") | {"role": "pekerja_rentan", "domicile": "15.71"}
    roster = tmp_path / "roster.csv"
    _write_roster(roster, [record | {"id": f"P{i}"} for i in range(5)])
    args = ["scheme", "evaluate", program.id, "--roster", str(roster), "--output"]
    assert main([*args, f"{tmp_path / 'duck'}/", "--engine", "duckdb"]) == 0
    assert main([*args, f"{tmp_path / 'mem'}/", "--engine", "memory"]) == 0
    assert _files(tmp_path / "duck") == _files(tmp_path / "mem")
