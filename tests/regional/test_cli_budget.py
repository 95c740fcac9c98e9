"""``program budget`` over a period: formats, scenarios, charts, and refused flags."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from perlindungan.cli import main

# the assertions read the English messages (the Indonesian default: tests/test_language.py)
pytestmark = pytest.mark.usefixtures("english_cli")

CASES = Path(__file__).parent / "budget_cases"
PLAN = str(CASES / "phased-plan.toml")


def test_phased_budget_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "scheme",
                "budget",
                PLAN,
                "--from",
                "2026-01-01",
                "--to",
                "2026-12-31",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "total: IDR3,528,000,000" in out
    assert "billing rule: a month is billed in full" in out
    # phase and payer in words; the CSV and JSON keep the codes
    assert re.search(
        r"2026-07\s+phase 2\s+regional budget \(APBD\) of Kota Serang\s+15,000\s+IDR252,000,000",
        out,
    )
    assert "assumptions: participants grow 0% a year" in out


def test_budget_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["scheme", "budget", PLAN, "--from", "2026-01-01", "--to", "2026-12-31"]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 3_528_000_000
    assert data["per_phase_year"]["2026"] == {"tahap I": 2_016_000_000, "tahap II": 1_512_000_000}
    assert [m["people"] for m in data["months"]][5:7] == [10_000, 25_000]
    assert main([*args, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "month,year,phase,payer,program,people,amount,phase_text,payer_text"
    assert lines[-1] == "total,,,,,,3528000000,,"
    assert sum(int(x.split(",")[6]) for x in lines[1:-1]) == 3_528_000_000
    assert lines[1].endswith(",phase 1,regional budget (APBD) of Kota Serang")


def test_budget_default_year_from_start(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scheme", "budget", "kota-serang-2026", "--lang", "en"]) == 0
    assert "total: IDR2,419,200,000" in capsys.readouterr().out


def test_budget_with_roster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "r.csv"
    rows = ["id,role,domicile,covered_as_pu"]
    rows += [f"p{i},pekerja_rentan,15.71,false" for i in range(10)]
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["scheme", "budget", "kota-jambi-rentan-2025", "--roster", str(roster)]
    assert main([*args, "--from", "2025-06-01", "--to", "2025-06-30", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == "roster"
    assert data["total"] == 10 * 16_800


def test_scenario_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "s.toml"
    f.write_text(
        '[scenario]\nname = "JKK 1,2%"\nset = ["bpu.jkk.rate=0.012@2026-07-01"]\n', encoding="utf-8"
    )
    args = ["scheme", "budget", PLAN, "--from", "2026-01-01", "--to", "2026-12-31"]
    assert main([*args, "--scenario", str(f), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("SCENARIO (what-if, not the adopted plan): JKK 1,2%")
    assert re.search(
        r"2026\s+regional budget \(APBD\) of Kota Serang\s+IDR3,528,000,000\s+IDR3,828,000,000"
        r"\s+IDR300,000,000",
        out,
    )
    assert main([*args, "--set", "quota.total=30000", "--format", "csv"]) == 0
    assert "2026,regional_budget,3528000000,4032000000,504000000," in capsys.readouterr().out
    assert main([*args, "--set", "quota.total=30000", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "scenario"


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (
            ["scheme", "evaluate", "kota-serang-2026", "--from", "2026-01-01"],
            "--from does not apply to 'scheme evaluate'",
        ),
        (
            ["scheme", "show", "kota-serang-2026", "--roster", "x.csv"],
            "--roster does not apply to 'scheme show'",
        ),
        (["scheme", "list", "--format", "json"], "--format does not apply to 'scheme list'"),
        (
            ["scheme", "evaluate", "kota-serang-2026", "--format", "html"],
            "--format html applies to 'scheme budget' only",
        ),
        (["scheme", "budget", "kota-serang-2026", "--on", "2025-01-01"], "not in force that day"),
        (
            ["scheme", "evaluate", "kota-serang-2026", "--on", "2025-01-01"],
            "not in force that day",
        ),
        (
            ["scheme", "budget", "kota-serang-2026", "--roster", "r.csv", "--participants", "5"],
            "--participants does not apply with --roster",
        ),
        (
            ["scheme", "budget", "kota-serang-2026", "--progress"],
            "--progress applies with --roster only",
        ),
        (["scheme", "budget", "kota-serang-2026", "--to", "2026-06-30"], "--to needs --from"),
        (
            ["scheme", "budget", "kota-serang-2026", "--from", "2026-01-01", "--on", "2026-02-01"],
            "--on with --from/--to applies to a roster",
        ),
        (
            ["scheme", "budget", "kota-serang-2026", "--set", "bpu.jkk.rat=1"],
            "did you mean 'bpu.jkk.rate'",
        ),
        (["scheme", "budget", PLAN, "--participants", "5"], "phase by phase"),
    ],
)
def test_inapplicable_flags_refused(
    argv: list[str], fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert fragment in err
    assert err.count("\n") == 1


def test_a_year_from_29_february_ends_on_28_february(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["scheme", "budget", "kota-serang-2026", "--format", "json"]
    assert main([*argv, "--from", "2028-02-29"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["from"], data["to"]) == ("2028-02-29", "2029-02-28")
    assert main([*argv, "--from", "2027-03-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["from"], data["to"]) == ("2027-03-01", "2028-02-29")


def test_a_roster_budget_without_a_date_evaluates_on_the_last_day_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "r.csv"
    rows = ["id,role,domicile,covered_as_pu"]
    rows += [f"p{i},pekerja_rentan,15.71,false" for i in range(3)]
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["scheme", "budget", "kota-jambi-rentan-2025", "--roster", str(roster)]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == "roster"
    assert data["from"] == "2025-05-22"
    assert data["total"] > 0


def test_budget_output_must_be_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scheme", "budget", "kota-serang-2026", "--output", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "--output takes a file, not a folder; use --charts DIR for charts." in err


def test_a_scenario_shows_its_note_and_the_notes_of_both_budgets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "s.toml"
    f.write_text(
        '[scenario]\nname = "JKK 1,2%"\nnote = "Asumsi dinas: tarif naik Juli."\n'
        'set = ["bpu.jkk.rate=0.012@2026-07-01"]\n',
        encoding="utf-8",
    )
    args = ["scheme", "budget", "kota-serang-2026", "--from", "2025-06-01", "--to", "2026-12-31"]
    assert main([*args, "--scenario", str(f), "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "SCENARIO (what-if, not the adopted plan): JKK 1,2%",
        "settings: bpu.jkk.rate=0.012@2026-07-01",
        "Asumsi dinas: tarif naik Juli.",
    ]
    assert lines[-1] == "  - 2025-06..2025-12: not billed; the scheme starts on 2026-01-01"
    assert "notes:" in lines


def test_budget_csv_escapes_formula_looking_phase_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A phase name from a scheme file went into the CSV as is: a spreadsheet ran it.
    text = Path(PLAN).read_text(encoding="utf-8")
    assert 'name = "tahap I"' in text
    evil = tmp_path / "evil.toml"
    evil.write_text(
        text.replace('name = "tahap I"', 'name = "=HYPERLINK(\\"http://x\\")"'), encoding="utf-8"
    )
    args = ["scheme", "budget", str(evil), "--from", "2026-01-01", "--to", "2026-12-31"]
    assert main([*args, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    phases = {row[2] for row in rows[1:-1]}
    assert phases == {'\'=HYPERLINK("http://x")', "tahap II"}
    assert {row[7] for row in rows[1:-1]} == {"phase 1", "phase 2"}  # the labels stay words
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    assert rows[-1][0] == "total"
