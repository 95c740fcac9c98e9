"""Charts are produced for real (matplotlib) and checked for their series, not pixels."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from perlindungan.cli import main
from perlindungan.regional import (
    bundled_roster,
    load_scheme,
    period_budget,
    run_roster,
    scheme,
)
from perlindungan.regional._charts import budget_charts, coverage_charts
from perlindungan.regional._coverage import region_coverage
from perlindungan.regional._scenario import Scenario, compare

PLAN = Path(__file__).parent / "budget_cases" / "phased-plan.toml"


def test_budget_chart_series() -> None:
    prog = load_scheme(PLAN)
    b = period_budget(prog, start="2026-01-01", end="2026-12-31")
    charts = {c.id: c for c in budget_charts(prog, b)}
    month = charts["budget-per-month"]
    assert month.series_codes() == ["tahap I|regional_budget", "tahap II|regional_budget"]
    assert month.categories[0] == "2026-01"
    assert len(month.categories) == 12
    one, two = month.series
    assert one.values == (Decimal(168),) * 12  # Rp168 million a month
    assert two.values == (Decimal(0),) * 6 + (Decimal(252),) * 6
    people = charts["people-per-month"]
    assert [sum(v) for v in zip(*(s.values for s in people.series), strict=True)][5:7] == [
        10_000,
        25_000,
    ]


def test_program_targets_as_reference_lines() -> None:
    prog = scheme("kota-jambi-rentan-2025")
    b = period_budget(prog, start="2026-01-01", end="2026-12-31")
    people = next(c for c in budget_charts(prog, b) if c.id == "people-per-month")
    assert [(code, int(v)) for code, _, v in people.references] == [("target|2026", 4_000)]


def test_sub_region_chart_from_roster() -> None:

    prog = scheme("sijunjung-nagari-100")
    result = run_roster(prog, bundled_roster(prog.id), on="2023-10-02")
    b = period_budget(prog, start="2023-10-01", end="2023-12-31", allocation=result.allocation)
    chart = next(c for c in budget_charts(prog, b) if c.id == "people-per-sub-region")
    assert sum(chart.series[0].values) == len(result.allocation.admitted)
    assert all(v <= 100 for v in chart.series[0].values)


def test_coverage_chart_series() -> None:
    c = region_coverage("13.03", on="2023-10-02")
    chart = coverage_charts(c)[0]
    assert chart.series[0].values == (Decimal(17_143), Decimal(6_200), Decimal(23_343))
    assert {code: int(v) for code, _, v in chart.references} == {
        "target": 30_000,
        "vulnerable": 48_838,
    }


def test_html_page_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    args = ["scheme", "budget", str(PLAN), "--from", "2026-01-01", "--to", "2026-12-31"]
    assert main([*args, "--format", "html", "--output", str(out), "--lang", "en"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 2
    assert 'id="series-tahap I|regional_budget-0"' in page
    assert 'id="series-tahap II|regional_budget-11"' in page
    assert 'data-code="tahap II|regional_budget"' in page
    assert "IDR3,528,000,000" in page
    # nothing is fetched when the page is opened
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert 'xlink:href="http' not in page


def test_charts_folder_and_scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "charts"
    args = ["scheme", "budget", str(PLAN), "--from", "2026-01-01", "--to", "2026-12-31"]
    assert (
        main([*args, "--set", "quota.total=30000", "--charts", str(folder), "--format", "json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["kind"] == "scenario"
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(
        f"{n}.{ext}"
        for n in ("scenario-per-year", "budget-per-month", "people-per-month")
        for ext in ("svg", "png")
    )
    assert (folder / "budget-per-month.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (folder / "scenario-per-year.svg").read_text(encoding="utf-8")
    assert 'id="series-baseline-0"' in svg
    assert 'id="series-scenario-0"' in svg
    c = compare(
        load_scheme(PLAN), Scenario.of("quota.total=30000"), start="2026-01-01", end="2026-12-31"
    )
    chart = budget_charts(load_scheme(PLAN), c)[0]
    assert [int(v) for v in chart.series[1].values] == [4_032]


def test_region_coverage_html(tmp_path: Path) -> None:
    out = tmp_path / "c.html"
    assert (
        main(
            [
                "region",
                "coverage",
                "13.03",
                "--on",
                "2023-10-02",
                "--format",
                "html",
                "--output",
                str(out),
            ]
        )
        == 0
    )
    page = out.read_text(encoding="utf-8")
    assert 'id="series-coverage-2"' in page
    assert 'id="reference-target"' in page
    assert "angka wartawan" in page
