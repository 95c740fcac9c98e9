"""The ``perlindungan scheme`` command, and its old name ``perlindungan program``."""

from __future__ import annotations

from pathlib import Path

import pytest

from perlindungan.cli import main

BAD = Path(__file__).parent / "bad_programs"


def test_evaluate_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["scheme", "evaluate", "kota-jambi-rentan-2025", "--on", "2025-06-01", "--lang", "en"])
        == 0
    )
    out = capsys.readouterr().out
    assert "Decisions: 240 rows" in out
    assert "Budget" in out


def test_budget_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scheme", "budget", "kota-serang-2026", "--lang", "en"]) == 0
    assert "2,419,200,000" in capsys.readouterr().out
    assert main(["scheme", "list"]) == 0
    assert "sijunjung-nagari-100" in capsys.readouterr().out


def test_check_reports_problem(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scheme", "check", str(BAD / "unknown_key.toml")]) == 1
    assert "unknown_key.toml:10: program.regoin" in capsys.readouterr().err


def test_unknown_scheme_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scheme", "show", "kota-jambi-rentan"]) == 2
    assert "tidak dikenal; maksud Anda" in capsys.readouterr().err
    assert main(["scheme", "show", "kota-jambi-rentan", "--lang", "en"]) == 2
    assert "did you mean" in capsys.readouterr().err


OLD_NAME_CASES = [
    ["list"],
    ["list", "--lang", "en"],
    ["show", "kota-serang-2026"],
    ["show", "sijunjung-nagari-100", "--lang", "en"],
    ["check", str(BAD / "unknown_key.toml")],
    ["check", str(BAD.parent / "budget_cases" / "phased-plan.toml")],
    ["evaluate", "kota-jambi-rentan-2025", "--on", "2025-06-01", "--format", "json"],
    ["evaluate", "kota-serang-2026", "--format", "csv", "--lang", "en"],
    ["budget", "kota-serang-2026", "--from", "2026-01-01", "--to", "2026-06-30"],
    ["budget", "kota-serang-2026", "--set", "quota.total=13000", "--format", "csv"],
    ["show", "kota-jambi-rentan"],
    ["evaluate"],
    ["list", "--format", "json"],
]


@pytest.mark.parametrize("argv", OLD_NAME_CASES, ids=" ".join)
def test_the_old_name_program_prints_the_same_with_a_note(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    new_code = main(["scheme", *argv])
    new = capsys.readouterr()
    old_code = main(["program", *argv])
    old = capsys.readouterr()
    assert (old_code, old.out) == (new_code, new.out)
    note, _, rest = old.err.partition("\n")
    assert "'program'" in note
    assert "perlindungan scheme" in note
    assert rest.replace("'program ", "'scheme ") == new.err


def test_the_note_follows_lang(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["program", "list", "--lang", "en"]) == 0
    english = capsys.readouterr().err
    assert main(["program", "list"]) == 0
    indonesian = capsys.readouterr().err
    assert english.startswith("perlindungan: note: 'program' is deprecated")
    assert indonesian != english
    assert "perlindungan scheme" in indonesian


def test_the_target_may_follow_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    # argparse alone leaves a target given after options over ("unrecognized arguments")
    first = ["scheme", "evaluate", "kota-jambi-rentan-2025", "--on", "2025-06-01"]
    assert main(first) == 0
    expected = capsys.readouterr().out
    assert main(["scheme", "evaluate", "--on", "2025-06-01", "kota-jambi-rentan-2025"]) == 0
    assert capsys.readouterr().out == expected
    assert main(["scheme", "check", "--lang", "en", str(BAD / "unknown_key.toml")]) == 1
    assert "unknown_key.toml:10: program.regoin" in capsys.readouterr().err


def test_what_is_still_left_over_is_argparse_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["scheme", "show", "--lang", "en", "kota-jambi-rentan-2025", "extra"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: kota-jambi-rentan-2025 extra" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["scheme", "show", "kota-jambi-rentan-2025", "--bogus"])
    assert exit_.value.code == 2
    assert "--bogus" in capsys.readouterr().err
