"""Broken and hostile program files are refused with the exact problem."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from perlindungan.errors import RegulationDataError
from perlindungan.regional import bundled_schemes, check_overlaps, load_scheme, load_scheme_text
from perlindungan.regional._regions import regions

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


def _scheme(tmp_path: Path, region: str, regions_file: str) -> Path:
    text = (BAD / "unknown_role.toml").read_text(encoding="utf-8")
    text = text.replace('"pekerja_rentn"', '"pekerja_rentan"').replace('"15.71"', f'"{region}"')
    text = text.replace("groups =", f'regions_file = "{regions_file}"\ngroups =', 1)
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _district(tmp_path: Path, level: str) -> None:
    (tmp_path / "baru.toml").write_text(
        'source = "Perda Kota Jambi (uji)"\n'
        f'[[region]]\ncode = "15.71.12"\nlevel = "{level}"\nname = "Kecamatan Baru Uji"\n',
        encoding="utf-8",
    )


def test_a_scheme_in_a_region_newer_than_the_table_declares_its_regions_file(
    tmp_path: Path,
) -> None:
    assert "15.71.12" not in regions()
    _district(tmp_path, "district")
    loaded = load_scheme(_scheme(tmp_path, "15.71.12", "baru.toml"))
    assert loaded.region == "15.71.12"
    assert "15.71.12" not in regions()  # the bundled table is not changed


@pytest.mark.parametrize(
    ("regions_file", "reason"),
    [
        ("baru.toml", "baru.toml:4: region[0].level: unknown level 'distrct'"),
        ("nope.toml", "cannot read file"),
    ],
)
def test_a_broken_regions_file_is_a_problem_of_the_scheme(
    tmp_path: Path, regions_file: str, reason: str
) -> None:
    _district(tmp_path, "distrct")
    with pytest.raises(RegulationDataError) as info:
        load_scheme(_scheme(tmp_path, "15.71", regions_file))
    (problem,) = [str(p) for p in info.value.problems]
    assert problem.startswith(f"s.toml:11: program.regions_file: regions file '{regions_file}': ")
    assert reason in problem
