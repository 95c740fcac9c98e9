"""Broken data directories (tests/bad_data/*) and the exact problems each must report.

Each directory mimics the bundled layout (``legal_bases/*.toml``, ``parameters/*.toml``)
and has an ``expected.toml`` with the number of problems and the text of each one,
including the file name and line number.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from perlindungan import RegulationDataError
from perlindungan._loading import load_directory, load_from
from perlindungan._toml import read_toml, read_toml_text

BAD_DATA = Path(__file__).parent / "bad_data"
CASES = sorted(p for p in BAD_DATA.iterdir() if p.is_dir())


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_broken_directory_is_refused_with_every_problem(case: Path) -> None:
    with (case / "expected.toml").open("rb") as handle:
        expected = tomllib.load(handle)
    with pytest.raises(RegulationDataError) as info:
        load_directory(case)
    problems = [str(p) for p in info.value.problems]
    assert len(problems) == expected["problems"], problems
    text = str(info.value)
    for message in expected["messages"]:
        assert any(message in p for p in problems), f"{message!r} not in {problems}"
        assert message in text
    assert isinstance(info.value, ValueError)


def test_several_problems_are_reported_at_once() -> None:
    with pytest.raises(RegulationDataError) as info:
        load_directory(BAD_DATA / "several_problems")
    lines = {p.line for p in info.value.problems}
    assert lines == {6, 8, 13, 14, 15}
    assert str(info.value).startswith("5 problems in data files:")


def test_a_good_directory_loads(tmp_path: Path) -> None:
    source = BAD_DATA / "wrong_type"
    (tmp_path / "legal_bases").mkdir()
    (tmp_path / "parameters").mkdir()
    (tmp_path / "legal_bases" / "x.toml").write_text(
        (source / "legal_bases" / "x.toml").read_text("utf-8"), "utf-8"
    )
    fixed = (
        (source / "parameters" / "test.toml").read_text("utf-8").replace('"tujuh juta"', "7000000")
    )
    (tmp_path / "parameters" / "test.toml").write_text(fixed, "utf-8")
    loaded = load_directory(tmp_path)
    assert loaded["test.cap"].value_at("2020-01-01") == 7_000_000


def test_a_parameter_file_given_twice_is_a_parameter_defined_twice() -> None:
    source = BAD_DATA / "wrong_type"
    bases = [read_toml(source / "legal_bases" / "x.toml", name="legal_bases/x.toml")]
    text = (
        (source / "parameters" / "test.toml").read_text("utf-8").replace('"tujuh juta"', "7000000")
    )
    doc = read_toml_text(text, "parameters/test.toml")
    with pytest.raises(RegulationDataError) as info:
        load_from(bases, [doc, doc])
    problems = [str(p) for p in info.value.problems]
    assert any(
        "test.cap: parameter 'test.cap' is defined twice (also in parameters/test.toml)" in p
        for p in problems
    ), problems
