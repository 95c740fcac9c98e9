"""A JSON contributions request is read exactly: numbers JSON does not allow, numbers too
long to be amounts and requests too large are refused before any field is read."""

from __future__ import annotations

import pytest

from perlindungan import quote_from_request
from perlindungan._input.limits import MAX_REQUEST_BYTES
from perlindungan.errors import InvalidInputError


def _request(income: str) -> str:
    return '{"on": "2025-06-01", "worker": {"category": "bpu", "income": ' + income + "}}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_request("NaN"), "the request is not accepted: NaN is not a number JSON allows;"),
        (_request("Infinity"), "the request is not accepted: Infinity is not a number JSON"),
        (
            _request("1." + "0" * 5000),
            "the request is not accepted: a number of 5,002 characters is too long (at most 40)",
        ),
        (
            _request("1" * 5000),
            "the request is not accepted: a number of 5,000 digits is too long (at most 40)",
        ),
        (
            " " * (MAX_REQUEST_BYTES + 1),
            f"the request is larger than {MAX_REQUEST_BYTES:,} bytes; refused.",
        ),
    ],
    ids=["nan", "infinity", "long-decimal", "long-integer", "too-large"],
)
def test_a_request_json_cannot_hold_exactly_is_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        quote_from_request(text)
    assert str(caught.value).startswith(message)
    assert caught.value.field == "request"


def test_the_same_income_as_a_decimal_text_gives_the_same_quote() -> None:
    assert quote_from_request(_request("1000000.0")) == quote_from_request(_request("1000000"))
