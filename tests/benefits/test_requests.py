"""A benefit request that is not one: the refusal names the field and shows a valid one."""

from __future__ import annotations

from typing import Any

import pytest

from perlindungan import benefit_from_request, benefits
from perlindungan.errors import InvalidInputError

CLAIM = {"program": "JKM", "event": "death"}


@pytest.mark.parametrize(
    ("request_", "field", "message"),
    [
        ("[]", "request", 'the request must be a JSON object such as {"on": "2025-03-01"'),
        ([CLAIM], "request", "the request must be an object with 'on' and 'claim'."),
        (
            {"on": "2025-06-01", "claim": CLAIM, "lang": "en"},
            "lang",
            "lang is not a field of a benefits request; use 'on' and 'claim'.",
        ),
        (
            {"on": "2000-01-01", "claim": CLAIM},
            "on",
            "on must be 2015-07-01 or later; got 2000-01-01.",
        ),
    ],
    ids=["json-list", "python-list", "unknown-field", "before-the-law"],
)
def test_a_bad_request_is_refused_naming_the_field(request_: Any, field: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        benefit_from_request(request_)
    assert caught.value.field == field
    assert str(caught.value).startswith(message)


def test_benefits_takes_a_claim_object_not_a_mapping() -> None:
    with pytest.raises(InvalidInputError, match="claim must be a Claim") as caught:
        benefits(CLAIM, on="2025-06-01")  # type: ignore[arg-type]
    assert caught.value.field == "claim"


@pytest.mark.parametrize(
    ("claim", "field", "message"),
    [
        (
            {"birth_date": "1990-01-01", "registered_on": "1980-01-01"},
            "claim.registered_on",
            "claim.registered_on is before claim.birth_date.",
        ),
        (
            {"program": "JP", "contribution_months": 20, "membership_months": 10},
            "claim.contribution_months",
            "claim.contribution_months (20) cannot exceed claim.membership_months (10).",
        ),
        (
            {"program": "JKK", "event": "partial_disability", "wage": 1, "disability_percent": 0},
            "claim.disability_percent",
            "claim.disability_percent must be more than 0 (a percentage such as 10).",
        ),
        (
            {"program": "JP", "event": "old_age", "wage_history": [{"year": 1900, "wage": 1, "months": 1}]},
            "claim.wage_history[0].year",
            "claim.wage_history[0].year must be a year such as 2020, got 1900.",
        ),
        (
            {"program": "JHT", "event": "resignation", "contributions": [{"month": 202401, "amount": 1}]},
            "claim.contributions[0].month",
            "claim.contributions[0].month must be a month such as '2024-05', got 202401.",
        ),
        ({"colour": "red"}, "claim.colour", "claim.colour is not a fact of a claim;"),
        ({"event": None}, "claim.event", "claim.event is required."),
    ],
    ids=["registered-before-birth", "more-paid-than-member", "zero-percent", "year-1900",
         "month-a-number", "unknown-fact", "no-event"],
)  # fmt: skip
def test_a_claim_that_cannot_be_true_is_refused_naming_the_fact(
    claim: dict[str, Any], field: str, message: str
) -> None:
    data = {**CLAIM, **{k: v for k, v in claim.items() if v is not None}}
    if claim.get("event", "") is None:
        del data["event"]
    with pytest.raises(InvalidInputError) as caught:
        benefit_from_request({"on": "2025-06-01", "claim": data})
    assert caught.value.field == field
    assert str(caught.value).startswith(message)


def test_a_claim_is_an_object_and_its_lists_hold_their_own_entries() -> None:
    from perlindungan import Claim  # noqa: PLC0415

    with pytest.raises(InvalidInputError, match="claim must be an object with program and event"):
        benefit_from_request({"on": "2025-06-01", "claim": "JKM"})
    with pytest.raises(InvalidInputError, match=r"claim.wage_history\[0\] must be a YearWage"):
        Claim(program="JP", event="old_age", wage_history=["x"])  # type: ignore[list-item]
