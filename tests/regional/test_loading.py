"""Broken and hostile program files are refused with the exact problem."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from perlindungan.errors import RegulationDataError
from perlindungan.regional import bundled_schemes, check_overlaps, load_scheme, load_scheme_text

BAD = Path(__file__).parent / "bad_programs"
EXPECTED = tomllib.loads((BAD / "expected.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_reports_exact_problem(name: str) -> None:
    with pytest.raises(RegulationDataError) as info:
        load_scheme(BAD / f"{name}.toml")
    assert [str(p) for p in info.value.problems] == [EXPECTED[name]]


def test_every_fixture_has_an_expectation() -> None:
    files = {p.stem for p in BAD.glob("*.toml")} - {"expected", "overlap"}
    assert files == set(EXPECTED)


def test_overlap_with_bundled_program() -> None:
    mine = load_scheme(BAD / "overlap.toml")
    problems = [p for p in check_overlaps([*bundled_schemes(), mine]) if p.file == mine.file]
    assert [str(p) for p in problems] == [
        (
            "overlap.toml: scheme: overlaps scheme 'kota-jambi-rentan-2025' "
            "(schemes/kota-jambi-rentan-2025.toml) for region 15.71, groups pekerja_rentan "
            "and dates; list it in 'alongside' if both apply"
        )
    ]


def test_python_in_strings_is_inert_text() -> None:
    text = (
        (BAD / "overlap.toml")
        .read_text(encoding="utf-8")
        .replace('name_en = "Test program"', "name_en = \"__import__('os').system('false')\"")
    )
    loaded = load_scheme_text(text, "x.toml")
    assert loaded.name_en == "__import__('os').system('false')"


def test_huge_file_refused() -> None:
    with pytest.raises(RegulationDataError, match=r"huge\.toml: file is larger than 2,000,000"):
        load_scheme_text("# " + "x" * 2_100_000, "huge.toml")


def test_deep_nesting_refused() -> None:
    deep = "[program]\neligibility = " + "{ not = " * 40 + '{ role = "farmer" }' + " }" * 40
    with pytest.raises(RegulationDataError, match=r"deep\.toml: nesting is deeper than 12"):
        load_scheme_text(deep, "deep.toml")


def test_very_deep_arrays_refused() -> None:
    with pytest.raises(RegulationDataError, match="deep"):
        load_scheme_text("x = " + "[" * 100_000 + "]" * 100_000, "arr.toml")


def test_bundled_schemes_load() -> None:
    assert len(bundled_schemes()) == 7
