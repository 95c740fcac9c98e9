"""The public Hypothesis strategies draw valid inputs, and the core never imports Hypothesis."""

from __future__ import annotations

import datetime as _dt
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perlindungan import (
    Claim,
    InvalidInputError,
    MigrantWorker,
    NonWageEarner,
    benefits,
    contributions,
    parameter,
    quote_from_request,
)
from perlindungan import strategies as pst
from perlindungan.regional import Person


def test_importing_the_package_does_not_import_hypothesis() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, perlindungan; print('hypothesis' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"


@given(pst.claim_and_date())
def test_claims_can_be_assessed_on_their_date(pair: tuple[Claim, _dt.date]) -> None:
    claim, on = pair
    answer = benefits(claim, on=on)
    assert answer.total.is_whole


@given(pst.contribution_requests())
def test_requests_are_in_the_json_contract(request: dict[str, object]) -> None:
    assert quote_from_request(request).total.amount >= 0


@given(st.data())
def test_incomes_and_wages_stay_in_range_on_their_date(data: st.DataObject) -> None:
    on = data.draw(pst.dates())
    income = data.draw(pst.incomes(on))
    low = parameter("bpu.income.minimum").value_at(on)
    high = parameter("bpu.income.maximum").value_at(on)
    assert isinstance(low, Decimal)
    assert isinstance(high, Decimal)
    assert low <= income <= high
    wage = data.draw(pst.wages(on))
    assert 1 <= wage <= pst.MAX_WAGE
    worker = data.draw(pst.wage_earners(on))
    assert contributions(worker, on=on).total.is_whole


@given(pst.rosters())
def test_rosters_have_unique_ids(people: list[Person]) -> None:
    ids = [p.id for p in people]
    assert len(ids) == len(set(ids))


def test_dates_cover_the_regulation_data() -> None:
    assert pst.last_date() == parameter("pu.jp.wage_cap").known_until
    assert pst.FIRST_DATE <= pst.MIGRANT_FIRST_DATE < pst.last_date()


@given(pst.contribution_requests(category="pu"), pst.workers(category=["bpu", "migrant"]))
def test_strategies_take_a_category(request: dict[str, Any], worker: object) -> None:
    assert request["worker"]["category"] == "pu"
    assert quote_from_request(request).worker.category.value == "pu"
    assert isinstance(worker, (NonWageEarner, MigrantWorker))


def test_an_unknown_category_is_an_error() -> None:
    with pytest.raises(InvalidInputError, match="category must be one of pu, bpu"):
        pst.workers(category="pekerja")
