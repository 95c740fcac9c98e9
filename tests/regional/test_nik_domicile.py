"""``nik_prefix_as_domicile``: a NIK's area code stands in for the domicile and KTP region
only when the program file says so (golden case in ``nik_domicile/``)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from perlindungan.cli import main
from perlindungan.regional import evaluate, load_scheme, load_scheme_text, read_roster

HERE = Path(__file__).parent / "nik_domicile"
NOTES = {
    "domicile": "domicile taken from the nik area code (scheme.nik_prefix_as_domicile)",
    "ktp_region": "ktp_region taken from the nik area code (scheme.nik_prefix_as_domicile)",
}


def _expected() -> list[dict[str, str]]:
    with (HERE / "expected.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("option", [True, False])
def test_golden_case(option: bool) -> None:
    text = (HERE / "program.toml").read_text(encoding="utf-8")
    if not option:  # the default: the key left out
        text = text.replace("nik_prefix_as_domicile = true\n", "")
    program = load_scheme_text(text, "program.toml")
    assert program.nik_prefix_as_domicile is option
    people = [r.person for r in read_roster(HERE / "roster.csv")]
    decisions = evaluate(program, [p for p in people if p is not None], on="2026-01-01")
    which = "with_option" if option else "by_default"
    for d, row in zip(decisions, _expected(), strict=True):
        assert d.person.id == row["id"]
        assert d.verdict.value == row[f"verdict_{which}"], row["id"]
        wanted = [NOTES[k] for k in row[f"notes_{which}"].split(";") if k in NOTES]
        if "outside" in row[f"notes_{which}"]:
            wanted.append(
                "nik first issued in 35.09.01, outside 35.10 (not the KTP domicile; not a condition)"
            )
        assert [n for n in d.notes if n != "birth_date from nik"] == wanted, row["id"]


def test_the_decision_says_where_the_domicile_came_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["scheme", "evaluate", str(HERE / "program.toml"), "--roster"]
    argv += [str(HERE / "roster.csv"), "--on", "2026-01-01", "--format", "csv"]
    assert main([*argv, "--lang", "en"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert "note: domicile taken from the nik area code" in rows[0]["reasons"]
    assert "holds a KTP of region Kabupaten Banyuwangi (35.10): met" in rows[0]["reasons"]
    assert main(argv) == 0  # Indonesian by default
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert "domisili diambil dari kode wilayah NIK" in rows[0]["reasons"]


def test_a_bundled_program_never_takes_the_nik_as_domicile() -> None:
    from perlindungan.regional import bundled_schemes  # noqa: PLC0415

    assert not any(p.nik_prefix_as_domicile for p in bundled_schemes())
    assert load_scheme(HERE / "program.toml").nik_prefix_as_domicile
