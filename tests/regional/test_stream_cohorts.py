"""``scheme budget --roster`` streams the roster: the admitted people's cohorts and
sub-region counts, taken chunk by chunk from the engines of ``scheme evaluate``, give the
budget of the per-person engine's allocation, whatever the engine and the chunk size."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from importlib import resources
from pathlib import Path
from unittest import mock

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan import regional
from perlindungan.cli import _scheme, main
from perlindungan.regional import _stream
from perlindungan.regional._period import cohorts_from_allocation, period_budget
from perlindungan.regional._program import Quota, RegionalScheme

pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")
from perlindungan.regional._stream_cohorts import roster_cohorts  # noqa: E402

cells = {
    "role": st.sampled_from(["pekerja_rentan", "petugas_keagamaan", "", "tukang"]),
    "domicile": st.sampled_from(["15.71", "13.03", "36.73", "35.10", ""]),
    "birth_date": st.sampled_from(["1960-01-01", "1990-06-15", "", "1990-13-45"]),
    "category": st.sampled_from(["bpu", "pu", ""]),
    "income": st.sampled_from(["1000000", "2500000", ""]),
    "documents": st.sampled_from(["ktp", "ktp;kk", ""]),
    "sub_region": st.sampled_from(["RT 01", "RT 02", "13.03.04.2003", ""]),
    "activity_id": st.sampled_from(["A1", "A2", "A3", ""]),
    "activity_value": st.sampled_from(["100000000", "", "5000000000"]),
    "application_date": st.sampled_from(["2025-01-01", "2025-06-01", ""]),
    "nik": st.sampled_from(["", "", "3510165708850003", "12345"]),
}
rosters = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.sampled_from(["P1", "P2", "=X"])
            | st.text(alphabet="ab01", min_size=1, max_size=3)
        }
        | {k: v for k, v in cells.items() if k in regional.FACTS}
    ),
    max_size=40,
)


@st.composite
def schemes(draw: st.DrawFn) -> RegionalScheme:
    base = draw(st.sampled_from(regional.bundled_schemes()))
    if base.phased_places or base.quota.sub_region_split is not None:
        return base
    quota = Quota(
        total=draw(st.none() | st.integers(0, 20)),
        per_sub_region=draw(st.none() | st.integers(0, 4)),
    )
    return attrs.evolve(base, quota=quota)


def _write(path: Path, records: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(regional.FACTS), lineterminator="\n")
    writer.writeheader()
    writer.writerows([{k: r.get(k, "") for k in regional.FACTS} for r in records])
    path.write_text(out.getvalue(), encoding="utf-8")


def _day(program: RegionalScheme) -> _dt.date:
    return max([program.valid_from, *(ph.start for ph in program.phases)])


def _expected(program: RegionalScheme, roster: Path, on: _dt.date) -> tuple[object, object]:
    allocation = regional.run_roster(program, regional.read_roster(roster), on=on).allocation
    end = on.replace(year=on.year + 1)
    budget = period_budget(program, start=program.valid_from, end=end, allocation=allocation)
    return cohorts_from_allocation(program, allocation), budget.to_dict()


def _streamed(
    program: RegionalScheme, roster: Path, on: _dt.date, **kw: object
) -> tuple[object, object]:
    found = roster_cohorts(program, roster, on=on, **kw)  # type: ignore[arg-type]
    end = on.replace(year=on.year + 1)
    budget = period_budget(program, start=program.valid_from, end=end, allocation=found)
    return list(found.cohorts), budget.to_dict()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(schemes(), rosters, st.sampled_from([1, 4, 100_000]), st.integers(0, 10))
def test_streamed_cohorts_are_the_allocations(
    tmp_path_factory: pytest.TempPathFactory,
    program: RegionalScheme,
    records: list[dict[str, str]],
    chunk_rows: int,
    auto_rows: int,
) -> None:
    roster = tmp_path_factory.mktemp("cohorts") / "roster.csv"
    _write(roster, records)
    on = _day(program)
    expected = _expected(program, roster, on)
    for engine in ("memory", "duckdb"):
        assert _streamed(program, roster, on, engine=engine, chunk_rows=chunk_rows) == expected
    with mock.patch.object(_stream, "AUTO_ROWS", auto_rows):
        assert _streamed(program, roster, on, chunk_rows=chunk_rows) == expected


@pytest.mark.parametrize("program_id", [p.id for p in regional.bundled_schemes()])
@pytest.mark.parametrize("engine", ["memory", "duckdb"])
def test_bundled_rosters(tmp_path: Path, program_id: str, engine: str) -> None:
    found = resources.files("perlindungan") / "data" / "rosters" / f"{program_id}.csv"
    if not found.is_file():
        pytest.skip("no bundled roster")
    program = regional.scheme(program_id)
    roster = tmp_path / "roster.csv"
    roster.write_bytes(found.read_bytes())
    on = _day(program)
    assert _streamed(program, roster, on, engine=engine, chunk_rows=7) == _expected(
        program, roster, on
    )


def test_cli_budget_streams_the_roster_with_either_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "r.csv"
    record = {"role": "pekerja_rentan", "domicile": "15.71", "birth_date": "1980-01-01"}
    broken = [record | {"id": "P1", "birth_date": "1990-13-45"}, record | {"id": "P2"}]
    _write(roster, [record | {"id": f"P{i}"} for i in range(2, 9)] + broken)
    args = ["scheme", "budget", "kota-jambi-rentan-2025", "--roster", str(roster), "--format"]
    outputs = []
    for flags in (["memory"], ["duckdb", "--memory-limit", "128MB"], ["auto"]):
        assert main([*args, "json", "--engine", *flags]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    # the per-person engine (the path without numpy and pyarrow) gives the same budget
    with mock.patch.object(_scheme, "_streaming", return_value=False):
        assert main([*args, "json"]) == 0
    outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1] == outputs[2] == outputs[3]
    assert outputs[0]["source"] == "roster"


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--engine", "duckdb"], "--engine applies with --roster only"),
        (["--memory-limit", "1GB"], "--memory-limit applies with --roster only"),
        (["--roster", "r.csv", "--memory-limit", "1G"], "--memory-limit must be a size such as"),
    ],
)
def test_budget_flags_that_do_not_apply(
    capsys: pytest.CaptureFixture[str], flags: list[str], expected: str
) -> None:
    assert main(["scheme", "budget", "kota-serang-2026", "--lang", "en", *flags]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert len(err.strip().splitlines()) == 1
