"""Benefit rules beyond the golden cases: claims that lapse, facts that are missing or lie
in the future, the JHT age and partial-claim conditions, and the scholarship limits."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

import pytest

from perlindungan import benefit_from_request, parameter
from perlindungan.errors import InvalidInputError


def _answer(on: str, **claim: Any) -> dict[str, Any]:
    return benefit_from_request({"on": on, "claim": claim}).to_dict()


def _codes(answer: dict[str, Any], key: str = "reasons") -> list[str]:
    return [item["code"] for item in answer[key]]


def test_a_jkk_claim_lapses_some_years_after_the_accident() -> None:
    years = int(parameter("jkk.claim_expiry_years").value_at("2025-06-01"))  # type: ignore[call-overload]
    lapsed = f"{2025 - years - 1}-01-01"
    answer = _answer("2025-06-01", program="JKK", event="death", wage=5_000_000, event_date=lapsed)
    assert answer["eligible"] is False
    assert _codes(answer) == ["claim_expired"]
    assert str(years) in answer["reasons"][0]["messages"]["en"]
    recent = _answer(
        "2025-06-01", program="JKK", event="death", wage=5_000_000, event_date="2025-01-01"
    )
    assert recent["eligible"] is True


@pytest.mark.parametrize(
    ("claim", "field"),
    [
        (
            {"program": "JKK", "event": "death", "wage": 5_000_000, "event_date": "2025-07-01"},
            "claim.event_date",
        ),
        (
            {
                "program": "JHT",
                "event": "resignation",
                "terminated_on": "2025-01-15",
                "contributions": [
                    {"month": "2025-05", "amount": 1},
                    {"month": "2025-09", "amount": 1},
                ],
            },
            "claim.contributions[1].month",
        ),
    ],
    ids=["jkk-accident", "jht-contribution"],
)
def test_a_fact_after_the_claim_date_is_refused_naming_it(
    claim: dict[str, Any], field: str
) -> None:
    with pytest.raises(InvalidInputError, match="after the claim date") as caught:
        _answer("2025-06-01", **claim)
    assert caught.value.field == field


def test_jkk_death_pays_the_childrens_scholarships_too() -> None:
    children = [{"school_level": "tk"}, {"school_level": "sd"}]
    alone = _answer("2025-06-01", program="JKK", event="death", wage=5_000_000)
    answer = _answer("2025-06-01", program="JKK", event="death", wage=5_000_000, children=children)
    names = [c["name"] for c in answer["components"]]
    assert names[-2:] == ["scholarship_child_1", "scholarship_child_2"]
    scholarships = sum(c["amount"] for c in answer["components"][-2:])
    assert answer["total"] == alone["total"] + scholarships
    assert scholarships > 0


def test_jht_at_retirement_needs_the_birth_date_and_the_pension_age() -> None:
    claim = {"program": "JHT", "event": "retirement", "balance": 1_000_000}
    assert _answer("2025-06-01", **claim)["missing"] == ["birth_date"]
    young = _answer("2025-06-01", **claim, birth_date="1990-01-01")
    assert _codes(young) == ["jht_age"]
    old = _answer("2025-06-01", **claim, birth_date="1960-01-01")
    assert old["eligible"] is True
    assert old["total"] == 1_000_000


def test_a_partial_jht_claim_needs_the_membership_and_is_made_once() -> None:
    need = parameter("jht.partial.min_membership_months").value_at("2025-06-01")
    claim: dict[str, Any] = {"program": "JHT", "event": "partial", "balance": 1_000_000}
    assert _answer("2025-06-01", **claim)["missing"] == ["membership_months"]
    short = _answer("2025-06-01", **claim, membership_months=int(need) - 1)  # type: ignore[call-overload]
    assert _codes(short) == ["partial_membership"]
    again = _answer(
        "2025-06-01",
        **claim,
        membership_months=int(need),  # type: ignore[call-overload]
        partial_claimed_before=True,
    )
    assert _codes(again) == ["partial_once"]


def test_jkm_for_a_non_wage_earner_needs_the_membership() -> None:
    answer = _answer("2025-06-01", program="JKM", event="death", category="bpu")
    assert answer["missing"] == ["membership_months"]


def test_jkm_scholarship_unknown_without_the_membership_the_lump_sums_still_paid() -> None:
    answer = _answer("2025-06-01", program="JKM", event="death", children=[{"school_level": "tk"}])
    assert answer["eligible"] is True
    assert _codes(answer, "notes") == ["scholarship_unknown"]
    assert "scholarship" not in {c["name"] for c in answer["components"]}


def test_the_scholarship_counts_the_first_children_up_to_the_limit() -> None:
    most = int(parameter("scholarship.max_children").value_at("2025-06-01"))  # type: ignore[call-overload]
    claim = {"program": "JKM", "event": "death", "membership_months": 60}
    at_limit = _answer("2025-06-01", **claim, children=[{"school_level": "tk"}] * most)
    over = _answer("2025-06-01", **claim, children=[{"school_level": "tk"}] * (most + 1))
    assert over["total"] == at_limit["total"]
    assert _codes(over, "notes") == ["scholarship_children"]
    assert _codes(at_limit, "notes") == []


def test_before_pp_82_2019_the_scholarship_is_one_lump_sum_per_child_counted() -> None:
    day = _dt.date(2019, 6, 1)
    lump = int(Decimal(str(parameter("scholarship.old_lump_sum").value_at(day))))
    most = int(parameter("scholarship.max_children").value_at(day))  # type: ignore[call-overload]
    answer = _answer(
        day.isoformat(),
        program="JKM",
        event="death",
        membership_months=60,
        children=[{"school_level": "tk"}, {"school_level": "sma"}],
    )
    amounts = [c["amount"] for c in answer["components"] if c["name"] == "scholarship"]
    assert amounts == [lump] * min(2, most)
    assert lump > 0


_JKP = {
    "program": "JKP",
    "event": "termination",
    "wage": 4_000_000,
    "terminated_on": "2025-05-01",
    "termination_reason": "layoff",
    "contribution_months": 12,
}


@pytest.mark.parametrize(
    ("facts", "on", "code", "basis"),
    [
        ({"citizen": False}, "2025-06-01", "citizenship", "Pasal 4 PP 37/2021"),
        (
            {"birth_date": "1960-01-01", "registered_on": "2020-01-01"},
            "2025-06-01",
            "registration_age",
            "Pasal 4 PP 37/2021",
        ),
        ({"contribution_months": 3}, "2025-06-01", "contribution_history", "Pasal 19"),
        ({"consecutive_months": 2}, "2025-06-01", "consecutive", ""),
        ({}, "2025-12-01", "deadline", ""),
    ],
    ids=["citizen", "registration-age", "contribution-history", "consecutive", "late-claim"],
)
def test_jkp_is_refused_with_the_reason_and_its_basis(
    facts: dict[str, Any], on: str, code: str, basis: str
) -> None:
    assert _answer("2025-06-01", **_JKP)["eligible"] is True
    answer = _answer(on, **{**_JKP, **facts})
    assert answer["eligible"] is False
    assert _codes(answer) == [code]
    assert basis in answer["reasons"][0]["basis"]


def test_a_termination_after_the_claim_date_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="is after the claim date") as caught:
        _answer("2025-06-01", **{**_JKP, "terminated_on": "2025-07-01"})
    assert caught.value.field == "claim.terminated_on"
