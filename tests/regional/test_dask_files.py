"""The five files of ``scheme evaluate --output DIR/`` from a Dask roster on a LocalCluster:
the memory engine's files, byte for byte, for schemes with places per phase, a quota split
among sub-regions and the NIK area code as the domicile, at 1, 2 and 5 partitions."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan import regional
from perlindungan.regional import evaluate_roster_file
from perlindungan.regional._program import Priority, Quota, RegionalScheme

dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")

FILES = ("decisions.csv", "allocation.csv", "budget.csv", "result.json", "report.txt")
HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": ":0"},
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def dask_roster(path: Path, partitions: int) -> Any:
    """The roster file as a Dask DataFrame of text cells with each row's file line."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame.assign(row=range(2, len(frame) + 2))
    return dd.from_pandas(frame, npartitions=partitions, sort=False)


def _bundled(program_id: str) -> Path:
    found = resources.files("perlindungan") / "data" / "rosters" / f"{program_id}.csv"
    return Path(str(found))


def _case(name: str) -> tuple[regional.RegionalScheme, Path, Any]:
    if name == "nik-domicile":
        program = regional.load_scheme(HERE / "nik_domicile" / "program.toml")
        return program, HERE / "nik_domicile" / "roster.csv", program.valid_from
    base = regional.scheme("kota-jambi-kampung-bahagia")
    one, two = base.phases
    if name == "phased-places":  # construction, 30 and 20 places in its two phases
        program = attrs.evolve(
            base,
            phases=(attrs.evolve(one, places=30), attrs.evolve(two, places=20)),
            quota=attrs.evolve(base.quota, phase_quotas="added"),
        )
        return program, _bundled(base.id), two.start
    program = regional.scheme(name)
    return program, _bundled(name), program.valid_from


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


def _same(tmp_path: Path, name: str, partitions: int) -> None:
    program, path, on = _case(name)
    evaluate_roster_file(program, path, tmp_path / "memory", on=on, engine="memory")
    regional.evaluate_dask_files(program, dask_roster(path, partitions), tmp_path / "dask", on=on)
    assert _files(tmp_path / "dask") == _files(tmp_path / "memory")


# places per phase (construction: budget per activity), a quota split among sub-regions
# (banyuwangi), the NIK area code as domicile: one partitioning each here, all three slow
@pytest.mark.parametrize(
    ("name", "partitions"),
    [("phased-places", 2), ("banyuwangi-rentan-2023", 5), ("nik-domicile", 1)],
)
@pytest.mark.usefixtures("client")
def test_dask_files_are_the_memory_engines(tmp_path: Path, name: str, partitions: int) -> None:
    _same(tmp_path, name, partitions)


@pytest.mark.slow
@pytest.mark.parametrize("partitions", [1, 2, 5])
@pytest.mark.parametrize(
    "name",
    [
        "phased-places",
        "nik-domicile",
        *(p.id for p in regional.bundled_schemes() if _bundled(p.id).is_file()),
    ],
)
@pytest.mark.usefixtures("client")
def test_every_scheme_at_every_partitioning(tmp_path: Path, name: str, partitions: int) -> None:
    _same(tmp_path, name, partitions)


# Few distinct values, so that rows tie on the priority and quotas bite; ids and NIKs
# repeat (in different partitions too), ids that need quoting or look like formulas.
_cells = {
    "role": st.sampled_from(["pekerja_rentan", "petugas_keagamaan", "guru_ngaji", "", "tukang"]),
    "domicile": st.sampled_from(["15.71", "13.03", "36.73", "35.10", ""]),
    "birth_date": st.sampled_from(["1960-01-01", "1990-06-15", "", "1990-13-45", "2099-01-01"]),
    "category": st.sampled_from(["bpu", "bpu", "pu", ""]),
    "income": st.sampled_from(["1000000", "2500000", ""]),
    "sub_region": st.sampled_from(["RT 01", "RT 02", "nagari silokek", "13.03.04.2003", ""]),
    "activity_id": st.sampled_from(["A1", "A2", ""]),
    "activity_value": st.sampled_from(["100000000", "", "5000000000"]),
    "application_date": st.sampled_from(["2025-01-01", "2025-06-01", ""]),
    "nik": st.sampled_from(["", "", "3510165708850003", "3509011708850001", "12345"]),
}
_rosters = st.lists(
    st.fixed_dictionaries(
        {
            "id": st.sampled_from(["P1", "P2", "Q,1", "=X", "\u00e9"])
            | st.text(alphabet="ab01", min_size=1, max_size=4),
            **{k: v for k, v in _cells.items() if k in regional.FACTS},
        }
    ),
    max_size=30,
)


@st.composite
def _schemes(draw: st.DrawFn) -> RegionalScheme:
    """A bundled scheme with random quotas (perhaps split among sub-regions), priority,
    places per phase and the NIK area code as the domicile."""
    base = draw(st.sampled_from(regional.bundled_schemes()))
    quota = Quota(
        total=draw(st.none() | st.integers(0, 20)),
        per_role=draw(
            st.dictionaries(st.sampled_from(["pekerja_rentan", "guru_ngaji"]), st.integers(0, 6))
        ),
        per_sub_region=draw(st.none() | st.integers(0, 4)),
        sub_region_quotas=draw(st.dictionaries(st.sampled_from(["RT 01"]), st.integers(0, 3))),
    )
    split = draw(st.sampled_from([None, "eligible", "weights"]))
    if split is not None:
        weights = {"RT 01": 2, "RT 02": 1, "nagari silokek": 3}
        quota = attrs.evolve(
            quota,
            total=draw(st.integers(0, 20)),
            sub_region_split=split,
            sub_region_weights=weights if split == "weights" else {},
        )
    phases = base.phases
    with_places = draw(st.booleans())
    if phases and with_places:
        phases = tuple(attrs.evolve(ph, places=draw(st.integers(0, 6))) for ph in phases)
        quota = attrs.evolve(quota, phase_quotas="added")
    then = draw(
        st.lists(
            st.sampled_from(["earliest_application", "oldest_first", "lowest_income"]),
            unique=True,
            max_size=2,
        )
    )
    return attrs.evolve(
        base,
        quota=quota,
        priority=Priority(roles=base.priority.roles, then=tuple(then)),
        phases=phases,
        nik_prefix_as_domicile=draw(st.booleans()),
    )


# about 3 s an example on two shared cores (a cluster, four shuffles)
@pytest.mark.slow
@pytest.mark.usefixtures("client")
@settings(
    max_examples=int(os.environ.get("DASK_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(_schemes(), _rosters, st.integers(1, 4), st.booleans())
def test_dask_files_equal_the_memory_engines_for_random_schemes(
    tmp_path_factory: pytest.TempPathFactory,
    program: RegionalScheme,
    records: list[dict[str, str]],
    partitions: int,
    later: bool,
) -> None:
    tmp = tmp_path_factory.mktemp("dask")
    path = tmp / "roster.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(regional.FACTS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    starts = [ph.start for ph in program.phases] or [program.valid_from]
    on = max(starts[-1] if later else starts[0], program.valid_from)
    if program.valid_until is not None:
        on = min(on, program.valid_until)
    evaluate_roster_file(program, path, tmp / "memory", on=on, engine="memory", chunk_rows=7)
    regional.evaluate_dask_files(program, dask_roster(path, partitions), tmp / "dask", on=on)
    assert _files(tmp / "dask") == _files(tmp / "memory")


def _tricky_roster(path: Path) -> None:
    # a repeated id, a NIK used twice, a row with a cell too many (unreadable), quoting
    program = regional.scheme("sijunjung-nagari-100")
    text = _bundled(program.id).read_text(encoding="utf-8").splitlines()
    header, rows = text[0], text[1:40]
    rows.insert(5, rows[2])
    rows.insert(9, rows[12] + ",extra")
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def test_cli_engine_dask_writes_the_memory_engines_files(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from perlindungan.cli import main  # noqa: PLC0415

    roster = tmp_path / "roster.csv"
    _tricky_roster(roster)
    args = ["scheme", "evaluate", "sijunjung-nagari-100", "--roster", str(roster)]
    args += ["--on", "2023-10-02", "--output"]
    address = ["--scheduler", client.scheduler.address]
    assert main([*args, f"{tmp_path / 'dask'}/", "--engine", "dask", *address]) == 0
    assert main([*args, f"{tmp_path / 'memory'}/", "--engine", "memory"]) == 0
    assert _files(tmp_path / "dask") == _files(tmp_path / "memory")
    # the repeated id and the row of 16 cells are row errors (with a bad birth date)
    summary = json.loads((tmp_path / "dask" / "result.json").read_text(encoding="utf-8"))
    assert summary["summary"]["rows"] == 41
    assert summary["summary"]["row_errors"] == 3
    capsys.readouterr()
    # one output to stdout, through the same engine
    one = ["scheme", "evaluate", "sijunjung-nagari-100", "--roster", str(roster), "--on"]
    assert main([*one, "2023-10-02", "--format", "csv", "--engine", "dask", *address]) == 0
    printed = capsys.readouterr().out
    decisions = (tmp_path / "memory" / "decisions.csv").read_text(encoding="utf-8")
    assert printed == decisions


def test_cli_engine_dask_needs_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from perlindungan.cli import main  # noqa: PLC0415

    roster = tmp_path / "roster.csv"
    _tricky_roster(roster)
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    argv = ["scheme", "evaluate", "sijunjung-nagari-100", "--roster", str(roster)]
    argv += ["--output", f"{tmp_path / 'out'}/", "--engine", "dask", "--lang", "en"]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "dask extra" in err
    assert "perlindungan[dask]" in err


@pytest.mark.slow
def test_cli_engine_dask_starts_a_local_cluster(tmp_path: Path) -> None:
    from perlindungan.cli import main  # noqa: PLC0415

    roster = tmp_path / "roster.csv"
    _tricky_roster(roster)
    args = ["scheme", "evaluate", "sijunjung-nagari-100", "--roster", str(roster)]
    args += ["--on", "2023-10-02", "--output"]
    assert main([*args, f"{tmp_path / 'dask'}/", "--engine", "dask"]) == 0
    assert main([*args, f"{tmp_path / 'memory'}/", "--engine", "memory"]) == 0
    assert _files(tmp_path / "dask") == _files(tmp_path / "memory")


def test_cli_engine_dask_reads_csv_rosters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from perlindungan.cli import main  # noqa: PLC0415

    roster = tmp_path / "roster.jsonl"
    roster.write_text('{"id": "A"}\n', encoding="utf-8")
    argv = ["scheme", "evaluate", "sijunjung-nagari-100", "--roster", str(roster)]
    argv += ["--output", f"{tmp_path / 'out'}/", "--engine", "dask", "--lang", "en"]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "the dask engine reads a CSV roster file" in err
