"""Write the parsed copies of the bundled data files (``src/perlindungan/data/parsed``).

Loading the bundled data is mostly parsing TOML in pure Python; the JSON copies written
here are read instead when (and only when) the SHA-256 recorded for a file matches the
TOML bytes (see ``perlindungan._toml``). Run it after editing any file in
``data/legal_bases``, ``data/parameters``, ``data/regions`` or ``data/programs``; a stale
copy is never used, it only makes loading slower, and the test suite fails until it is
regenerated. The output is deterministic: same files, same bytes.

    python scripts/cache_data.py          # write the files
    python scripts/cache_data.py --check  # fail when a copy is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from perlindungan._toml import PARSED, parsed_copy_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "perlindungan" / "data"
#: The folders of TOML files the library loads as bundled data.
FOLDERS = ("legal_bases", "parameters", "programs", "regions")


def build() -> dict[str, str]:
    """File name -> JSON text of every parsed copy."""
    return {f"{folder}.json": parsed_copy_text(DATA / folder, folder) for folder in FOLDERS}


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the parsed copies."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a copy is out of date")
    args = parser.parse_args(argv)
    out = DATA / PARSED
    stale = []
    for name, text in build().items():
        path = out / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(name)
        else:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print(
            f"out of date: {', '.join(stale)} in {out.relative_to(ROOT)}; "
            "run python scripts/cache_data.py",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
