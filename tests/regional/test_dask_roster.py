"""A roster as a Dask DataFrame on a LocalCluster: the per-person engine's decisions and
allocation, whatever the number of partitions."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from perlindungan import regional
from perlindungan.errors import InvalidInputError

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


def _expected(program: regional.RegionalScheme, path: Path) -> list[tuple[Any, ...]]:
    result = regional.run_roster(program, regional.read_roster(path), on=program.valid_from)
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
    cells: list[tuple[Any, ...]] = [
        tuple(None if pd.isna(v) else v for v in values)
        for values in got.itertuples(index=False, name=None)
    ]
    rows = [
        (int(r[0]), r[1], r[2], r[3], None if r[4] is None else int(r[4]), r[5], r[6])
        for r in cells
    ]
    assert rows == expected
    statuses = {r[3] for r in rows}
    assert {"admitted", "waitlisted", None} <= statuses


def test_schemes_the_columnar_engine_does_not_decide_are_refused() -> None:
    program = next(p for p in regional.bundled_schemes() if p.quota.sub_region_split is not None)
    frame = dd.from_pandas(pd.DataFrame({"row": [2], "id": ["A"]}), npartitions=1)
    with pytest.raises(InvalidInputError, match="evaluate_dask: scheme"):
        evaluate_dask(program, frame, on=program.valid_from)
