"""Write the parsed copies of the bundled data files (``src/perlindungan/data/parsed``).

Loading the bundled data is mostly parsing TOML in pure Python; the JSON copies written
here are read instead when (and only when) the SHA-256 recorded for a file matches the
TOML bytes (see ``perlindungan._toml``). Run it after editing any file in
``data/legal_bases``, ``data/parameters``, ``data/regions`` or ``data/schemes``; a stale
copy is never used, it only makes loading slower, and the test suite fails until it is
regenerated. The output is deterministic: same files, same bytes.

    python scripts/cache_data.py          # write the files
    python scripts/cache_data.py --check  # fail when a copy is out of date
"""

from __future__ import annotations

from pathlib import Path

from _generated import write_or_check

from perlindungan._toml import PARSED, parsed_copy_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "perlindungan" / "data"
#: The folders of TOML files the library loads as bundled data.
FOLDERS = ("legal_bases", "parameters", "regions", "schemes")


def build() -> dict[str, str]:
    """File name -> JSON text of every parsed copy."""
    return {f"{folder}.json": parsed_copy_text(DATA / folder, folder) for folder in FOLDERS}


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the parsed copies."""
    return write_or_check(
        build,
        DATA / PARSED,
        description=__doc__.splitlines()[0],
        script="scripts/cache_data.py",
        argv=argv,
    )


if __name__ == "__main__":
    raise SystemExit(main())
