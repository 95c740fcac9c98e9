"""Eligibility conditions in a program file: every broken condition is one problem naming
its place (``program.eligibility...``) and what a valid value looks like."""

from __future__ import annotations

from pathlib import Path

import pytest

from perlindungan.errors import DataProblem, RegulationDataError
from perlindungan.regional import load_scheme_text

BASE = (Path(__file__).parent / "bad_programs" / "overlap.toml").read_text(encoding="utf-8")
VALID = 'all = [{ role = "pekerja_rentan" }, { domicile_in = "15.71" }]'
WHERE = "program.eligibility"


def _problems(eligibility: str) -> tuple[DataProblem, ...]:
    assert VALID in BASE
    with pytest.raises(RegulationDataError) as info:
        load_scheme_text(BASE.replace(VALID, eligibility), "conditions.toml")
    return info.value.problems


@pytest.mark.parametrize(
    ("eligibility", "location", "message"),
    [
        ("role = 5", "role", 'must be a role or a list of roles, e.g. ["guru_ngaji"]'),
        ('role = ["nobody"]', "role", "'nobody'"),
        ("domicile_in = 15", "domicile_in", "must be a region code or name in quotes"),
        (
            'dtsen_decile_at_most = 11\nsnapshot = "2026-01"',
            "dtsen_decile_at_most",
            "must be a DTSEN decile from 1 to 10, got 11",
        ),
        ("dtsen_decile_at_most = true", "dtsen_decile_at_most", "got True"),
        ("age_at_least = -1", "age_at_least", "must be a whole number from 0 to"),
        (
            'income_at_most = "a lot"',
            "income_at_most",
            "must be an amount in rupiah such as 2000000, got",
        ),
        ("has_disability = false", "has_disability", "must be true, got False"),
        ("has_document = 3", "has_document", "must be a document name in quotes"),
        ('has_document = "passport"', "has_document", "unknown document 'passport'"),
        ("category = []", "category", "must be a category or a list of categories"),
        ('category = ["XYZ"]', "category", "unknown category 'XYZ'"),
        ("occupation = [1]", "occupation", "must be a name or a list of names"),
        ('role = "pekerja_rentan"\nbasis = "nope"', "basis", "unknown legal basis 'nope'"),
        ("dtsen_decile_at_most = 3", "snapshot", "give the DTSEN snapshot month"),
        (
            'dtsen_decile_at_most = 3\nsnapshot = "2026-13"',
            "snapshot",
            "give the DTSEN snapshot month",
        ),
        (
            'role = "pekerja_rentan"\nsnapshot = "2026-01"',
            "snapshot",
            "only used with dtsen_decile_at_most",
        ),
        (
            'all = [{ role = "pekerja_rentan" }]\nage_at_least = 18',
            "",
            "'all' must be alone in its table",
        ),
        ("any = []", "any", "must be a non-empty list of conditions"),
        ("not = 3", "not", "must be a table such as"),
        (
            'role = "pekerja_rentan"\nage_at_least = 18',
            "",
            "a condition table must hold exactly one condition",
        ),
        ('rol = "pekerja_rentan"', "rol", "unknown condition 'rol'; did you mean 'role'?"),
        ("basis = 'inpres-2-2021'", "", "a condition table must hold exactly one condition"),
    ],
)
def test_a_broken_condition_is_one_problem_in_its_place(
    eligibility: str, location: str, message: str
) -> None:
    (problem,) = _problems(eligibility)
    assert problem.file == "conditions.toml"
    assert problem.location == (f"{WHERE}.{location}" if location else WHERE)
    assert message in problem.message


def test_a_broken_condition_inside_all_names_its_index() -> None:
    (problem,) = _problems('all = [{ role = "pekerja_rentan" }, { age_at_most = "old" }]')
    assert problem.location == f"{WHERE}.all[1].age_at_most"


def test_conditions_nested_too_deep_are_refused() -> None:
    nested = "not = " + "{ not = " * 8 + '{ role = "pekerja_rentan" }' + " }" * 8
    (problem,) = _problems(nested)
    assert problem.location == WHERE + ".not" * 9
    assert problem.message == "conditions are nested more than 8 levels deep; refused"


def test_a_cited_condition_keeps_its_citation() -> None:
    text = BASE.replace(
        VALID,
        'all = [{ role = "pekerja_rentan", basis = "inpres-2-2021", article = "Diktum 1" }]',
    )
    program = load_scheme_text(text, "cited.toml")
    (leaf,) = (child.leaf for child in program.eligibility.children)
    assert leaf is not None
    assert leaf.citation is not None
    assert leaf.citation.article == "Diktum 1"
