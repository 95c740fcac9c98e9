"""A scheme file's top table is ``[scheme]``; ``[program]``, its old name, still loads."""

from __future__ import annotations

import re
from importlib import resources

import attrs
import pytest

from perlindungan.errors import RegulationDataError
from perlindungan.regional import bundled_schemes, load_scheme_text

SCHEMES = resources.files("perlindungan") / "data" / "schemes"
NAMES = sorted(f.name for f in SCHEMES.iterdir() if f.name.endswith(".toml"))


def _old(text: str) -> str:
    """The file written with the old top table ``[program]``."""
    return re.sub(r"^(\[\[?)scheme([.\]])", r"\1program\2", text, flags=re.MULTILINE)


def _problems(text: str) -> list[str]:
    with pytest.raises(RegulationDataError) as info:
        load_scheme_text(text, "mine.toml")
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("name", NAMES)
def test_bundled_files_say_scheme_and_load_the_same_as_program(name: str) -> None:
    text = (SCHEMES / name).read_text(encoding="utf-8")
    assert re.search(r"^\[scheme\]$", text, flags=re.MULTILINE)
    assert not re.search(r"^\[\[?program[.\]]", text, flags=re.MULTILINE)
    new = load_scheme_text(text, "mine.toml")
    assert new == load_scheme_text(_old(text), "mine.toml")
    bundled = next(s for s in bundled_schemes() if s.id == new.id)
    assert attrs.evolve(new, file=bundled.file) == bundled


def test_problems_are_named_as_the_file_writes_the_table() -> None:
    text = (SCHEMES / "kota-serang-2026.toml").read_text(encoding="utf-8")
    broken = text.replace("[scheme.quota]\ntotal = ", "[scheme.quota]\ntotl = ")
    line = broken.splitlines().index("totl = 12000") + 1
    assert _problems(broken) == [
        f"mine.toml:{line}: scheme.quota.totl: unknown key 'totl'; did you mean 'total'?"
    ]
    assert _problems(_old(broken)) == [
        f"mine.toml:{line}: program.quota.totl: unknown key 'totl'; did you mean 'total'?"
    ]


def test_table_names_in_messages_follow_the_file() -> None:
    text = (SCHEMES / "kota-serang-2026.toml").read_text(encoding="utf-8")
    broken = text.replace("[scheme.funding]", "[scheme.fundings]")
    assert any("scheme.funding" in p for p in _problems(broken))
    assert not any(re.search(r"(?<![\w.])program[.\]']", p) for p in _problems(broken))
    old = _problems(_old(broken))
    assert not any(re.search(r"(?<![\w.])scheme[.\]']", p) for p in old)


def test_both_names_at_once_are_refused() -> None:
    text = (SCHEMES / "kota-serang-2026.toml").read_text(encoding="utf-8")
    problems = _problems(text + '\n[program]\nid = "again"\n')
    line = len(text.splitlines()) + 2
    why = "give [scheme] only; [program] is its old name and cannot be given too"
    assert problems == [f"mine.toml:{line}: program: {why}"]


def test_a_misspelt_top_table_suggests_scheme() -> None:
    assert _problems('[shceme]\nid = "x"\n') == [
        "mine.toml:1: shceme: unknown key 'shceme'; did you mean 'scheme'?",
        "mine.toml: scheme: must be a table [scheme], got None",
    ]


@pytest.mark.parametrize("payer", ["[]", "{ a = 1 }", "1", '"apbd"'])
def test_a_payer_that_is_not_a_known_name_is_a_problem(payer: str) -> None:
    text = (SCHEMES / "kota-serang-2026.toml").read_text(encoding="utf-8")
    broken = text.replace('payer = "regional_budget"', f"payer = {payer}")
    assert broken != text
    problems = _problems(broken)
    assert len(problems) == 1
    assert "scheme.funding.payer: unknown payer" in problems[0]
