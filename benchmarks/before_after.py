"""The scalar quote and the batch kernel of several source trees, measured in turn.

    git worktree add /tmp/before 950f010
    python benchmarks/before_after.py /tmp/before .            # two trees, 4 rounds
    python benchmarks/before_after.py /tmp/before . --rounds 6

Each tree is run from its own sources (``PYTHONPATH=<tree>/src``) with this environment,
in fresh processes taken in turn (tree 1, tree 2, ..., tree 1, ...), so that a change in
the machine's load falls on every tree alike; the best figure of each tree over the
rounds is printed, with every round's figure beside it. In each process:

- the scalar quote as ``benchmarks/scalar.py`` times it: 1,000 synthetic wage earners,
  each worker built from plain values and quoted with its structured explanation (and
  with a prebuilt worker), best of 15 runs;
- ``contributions_batch`` against plain numpy int64 on the same population
  (``bench_batch.population`` and ``bench_batch.numpy_reference`` of this checkout), timed
  in turn, best of 15 (10,000 rows) or 5 (one million rows).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import sys, time
sys.path.insert(0, {here!r})
import bench_batch as b
import scalar as s
import perlindungan as pl
from perlindungan.batch import contributions_batch

rows = s._population(1000)

def worker(r):
    wage, risk, birth, employer = r
    return pl.WageEarner(wage=wage, risk_class=risk, birth_date=birth,
                         employer=None if employer is None else pl.Employer(*employer))

workers = [worker(r) for r in rows]

def built():
    for r in rows:
        pl.contributions(worker(r), on=s.ON)

def prebuilt():
    for w in workers:
        pl.contributions(w, on=s.ON)

built()

def best(fn, repeat, per=1):
    least = 1e9
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        least = min(least, (time.perf_counter() - start) / per)
    return least

out = [best(built, 15, 1000) * 1e6, best(prebuilt, 15, 1000) * 1e6]
for size, repeat in ((10_000, 15), (1_000_000, 5)):
    table = b.population(size)
    contributions_batch(table, on=b.ON)
    batch_s, numpy_s = 1e9, 1e9
    for _ in range(repeat):
        batch_s = min(batch_s, best(lambda: contributions_batch(table, on=b.ON), 1))
        numpy_s = min(numpy_s, best(lambda: b.numpy_reference(table), 1))
    out.append(numpy_s / batch_s)
print(*out)
"""

LABELS = (
    "one worker built + quote (us)",
    "prebuilt worker quote (us)",
    "batch/numpy at 10,000",
    "batch/numpy at 1,000,000",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path, help="source trees (each with src/)")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    code = CHILD.format(here=str(HERE))
    figures: dict[Path, list[list[float]]] = {tree: [] for tree in args.trees}
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for _ in range(args.rounds):
        for tree in args.trees:
            env = {**os.environ, "PYTHONPATH": str(tree.resolve() / "src")}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            out = subprocess.run(  # noqa: S603 - our own interpreter and code
                [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
            ).stdout.split()
            figures[tree].append([float(x) for x in out])
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for tree, runs in figures.items():
        print(f"{tree}:")
        for i, label in enumerate(LABELS):
            values = [run[i] for run in runs]
            best = min(values) if i < 2 else max(values)
            every = ", ".join(f"{v:.2f}" if i >= 2 else f"{v:.1f}" for v in values)
            print(f"  {label}: best {best:.2f} (rounds: {every})")


if __name__ == "__main__":
    main()
