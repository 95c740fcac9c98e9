"""The command-line reference of the documentation, in the language of each build.

``docs/_ext/perlindungan_cli.py`` renders the help of every command from
``perlindungan.cli.build_parser(lang)``; the Indonesian build refuses a help text left in
English (:func:`untranslated`).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))
perlindungan_cli = importlib.import_module("perlindungan_cli")  # a docs extension module


def test_english_reference_is_the_parsers_help() -> None:
    lines = perlindungan_cli.cli_lines("en")
    assert any(line.startswith("usage: perlindungan [-h]") for line in lines)
    assert "## `perlindungan region coverage`" in lines
    assert perlindungan_cli.untranslated("en") == []


def test_indonesian_reference_is_in_indonesian() -> None:
    text = "\n".join(perlindungan_cli.cli_lines("id"))
    assert "penggunaan: perlindungan [-h]" in text
    assert "\nopsi:\n" in text
    assert "usage:" not in text
    assert "show this help message and exit" not in text


def test_every_help_text_of_the_command_line_has_its_indonesian() -> None:
    """What the Indonesian docs build checks: no help text is left in English."""
    assert perlindungan_cli.untranslated("id") == []


def _parser(description: str, flag_help: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="perlindungan", description=description)
    parser.add_argument("--on", help=flag_help)
    return parser


def test_a_help_text_equal_in_both_languages_is_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    parsers = {
        "en": _parser("Contributions of one worker.", "date (YYYY-MM-DD)"),
        "id": _parser("Iuran satu pekerja.", "date (YYYY-MM-DD)"),
    }
    monkeypatch.setattr(perlindungan_cli, "parser_in", parsers.__getitem__)
    left = perlindungan_cli.untranslated("id")
    assert "date (YYYY-MM-DD)" in left
    assert "Contributions of one worker." not in left
    assert "Iuran satu pekerja." not in left
    parsers["id"] = _parser("Iuran satu pekerja.", "tanggal (YYYY-MM-DD)")
    assert "date (YYYY-MM-DD)" not in perlindungan_cli.untranslated("id")


def test_code_and_names_alone_need_no_translation() -> None:
    assert perlindungan_cli.needs_words("--on YYYY-MM-DD") is False
    assert perlindungan_cli.needs_words("JKK, JKM, JHT, JP or JKP") is True
    assert perlindungan_cli.needs_words("'status' or 'diff FROM TO'") is True
    assert perlindungan_cli.needs_words("`pu.jp.wage_cap`") is False
