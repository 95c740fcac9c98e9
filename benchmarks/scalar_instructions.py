"""Instructions per worker of the scalar quote, counted by valgrind: a figure that does
not move with the machine's load.

    .venv/bin/python benchmarks/scalar_instructions.py                 # this checkout
    .venv/bin/python benchmarks/scalar_instructions.py /tmp/before .   # several trees

On a shared machine a timing moves by 2x from one run to the next; the number of
instructions the interpreter executes does not. For each source tree (its ``src`` on
``PYTHONPATH``, this environment) and each measure, a child process builds 300 synthetic
wage earners (``scalar._population``) and quotes each once to fill the caches, then runs
the measured loop twice over them under ``valgrind --tool=cachegrind``; the same child
without the loop is counted too, and the difference divided by the 600 calls is printed.
Measures: the worker built from plain values and quoted (what ``benchmarks/scalar.py``
times first), the quote of a prebuilt worker, the worker alone, and the naive Decimal
loop of ``scalar.py`` (the same arithmetic without objects or explanation) as the
reference. Needs ``valgrind`` on ``PATH``; takes about a minute per tree and measure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CALLS = 600  # 300 workers, twice

CHILD = r"""
import sys
from decimal import ROUND_HALF_UP, Decimal
sys.path.insert(0, {here!r})
import scalar as s
import perlindungan as pl

rows = s._population(300)

def worker(r):
    wage, risk, birth, employer = r
    return pl.WageEarner(wage=wage, risk_class=risk, birth_date=birth,
                         employer=None if employer is None else pl.Employer(*employer))

for r in rows:
    pl.contributions(worker(r), on=s.ON)
workers = [worker(r) for r in rows]
wages = [Decimal(r[0]) for r in rows]
rates = [Decimal("0.0024"), Decimal("0.003"), Decimal("0.037"), Decimal("0.02")]
cap, jp_employer, jp_worker, one = Decimal(10_547_400), Decimal("0.02"), Decimal("0.01"), Decimal(1)
for _ in range({rounds}):
    if {measure!r} == "built":
        for r in rows:
            pl.contributions(worker(r), on=s.ON)
    elif {measure!r} == "prebuilt":
        for w in workers:
            pl.contributions(w, on=s.ON)
    elif {measure!r} == "worker":
        for r in rows:
            worker(r)
    elif {measure!r} == "naive":
        for wage in wages:
            for rate in rates:
                (wage * rate).quantize(one, rounding=ROUND_HALF_UP)
            base = min(wage, cap)
            (base * jp_employer).quantize(one, rounding=ROUND_HALF_UP)
            (base * jp_worker).quantize(one, rounding=ROUND_HALF_UP)
"""

MEASURES = (
    ("built", "worker built + quote with its structured explanation"),
    ("prebuilt", "quote of a prebuilt worker"),
    ("worker", "worker built alone"),
    ("naive", "naive Decimal loop (reference)"),
)


def _instructions(valgrind: str, tree: Path, measure: str, rounds: int) -> int:
    env = {**os.environ, "PYTHONPATH": str(tree.resolve() / "src")}
    code = CHILD.format(here=str(HERE), measure=measure, rounds=rounds)
    done = subprocess.run(  # noqa: S603 - valgrind on our own interpreter and code
        [
            valgrind,
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        msg = f"valgrind printed no instruction count:\n{done.stderr[-2000:]}"
        raise RuntimeError(msg)
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*", type=Path, default=[HERE.parent])
    args = parser.parse_args()
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    for tree in args.trees:
        print(f"{tree} (instructions per call, valgrind cachegrind)")
        for measure, label in MEASURES:
            counts = [_instructions(valgrind, tree, measure, rounds) for rounds in (2, 0)]
            per = (counts[0] - counts[1]) / CALLS
            print(f"  {label:55s} {per:10,.0f}")


if __name__ == "__main__":
    main()
