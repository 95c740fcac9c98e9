"""Convert a Kemendagri region-code table (SQL ``('code','name')`` rows) into the bundled
``data/regions/kemendagri.tsv.gz`` (one ``code<TAB>name`` line per region, ``#`` header
lines with the source, edition, licence and counts).

Usage: ``python scripts/import_kemendagri.py wilayah.sql --source "..." --edition "..."``.
The input is the public table ``db/wilayah.sql`` of github.com/cahyadsn/wilayah (MIT);
only its data is kept. Output is deterministic (gzip mtime 0), so re-running on the
same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections import Counter
from pathlib import Path

_ROW = re.compile(r"^\('([0-9.]+)','((?:[^'\\]|\\.|'')*)'\)[,;]\s*$")
OUT = Path(__file__).resolve().parents[1] / "src/perlindungan/data/regions/kemendagri.tsv.gz"


def level(code: str) -> str:
    """The level of a Kemendagri code (by its number of parts, and 71-99 for a kota)."""
    parts = code.split(".")
    if len(parts) == 2:
        return "city" if int(parts[1]) >= 71 else "regency"
    return {1: "province", 3: "district", 4: "village"}[len(parts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sql", type=Path)
    parser.add_argument("--source", required=True)
    parser.add_argument("--edition", required=True)
    parser.add_argument("--licence", required=True)
    parser.add_argument("--output", type=Path, default=OUT)
    args = parser.parse_args()
    rows: dict[str, str] = {}
    for line in args.sql.read_text(encoding="utf-8").splitlines():
        m = _ROW.match(line.strip())
        if m:
            code, name = m.group(1), m.group(2).replace("''", "'").replace("\\'", "'")
            name = " ".join(name.split())
            if code in rows:
                raise SystemExit(f"code {code} twice")
            rows[code] = name
    for code in rows:
        if "." in code and code.rsplit(".", 1)[0] not in rows:
            raise SystemExit(f"parent of {code} missing")
    counts = Counter(level(c) for c in rows)
    villages = Counter(c.split(".")[3][0] for c in rows if c.count(".") == 3)
    header = [
        "# Kemendagri codes of every province, kabupaten/kota, kecamatan and desa/kelurahan.",
        f"# edition: {args.edition}",
        f"# source: {args.source}",
        f"# licence: {args.licence}",
        "# counts: "
        + " ".join(
            f"{k}={counts[k]}" for k in ("province", "regency", "city", "district", "village")
        ),
        f"# village kinds: kelurahan(1xxx)={villages['1']} desa(2xxx)={villages['2']} desa_adat(3xxx)={villages['3']}",
        "# columns: code<TAB>name (kabupaten/kota with their Kabupaten/Kota prefix, others bare)",
    ]
    body = "".join(
        f"{c}\t{n}\n"
        for c, n in sorted(rows.items(), key=lambda kv: [int(p) for p in kv[0].split(".")])
    )
    data = ("\n".join(header) + "\n" + body).encode("utf-8")
    with (
        args.output.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9, filename="") as f,
    ):
        f.write(data)
    print(f"{args.output}: {len(rows)} regions, {args.output.stat().st_size} bytes; {dict(counts)}")


if __name__ == "__main__":
    main()
