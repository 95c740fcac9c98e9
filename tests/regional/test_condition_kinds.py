"""Each kind of eligibility condition read from a scheme file, met and not met by a
person, unknown when its fact is empty, and written in words in the decision."""

from __future__ import annotations

from typing import Any

import pytest

from perlindungan.money import Rupiah
from perlindungan.regional import evaluate, load_scheme_text
from perlindungan.regional._person import Person

SCHEME = """
[scheme]
id = "t"
name_id = "t"
name_en = "t"
region = "Kab. Banyuwangi"
valid_from = 2026-01-01
status = "illustrative"
confidence = "M"
sources = ["test"]
groups = ["nelayan"]
[scheme.eligibility]
CONDITION
[scheme.coverage]
programs = ["JKK", "JKM"]
scheme = "bpu"
[scheme.funding]
payer = "regional_budget"
budget_of = "35.10"
"""

CASES: list[tuple[str, dict[str, Any], dict[str, Any], str, str]] = [
    (
        'occupation = ["Nelayan_Tangkap", "petani"]',
        {"occupation": "nelayan tangkap"},  # case and "_" ignored
        {"occupation": "guru"},
        "occupation",
        "occupation is one of: Nelayan_Tangkap, petani",
    ),
    (
        "income_at_most = 2000000",
        {"income": Rupiah(2_000_000)},
        {"income": Rupiah(2_000_001)},
        "income",
        "declared income is at most IDR2,000,000",
    ),
    (
        'category = ["bpu", "migrant"]',
        {"category": "bpu"},
        {"category": "pu"},
        "category",
        "worker category is one of: bpu, migrant",
    ),
    (
        'sub_region_in = ["Muncar"]',
        {"sub_region": "Muncar"},
        {"sub_region": "Genteng"},
        "sub_region",
        "sub-region is one of: Muncar",
    ),
    (
        "has_disability = true",
        {"disability": True},
        {"disability": False},
        "disability",
        "has a disability",
    ),
    (
        "membership_months_at_least = 6",
        {"membership_months": 6},
        {"membership_months": 5},
        "membership_months",
        "has at least 6 months of membership",
    ),
]


@pytest.mark.parametrize(
    ("condition", "met", "not_met", "fact", "words"), CASES, ids=[c[3] for c in CASES]
)
def test_a_condition_is_met_not_met_or_unknown(
    condition: str, met: dict[str, Any], not_met: dict[str, Any], fact: str, words: str
) -> None:
    scheme = load_scheme_text(SCHEME.replace("CONDITION", condition))
    people = [Person("yes", **met), Person("no", **not_met), Person("empty")]
    yes, no, empty = (d.to_dict("en") for d in evaluate(scheme, people, on="2026-03-01"))
    assert [yes["verdict"], no["verdict"], empty["verdict"]] == [
        "eligible",
        "not_eligible",
        "undetermined",
    ]
    assert empty["missing"] == [fact]
    assert yes["conditions"][0]["text"] == words


def test_not_swaps_met_and_not_met_but_keeps_unknown() -> None:
    scheme = load_scheme_text(
        SCHEME.replace("CONDITION", 'not = { occupation = ["pegawai negeri"] }')
    )
    people = [
        Person("a", occupation="nelayan"),
        Person("b", occupation="Pegawai_Negeri"),
        Person("c"),
    ]
    verdicts = [d.verdict.value for d in evaluate(scheme, people, on="2026-03-01")]
    assert verdicts == ["eligible", "not_eligible", "undetermined"]


def test_a_birth_date_after_the_run_date_is_a_row_error_not_an_abort() -> None:
    from perlindungan.regional import read_roster_text, run_roster  # noqa: PLC0415

    scheme = load_scheme_text(SCHEME.replace("CONDITION", "age_at_least = 18"))
    rows = list(read_roster_text("id,birth_date\np1,1990-01-01\np2,2030-01-01\n"))
    result = run_roster(scheme, rows, on="2026-03-01")
    (error,) = result.errors
    assert (error.row, error.id, error.field) == (3, "p2", "birth_date")
    assert error.message == "birth_date 2030-01-01 is after the date asked (2026-03-01)."
    summary = result.summary()
    assert (summary["rows"], summary["decisions"], summary["row_errors"]) == (2, 1, 1)
