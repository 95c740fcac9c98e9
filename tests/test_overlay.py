"""Scenario overrides of the bundled law: which one is in force on a date, the effect of a
count or a flag on a real answer, and the refusal of a value the parameter cannot hold."""

from __future__ import annotations

import datetime as _dt

import pytest

from perlindungan import benefit_from_request, parameter
from perlindungan._overlay import SCENARIO_BASIS, Overlay, applied, override
from perlindungan.errors import InvalidInputError
from perlindungan.regional import Scenario


def test_the_latest_override_in_force_wins_whatever_their_order() -> None:
    layer = Overlay(
        (
            override("bpu.jkk.rate", "0.02", _dt.date(2027, 1, 1)),
            override("bpu.jkk.rate", "0.011"),
            override("bpu.jkk.rate", "0.015", _dt.date(2026, 1, 1)),
        )
    )
    rate = parameter("bpu.jkk.rate")
    with applied(layer):
        assert str(rate.value_at("2025-06-01")) == "0.011"
        assert str(rate.value_at("2026-06-01")) == "0.015"
        assert str(rate.value_at("2028-06-01")) == "0.02"
        # a scenario value is not law: it says so where the basis is shown
        entry = rate.at("2026-06-01")
        assert [c.basis for c in entry.citations] == [SCENARIO_BASIS]
        assert (entry.status, entry.confidence) == ("illustrative", "M")
        assert str(parameter("bpu.jht.rate").value_at("2026-06-01")) == "0.02"  # not overridden
    assert str(rate.value_at("2026-06-01")) == "0.01"  # gone after the block


def _scholarship(children: int) -> int:
    claim = {
        "program": "JKM",
        "event": "death",
        "membership_months": 36,
        "children": [{"school_level": "tk"}] * children,
    }
    answer = benefit_from_request({"on": "2024-01-01", "claim": claim}).to_dict()
    return sum(c["amount"] for c in answer["components"] if "scholarship" in c["name"])


def test_a_count_override_changes_the_benefit() -> None:
    assert _scholarship(2) == 2 * _scholarship(1) > 0
    with applied(Scenario.of("scholarship.max_children=1").overlay()):
        assert _scholarship(2) == _scholarship(1)


def test_a_flag_override_is_read_as_true_or_false() -> None:
    flag = parameter("relief.pp7_2025.in_force")
    for text, expected in (("false", False), ("TRUE", True)):
        with applied(Scenario.of(f"relief.pp7_2025.in_force={text}").overlay()):
            assert flag.value_at("2025-06-01") is expected


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("jht.waiting_months=1.5", "jht.waiting_months=1.5: must be a whole number of months"),
        ("jp.pension_age=-1", "must be a whole number of years, such as 12"),
        ("relief.pp7_2025.in_force=yes", "relief.pp7_2025.in_force=yes: must be true or false"),
        ("bpu.jkk.rate=1.5", "a rate must be a number such as 0.012 (1.2%) from 0 to 1"),
        ("bpu.jkm.amount=lots", "a rupiah must be a number such as 1500000 of 0 or more"),
        ("bpu.jkm.amount=NaN", "a rupiah must be a number such as 1500000 of 0 or more"),
        (
            "jkp.excluded_reasons=death",
            "parameters of unit 'names' cannot be overridden in a scenario",
        ),
    ],
)
def test_a_value_the_parameter_cannot_hold_is_refused(setting: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Scenario.of(setting)


def test_a_float_is_refused_as_inexact() -> None:
    with pytest.raises(InvalidInputError, match="not a float") as caught:
        override("bpu.jkk.rate", 0.012)
    assert caught.value.field == "bpu.jkk.rate"
