"""The ``perlindungan program`` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from perlindungan.cli import main

BAD = Path(__file__).parent / "bad_programs"


def test_evaluate_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            ["program", "evaluate", "kota-jambi-rentan-2025", "--on", "2025-06-01", "--lang", "en"]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Decisions: 240 rows" in out
    assert "Budget" in out


def test_budget_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["program", "budget", "kota-serang-2026", "--lang", "en"]) == 0
    assert "2,419,200,000" in capsys.readouterr().out
    assert main(["program", "list"]) == 0
    assert "sijunjung-nagari-100" in capsys.readouterr().out


def test_check_reports_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["program", "check", str(BAD / "unknown_key.toml")]) == 1
    assert "unknown_key.toml:10: program.regoin" in capsys.readouterr().err


def test_unknown_program_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["program", "show", "kota-jambi-rentan"]) == 2
    assert "tidak dikenal; maksud Anda" in capsys.readouterr().err
    assert main(["program", "show", "kota-jambi-rentan", "--lang", "en"]) == 2
    assert "did you mean" in capsys.readouterr().err
