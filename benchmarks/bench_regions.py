"""Region lookups against plain Python on the same table, in the same run.

    python benchmarks/bench_regions.py
    taskset -c 0 python benchmarks/bench_regions.py --repeat 7 --sample 5000

Measures, on the bundled Kemendagri table (``data/regions/kemendagri.tsv.gz``, about
91,600 regions), each against a reference doing the bare minimum on the same data:

1. **load**: ``regions()`` from nothing (decompress, parse, the registry with the bundled
   region details) against reading the gz TSV with ``gzip`` + ``csv`` into a dict;
2. **first name lookup**: building the name index (every name with and without its type
   prefix, aliases) on the first lookup by name, against building a plain
   lower-cased-name -> codes dict;
3. **by code**: ``regions().get(code)`` for a sample of codes (every level) against
   ``dict[code]``;
4. **by name**: ``regions().get(name)`` for names written as people write them
   (``Kabupaten Banyuwangi``, ``Kab. Banyuwangi``, ``Kecamatan ...``, ``Desa ...``, bare
   names; only names that resolve to one region) against a lookup of the lower-cased name
   in the plain dict;
5. **search**: ``regions().search(text)`` for a few texts against a scan of every name.

It also checks that ``import perlindungan`` (and ``import perlindungan.regional``) does not
read the table, in a fresh process. Times are medians over ``--repeat`` runs; per-lookup
figures divide by the sample size.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import resources

SEARCHES = ("genteng", "banyu", "sungai", "kota bogor", "kec. sijunjung", "tanjung")


def _median(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _reference_table() -> dict[str, str]:
    """The table read with gzip and csv only: code -> name."""
    raw = (resources.files("perlindungan") / "data" / "regions" / "kemendagri.tsv.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    lines = (line for line in io.StringIO(text) if not line.startswith("#"))
    return {row[0]: row[1] for row in csv.reader(lines, delimiter="\t")}


def _fresh_load() -> object:
    from perlindungan.regional import _region_table, _regions  # noqa: PLC0415

    _region_table.bundled_table.cache_clear()
    _regions.regions.cache_clear()
    return _regions.regions()


def _import_check() -> str:
    code = (
        "import sys; import perlindungan; "
        "a = 'perlindungan.regional._region_table' in sys.modules; "
        "import perlindungan.regional as r; from perlindungan.regional import _region_table as t; "
        "print(a, t.bundled_table.cache_info().currsize)"
    )
    out = subprocess.run(  # noqa: S603 - runs this interpreter on fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    imported, loaded = out.stdout.split()
    return (
        f"import perlindungan: table module imported: {imported}; "
        f"after import perlindungan.regional: table loaded {loaded} times"
    )


def _names(table: dict[str, str], sample: int, rng: random.Random) -> list[str]:
    """Names as people write them, each resolving to exactly one region."""
    from perlindungan.errors import PerlindunganError  # noqa: PLC0415
    from perlindungan.regional import regions  # noqa: PLC0415

    reg = regions()
    prefix = {"district": ["Kecamatan ", "Kec. "], "village": ["Desa ", "Kelurahan ", ""]}
    codes = list(table)
    found: list[str] = []
    tries = 0
    while len(found) < sample and tries < sample * 50:
        tries += 1
        code = rng.choice(codes)
        level = reg.level_of(code)
        name = table[code]
        if level == "regency":
            name = rng.choice([name, name.replace("Kabupaten ", "Kab. "), name[10:]])
        elif level in prefix:
            name = rng.choice(prefix[level]) + name
        try:
            if reg.get(name).code == code:
                found.append(name)
        except PerlindunganError:
            continue
    return found


def main() -> None:
    """Run every measure and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure (median)")
    parser.add_argument("--sample", type=int, default=2000, help="lookups per run")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    print(_import_check())
    from perlindungan.regional import regions  # noqa: PLC0415

    table = _reference_table()
    ours = _median(args.repeat, _fresh_load)
    ref = _median(args.repeat, _reference_table)
    print(f"regions: {len(table):,} in the table")
    print(
        f"load regions():            {ours * 1e3:8.1f} ms   gzip+csv into a dict: "
        f"{ref * 1e3:7.1f} ms   ratio {ours / ref:5.1f}x"
    )

    def index() -> object:
        reg = _fresh_load()
        start = time.perf_counter()
        reg.get("Kabupaten Banyuwangi")  # type: ignore[attr-defined]
        return time.perf_counter() - start

    first = statistics.median(float(index()) for _ in range(args.repeat))  # type: ignore[arg-type]

    def plain_index() -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for code, name in table.items():
            out.setdefault(name.lower(), []).append(code)
        return out

    ref = _median(args.repeat, plain_index)
    print(
        f"first lookup by name:      {first * 1e3:8.1f} ms   plain name dict:      "
        f"{ref * 1e3:7.1f} ms   ratio {first / ref:5.1f}x  (builds the name index once)"
    )

    reg = regions()
    reg.get("Kabupaten Banyuwangi")
    codes = rng.sample(list(table), args.sample)
    ours = _median(args.repeat, lambda: [reg.get(c) for c in codes]) / len(codes)
    ref = _median(args.repeat, lambda: [table[c] for c in codes]) / len(codes)
    print(
        f"get(code), per lookup:     {ours * 1e6:8.2f} us   dict[code]:           "
        f"{ref * 1e6:7.2f} us   ratio {ours / ref:5.0f}x"
    )

    names = _names(table, args.sample, rng)
    plain = plain_index()
    keys = [n.lower() for n in names]
    ours = _median(args.repeat, lambda: [reg.get(n) for n in names]) / len(names)
    ref = _median(args.repeat, lambda: [plain.get(k) for k in keys]) / len(names)
    print(
        f"get(name), per lookup:     {ours * 1e6:8.2f} us   dict[name.lower()]:   "
        f"{ref * 1e6:7.2f} us   ratio {ours / ref:5.0f}x  ({len(names):,} names, "
        "with and without prefixes)"
    )

    ours = _median(args.repeat, lambda: [reg.search(t) for t in SEARCHES]) / len(SEARCHES)
    pairs = list(table.items())
    ref = _median(
        args.repeat,
        lambda: [[c for c, n in pairs if t in n.lower()] for t in SEARCHES],
    ) / len(SEARCHES)
    print(
        f"search(text), per search:  {ours * 1e3:8.2f} ms   scan of every name:   "
        f"{ref * 1e3:7.2f} ms   ratio {ours / ref:5.1f}x  ({', '.join(SEARCHES)})"
    )


if __name__ == "__main__":
    main()
