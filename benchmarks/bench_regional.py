"""Regional program evaluation at province scale, against pyarrow reading the same CSV.

    python benchmarks/bench_regional.py --rows 1000000 --repeat 3
    taskset -c 0 python benchmarks/bench_regional.py --rows 100000,1000000 --repeat 3

Builds a roster of N rows from the bundled ``kota-jambi-rentan-2025`` roster (ids made
unique), then, in the same process and for each repeat: (1) pyarrow reads the CSV
(``pyarrow.csv.read_csv``, the reference), (2) ``evaluate_roster_file`` evaluates, allocates,
budgets and writes the five output files (what ``perlindungan program evaluate ID --roster
FILE --output DIR/`` does). It prints both times, their ratio, and the peak resident memory
of a separate process that only runs (2) (``ru_maxrss``). ``--per-person`` also times
``run_roster`` + ``write_files`` (the per-person engine) on the same roster.
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

PROGRAM = "kota-jambi-rentan-2025"


def make_roster(rows: int, path: Path) -> None:
    """A roster of ``rows`` rows cycling through the bundled one, with unique ids."""
    source = resources.files("perlindungan") / "data" / "rosters" / f"{PROGRAM}.csv"
    records = list(csv.reader(source.read_text(encoding="utf-8").splitlines()))
    header, body = records[0], records[1:]
    with path.open("w", encoding="utf-8", newline="") as handle:
        w = csv.writer(handle, lineterminator="\n")
        w.writerow(header)
        for i in range(rows):
            record = list(body[i % len(body)])
            record[0] = f"P{i:09d}"
            w.writerow(record)


def evaluate(roster: Path, out: Path) -> float:
    """Seconds for the streaming evaluation with all outputs written."""
    from perlindungan import regional  # noqa: PLC0415
    from perlindungan.regional._stream import evaluate_roster_file  # noqa: PLC0415

    program = regional.scheme(PROGRAM)
    start = time.perf_counter()
    evaluate_roster_file(program, roster, out, on=program.valid_from)
    return time.perf_counter() - start


def read_reference(roster: Path) -> float:
    """Seconds for pyarrow to read the CSV (types inferred, as a user would read it)."""
    import pyarrow.csv as pacsv  # noqa: PLC0415

    start = time.perf_counter()
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


def peak_memory(roster: Path, out: Path) -> int:
    """Peak resident memory (KiB) of a fresh process that runs the streaming evaluation."""
    code = (
        "import resource, sys; sys.path.insert(0, sys.argv[3]); import bench_regional as b; "
        "from pathlib import Path; b.evaluate(Path(sys.argv[1]), Path(sys.argv[2])); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    done = subprocess.run(  # noqa: S603 - runs this interpreter on this file
        [sys.executable, "-c", code, str(roster), str(out), str(Path(__file__).parent)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.split()[-1])


def main() -> None:
    """Run the benchmark and print one line per size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", default="100000", help="comma-separated roster sizes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-person", action="store_true", help="also time run_roster")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory process")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for rows in (int(r) for r in args.rows.split(",")):
            roster = folder / f"roster-{rows}.csv"
            make_roster(rows, roster)
            evaluate(roster, folder / "warm")  # imports and caches, not timed
            reads, runs = [], []
            for _ in range(args.repeat):
                reads.append(read_reference(roster))
                runs.append(evaluate(roster, folder / "out"))
            ratios = [r / p for r, p in zip(runs, reads, strict=True)]
            size = sum(f.stat().st_size for f in (folder / "out").iterdir())
            print(
                f"rows={rows:,} pyarrow read {statistics.median(reads):.2f}s "
                f"(min {min(reads):.2f}, max {max(reads):.2f}); evaluate+write "
                f"{statistics.median(runs):.2f}s (min {min(runs):.2f}, max {max(runs):.2f}); "
                f"ratio median {statistics.median(ratios):.1f}x "
                f"(min {min(ratios):.1f}, max {max(ratios):.1f}); "
                f"{rows / statistics.median(runs):,.0f} rows/s; outputs {size / 1e6:,.0f} MB"
            )
            if args.per_person:
                seconds = per_person(roster, folder / "pp")
                print(f"  per-person engine (run_roster + write_files): {seconds:.2f}s")
            if not args.no_memory:
                kib = peak_memory(roster, folder / "mem")
                print(f"  peak resident memory (fresh process): {kib / 1024:,.0f} MiB")
            roster.unlink()
    print(f"(this process: peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB)")


if __name__ == "__main__":
    main()
