"""The scalar fast path builds lines from dicts of their fields: that must equal the
attrs constructor, and stay possible (no converter, validator or hook on Line)."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

from perlindungan import Employer, WageEarner, contributions
from perlindungan.contributions import Line
from perlindungan.contributions._model import line_from_fields, line_template
from perlindungan.contributions._wage_earner_terms import Relief, wage_earner_terms
from perlindungan.money import Rupiah
from perlindungan.programs import Payer, Program


def test_line_has_nothing_that_the_dict_path_would_skip() -> None:
    for field in attrs.fields(Line):
        assert field.converter is None, field.name
        assert field.validator is None, field.name
    assert not hasattr(Line, "__attrs_post_init__")
    assert not hasattr(Line, "__attrs_pre_init__")


def test_line_from_fields_equals_the_constructor() -> None:
    fields: dict[str, Any] = {
        **line_template(program=Program.JKM, payer=Payer.EMPLOYER, citations=(), label="JKM"),
        "amount": Rupiah(9000),
        "base": Rupiah(3_000_000),
        "rate": Decimal("0.003"),
    }
    built = line_from_fields(dict(fields))
    assert built == Line(**fields)
    assert hash(built) == hash(Line(**fields))
    assert repr(built) == repr(Line(**fields))
    assert attrs.asdict(built, recurse=False) == fields
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.amount = Rupiah(1)  # type: ignore[misc]


def test_line_template_refuses_unknown_fields() -> None:
    with pytest.raises(TypeError, match="amont"):
        line_template(amont=1)


def test_terms_line_fields_cover_every_field_of_line() -> None:
    terms = wage_earner_terms(_dt.date(2025, 6, 1), Relief.NOT_ELIGIBLE)
    names = {f.name for f in attrs.fields(Line)}
    # the amount is the only field without a default that each line gives
    assert names - set(terms.jkm.line) == {"amount"}
    assert set(terms.jkm.line) <= names


@pytest.mark.parametrize("wage", [1_000_000, 4_999_999, 5_000_000, 7_654_321, 12_000_000])
def test_quote_lines_equal_lines_built_by_the_constructor(wage: int) -> None:
    worker = WageEarner(
        wage=wage, risk_class=4, birth_date="1962-03-01", employer=Employer("furniture", 80)
    )
    for on in ("2020-09-01", "2024-06-01", "2025-06-01"):
        for line in contributions(worker, on=on).lines:
            rebuilt = Line(**attrs.asdict(line, recurse=False))
            assert rebuilt == line
            assert attrs.asdict(rebuilt, recurse=False) == attrs.asdict(line, recurse=False)
