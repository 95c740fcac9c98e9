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
