"""Regional program evaluation at province scale, against pyarrow reading the same CSV.

    python benchmarks/bench_regional.py --rows 1000000 --repeat 3
    taskset -c 0 python benchmarks/bench_regional.py --rows 100000,1000000 --repeat 3

Builds a roster of N rows from the bundled ``kota-jambi-rentan-2025`` roster (ids made
unique), then, in the same process and for each repeat: (1) pyarrow reads the CSV
(``pyarrow.csv.read_csv``, the reference), (2) ``evaluate_roster_file`` evaluates, allocates,
budgets and writes the five output files (what ``perlindungan program evaluate ID --roster
FILE --output DIR/`` does), (3) the same writing only ``report.txt`` (what ``perlindungan
program evaluate ID --roster FILE`` prints). It prints the times, their ratios to (1), and
the peak resident memory of a separate process that only runs (2) (``ru_maxrss``).
``--per-person`` also times ``run_roster`` + ``write_files`` (the per-person engine) on the
same roster. ``--roster FILE`` times an existing roster instead (e.g. one of 20 million
rows made with ``--keep``). ``--engine duckdb`` allocates out of core on DuckDB (``auto``,
the default, moves there past 2,000,000 waiting rows); ``--files`` writes only some of the
five files (all five are about 2 KiB a row: 40 GB at 20 million rows). ``--engine dask``
decides and places on a Dask LocalCluster of ``--workers`` processes (started once, not
timed; what ``scheme evaluate --engine dask --scheduler ADDRESS`` runs)::

    python benchmarks/bench_regional.py --rows 20000000 --keep /tmp/r20m.csv
    taskset -c 0 python benchmarks/bench_regional.py --roster /tmp/r20m.csv --repeat 1 \
        --engine duckdb --files allocation.csv,report.txt --no-report

``--broken 0.01`` makes 1% of the generated rows row errors (a birth date that is no
date); ``--format jsonl`` generates JSON lines instead of CSV (pyarrow's JSON reader is
then the reference)::

    python benchmarks/bench_regional.py --rows 1000000 --broken 0.01 --format jsonl \
        --engine duckdb --once --files report.txt
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

PROGRAM = "kota-jambi-rentan-2025"
#: The environment variable giving the Dask scheduler's address to the timed processes.
_SCHEDULER = "PERLINDUNGAN_BENCH_SCHEDULER"


def make_roster(rows: int, path: Path, broken: float = 0.0) -> None:
    """A roster of ``rows`` rows cycling through the bundled one, with unique ids; a
    ``broken`` share of them are row errors (a birth date that is no date), spread evenly.
    A path ending in ``.jsonl`` gets JSON lines (the same cells), anything else CSV."""
    source = resources.files("perlindungan") / "data" / "rosters" / f"{PROGRAM}.csv"
    records = list(csv.reader(source.read_text(encoding="utf-8").splitlines()))
    header, body = records[0], records[1:]
    every = round(1 / broken) if broken > 0 else 0
    birth = header.index("birth_date")
    jsonl = path.suffix == ".jsonl"
    with path.open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle, lineterminator="\n")
        if not jsonl:
            w.writerow(header)
        for i in range(rows):
            record = list(body[i % len(body)])
            record[0] = f"P{i:09d}"
            if every and i % every == every // 2:
                record[birth] = "1990-13-45"
            if jsonl:
                cells = {k: v for k, v in zip(header, record, strict=True) if v}
                handle.write(json.dumps(cells, ensure_ascii=False) + "\n")
            else:
                w.writerow(record)


def evaluate(
    roster: Path, out: Path, files: tuple[str, ...] | None = None, engine: str = "auto"
) -> float:
    """Seconds for the streaming evaluation with the outputs written (all five, or
    ``files``), allocating on ``engine``."""
    from perlindungan import regional  # noqa: PLC0415
    from perlindungan.regional._stream import evaluate_roster_file  # noqa: PLC0415

    program = regional.scheme(PROGRAM)
    start = time.perf_counter()
    if engine == "dask":  # what `--engine dask --scheduler ADDRESS` runs
        from perlindungan.regional._dask_read import evaluate_dask_roster_file  # noqa: PLC0415

        scheduler = os.environ[_SCHEDULER]
        evaluate_dask_roster_file(
            program, roster, out, on=program.valid_from, files=files, scheduler=scheduler
        )
    else:
        evaluate_roster_file(
            program, roster, out, on=program.valid_from, files=files, engine=engine
        )
    return time.perf_counter() - start


def read_reference(roster: Path) -> float:
    """Seconds for pyarrow to read the CSV (types inferred, as a user would read it), or
    the JSON lines."""
    import pyarrow.csv as pacsv  # noqa: PLC0415
    import pyarrow.json as pajson  # noqa: PLC0415

    start = time.perf_counter()
    if roster.suffix == ".jsonl":
        pajson.read_json(roster)
    else:
        pacsv.read_csv(roster)
    return time.perf_counter() - start


def per_person(roster: Path, out: Path) -> float:
    """Seconds for the per-person engine: read_roster, run_roster, write_files."""
    from perlindungan import regional  # noqa: PLC0415

    program = regional.scheme(PROGRAM)
    start = time.perf_counter()
    regional.run_roster(program, regional.read_roster(roster), on=program.valid_from).write_files(
        out
    )
    return time.perf_counter() - start


def peak_memory(
    roster: Path, out: Path, engine: str = "auto", files: tuple[str, ...] | None = None
) -> int:
    """Peak resident memory (KiB) of a fresh process that runs the streaming evaluation."""
    code = (
        "import resource, sys; sys.path.insert(0, sys.argv[3]); import bench_regional as b; "
        "from pathlib import Path; files = tuple(sys.argv[5].split(',')) if sys.argv[5] "
        "else None; b.evaluate(Path(sys.argv[1]), Path(sys.argv[2]), files, sys.argv[4]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    return int(_fresh(code, roster, out, engine, files).split()[-1])


def timed_in_fresh_process(
    roster: Path, out: Path, engine: str, files: tuple[str, ...] | None
) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one evaluation in a fresh process."""
    code = (
        "import resource, sys; sys.path.insert(0, sys.argv[3]); import bench_regional as b; "
        "from pathlib import Path; files = tuple(sys.argv[5].split(',')) if sys.argv[5] "
        "else None; s = b.evaluate(Path(sys.argv[1]), Path(sys.argv[2]), files, sys.argv[4]); "
        "print(s, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    seconds, kib = _fresh(code, roster, out, engine, files).split()[-2:]
    return float(seconds), int(kib)


def _fresh(code: str, roster: Path, out: Path, engine: str, files: tuple[str, ...] | None) -> str:
    where = str(Path(__file__).parent)
    done = subprocess.run(  # noqa: S603 - runs this interpreter on this file
        [sys.executable, "-c", code, str(roster), str(out), where, engine, ",".join(files or ())],
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def _spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    return (
        f"{statistics.median(values):.{digits}f}{unit} (min {min(values):.{digits}f}, "
        f"max {max(values):.{digits}f})"
    )


def main() -> None:
    """Run the benchmark and print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", default="100000", help="comma-separated roster sizes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-person", action="store_true", help="also time run_roster")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory process")
    parser.add_argument("--roster", help="time this roster file instead of generating one")
    parser.add_argument("--keep", help="write the generated roster to this file and stop")
    parser.add_argument(
        "--engine",
        choices=("auto", "memory", "duckdb", "dask"),
        default="auto",
        help="allocation engine of evaluate_roster_file (duckdb: out of core; dask: on a "
        "LocalCluster started once, untimed, the address given as --scheduler)",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="--engine dask: worker processes (one thread)"
    )
    parser.add_argument(
        "--files",
        help="comma-separated output files of the timed and memory runs (default: all five; "
        "at 20M rows the five files are about 40 GB)",
    )
    parser.add_argument(
        "--once",
        action="store_true",
        help="one evaluation only, in a fresh process (time and peak memory), after the "
        "pyarrow read in this process: for rosters of tens of millions of rows",
    )
    parser.add_argument(
        "--no-report", action="store_true", help="skip the report-only runs (long rosters)"
    )
    parser.add_argument(
        "--broken",
        type=float,
        default=0.0,
        help="share of the generated rows that are row errors (a bad birth date), e.g. 0.01",
    )
    parser.add_argument(
        "--format",
        choices=("csv", "jsonl"),
        default="csv",
        help="the generated roster's format (pyarrow reads JSON lines for the reference)",
    )
    args = parser.parse_args()
    if args.keep:
        make_roster(int(args.rows), Path(args.keep), args.broken)
        return
    with contextlib.ExitStack() as stack:
        if args.engine == "dask":
            os.environ[_SCHEDULER] = _local_cluster(stack, args.workers)
        _run(args, stack.enter_context(tempfile.TemporaryDirectory()))


def _local_cluster(stack: contextlib.ExitStack, workers: int) -> str:
    """The address of a LocalCluster of ``workers`` processes (closed with ``stack``)."""
    import distributed  # noqa: PLC0415

    cluster = distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    stack.enter_context(cluster)
    return str(cluster.scheduler_address)


def _run(args: argparse.Namespace, scratch: str) -> None:
    """Time each roster size."""
    folder = Path(scratch)
    sizes = [0] if args.roster else [int(r) for r in args.rows.split(",")]
    for rows in sizes:
        name = f"roster-{rows}.{args.format}"
        roster = Path(args.roster) if args.roster else folder / name
        if not args.roster:
            make_roster(rows, roster, args.broken)
        engine = args.engine
        wanted = tuple(args.files.split(",")) if args.files else None
        if args.once:
            # the fresh process first: a process started later inherits this one's
            # resident memory (pyarrow keeps what the read used) as its peak
            seconds, kib = timed_in_fresh_process(roster, folder / "out", engine, wanted)
            read = read_reference(roster)
            size = sum(f.stat().st_size for f in (folder / "out").iterdir())
            shutil.rmtree(folder / "out", ignore_errors=True)
            print(
                f"{f'rows={rows:,} ' if rows else ''}roster "
                f"{roster.stat().st_size / 1e6:,.0f} MB (engine {engine}): pyarrow read "
                f"{read:.2f}s\n  evaluate + write {', '.join(wanted or ('five files',))} "
                f"({size / 1e6:,.0f} MB), fresh process: {seconds:.2f}s, ratio "
                f"{seconds / read:.1f}x; peak resident memory {kib / 1024:,.0f} MiB"
            )
            if not args.roster:
                roster.unlink()
            continue
        kib = 0
        if not args.no_memory:
            # before anything else: a process started later inherits this one's
            # resident memory (pyarrow keeps what its reads used) as its peak
            kib = peak_memory(roster, folder / "mem", engine, wanted)
            shutil.rmtree(folder / "mem", ignore_errors=True)
        if not args.no_report:  # imports, caches: not timed
            evaluate(roster, folder / "warm", ("report.txt",), engine)
        reads, runs, reports = [], [], []
        for k in range(args.repeat):
            # each run writes into a new folder; the previous one is removed untimed
            # (writing over large files costs their truncation)
            shutil.rmtree(folder / "out", ignore_errors=True)
            reads.append(read_reference(roster))
            runs.append(evaluate(roster, folder / "out", wanted, engine))
            if not args.no_report:
                reports.append(evaluate(roster, folder / f"report-{k}", ("report.txt",), engine))
        ratios = [r / p for r, p in zip(runs, reads, strict=True)]
        size = sum(f.stat().st_size for f in (folder / "out").iterdir())
        print(
            f"{f'rows={rows:,} ' if rows else ''}roster {roster.stat().st_size / 1e6:,.0f} MB "
            f"(engine {engine}): pyarrow read {_spread(reads)}\n"
            f"  evaluate + write {', '.join(wanted) if wanted else 'the five files'} "
            f"({size / 1e6:,.0f} MB) {_spread(runs)}; "
            f"ratio {_spread(ratios, 'x', 1)}"
        )
        if reports:
            report_ratios = [r / p for r, p in zip(reports, reads, strict=True)]
            print(
                f"  evaluate + write report.txt only {_spread(reports)}; "
                f"ratio {_spread(report_ratios, 'x', 1)}"
            )
        shutil.rmtree(folder / "out", ignore_errors=True)
        if args.per_person:
            seconds = per_person(roster, folder / "pp")
            print(f"  per-person engine (run_roster + write_files): {seconds:.2f}s")
        if kib:
            print(f"  peak resident memory, same files (fresh process): {kib / 1024:,.0f} MiB")
        if not args.roster:
            roster.unlink()
    print(f"(this process: peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB)")


if __name__ == "__main__":
    main()
