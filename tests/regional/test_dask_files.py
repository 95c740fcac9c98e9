"""The five files of ``scheme evaluate --output DIR/`` from a Dask roster on a LocalCluster:
the memory engine's files, byte for byte, for schemes with places per phase, a quota split
among sub-regions and the NIK area code as the domicile, at 1, 2 and 5 partitions."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from perlindungan import regional
from perlindungan.regional import evaluate_roster_file

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
