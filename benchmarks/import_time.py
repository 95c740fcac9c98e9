"""Import time: ``import perlindungan`` and the data a contribution needs (issue 13's budget).

Run from the repository root::

    .venv/bin/python benchmarks/import_time.py           # 21 fresh processes per case
    .venv/bin/python benchmarks/import_time.py --quick   # 7 per case

Each case runs in fresh processes, interleaved (case 1, 2, 3, 4, 1, 2, ...) so that a busy
machine slows them alike. Each process times itself from just before ``import
perlindungan`` to the end of the case (``perf_counter``, in-process), and the wall clock
of the whole process is timed from outside; the bare interpreter (``python -c pass``) is
the reference of the same run, subtracted from the wall clock. Medians are printed.

The bytecode is cached as after ``pip install``: the processes get their own
``PYTHONPYCACHEPREFIX``, filled by two warm-up runs of every case.

Cases:

1. ``import perlindungan``;
2. ``import perlindungan`` and one wage earner's contributions (``pl.contributions``): the
   import plus the data a contribution needs (every parameter file and the legal bases,
   read and checked) and the first quote; budget (issue 13): at most 100 ms;
3. ``import perlindungan`` and all the bundled data (every parameter, the legal bases, the
   regions and the regional program files), as in ``benchmarks/scalar.py``;
4. and 5. cases 2 and 3 with the parsed copies ignored (the TOML files parsed), as in a
   source checkout that was never installed: what the copies generated at build time
   (``scripts/build_hook.py``) save. In an editable install whose copies are missing or
   older than the TOML files, cases 2 and 3 parse too (rerun ``pip install -e .``).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

START = "import time; s = time.perf_counter(); "
END = "; print(time.perf_counter() - s)"
CASES = {
    "bare interpreter (reference)": START + "pass" + END,
    "import perlindungan": START + "import perlindungan" + END,
    "import + one contribution (data a contribution needs)": START
    + "import perlindungan as pl; "
    + "pl.contributions(pl.WageEarner(wage=5_000_000, risk_class=1, "
    + "birth_date='1990-01-01'), on='2025-06-01')"
    + END,
    "import + all bundled data": START
    + "import perlindungan; from perlindungan import regional; "
    + "ps = perlindungan.parameters(); [perlindungan.parameter(n) for n in ps]; ps.bases; "
    + "regional.regions(); regional.bundled_programs()"
    + END,
}
CASES["import + one contribution, TOML parsed (copies ignored)"] = CASES[
    "import + one contribution (data a contribution needs)"
].replace(
    "import perlindungan as pl; ",
    "import perlindungan as pl; import perlindungan._toml as t; t.PARSED = 'none'; ",
)
CASES["import + all bundled data, TOML parsed (copies ignored)"] = CASES[
    "import + all bundled data"
].replace(
    "import perlindungan; ",
    "import perlindungan; import perlindungan._toml as t; t.PARSED = 'none'; ",
)
BUDGET_MS = 100.0
REFERENCE = "bare interpreter (reference)"
BUDGETED = "import + one contribution"


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _run(code: str, env: dict[str, str]) -> tuple[float, float, float]:
    """(in-process seconds, wall-clock seconds, CPU seconds) of one fresh process."""
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
    )
    wall = time.perf_counter() - start
    return float(done.stdout), wall, _cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="7 processes per case")
    parser.add_argument("--runs", type=int, default=None, help="processes per case")
    args = parser.parse_args(argv)
    runs = args.runs or (7 if args.quick else 21)
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for code in CASES.values():  # warm-up: fill the bytecode cache
            _run(code, env)
            _run(code, env)
        inside: dict[str, list[float]] = {name: [] for name in CASES}
        wall: dict[str, list[float]] = {name: [] for name in CASES}
        cpu: dict[str, list[float]] = {name: [] for name in CASES}
        for _ in range(runs):
            for name, code in CASES.items():
                a, b, c = _run(code, env)
                inside[name].append(a)
                wall[name].append(b)
                cpu[name].append(c)
    bare = statistics.median(wall[REFERENCE])
    bare_cpu = statistics.median(cpu[REFERENCE])
    print(f"Import time, median of {runs} fresh processes per case, bytecode cached")
    print(f"{'case':<60} {'in-process':>10} {'wall-bare':>10} {'CPU-bare':>10}")
    for name in CASES:
        own = statistics.median(inside[name]) * 1e3
        net = (statistics.median(wall[name]) - bare) * 1e3
        net_cpu = (statistics.median(cpu[name]) - bare_cpu) * 1e3
        note = f"  (budget <= {BUDGET_MS:.0f} ms)" if name.startswith(BUDGETED) else ""
        print(f"{name:<60} {own:7.1f} ms {net:7.1f} ms {net_cpu:7.1f} ms{note}")
    print(f"bare interpreter: wall {bare * 1e3:.1f} ms, CPU {bare_cpu * 1e3:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
