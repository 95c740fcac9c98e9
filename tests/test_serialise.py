"""Library values in JSON: the ``json.dumps`` hook, and result objects inside a Pydantic
(FastAPI) model answering the same JSON as ``to_dict()``."""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal

import pytest
from pydantic import BaseModel, ValidationError

from perlindungan import Program, Rupiah, WageEarner, contributions, json_default
from perlindungan.contributions import Quote
from perlindungan.dates import Month


def test_json_default_writes_every_library_value_in_its_contract_form() -> None:
    values = {
        "program": Program.JKK,
        "month": Month.parse("2025-06"),
        "day": _dt.date(2025, 6, 1),
        "whole": Rupiah(1500),
        "sen": Rupiah("1500.50"),
        "rate": Decimal("0.0024"),
        "pair": (Rupiah(1), Rupiah(2)),
        "set": frozenset({"pu"}),
    }
    assert json.loads(json.dumps(values, default=json_default)) == {
        "program": "JKK",
        "month": "2025-06",
        "day": "2025-06-01",
        "whole": 1500,
        "sen": "1500.50",
        "rate": "0.0024",
        "pair": [1, 2],
        "set": ["pu"],
    }


def test_json_default_refuses_what_it_does_not_know_like_json_does() -> None:
    with pytest.raises(TypeError, match="Object of type complex is not JSON serializable"):
        json.dumps({"x": 1j}, default=json_default)


class _Answer(BaseModel):
    quote: Quote
    fee: Rupiah


def _quote() -> Quote:
    worker = WageEarner(wage=5_000_000, risk_class=1, birth_date="1990-01-01")
    return contributions(worker, on="2025-06-01")


def test_a_pydantic_model_answers_the_json_contract() -> None:
    quote = _quote()
    answer = _Answer.model_validate({"quote": quote, "fee": "1500.50"})
    assert answer.fee == Rupiah("1500.50")
    assert json.loads(answer.model_dump_json()) == {
        "quote": json.loads(json.dumps(quote, default=json_default)),
        "fee": "1500.50",
    }
    schema = _Answer.model_json_schema()["properties"]
    assert schema["quote"] == {"type": "object", "title": "Quote", "description": "See to_dict()."}
    assert {"type": "integer"} in schema["fee"]["anyOf"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"quote": {"on": "2025-06-01"}, "fee": 1}, "expected a Quote, got dict"),
        ({"fee": 1.5}, "not the float 1.5"),
        ({"fee": "lots"}, "amount must be a number such as 5000000"),
    ],
)
def test_a_wrong_field_is_a_validation_error_naming_it(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        _Answer.model_validate({"quote": _quote(), **fields})
    (error,) = caught.value.errors()
    assert error["loc"] == (next(iter(fields)),)
