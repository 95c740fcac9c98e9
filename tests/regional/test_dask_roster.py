"""A roster as a Dask DataFrame on a LocalCluster: the per-person engine's decisions and
allocation, whatever the number of partitions."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from perlindungan import regional

dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")

from perlindungan.regional._dask_roster import evaluate_dask  # noqa: E402


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


def _roster(program_id: str, copies: int) -> list[dict[str, str]]:
    text = (resources.files("perlindungan") / "data" / "rosters" / f"{program_id}.csv").read_text(
        "utf-8"
    )
    records = list(csv.DictReader(io.StringIO(text)))
    out: list[dict[str, str]] = []
    for n in range(copies):
        out.extend(r | {"id": f"{r['id']}-{n}"} for r in records)
    # a repeated id and a NIK used by two people (in different partitions)
    out.append(out[3] | {})
    out.insert(7, out[40] | {"id": "twin", "nik": "3510165708850003"})
    out.append(out[60] | {"id": "twin-2", "nik": "3510165708850003"})
    return out


def _expected(
    program: regional.RegionalScheme, path: Path, on: Any = None
) -> list[tuple[Any, ...]]:
    on = program.valid_from if on is None else on
    result = regional.run_roster(program, regional.read_roster(path), on=on)
    placements = iter(result.allocation.placements)
    out: list[tuple[Any, ...]] = []
    for row in result.rows:
        if row.error is not None:
            out.append((row.row, row.error.id, None, None, None, None, str(row.error.message)))
            continue
        p = next(placements)
        out.append(
            (
                row.row,
                p.decision.person.id,
                p.decision.verdict.value,
                p.status.value,
                p.rank,
                p.reason,
                None,
            )
        )
    return out


def _rows(got: Any) -> list[tuple[Any, ...]]:
    cells: list[tuple[Any, ...]] = [
        tuple(None if pd.isna(v) else v for v in values)
        for values in got.itertuples(index=False, name=None)
    ]
    return [
        (int(r[0]), r[1], r[2], r[3], None if r[4] is None else int(r[4]), r[5], r[6])
        for r in cells
    ]


# about 15 s per partitioning on two shared cores (a cluster, three shuffles)
@pytest.mark.slow
@pytest.mark.parametrize("partitions", [1, 2, 5])
def test_dask_equals_per_person_engine(client: Any, tmp_path: Path, partitions: int) -> None:
    # eight times the bundled roster: the sub-region quotas of 100 bite
    program = regional.scheme("sijunjung-nagari-100")
    records = _roster(program.id, 8)
    path = tmp_path / "roster.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(regional.FACTS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    expected = _expected(program, path)
    frame = pd.DataFrame(records, columns=list(regional.FACTS), dtype=object).fillna("")
    frame = frame.assign(row=range(2, len(records) + 2))
    ddf = dd.from_pandas(frame, npartitions=partitions)
    got = client.compute(evaluate_dask(program, ddf, on=program.valid_from)).result()
    rows = _rows(got)
    assert rows == expected
    statuses = {r[3] for r in rows}
    assert {"admitted", "waitlisted", None} <= statuses


@pytest.mark.slow
def test_places_per_phase_split_quotas_and_nik_domicile(client: Any) -> None:
    # once refused: a quota split among sub-regions (banyuwangi), places per phase (the
    # construction scheme's two phases, 30 and 20 places), the NIK area code as domicile
    base = regional.scheme("kota-jambi-kampung-bahagia")
    one, two = base.phases
    phased = attrs.evolve(
        base,
        phases=(attrs.evolve(one, places=30), attrs.evolve(two, places=20)),
        quota=attrs.evolve(base.quota, phase_quotas="added"),
    )
    nik = regional.load_scheme(Path(__file__).parent / "nik_domicile" / "program.toml")
    bundled = resources.files("perlindungan") / "data" / "rosters"
    cases = [
        (
            regional.scheme("banyuwangi-rentan-2023"),
            Path(str(bundled / "banyuwangi-rentan-2023.csv")),
        ),
        (phased, Path(str(bundled / f"{base.id}.csv"))),
        (nik, Path(__file__).parent / "nik_domicile" / "roster.csv"),
    ]
    for k, (program, path) in enumerate(cases):
        on = two.start if program is phased else program.valid_from
        expected = _expected(program, path, on)
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        ddf = dd.from_pandas(frame.assign(row=range(2, len(frame) + 2)), npartitions=k + 2)
        got = client.compute(evaluate_dask(program, ddf, on=on)).result()
        assert _rows(got) == expected, program.id
