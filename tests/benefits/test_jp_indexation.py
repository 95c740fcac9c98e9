"""The JP minimum and maximum benefit follow the indexation chain, year by year.

PP 45/2015 Pasal 18 ayat (3) indexes the minimum and maximum monthly JP benefit by the
previous year's inflation. Rounded up to Rp50 through 2022 and to Rp100 from 2023, the
chain ``ceil(previous x (1 + inflation))`` reproduces every published year exactly
(2016, 2019, 2023, 2024, 2025, 2026; legal audit 2026, headline 4). The years no source
publishes (2017, 2018, 2020-2022) are that chain, marked ``derived`` in the data.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_CEILING, Decimal

import pytest

from perlindungan import parameter

PUBLISHED = (2016, 2019, 2023, 2024, 2025, 2026)
DERIVED = (2017, 2018, 2020, 2021, 2022)


def _step(year: int) -> Decimal:
    return Decimal(50) if year <= 2022 else Decimal(100)


def _chain(name: str) -> dict[int, Decimal]:
    """The indexed value of each March from 2016, computed from the 2015 value."""
    values = {2015: Decimal(parameter(name).value_at(_dt.date(2015, 7, 1)))}  # type: ignore[arg-type]
    for year in range(2016, 2027):
        inflation = parameter("jp.inflation").value_at(_dt.date(year - 1, 6, 30))
        assert isinstance(inflation, Decimal)
        step = _step(year)
        raw = values[year - 1] * (1 + inflation) / step
        values[year] = raw.to_integral_value(rounding=ROUND_CEILING) * step
    return values


@pytest.mark.parametrize("name", ["jp.benefit.minimum", "jp.benefit.maximum"])
def test_the_chain_reproduces_every_published_year(name: str) -> None:
    chain = _chain(name)
    for year in PUBLISHED + DERIVED:
        entry = parameter(name).at(_dt.date(year, 3, 1))
        assert entry.since == _dt.date(year, 3, 1)
        assert Decimal(entry.value) == chain[year], (name, year)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["jp.benefit.minimum", "jp.benefit.maximum"])
def test_published_and_derived_years_are_marked(name: str) -> None:
    for year in PUBLISHED:
        assert parameter(name).at(_dt.date(year, 3, 1)).status == "announced", year
    for year in DERIVED:
        entry = parameter(name).at(_dt.date(year, 3, 1))
        assert entry.status == "derived", year
        assert entry.note is not None
        assert "2016, 2019, 2023-2026" in entry.note


def test_the_published_anchors_are_the_letters_figures() -> None:
    """Figures printed in the letters and press (krishand 2016, jimmybudhi 2019, ...)."""
    anchors = {
        2016: (310_050, 3_720_600),
        2019: (341_400, 4_095_750),
        2023: (383_400, 4_598_100),
        2024: (393_500, 4_718_200),
    }
    for year, (minimum, maximum) in anchors.items():
        on = _dt.date(year, 3, 1)
        assert parameter("jp.benefit.minimum").value_at(on) == minimum
        assert parameter("jp.benefit.maximum").value_at(on) == maximum
