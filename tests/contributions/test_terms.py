"""Terms: one decision per rule, read by the scalar and the batch path alike, per date
and per active scenario overlay."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import pytest

from perlindungan import NonWageEarner, Quote, WageEarner, contributions
from perlindungan._overlay import Overlay, applied, override
from perlindungan.contributions._terms import exact_fraction
from perlindungan.contributions._wage_earner_terms import Relief, wage_earner_terms

ON = _dt.date(2025, 6, 1)


def test_fractions_are_exact() -> None:
    from decimal import Decimal  # noqa: PLC0415

    assert exact_fraction(Decimal("0.0024")) == (24, 10_000)
    assert exact_fraction(Decimal("0.0024") * Decimal("0.5")) == (120, 100_000)
    assert exact_fraction(Decimal(3)) == (3, 1)
    with pytest.raises(ValueError, match="non-negative"):
        exact_fraction(Decimal("-0.1"))


def test_employer_relief_state_picks_the_jkk_terms() -> None:
    normal = wage_earner_terms(ON, Relief.NOT_ELIGIBLE)
    relieved = wage_earner_terms(ON, Relief.ELIGIBLE)
    assert normal.jkk[0].relief is None
    assert relieved.jkk[0].relief is not None
    assert relieved.jkk[0].relief.scheme == "PP 7/2025"
    assert [n.code for n in normal.notes] == ["relief_not_eligible"]
    assert [n.code for n in wage_earner_terms(ON, Relief.UNKNOWN).notes] == [
        "relief_not_considered"
    ]
    # outside the relief's months the state is ignored
    later = _dt.date(2026, 6, 1)
    assert wage_earner_terms(later, Relief.ELIGIBLE) == wage_earner_terms(later, Relief.NONE)


def test_a_scenario_overlay_reaches_scalar_and_batch_and_leaves_no_trace() -> None:
    batch = pytest.importorskip("perlindungan.batch")
    day = _dt.date(2027, 2, 1)
    columns = {"category": ["bpu", "pu"], "income": [2_000_000, None],
               "wage": [None, 5_000_000], "risk_class": [None, 1],
               "birth_date": [None, _dt.date(1990, 1, 1)]}  # fmt: skip
    law = contributions(NonWageEarner(income=2_000_000), on=day)
    layer = Overlay((override("bpu.jkk.rate", "0.012", day), override("pu.jkm.rate", "0.004", day)))
    with applied(layer):
        quote = contributions(NonWageEarner(income=2_000_000), on=day)
        pu = contributions(
            WageEarner(wage=5_000_000, risk_class=1, birth_date="1990-01-01"), on="2026-06-01"
        )
        result = batch.contributions_batch(columns, on=day)
    assert int(quote.lines[0].amount) == 24_000
    assert quote.lines[0].citations[0].basis.id == "scenario"
    assert result.column("jkk_worker")[0] == 24_000
    assert result.column("jkm_employer")[1] == 20_000
    assert int(pu.lines[1].amount) == 15_000  # the override starts in 2027
    assert int(law.lines[0].amount) == 20_000
    assert int(contributions(NonWageEarner(income=2_000_000), on=day).lines[0].amount) == 20_000
    assert batch.contributions_batch(columns, on=day).column("jkk_worker")[0] == 20_000


def _jp(quote: Quote) -> list[tuple[str, int]]:
    return [(line.payer.value, int(line.amount)) for line in quote.lines_for("JP")]


@pytest.mark.parametrize("baseline_first", [True, False])
def test_a_scenario_reaches_the_jp_terms_read_on_demand(baseline_first: bool) -> None:
    """The JP terms are read only when JP is due, and cached apart from the other terms of
    the date: their cache is keyed by the scenario too, whichever is asked first."""
    worker = WageEarner(wage=5_000_000, risk_class=1, birth_date="1990-01-01")
    day = _dt.date(2025, 6, 3)  # a date no other test asks for JP
    law = [("employer", 100_000), ("worker", 50_000)]
    if baseline_first:
        assert _jp(contributions(worker, on=day)) == law
    with applied(Overlay((override("pu.jp.employer_rate", "0.05"),))):
        assert _jp(contributions(worker, on=day)) == [("employer", 250_000), ("worker", 50_000)]
    assert _jp(contributions(worker, on=day)) == law


def test_a_scenario_reaches_relief_terms() -> None:
    """Relief terms follow a scenario, and the bundled law is back after it."""
    day = _dt.date(2020, 9, 1)  # PP 49/2020 in force: JKK 99% off
    worker = WageEarner(wage=5_000_000, risk_class=1, birth_date="1990-01-01")
    law = contributions(worker, on=day).lines_for("JKK")[0]
    with applied(Overlay((override("relief.pp49_2020.jkk_payable_share", "0.5"),))):
        half = contributions(worker, on=day).lines_for("JKK")[0]
    assert law.relief is not None
    assert half.relief is not None
    assert half.relief.payable_share == Decimal("0.5")
    assert int(half.amount) == 6_000  # 0.24% of 5,000,000, half of it
    assert contributions(worker, on=day).lines_for("JKK")[0] == law
