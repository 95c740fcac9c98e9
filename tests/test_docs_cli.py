"""The command-line reference of the documentation, in the language of each build.

``docs/_ext/perlindungan_cli.py`` renders the help of every command from the parsers; in the
Bahasa Indonesia build every help text goes through the package's gettext catalogue.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from perlindungan.cli import build_parser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "docs" / "_ext"))
perlindungan_cli = importlib.import_module("perlindungan_cli")  # a docs extension module


def test_english_reference_is_the_parsers_help() -> None:
    lines = perlindungan_cli.cli_lines("en")
    assert any(line.startswith("usage: perlindungan [-h]") for line in lines)
    assert "## `perlindungan region coverage`" in lines
    assert perlindungan_cli.untranslated("en") == []


def test_indonesian_reference_uses_the_indonesian_words() -> None:
    text = "\n".join(perlindungan_cli.cli_lines("id"))
    assert "penggunaan: perlindungan [-h]" in text
    assert "\nopsi:\n" in text
    assert "tampilkan bantuan ini lalu keluar" in text
    assert "usage:" not in text
    assert "show this help message and exit" not in text


def test_rendering_in_indonesian_leaves_the_command_line_parser_alone() -> None:
    """``build_parser`` is cached: the reference works on a copy."""
    before = build_parser().format_help()
    perlindungan_cli.cli_lines("id")
    assert build_parser().format_help() == before


def test_every_help_text_goes_through_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """A help text the catalogue translates is shown translated, and is no longer listed
    as left in English; one it does not translate is listed."""
    import perlindungan._i18n as i18n  # noqa: PLC0415

    description = build_parser().description
    assert description is not None
    real = i18n.translate

    def translate(message: str, locale: str = i18n.DEFAULT_LOCALE) -> str:
        if message == description:
            return "Iuran, manfaat dan program daerah"
        return real(message, locale)

    monkeypatch.setattr(i18n, "translate", translate)
    text = "\n".join(perlindungan_cli.cli_lines("id"))
    assert "Iuran, manfaat dan program daerah" in text
    assert description not in perlindungan_cli.untranslated("id")
    monkeypatch.setattr(i18n, "translate", real)
    left_in_english = real(description, "id") == description
    assert (description in perlindungan_cli.untranslated("id")) is left_in_english


def test_code_and_names_alone_need_no_translation() -> None:
    assert perlindungan_cli.needs_words("--on YYYY-MM-DD") is False
    assert perlindungan_cli.needs_words("JKK, JKM, JHT, JP or JKP") is True
    assert perlindungan_cli.needs_words("'status' or 'diff FROM TO'") is True
    assert perlindungan_cli.needs_words("`pu.jp.wage_cap`") is False
