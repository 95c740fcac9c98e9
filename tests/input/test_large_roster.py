"""A 100,000-row roster with 1% broken rows gives 100,000 rows out."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from perlindungan.cli import main

BROKEN = [
    '"unclosed,guru_ngaji,36.73,kelurahan_letter,false,1980-01-01,1000000',
    "{id},Siti,guru_ngajii,36.73,kelurahan_letter,false,1980-01-01,1000000",
    "{id},Siti,guru_ngaji,36.73,kelurahan_letter,maybe,1980-01-01,1000000",
    "{id},Siti,guru_ngaji,36.73,kelurahan_letter,false,2099-13-01,1000000",
    "{id},Siti,guru_ngaji,36.73,kelurahan_letter,false,1980-01-01,1e999999999",
    "{id},Siti,guru_ngaji,36.73,kelurahan_letter,false,1980-01-01,1000000,extra",
    "P-00001,Siti,guru_ngaji,36.73,kelurahan_letter,false,1980-01-01,1000000",
    "{id},=HYPERLINK(1),guru_ngaji,36.73,kelurahan_letter,false,1980-01-01,²",
]


@pytest.mark.slow
def test_every_row_of_a_large_roster_comes_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(11)
    rows = 100_000
    broken = set(rng.sample(range(rows), rows // 100))
    lines = ["id,name,role,ktp_region,documents,covered_as_pu,birth_date,income"]
    for i in range(rows):
        ident = f"P-{i:05d}"
        if i in broken and i != 1:
            lines.append(rng.choice(BROKEN).format(id=ident))
        else:
            lines.append(f"{ident},Siti,guru_ngaji,36.73,kelurahan_letter,false,1980-01-01,1000000")
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    argv = [
        "scheme",
        "evaluate",
        "kota-serang-2026",
        "--on",
        "2026-01-01",
        "--roster",
        str(roster),
    ]
    assert main([*argv, "--output", f"{out}/"]) == 0
    capsys.readouterr()
    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    summary = result["summary"]
    assert summary["rows"] == rows == len(result["people"])
    assert summary["rows"] == summary["decisions"] + summary["row_errors"]
    assert [p["row"] for p in result["people"]] == list(range(2, rows + 2))
    assert summary["row_errors"] == len(broken - {1})
    decisions = (out / "decisions.csv").read_text(encoding="utf-8").splitlines()
    assert len(decisions) == rows + 1
