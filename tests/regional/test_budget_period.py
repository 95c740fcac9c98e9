"""Budgets over a period: golden cases from budget_cases/cases.toml, phases with places,
scenarios and their refusals."""

from __future__ import annotations

import datetime as dt
import threading
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from perlindungan._overlay import applied, override
from perlindungan.errors import InvalidInputError, RegulationDataError, UnknownNameError
from perlindungan.money import Rupiah
from perlindungan.parameters import parameter
from perlindungan.regional import (
    Assumptions,
    Person,
    RegionalScheme,
    allocate,
    evaluate,
    load_scheme,
    load_scheme_text,
    period_budget,
    planned_budget,
    premium,
    scheme,
)
from perlindungan.regional._scenario import Scenario, compare, load_scenario

CASES_DIR = Path(__file__).parent / "budget_cases"
CASES = tomllib.loads((CASES_DIR / "cases.toml").read_text(encoding="utf-8"))["case"]


def _program(ref: str) -> RegionalScheme:
    return load_scheme(CASES_DIR / ref) if ref.endswith(".toml") else scheme(ref)


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:50] for c in CASES])
def test_golden_budget(case: dict[str, Any]) -> None:
    prog = _program(case["program"])
    assume = Assumptions(
        participant_growth=case.get("participant_growth", "0"),
        income_growth=case.get("income_growth", "0"),
    )
    expect = case["expect"]
    if "set" in case:
        c = compare(
            prog, Scenario.of(*case["set"]), start=case["from"], end=case["to"], assumptions=assume
        )
        assert int(c.baseline.total) == expect["total"]
        assert int(c.changed.total) == expect["scenario_total"]
        assert int(c.difference) == expect["difference"]
        if expect["difference"] == 0:
            assert c.changed.lines == c.baseline.lines
        return
    b = period_budget(prog, start=case["from"], end=case["to"], assumptions=assume)
    assert int(b.total) == expect["total"]
    per_month = {m.strftime("%Y-%m"): int(v) for m, v in b.per_month().items()}
    for month, amount in expect.get("months", {}).items():
        assert per_month[month] == amount, month
    assert {str(y): int(v) for y, v in b.per_year().items()} == expect.get(
        "per_year", {str(y): int(v) for y, v in b.per_year().items()}
    )
    people = {m.strftime("%Y-%m"): n for m, n in b.people_per_month().items()}
    for month, n in expect.get("people", {}).items():
        assert people[month] == n, month
    for key, method in (("per_phase_year", b.per_phase_year), ("per_payer_year", b.per_payer_year)):
        if key in expect:
            got = {str(y): {k: int(v) for k, v in row.items()} for y, row in method().items()}
            assert got == expect[key]
    if "unbilled" in expect:
        unbilled = [m.strftime("%Y-%m") for m in b.months if m not in b.billed]
        assert unbilled == expect["unbilled"]
        assert b.notes, "unbilled months need a note saying why"


def test_unbilled_note_says_why() -> None:
    b = period_budget(scheme("sijunjung-nagari-100"), start="2023-01-01", end="2023-12-31")
    assert [n.text("en") for n in b.notes] == [
        "2023-01..2023-09: not billed; the scheme starts on 2023-10-02"
    ]
    assert "2023-01..2023-09" in b.notes[0].text("id_ID")


def test_period_entirely_outside_validity_bills_nothing() -> None:
    b = period_budget(scheme("kota-serang-2026"), start="2025-01-01", end="2025-12-31")
    assert b.total == Rupiah.zero()
    assert b.billed == ()
    assert b.notes


def test_phases_with_cumulative_places_equal_added() -> None:
    text = (CASES_DIR / "phased-plan.toml").read_text(encoding="utf-8")
    cumulative = text.replace('phase_quotas = "added"', 'phase_quotas = "cumulative"').replace(
        "quota = 15000", "quota = 25000"
    )

    a = load_scheme(CASES_DIR / "phased-plan.toml")
    c = load_scheme_text(cumulative, "cumulative.toml")
    assert [ph.places for ph in c.phases] == [ph.places for ph in a.phases] == [10_000, 15_000]
    assert c.quota.phase_quotas == "cumulative"


def _people(n: int) -> list[Person]:
    return [
        Person(id=f"p{i:05d}", role="pekerja_rentan", application_date=dt.date(2025, 12, 1))
        for i in range(n)
    ]


def _small_phased() -> RegionalScheme:
    """The phased plan at 1/100 scale: 100 places from January, +150 from July."""
    prog = load_scheme(CASES_DIR / "phased-plan.toml")
    one, two = prog.phases
    return attrs.evolve(
        prog,
        quota=attrs.evolve(prog.quota, total=250),
        phases=(attrs.evolve(one, places=100), attrs.evolve(two, places=150)),
    )


def test_roster_admitted_phase_by_phase_and_budgeted() -> None:
    prog = _small_phased()
    people = _people(300)
    early = allocate(prog, evaluate(prog, people, on="2026-03-01"))
    assert early.counts()["admitted"] == 100
    late = allocate(prog, evaluate(prog, people, on="2026-12-31"))
    admitted = late.admitted
    assert len(admitted) == 250
    starts = {p.phase_name: p.start for p in admitted}
    assert starts == {"tahap I": dt.date(2026, 1, 1), "tahap II": dt.date(2026, 7, 1)}
    # the people of phase I are the same whether phase II has opened or not
    assert {p.decision.person.id for p in early.admitted} == {
        p.decision.person.id for p in admitted if p.phase_name == "tahap I"
    }
    b = period_budget(prog, start="2026-01-01", end="2026-12-31", allocation=late)
    assert int(b.total) == (100 * 6 + 250 * 6) * 16_800
    assert b.source == "roster"
    waiting = [p.to_dict("en") for p in late.placements if p.status.value == "waitlisted"]
    assert len(waiting) == 50
    assert waiting[0]["reason"] == "the total quota is full"
    assert next(p.to_dict("en") for p in admitted)["start"] in ("2026-01-01", "2026-07-01")


def test_scenario_never_changes_bundled_data() -> None:
    before = parameter("bpu.jkk.rate").value_at("2027-03-01")
    prog = scheme("kota-serang-2026")
    compare(
        prog,
        Scenario.of("bpu.jkk.rate=0.02", "quota.total=1"),
        start="2026-01-01",
        end="2026-12-31",
    )
    assert parameter("bpu.jkk.rate").value_at("2027-03-01") == before == Decimal("0.01")
    assert scheme("kota-serang-2026").quota.total == 12_000
    b = period_budget(prog, start="2026-01-01", end="2026-12-31")
    assert int(b.total) == 2_419_200_000


def test_scenario_line_cites_the_scenario() -> None:

    prog = scheme("kota-serang-2026")
    with applied(Scenario.of("bpu.jkk.rate=0.012").overlay()):
        quote = premium(prog, dt.date(2026, 2, 1))
    jkk = next(ln for ln in quote.lines if ln.program.value == "JKK")
    assert int(jkk.amount) == 12_000
    assert "scenario" in str(jkk.citations[0]).lower()


@pytest.mark.parametrize(
    ("text", "error", "fragment"),
    [
        ("quota.total=lots", InvalidInputError, "whole number of people"),
        ("bpu.jkk.rat=0.012", InvalidInputError, "did you mean 'bpu.jkk.rate'"),
        ("bpu.jkk.rate=1.5", InvalidInputError, "from 0 to 1"),
        ("quota.total=5@2027-01-01", InvalidInputError, "applies to law parameters only"),
        ("quota.total", InvalidInputError, "KEY=VALUE"),
        ("growth.income=-2", InvalidInputError, "more than -1"),
    ],
)
def test_bad_settings_refused(text: str, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as info:
        Scenario.of(text)
    assert fragment in str(info.value)


def test_unknown_parameter_suggests() -> None:
    with pytest.raises(UnknownNameError):
        override("bpu.jkk.rat", "0.1")


def test_scenario_file(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text(
        '[scenario]\nname = "lebih banyak"\nset = ["quota.total=13000", "bpu.jkk.rate=0.012@2026-07-01"]\n',
        encoding="utf-8",
    )
    s = load_scenario(f)
    assert s.name == "lebih banyak"
    assert [str(x) for x in s.settings] == ["quota.total=13000", "bpu.jkk.rate=0.012@2026-07-01"]
    bad = tmp_path / "bad.toml"
    bad.write_text('[scenario]\nnmae = "x"\nset = ["quota.total=x"]\n', encoding="utf-8")
    with pytest.raises(RegulationDataError) as info:
        load_scenario(bad)
    text = str(info.value)
    assert "bad.toml:2: scenario.nmae: unknown key 'nmae'; did you mean 'name'?" in text
    assert "scenario.set[0]" in text


def test_participants_refused_for_phased_plan() -> None:
    with pytest.raises(InvalidInputError, match="phase by phase"):
        period_budget(
            load_scheme(CASES_DIR / "phased-plan.toml"),
            start="2026-01-01",
            end="2026-12-31",
            participants=5,
        )


def test_period_backwards_refused() -> None:
    with pytest.raises(InvalidInputError, match="ends"):
        period_budget(scheme("kota-serang-2026"), start="2026-12-31", end="2026-01-01")


def test_overlay_is_local_to_its_context() -> None:
    seen: list[Decimal] = []
    ready, done = threading.Event(), threading.Event()

    def other_thread() -> None:
        ready.wait()
        seen.append(Decimal(str(parameter("bpu.jkk.rate").value_at("2026-02-01"))))
        done.set()

    worker = threading.Thread(target=other_thread)
    worker.start()
    prog = scheme("kota-serang-2026")
    with applied(Scenario.of("bpu.jkk.rate=0.02").overlay()):
        ready.set()
        done.wait()
        inside = premium(prog, dt.date(2026, 2, 1))
    worker.join()
    outside = premium(prog, dt.date(2026, 2, 1))
    assert seen == [Decimal("0.01")]
    assert (int(inside.total), int(outside.total)) == (26_800, 16_800)


def test_a_phased_plan_on_a_date_budgets_the_places_opened_by_then() -> None:
    prog = _small_phased()
    one, two = prog.phases
    before = planned_budget(prog, on=two.start - dt.timedelta(days=1))
    after = planned_budget(prog, on=two.start)
    assert (before.participants, after.participants) == (100, 250)
    assert {line.phase for line in before.lines} == {one.name}
    assert [line.phase for line in after.lines].count(two.name) == 150
    per_person = premium(prog, two.start).total
    assert after.monthly == per_person * 250
    # a head count given replaces the phases' places
    assert planned_budget(prog, on=two.start, participants=7).participants == 7


def test_the_last_months_of_the_calendar_are_budgeted() -> None:
    # December 9999 has no next month: computing its end was a ValueError (year 10000)
    b = period_budget(scheme("kota-jambi-rentan-2025"), start="9999-01-01", end="9999-12-31")
    assert [m.strftime("%Y-%m") for m in b.months][-1] == "9999-12"
    assert len(b.months) == 12
    assert b.total > 0


def test_a_period_longer_than_100_years_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"is 1,201 months; a budget covers at most 1,200"):
        period_budget(scheme("kota-jambi-rentan-2025"), start="2025-01-01", end="2125-01-31")
