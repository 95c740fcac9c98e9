"""Throughput of perlindungan.batch next to a naive Decimal loop and plain numpy int64.

    python benchmarks/bench_batch.py                      # 10k, 100k, 1M; memory at 1M
    python benchmarks/bench_batch.py --stream-rows 20000000   # also a 20M-row Parquet roster
    python benchmarks/bench_batch.py --sizes 10000,1000000 --quick   # throughput only

Synthetic populations: 80% wage earners (PU), 20% non-wage earners (BPU), log-normal wages
(median Rp5,000,000), JKK risk classes 1-5, ages 18-64, contributions for June 2025 (JKK,
JKM, JHT, JP with the wage cap and pension age; JKP; BPU JKK, JKM and optional JHT). The
three paths run in the same process on the same data, so the ratios hold on a noisy
machine. Every batch result is checked against the numpy reference before it is timed.
Needs the ``batch`` extra (numpy, pyarrow).

With the ``bench`` extra (openfisca-core) installed, each size is also computed by an
OpenFisca model of the same rules (``benchmarks/openfisca_model``: its parameters read
from the same TOML data), in OpenFisca's default way, in the same process: its time and
the ratio are printed, and its nine contribution columns must have the same SHA-256 as
the batch result's (a mismatch is printed loudly and the script exits with status 1).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import importlib.util
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from perlindungan import WageEarner, contributions
from perlindungan.batch import contributions_batch, iter_roster, write_roster_contributions

ON = _dt.date(2025, 6, 1)
JKK = [
    Decimal("0.0024"),
    Decimal("0.0054"),
    Decimal("0.0089"),
    Decimal("0.0127"),
    Decimal("0.0174"),
]
JP_CAP = 10_547_400
#: What a payroll run needs: the totals per payer.
PAYERS = ("total_employer", "total_worker", "total_government")
JKP_CAP = 5_000_000


def population(rows: int, seed: int = 2025) -> pa.Table:
    rng = np.random.default_rng(seed)
    pu = rng.random(rows) < 0.8
    wage = np.maximum(np.round(rng.lognormal(np.log(5e6), 0.6, rows)), 1).astype(np.int64)
    income = np.clip(wage, 1_000_000, 20_700_000)
    birth = (np.datetime64(ON) - rng.integers(18 * 366, 65 * 365, rows)).astype("datetime64[D]")
    return pa.table(
        {
            "category": pa.DictionaryArray.from_arrays(
                pa.array(np.where(pu, 0, 1).astype(np.int8)), pa.array(["pu", "bpu"])
            ),
            "wage": pa.array(wage, mask=~pu),
            "risk_class": pa.array(rng.integers(1, 6, rows).astype(np.int8), mask=~pu),
            "birth_date": pa.array(birth, mask=~pu).cast(pa.date32()),
            "income": pa.array(income, mask=pu),
            "with_jht": pa.array(rng.random(rows) < 0.3, mask=pu),
        }
    )


def numpy_reference(t: pa.Table) -> np.ndarray:
    """Plain numpy int64, no validation: the same rules hard-coded for June 2025."""
    pu = t["category"].combine_chunks().indices.to_numpy() == 0
    wage = t["wage"].fill_null(0).to_numpy()
    risk = t["risk_class"].fill_null(1).to_numpy().astype(np.int64)
    birth = t["birth_date"].fill_null(0).to_numpy().astype("datetime64[D]")
    income = t["income"].fill_null(0).to_numpy()
    jht = t["with_jht"].fill_null(False).to_numpy(zero_copy_only=False)  # noqa: FBT003
    num = np.array([24, 54, 89, 127, 174], dtype=np.int64)[risk - 1]
    w = np.where(pu, wage, 0)
    due = birth > np.datetime64("1966-12-31")
    jp = np.where(due, np.minimum(w, JP_CAP), 0)
    total = (w * 2 * num + 10_000) // 20_000 + (w * 6 + 1_000) // 2_000  # JKK, JKM
    total += (w * 74 + 1_000) // 2_000 + (w * 40 + 1_000) // 2_000  # JHT 3.7% and 2%
    total += (jp * 40 + 1_000) // 2_000 + (jp * 20 + 1_000) // 2_000
    total += (np.minimum(w, JKP_CAP) * 44 + 10_000) // 20_000
    i = np.where(pu, 0, income)
    total += (i * 2 + 100) // 200 + np.where(pu, 0, 6_800) + np.where(jht, (i * 4 + 100) // 200, 0)
    return np.asarray(total, dtype=np.int64)


def naive_loop(rows: list[dict[str, Any]]) -> list[int]:
    """A plain Python loop with Decimal over row dicts, the way one would write it by hand."""
    half = Decimal(1)
    out = []
    last_birth = _dt.date(1966, 12, 31)

    def r(x: Decimal) -> int:
        return int(x.quantize(half, rounding=ROUND_HALF_UP))

    for row in rows:
        if row["category"] == "pu":
            w = Decimal(row["wage"])
            total = r(w * JKK[row["risk_class"] - 1]) + r(w * Decimal("0.003"))
            total += r(w * Decimal("0.037")) + r(w * Decimal("0.02"))
            if row["birth_date"] > last_birth:
                jp = min(w, Decimal(JP_CAP))
                total += r(jp * Decimal("0.02")) + r(jp * Decimal("0.01"))
            total += r(min(w, Decimal(JKP_CAP)) * Decimal("0.0022"))
        else:
            i = Decimal(row["income"])
            total = r(i * Decimal("0.01")) + 6_800
            if row["with_jht"]:
                total += r(i * Decimal("0.02"))
        out.append(total)
    return out


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def best_pair(
    first: Callable[[], Any], second: Callable[[], Any], repeat: int
) -> tuple[float, Any, float, Any]:
    """The best time of each of two calls run in turn (first, second, first, ...), so
    that a change in the machine's load falls on both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    results: list[Any] = [None, None]
    for _ in range(repeat):
        for slot, fn in enumerate((first, second)):
            start = time.perf_counter()
            results[slot] = fn()
            times[slot].append(time.perf_counter() - start)
    return min(times[0]), results[0], min(times[1]), results[1]


#: The OpenFisca model of the same rules, when openfisca-core is installed (``bench`` extra).
OPENFISCA = importlib.util.find_spec("openfisca_core") is not None
MISMATCHES: list[str] = []


def openfisca_reference(table: pa.Table) -> dict[str, np.ndarray]:
    """The contributions of ``table`` by the OpenFisca model, from the Arrow columns."""
    import openfisca_model  # noqa: PLC0415 - optional (bench extra)

    system = _openfisca_system()
    columns = {
        "category": table["category"].combine_chunks().indices.to_numpy(),
        "wage": table["wage"].fill_null(0).to_numpy(),
        "risk_class": table["risk_class"].fill_null(1).to_numpy(),
        "birth_date": table["birth_date"].fill_null(0).to_numpy().astype("datetime64[D]"),
        "income": table["income"].fill_null(0).to_numpy(),
        "with_jht": table["with_jht"].fill_null(False).to_numpy(zero_copy_only=False),  # noqa: FBT003
    }
    return openfisca_model.simulate(system, columns, on=ON)


@functools.cache
def _openfisca_system() -> Any:  # noqa: ANN401 - an OpenFisca TaxBenefitSystem
    import openfisca_model  # noqa: PLC0415 - optional (bench extra)

    return openfisca_model.build_system()


def against_openfisca(rows: int, table: pa.Table, result: Any, batch_s: float) -> None:  # noqa: ANN401
    """OpenFisca's default next to the batch call already timed, and the digests compared."""
    import openfisca_model  # noqa: PLC0415 - optional (bench extra)

    _openfisca_system()  # built once, like perlindungan's data: not timed
    seconds, arrays = best(lambda: openfisca_reference(table), 1 if rows > 100_000 else 3)
    ours, theirs = openfisca_model.digest(result.arrays), openfisca_model.digest(arrays)
    print(
        f"{rows:>9,} workers | OpenFisca default {rows / seconds / 1e6:6.2f} M/s | "
        f"batch/OpenFisca {seconds / batch_s:5.1f}x | "
        f"{'same digest' if ours == theirs else 'DIGESTS DIFFER'} sha256 {ours[:16]}"
    )
    if ours != theirs:
        wrong = {
            name: int(np.count_nonzero(result.arrays[name] != arrays[name]))
            for name in openfisca_model.OUTPUTS
        }
        message = f"MISMATCH at {rows:,} workers: OpenFisca {theirs} != batch {ours}; rows differing per column: {wrong}"
        print("!" * 80 + "\n" + message + "\n" + "!" * 80)
        MISMATCHES.append(message)


def throughput(rows: int) -> None:
    table = population(rows)
    contributions_batch(table.slice(0, 1000), on=ON)  # load the data once
    repeat = 50 if rows <= 10_000 else 15 if rows <= 100_000 else 7
    batch_s, result, numpy_s, reference = best_pair(
        lambda: contributions_batch(table, on=ON), lambda: numpy_reference(table), repeat
    )
    assert not result.errors
    assert np.array_equal(result.arrays["total"], reference), "batch differs from numpy"
    sample = min(rows, 100_000)
    rows_as_dicts = table.slice(0, sample).to_pylist()
    loop_s, loop = best(lambda: naive_loop(rows_as_dicts), 1)
    assert loop == reference[:sample].tolist(), "naive loop differs"
    rate = rows / batch_s
    print(
        f"{rows:>9,} workers | batch {rate / 1e6:6.2f} M/s | numpy int64 "
        f"{rows / numpy_s / 1e6:6.2f} M/s | naive Decimal loop {sample / loop_s / 1e6:5.2f} M/s"
        f" | batch/numpy {numpy_s / batch_s:4.2f} | batch/loop {rate / (sample / loop_s):5.1f}x"
    )
    if OPENFISCA:
        against_openfisca(rows, table, result, batch_s)


def with_refused(table: pa.Table, share: float = 0.003, seed: int = 3) -> pa.Table:
    """The same population with ``share`` of the wage earners' wages set to -1 (rows the
    scalar API refuses)."""
    rng = np.random.default_rng(seed)
    wage = table["wage"].combine_chunks()
    given = wage.is_valid().to_numpy(zero_copy_only=False)
    bad = given & (rng.random(table.num_rows) < share / 0.8)
    values = np.where(bad, -1, wage.fill_null(0).to_numpy())
    return table.set_column(1, "wage", pa.array(values, mask=~given))


def refused_rows(rows: int) -> None:
    """0.3% refused rows next to the same call without them, in the same run; the
    messages are read afterwards (then built by the scalar API, one call per row)."""
    table = population(rows)
    bad = with_refused(table)
    repeat = 50 if rows <= 10_000 else 15 if rows <= 100_000 else 7
    clean_s, _, bad_s, result = best_pair(
        lambda: contributions_batch(table, on=ON), lambda: contributions_batch(bad, on=ON), repeat
    )
    start = time.perf_counter()
    messages = [e.message for e in result.errors]
    read_s = time.perf_counter() - start
    assert all(m.startswith("wage must be a positive amount") for m in messages)
    print(
        f"{rows:>9,} workers, {len(messages):,} refused ({len(messages) / rows:.1%}): "
        f"{bad_s * 1e3:.1f} ms against {clean_s * 1e3:.1f} ms without them "
        f"({bad_s / clean_s:.2f}x); reading their messages afterwards {read_s * 1e3:.0f} ms"
    )


_MEMORY_CHILD = """
import resource, sys
from pathlib import Path
import pyarrow as pa
sys.path.insert(0, {folder!r})
import bench_batch as b
from perlindungan.batch import contributions_batch
contributions_batch(b.population(1000), on=b.ON)  # load the regulation data
interpreter = b._rss()
table = pa.ipc.open_file(pa.memory_map({path!r})).read_all()  # a view of the file
if {traced}:
    import tracemalloc
    tracemalloc.start()
result = contributions_batch(table, on=b.ON, columns={columns!r})
if {traced}:
    peak = tracemalloc.get_traced_memory()[1] / 2**20
else:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kept = (result.arrays.nbytes + result.ok.nbytes) / 2**20
print(table.nbytes / 2**20, interpreter, peak, kept)
"""


def payer_totals(rows: int) -> None:
    """The same population with only the totals per payer kept (``columns=``)."""
    table = population(rows)
    seconds, result = best(lambda: contributions_batch(table, on=ON, columns=PAYERS), 5)
    total = sum(result.arrays[name].astype(np.int64) for name in PAYERS)
    assert np.array_equal(total, numpy_reference(table)), "batch differs from numpy"
    print(f"{rows:>9,} workers, columns=totals per payer: batch {rows / seconds / 1e6:.2f} M/s")


def dated(rows: int) -> None:
    """Rows for the twelve months of 2025 (an ``on`` column), shuffled and sorted by date;
    each row checked against the same rows computed one month at a time."""
    table = population(rows)
    rng = np.random.default_rng(7)
    months = rng.integers(1, 13, rows)
    days = np.array([f"2025-{m:02d}-01" for m in range(1, 13)], dtype="datetime64[D]")
    shuffled = table.append_column("on", pa.array(days[months - 1]).cast(pa.date32()))
    order = np.argsort(months, kind="stable")
    ordered = shuffled.take(pa.array(order))
    expected = np.zeros(rows, dtype=np.int64)
    for month in range(1, 13):
        where = np.flatnonzero(months == month)
        part = contributions_batch(table.take(pa.array(where)), on=days[month - 1].item())
        expected[where] = part.arrays["total"]
    for label, data in (("shuffled", shuffled), ("sorted by date", ordered)):
        seconds, result = best(functools.partial(contributions_batch, data), 3)
        total = result.arrays["total"]
        assert not result.errors
        assert np.array_equal(total if data is shuffled else total[np.argsort(order)], expected)
        print(
            f"{rows:>9,} workers, 12 months in an on column, {label}: {rows / seconds / 1e6:.2f} M/s"
        )


def memory(rows: int) -> None:
    """Memory of one batch of ``rows`` workers, each way in a fresh process whose input is
    a memory-mapped Arrow file (so building the population is not counted): the peak of
    what the call allocates (tracemalloc, which sees numpy's buffers), and the process's
    peak resident size next to the interpreter's."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "population.arrow"
        table = population(rows)
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        del table
        for columns in (None, PAYERS):
            figures = []
            for traced in (True, False):
                code = _MEMORY_CHILD.format(
                    folder=str(Path(__file__).parent),
                    path=str(path),
                    traced=traced,
                    columns=columns,
                )
                out = subprocess.run(  # noqa: S603 - our own interpreter and code
                    [sys.executable, "-c", code], check=True, capture_output=True, text=True
                ).stdout.split()
                figures.append([float(v) for v in out])
            (inputs, _, allocated, kept), (_, interpreter, process, _) = figures
            label = "all 13 columns" if columns is None else "columns=" + ",".join(columns)
            print(
                f"memory at {rows:,}, {label}: input columns {inputs:.1f} MiB; the call "
                f"allocates at most {allocated:.1f} MiB ({allocated / inputs:.2f}x the input;"
                f" the result keeps {kept:.1f} MiB)\n"
                f"  process: interpreter with libraries and data {interpreter:.0f} MiB, peak "
                f"{process:.0f} MiB = interpreter + {process - interpreter:.0f} MiB "
                f"({(process - interpreter) / inputs:.2f}x the input, input included)"
            )


def scalar_and_import() -> None:
    worker = WageEarner(wage=7_500_000, risk_class=2, birth_date="1988-03-02")
    rounds = 2_000
    start = time.perf_counter()
    for _ in range(rounds):
        contributions(worker, on=ON).explain("en")
    per = (time.perf_counter() - start) / rounds
    print(
        f"one worker through the scalar API, explanation rendered as English text: "
        f"{per * 1e6:.0f} us (benchmarks/scalar.py times the quote with its structured "
        "explanation)"
    )
    code = (
        "import time; s = time.perf_counter(); import perlindungan; "
        "from perlindungan.parameters import parameters; from perlindungan import regional; "
        "[perlindungan.parameter(n) for n in parameters()]; regional.bundled_schemes(); "
        "print(time.perf_counter() - s)"
    )
    runs = [
        float(
            subprocess.run(  # noqa: S603 - our own interpreter and code
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(5)
    ]
    print(
        f"import perlindungan and load all bundled data: {min(runs) * 1e3:.0f} ms (best of 5, "
        "in-process, bytecode as the environment allows; see benchmarks/scalar.py)"
    )


def _rss() -> float:
    """The process's resident memory now, in MiB (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 2**20


def stream(rows: int, chunk: int = 1_000_000) -> None:
    """A roster of ``rows`` rows as Parquet and as CSV, computed chunk by chunk; resident
    memory printed as it goes (flat: it depends on the chunk size, not on the roster)."""
    with tempfile.TemporaryDirectory() as folder:
        part = population(chunk)
        text = part.set_column(0, "category", part["category"].cast(pa.string()))
        parquet, csv = Path(folder) / "roster.parquet", Path(folder) / "roster.csv"
        with pq.ParquetWriter(parquet, part.schema) as writer:
            for _ in range(rows // chunk):
                writer.write_table(part, row_group_size=chunk)
        with pacsv.CSVWriter(csv, text.schema) as csv_writer:
            for _ in range(rows // chunk):
                csv_writer.write_table(text)
        del part, text
        for path in (parquet, csv):
            size = path.stat().st_size / 2**20
            print(f"streaming {rows:,} rows from {path.suffix[1:]} ({size:,.0f} MiB)")
            print(f"  before: resident memory {_rss():.0f} MiB")
            start = time.perf_counter()
            done = 0
            for _first, result in iter_roster(path, on=ON, chunk_rows=chunk):
                done += result.rows
                if done % (rows // 10) == 0:
                    print(
                        f"  {done:>11,} rows, resident memory now {_rss():.0f} MiB "
                        f"(Arrow buffers {pa.total_allocated_bytes() / 2**20:.0f} MiB)"
                    )
            seconds = time.perf_counter() - start
            print(f"  {rows / seconds / 1e6:.2f} M rows/s including reading the file")
            summary = write_roster_contributions(path, None, on=ON, chunk_rows=chunk)
            assert summary.rows == rows
            assert not summary.errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--stream-rows", type=int, default=0, help="also stream a roster")
    parser.add_argument(
        "--quick", action="store_true", help="throughput and refused rows only (no memory)"
    )
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, pyarrow {pa.__version__}")
    if OPENFISCA:
        from importlib.metadata import version  # noqa: PLC0415

        print(
            f"OpenFisca reference: openfisca-core {version('openfisca-core')} (benchmarks/openfisca_model)"
        )
    else:
        print("OpenFisca reference: not installed (pip install -e '.[bench]')")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if not args.quick:
        memory(1_000_000)  # first: a child process inherits the parent's peak RSS on Linux
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        throughput(size)
    for size in sizes:
        refused_rows(size)
    if args.quick:
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        _exit_on_mismatch()
        return
    payer_totals(1_000_000)
    dated(1_000_000)
    scalar_and_import()
    if args.stream_rows:
        stream(args.stream_rows)
    _exit_on_mismatch()


def _exit_on_mismatch() -> None:
    if MISMATCHES:
        sys.exit("OpenFisca and perlindungan.batch differ:\n" + "\n".join(MISMATCHES))


if __name__ == "__main__":
    main()
