"""The command line: ``perlindungan contributions`` and ``perlindungan payroll``.

A few runs go through a real subprocess (``python -m perlindungan``); the many bad-input
cases call :func:`perlindungan.cli.main` in-process to keep the suite fast.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from perlindungan import quote_from_request
from perlindungan.cli import main
from perlindungan.money import format_rupiah
from perlindungan.payroll import COLUMNS, bundled_payroll, payroll_contributions
from perlindungan.programs import Payer
from perlindungan.regional._person import FACTS

# the assertions read the English messages (the Indonesian default: tests/test_language.py)
pytestmark = pytest.mark.usefixtures("english_cli")

SAMPLE = Path(__file__).parents[2] / "src" / "perlindungan" / "data" / "samples" / "payroll.csv"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "perlindungan", *args],
        input="" if stdin is None else stdin,  # never the suite's own stdin
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def run_json(*args: str, stdin: str | None = None) -> dict[str, Any]:
    result = run(*args, "--json", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_flags_wage_earner() -> None:
    data = run_json(
        "contributions", "--on", "2024-06-01", "--category", "pu", "--wage", "10000000",
        "--risk-class", "3", "--birth-date", "1990-05-17",
    )  # fmt: skip
    assert data["totals"] == {"employer": 689000, "worker": 300000, "government": 11000}
    assert data["total"] == 1000000
    jkk = next(line for line in data["lines"] if line["program"] == "JKK")
    assert jkk == jkk | {"amount": 89000, "rate": "0.0089", "base": 10000000, "payer": "employer"}
    assert "PP 44/2015" in jkk["basis"]


def test_flags_non_wage_earner_with_jht_and_relief_sector() -> None:
    data = run_json(
        "contributions", "--on", "2023-07-06", "--category", "bpu", "--income", "1000000",
        "--with-jht",
    )  # fmt: skip
    assert data["totals"] == {"worker": 36800}


def test_flags_construction_project() -> None:
    data = run_json(
        "contributions", "--on", "2025-01-15", "--category", "construction",
        "--contract-value", "850000000",
    )  # fmt: skip
    amounts = {line["program"]: line["amount"] for line in data["lines"]}
    assert amounts == {"JKK": 1345000, "JKM": 180000}
    assert all(line["frequency"] == "once" for line in data["lines"])


def test_flags_migrant_worker() -> None:
    data = run_json(
        "contributions", "--on", "2024-01-15", "--category", "migrant", "--contract-months", "30"
    )
    assert data["totals"] == {"worker": 451000}
    assert [note["code"] for note in data["notes"]] == ["migrant_package_choice"]


def test_json_request_file(tmp_path: Path) -> None:
    request = {
        "on": "2025-03-01",
        "worker": {
            "category": "pu", "wage": 5000000, "risk_class": 1, "birth_date": "1990-01-01",
            "employer": {"sector": "textile_apparel", "workers": 50},
        },
    }  # fmt: skip
    path = tmp_path / "request.json"
    path.write_text(json.dumps(request), "utf-8")
    data = run_json("contributions", str(path))
    jkk = next(line for line in data["lines"] if line["program"] == "JKK")
    assert jkk["amount"] == 6000
    assert jkk["relief"]["scheme"] == "PP 7/2025"
    assert jkk["relief"]["normal_amount"] == 12000


def test_stdin_request_and_table_in_english() -> None:
    request = '{"on": "2025-03-01", "worker": {"category": "bpu", "income": 1000000}}'
    result = run("contributions", "-", "--lang", "en", stdin=request)
    assert result.returncode == 0, result.stderr
    assert "IDR16,800" in result.stdout
    assert "JKM" in result.stdout


def test_explain_in_english_and_indonesian() -> None:
    args = ["contributions", "--on", "2025-03-01", "--category", "bpu", "--income", "1000000"]
    english = run(*args, "--explain", "--lang", "en")
    assert english.returncode == 0, english.stderr
    assert "1% of IDR1,000,000 = IDR10,000" in english.stdout
    assert "rounded half up" in english.stdout
    indonesian = run(*args, "--explain", "--lang", "id")
    assert indonesian.returncode == 0, indonesian.stderr
    assert "1% dari Rp1.000.000 = Rp10.000" in indonesian.stdout
    assert "dasar hukum" in indonesian.stdout


def test_payroll_on_the_bundled_sample() -> None:
    result = run("payroll", "--on", "2025-03-01", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "(84 rows = 84 computed + 0 row errors)" in result.stdout
    assert "Totals by payer" in result.stdout
    assert len(bundled_payroll()) == 84
    payroll = payroll_contributions(bundled_payroll(), on="2025-03-01")
    totals = payroll.totals()
    government = totals[Payer.GOVERNMENT]
    assert government > 0
    # the employer's total is what employers pay: never the central government's JKP
    assert f"employer: {format_rupiah(totals[Payer.EMPLOYER], locale='en')}" in result.stdout
    billed = payroll.billed()
    assert billed == sum(a for p, a in totals.items() if p is not Payer.GOVERNMENT)
    assert f"billed (without central government): {format_rupiah(billed, locale='en')}" in (
        result.stdout
    )
    assert (
        "central government (JKP, not billed to the employer): "
        f"{format_rupiah(government, locale='en')}" in result.stdout
    )
    assert format_rupiah(billed + government, locale="en") not in result.stdout
    data = run_json("payroll", "--on", "2025-03-01")
    assert data["billed"] == int(billed)
    assert data["government"] == int(government)
    assert data["totals"]["government"] == int(government)


def test_payroll_help_lists_the_csv_columns() -> None:
    result = run("payroll", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "CSV columns read: " + ", ".join(COLUMNS) in text
    roster = " ".join(run("scheme", "--help").stdout.split())
    assert "evaluate --roster: CSV columns read: " + ", ".join(FACTS) in roster


def test_a_request_piped_on_stdin_is_read_without_a_dash() -> None:
    request = '{"on": "2025-06-01", "worker": {"category": "migrant", "contract_months": 30}}'
    piped = run("contributions", "--json", stdin=request)
    dash = run("contributions", "-", "--json", stdin=request)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == dash.stdout
    assert json.loads(piped.stdout)["category"] == "migrant"
    claim = (
        '{"on": "2025-03-01", "claim": {"program": "JKM", "event": "death", '
        '"category": "pu", "membership_months": 48}}'
    )
    benefit = run("benefits", "--json", stdin=claim)
    assert benefit.returncode == 0, benefit.stderr
    assert json.loads(benefit.stdout)["eligible"] is True
    # nothing piped and no flags: the flags are asked for, as before
    empty = run("contributions", "--json")
    assert empty.returncode == 2
    assert "--on is required" in empty.stderr


def test_payroll_with_one_bad_row(tmp_path: Path) -> None:
    lines = SAMPLE.read_text("utf-8").splitlines()
    bad = "X-1,Bad Row,pu,-10,3,1980-01-01,,,,,,,"
    path = tmp_path / "payroll.csv"
    path.write_text("\n".join([*lines[:3], bad, lines[-1]]) + "\n", "utf-8")
    result = run("payroll", str(path), "--on", "2025-03-01", "--json")
    assert result.returncode == 1
    assert "row 4" in result.stderr
    assert "wage must be a positive amount" in result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert len(data["workers"]) == 3
    assert data["rows"] == 4
    assert [error["row"] for error in data["errors"]] == [4]


BAD_SUBPROCESS = [
    pytest.param(
        ["contributions", "--on", "2024-06-01", "--category", "pu", "--wage", "-5",
         "--risk-class", "3", "--birth-date", "1990-05-17"],
        None, "worker.wage", id="negative wage",
    ),
    pytest.param(["contributions", "-"], "not json", "not valid JSON", id="not JSON"),
    pytest.param(
        ["contributions", "--on", "2024-06-01", "--category", "pux"], None, "worker.category",
        id="unknown category",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("args", "stdin", "field"), BAD_SUBPROCESS)
def test_bad_input_in_a_subprocess(args: list[str], stdin: str | None, field: str) -> None:
    result = run(*args, stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("perlindungan: error: ")
    assert field in lines[0]
    assert "Traceback" not in result.stderr


PU_FLAGS = ["contributions", "--on", "2024-06-01", "--category", "pu"]
BAD_IN_PROCESS = [
    pytest.param([*PU_FLAGS, "--wage", "0", "--risk-class", "1", "--birth-date", "1990-01-01"],
                 "worker.wage", id="zero wage"),
    pytest.param([*PU_FLAGS, "--wage", "lima", "--risk-class", "1", "--birth-date", "1990-01-01"],
                 "worker.wage", id="non-numeric wage"),
    pytest.param([*PU_FLAGS, "--wage", "5000000", "--risk-class", "9", "--birth-date",
                  "1990-01-01"], "worker.risk_class", id="unknown risk class"),
    pytest.param([*PU_FLAGS, "--wage", "5000000", "--risk-class", "1", "--birth-date",
                  "1990-02-30"], "worker.birth_date", id="malformed birth date"),
    pytest.param([*PU_FLAGS, "--wage", "5000000", "--risk-class", "1"], "worker.birth_date",
                 id="missing field"),
    pytest.param(["contributions", "--on", "2025-13-01", "--category", "bpu", "--income",
                  "1000000"], "on must be", id="malformed date"),
    pytest.param(["contributions", "--on", "2015-06-30", "--category", "bpu", "--income",
                  "1000000"], "2015-07-01", id="date before July 2015"),
    pytest.param(["contributions", "--on", "2025-01-01", "--category", "bpu", "--income",
                  "1000000", "--contract-months", "24"], "worker.contract_months",
                 id="field of another category"),
    pytest.param(["contributions", "--on", "2025-01-01", "--category", "bpu", "--income",
                  "500000"], "worker.income", id="income below the minimum"),
    pytest.param(["contributions", "--on", "2027-03-01", "--category", "pu", "--wage",
                  "5000000", "--risk-class", "1", "--birth-date", "1990-01-01"],
                 "pu.jp.wage_cap", id="JP cap not known yet"),
    pytest.param(["contributions", "/nonexistent/request.json"], "request",
                 id="missing request file"),
    pytest.param(["payroll", "/nonexistent/payroll.csv", "--on", "2025-03-01"], "payroll file",
                 id="missing payroll file"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "field"), BAD_IN_PROCESS)
def test_bad_input_in_process(
    argv: list[str], field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("perlindungan: error: ")
    assert field in lines[0]


def _main_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main([*argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def test_employer_flags_give_the_relief_the_json_request_gives(
    capsys: pytest.CaptureFixture[str],
) -> None:
    worker = ["--category", "pu", "--wage", "5000000", "--risk-class", "3"]
    worker += ["--birth-date", "1990-01-01"]
    flags = _main_json(
        ["contributions", "--on", "2025-06-01", *worker, "--sector", "textile_apparel",
         "--workers", "60"],
        capsys,
    )  # fmt: skip
    request = {
        "on": "2025-06-01",
        "worker": {
            "category": "pu",
            "wage": 5000000,
            "risk_class": 3,
            "birth_date": "1990-01-01",
            "employer": {"sector": "textile_apparel", "workers": 60},
        },
    }
    assert flags == quote_from_request(request).to_dict()
    (jkk,) = [line for line in flags["lines"] if line["program"] == "JKK"]
    assert jkk["amount"] == 22250  # half of 0.89% of 5,000,000 (PP 7/2025)
    few = _main_json(
        ["contributions", "--on", "2025-06-01", *worker, "--sector", "textile_apparel",
         "--workers", "10"],
        capsys,
    )  # fmt: skip
    assert [line["amount"] for line in few["lines"] if line["program"] == "JKK"] == [44500]


def test_the_number_of_workers_must_be_a_whole_number(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["contributions", "--on", "2025-06-01", "--category", "pu", "--wage", "5000000"]
    assert main([*argv, "--workers", "many"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("perlindungan: error: ")
    assert "--workers" in err
