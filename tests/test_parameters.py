"""Dated parameters: lookup, errors outside the known dates, legal bases of every value."""

from __future__ import annotations

import datetime as _dt
import itertools
from decimal import Decimal

import pytest

from perlindungan import NoValueInForceError, UnknownNameError, parameter, parameters
from perlindungan.parameters import CONFIDENCES, STATUSES, UNITS


def test_lookup_on_a_date() -> None:
    cap = parameter("pu.jp.wage_cap")
    assert cap.value_at("2025-02-28") == Decimal(10_042_300)
    assert cap.value_at("2025-03-01") == Decimal(10_547_400)
    assert cap.value_at(_dt.date(2026, 3, 1)) == Decimal(11_086_300)
    entry = cap.at("2025-03-01")
    assert entry.since == _dt.date(2025, 3, 1)
    assert "B/726/022025" in entry.cite()
    assert entry.confidence in CONFIDENCES
    assert entry.status in STATUSES


def test_before_the_earliest_value() -> None:
    with pytest.raises(NoValueInForceError) as info:
        parameter("pu.jp.wage_cap").at("2015-06-30")
    message = str(info.value)
    assert "'pu.jp.wage_cap'" in message
    assert "2015-06-30" in message
    assert "2015-07-01" in message
    assert info.value.parameter == "pu.jp.wage_cap"
    assert isinstance(info.value, LookupError)


def test_after_known_until() -> None:
    cap = parameter("pu.jp.wage_cap")
    assert cap.known_until == _dt.date(2027, 2, 28)
    assert cap.in_force("2027-02-28")
    assert not cap.in_force("2027-03-01")
    with pytest.raises(NoValueInForceError) as info:
        cap.at("2027-03-01")
    message = str(info.value)
    assert "pu.jp.wage_cap" in message
    assert "2027-03-01" in message
    assert "2027-02-28" in message


def test_value_with_until_ends() -> None:
    flat = parameter("migrant.placement.flat")
    assert flat.value_at("2023-02-21") == Decimal(332_500)
    assert not flat.in_force("2023-02-22")
    with pytest.raises(NoValueInForceError, match="2023-02-22"):
        flat.at("2023-02-22")


def test_unknown_parameter_suggests() -> None:
    with pytest.raises(UnknownNameError, match=r"pu\.jp\.wage_cap") as info:
        parameter("pu.jp.wage_capp")
    assert isinstance(info.value, KeyError | LookupError)


def test_every_bundled_value_has_a_basis_that_resolves() -> None:
    params = parameters()
    assert len(params) > 20
    for name, param in params.items():
        assert param.unit in UNITS, name
        assert param.label_en
        assert param.label_id
        assert param.values, name
        for entry in param.values:
            assert entry.citations, f"{name} since {entry.since} has no legal basis"
            for citation in entry.citations:
                assert params.basis(citation.basis.id) is citation.basis
            assert entry.status in STATUSES
            assert entry.confidence in CONFIDENCES


def test_since_dates_strictly_ascend() -> None:
    for name, param in parameters().items():
        sinces = [entry.since for entry in param.values]
        assert all(a < b for a, b in itertools.pairwise(sinces)), name


def test_unknown_basis() -> None:
    with pytest.raises(UnknownNameError, match="pp-45-2015"):
        parameters().basis("pp-45-2105")


def test_pension_age_steps() -> None:
    from perlindungan import pension_age_on, pension_age_reached_on  # noqa: PLC0415

    assert pension_age_on("2018-12-31").value == 56
    assert pension_age_on("2019-01-01").value == 57
    assert pension_age_on("2025-01-01").value == 59
    assert pension_age_on("2043-01-01").value == 65
    assert pension_age_reached_on("1967-06-15") == _dt.date(2026, 6, 15)
    assert pension_age_reached_on("1966-06-15") == _dt.date(2024, 6, 15)
    assert pension_age_reached_on("1968-02-29") == _dt.date(2027, 3, 1)


def test_typed_access_by_unit() -> None:
    from perlindungan.parameters import amount, bands, count, flag, names, rate  # noqa: PLC0415

    day = _dt.date(2025, 6, 1)
    assert rate("pu.jkm.rate", day).value == Decimal("0.003")
    assert amount("pu.jp.wage_cap", day).value == Decimal(10_547_400)
    assert count("jp.pension_age", day).value == 59
    assert count("relief.pp7_2025.minimum_workers", day).value == 50
    assert flag("relief.pp7_2025.in_force", day).value is True
    assert "footwear" in names("relief.pp7_2025.sectors", day).value
    assert bands("construction.jkk.bands", day).value[0].above == 0
    # the entry is the parameter's own, with its citations
    assert rate("pu.jkm.rate", day) is parameter("pu.jkm.rate").at(day)


def test_typed_access_refuses_the_wrong_unit() -> None:
    from perlindungan.parameters import amount, rate  # noqa: PLC0415

    with pytest.raises(ValueError, match=r"has unit 'rupiah': read it with amount\(\)"):
        rate("pu.jp.wage_cap", _dt.date(2025, 6, 1))
    with pytest.raises(NoValueInForceError):
        amount("pu.jp.wage_cap", _dt.date(2015, 6, 30))
