"""Quote helpers: program lookups by enum or name."""

from __future__ import annotations

import pytest

import perlindungan as pl


def _quote() -> pl.Quote:
    worker = pl.WageEarner(wage=5_000_000, risk_class=1, birth_date="1990-01-01")
    return pl.contributions(worker, on="2025-06-01")


def test_program_total_accepts_name_and_enum() -> None:
    """'JP', 'jp' and Program.JP give the same total."""
    quote = _quote()
    assert int(quote.program_total("JP")) == int(quote.program_total(pl.Program.JP)) == 150_000
    assert int(quote.program_total("jp")) == 150_000
    assert len(quote.lines_for("JHT")) == 2


def test_unknown_program_name_is_an_error_with_suggestion() -> None:
    """A misspelt program is an UnknownNameError, never an empty result."""
    with pytest.raises(pl.UnknownNameError, match="did you mean 'JP'"):
        _quote().program_total("JPP")
