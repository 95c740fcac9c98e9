"""Hypothesis properties of contribution quotes, for every category."""

from __future__ import annotations

import datetime as _dt
import json
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from perlindungan import (
    ConstructionProject,
    NonWageEarner,
    Payer,
    Program,
    Quote,
    WageEarner,
    contributions,
    parameter,
    quote_from_request,
    worker_from_dict,
)
from perlindungan import strategies as pst

dates = pst.dates()
wages = pst.wages()
wage_earners = pst.wage_earners()


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    worker, on = draw(pst.worker_and_date())
    return contributions(worker, on=on)


@given(pst.contribution_requests())
def test_requests_from_the_strategy_round_trip_through_the_json_contract(
    request: dict[str, object],
) -> None:
    quote = quote_from_request(request)
    assert quote.total.is_whole
    assert worker_from_dict(request["worker"]) is not None  # type: ignore[arg-type]


def _half_up(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


@given(quotes())
def test_payer_shares_add_up_to_the_total(quote: Quote) -> None:
    totals = quote.totals()
    assert sum(a.amount for a in totals.values()) == quote.total.amount
    assert sum(line.amount.amount for line in quote.lines) == quote.total.amount


@given(quotes())
def test_every_amount_is_whole_and_not_negative(quote: Quote) -> None:
    assert quote.lines
    for line in quote.lines:
        assert line.amount.is_whole
        assert line.amount.amount >= 0
        if line.relief is not None:
            assert line.relief.normal_amount.is_whole
            assert line.relief.reduction.amount >= 0
    for amount in quote.totals().values():
        assert amount.is_whole


@given(quotes())
def test_each_line_is_its_rate_times_its_base_rounded(quote: Quote) -> None:
    for line in quote.lines:
        share = line.relief.payable_share if line.relief is not None else Decimal(1)
        if line.rate is not None:
            assert line.base is not None
            assert line.amount.amount == _half_up(line.base.amount * line.rate * share)
        elif line.bands:
            exact = sum(part.portion.amount * part.rate for part in line.bands)
            assert line.amount.amount == _half_up(exact * share)
            assert sum(part.portion.amount for part in line.bands) == line.base.amount  # type: ignore[union-attr]


@given(
    worker=wage_earners,
    other=wages,
    on=dates,
)
def test_wage_earner_contributions_never_fall_as_the_wage_rises(
    worker: WageEarner, other: Decimal, on: _dt.date
) -> None:
    low, high = sorted([worker.wage.amount, other])
    a = contributions(
        WageEarner(
            wage=low,
            risk_class=worker.risk_class,
            birth_date=worker.birth_date,
            employer=worker.employer,
        ),
        on=on,
    )
    b = contributions(
        WageEarner(
            wage=high,
            risk_class=worker.risk_class,
            birth_date=worker.birth_date,
            employer=worker.employer,
        ),
        on=on,
    )
    for payer, amount in a.totals().items():
        assert amount <= b.totals()[payer]
    for program in Program:
        assert a.program_total(program) <= b.program_total(program)


@given(
    pst.incomes(),
    pst.incomes(),
    st.booleans(),
    dates,
)
def test_non_wage_earner_contributions_never_fall_as_income_rises(
    x: Decimal, y: Decimal, with_jht: bool, on: _dt.date
) -> None:
    low, high = sorted([x, y])
    a = contributions(NonWageEarner(income=low, with_jht=with_jht), on=on)
    b = contributions(NonWageEarner(income=high, with_jht=with_jht), on=on)
    assert a.total <= b.total


@given(
    st.integers(min_value=1, max_value=50_000_000_000),
    st.integers(min_value=1, max_value=50_000_000_000),
    dates,
)
def test_project_contributions_never_fall_as_the_contract_value_rises(
    x: int, y: int, on: _dt.date
) -> None:
    low, high = sorted([x, y])
    a = contributions(ConstructionProject(contract_value=low), on=on)
    b = contributions(ConstructionProject(contract_value=high), on=on)
    for program in (Program.JKK, Program.JKM):
        assert a.program_total(program) <= b.program_total(program)


@given(
    st.integers(min_value=0, max_value=400_000_000),
    st.integers(min_value=0, max_value=400_000_000),
    st.integers(min_value=1, max_value=5),
    dates,
)
def test_jp_stays_flat_above_the_cap(x: int, y: int, risk: int, on: _dt.date) -> None:
    cap = parameter("pu.jp.wage_cap").at(on).value
    assert isinstance(cap, Decimal)
    a = contributions(WageEarner(wage=cap + x, risk_class=risk, birth_date="1990-01-01"), on=on)
    b = contributions(WageEarner(wage=cap + y, risk_class=risk, birth_date="1990-01-01"), on=on)
    jp_a = [(ln.payer, ln.amount) for ln in a.lines_for(Program.JP)]
    jp_b = [(ln.payer, ln.amount) for ln in b.lines_for(Program.JP)]
    assert jp_a == jp_b
    assert len(jp_a) == 2
    for line in a.lines_for(Program.JP):
        assert line.base is not None
        assert line.base.amount == cap


@given(quotes(), st.sampled_from([Payer.REGIONAL_BUDGET, Payer.OTHER, Payer.EMPLOYER]))
def test_paid_by_keeps_every_amount_and_the_total(quote: Quote, payer: Payer) -> None:
    moved = quote.paid_by(payer)
    assert moved.total == quote.total
    assert [ln.amount for ln in moved.lines] == [ln.amount for ln in quote.lines]
    assert all(ln.payer is payer for ln in moved.lines)
    for before, after in zip(quote.lines, moved.lines, strict=True):
        if before.payer is not payer:
            assert after.on_behalf_of is before.payer
    partial = quote.paid_by(payer, programs=[Program.JKK, Program.JKM])
    assert partial.total == quote.total
    assert sum(a.amount for a in partial.totals().values()) == quote.total.amount


@given(quotes())
def test_explanation_renders_in_both_locales(quote: Quote) -> None:
    indonesian = quote.explain("id_ID")
    english = quote.explain("en")
    assert indonesian.strip()
    assert english.strip()
    assert "{" not in english


@given(quotes())
def test_json_round_trip(quote: Quote) -> None:
    data = quote.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["total"] == sum(data["totals"].values())
    assume(data["lines"])
    assert sum(line["amount"] for line in data["lines"]) == data["total"]
