"""Dask: contributions per partition and regional allocation as a group-by step, on a
LocalCluster, give the single-process results whatever the partitioning."""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
from collections.abc import Iterator
from importlib import resources

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from distributed import Client, LocalCluster

from perlindungan import regional
from perlindungan.batch import (
    OUTPUT_COLUMNS,
    allocate_group,
    arrow_schema,
    contributions_arrow,
    contributions_batch,
    contributions_meta,
    contributions_partition,
    decide_partition,
    decisions_meta,
    placements_meta,
)
from perlindungan.errors import PerlindunganError

ON = _dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,
            dashboard_address=None,
            # the scheduler's HTTP routes would take port 8787 and warn when another
            # process already has it: any free port instead
            scheduler_kwargs={"dashboard_address": ":0"},
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def population(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    pu = rng.random(rows) < 0.8
    wage = np.round(rng.lognormal(np.log(5e6), 0.6, rows)).astype(np.int64)
    birth = np.datetime64("2025-06-01") - rng.integers(18 * 365, 65 * 365, rows)
    wage[::97] = -1  # refused rows travel with their message
    return pd.DataFrame(
        {
            "category": np.where(pu, "pu", "bpu"),
            "wage": pd.Series(wage, dtype="Int64").where(pu),
            "risk_class": pd.Series(rng.integers(1, 6, rows), dtype="Int64").where(pu),
            "birth_date": pd.Series(birth.astype("datetime64[D]")).dt.date.where(pu, None),
            "income": pd.Series(np.clip(wage, 1_000_000, 20_000_000), dtype="Int64").where(~pu),
        }
    )


@pytest.mark.parametrize("partitions", [1, 3, 7])
def test_contributions_map_partitions(client: Client, partitions: int) -> None:
    frame = population(3_000)
    expected = contributions_batch(frame, on=ON)
    ddf = dd.from_pandas(frame, npartitions=partitions)
    out = ddf.map_partitions(contributions_partition, on=ON, meta=contributions_meta())
    got = client.compute(out).result()
    for name in OUTPUT_COLUMNS:
        values = [None if pd.isna(v) else int(v) for v in got[name]]
        assert values == expected.column(name)
    assert got["error"].tolist() == expected.error_column()
    assert int(got["total"].sum()) == expected.totals()["total"]


def test_spark_style_arrow_batches() -> None:
    table = pa.Table.from_pandas(population(500), preserve_index=False)
    out = pa.Table.from_batches(
        list(contributions_arrow(table.to_batches(max_chunksize=64), on=ON)),
        schema=arrow_schema(),
    )
    assert out.column("total").to_pylist() == contributions_batch(table, on=ON).column("total")


def roster() -> pd.DataFrame:
    text = (
        resources.files("perlindungan") / "data" / "rosters" / "sijunjung-nagari-100.csv"
    ).read_text("utf-8")
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    # Eight times the bundled roster (fresh ids), so sub-region quotas of 100 bite.
    copies = []
    for n in range(8):
        copy = frame.copy()
        copy["id"] = copy["id"] + f"-{n}"
        copies.append(copy)
    return pd.concat(copies, ignore_index=True).sample(frac=1, random_state=3)


@pytest.mark.parametrize("partitions", [1, 5])
def test_regional_allocation_group_by(client: Client, partitions: int) -> None:
    program = regional.scheme("sijunjung-nagari-100")
    on = program.valid_from
    frame = roster()
    people = []
    for record in frame.to_dict("records"):
        with contextlib.suppress(PerlindunganError):  # the bundled roster has bad rows
            people.append(regional.person_from_dict(record))
    single = regional.allocate(program, regional.evaluate(program, people, on=on))
    expected = sorted(
        (p.decision.person.id, p.status.value, p.rank)
        for p in single.placements
        if p.decision.verdict is regional.Verdict.ELIGIBLE
    )
    ddf = dd.from_pandas(frame, npartitions=partitions)
    decided = ddf.map_partitions(
        decide_partition,
        program_id=program.id,
        on=on,
        meta=decisions_meta(frame.columns),
    )
    eligible = decided[decided["verdict"] == "eligible"].assign(program=program.id)
    placed = eligible.groupby("program").apply(
        allocate_group, program_id=program.id, on=on, meta=placements_meta()
    )
    got = client.compute(placed).result()
    rows = sorted(
        (i, s, None if pd.isna(r) else int(r))
        for i, s, r in zip(got["id"], got["status"], got["rank"], strict=True)
    )
    assert rows == expected
    assert {s for _, s, _ in rows} >= {"admitted", "waitlisted"}
