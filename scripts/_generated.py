"""Write generated files, or with ``--check`` report those out of date.

Shared by the scripts that generate files bundled in the package (the conformance
vectors, the parsed copies of the data); each gives the files it builds, by name, as text.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_or_check(
    build: Callable[[], Mapping[str, str]],
    out: Path,
    *,
    description: str,
    script: str,
    argv: list[str] | None = None,
) -> int:
    """Write the files ``build()`` gives into ``out``; with ``--check``, write nothing and
    return 1 (naming the files) when any differs from what is there."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="fail when a file is out of date")
    args = parser.parse_args(argv)
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
            f"out of date: {', '.join(stale)} in {out.relative_to(ROOT)}; run python {script}",
            file=sys.stderr,
        )
        return 1
    return 0
