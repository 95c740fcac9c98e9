"""What-if settings: which keys a scenario takes and how a wrong one is refused, the
growth assumptions, and the problems of a scenario file with their lines."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perlindungan.errors import InvalidInputError, RegulationDataError
from perlindungan.parameters import parameters
from perlindungan.regional import Scenario, load_scenario, scheme
from perlindungan.regional._period import Assumptions


def test_a_name_that_is_not_a_parameter_is_not_in_the_parameters() -> None:
    assert "bpu.jkk.rate" in parameters()
    assert "bpu.jkk.rat" not in parameters()  # False, not an "unknown parameter" error


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("bpu.jkk.rat=0.1", "unknown scenario key 'bpu.jkk.rat'; did you mean 'bpu.jkk.rate'"),
        ("quota.totl=5", "unknown scenario key 'quota.totl'; did you mean 'quota.total'"),
        ("quota.total", "scenario setting 'quota.total': write KEY=VALUE, e.g."),
    ],
)
def test_an_unknown_or_malformed_setting_suggests_the_right_one(setting: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        Scenario.of(setting)
    assert str(caught.value).startswith(message)
    assert caught.value.field == "set"


def test_a_scheme_setting_holds_for_the_whole_period() -> None:
    with pytest.raises(InvalidInputError, match="applies to law parameters only") as caught:
        Scenario.of("quota.total=5@2026-01-01")
    assert caught.value.field == "quota.total"


def test_growth_settings_become_the_assumptions() -> None:
    base = Assumptions(participant_growth="0.01", income_growth="0.02")
    changed = Scenario.of("growth.income=0.03", "growth.participants=0.05").assumptions(base)
    assert changed == Assumptions(participant_growth="0.05", income_growth="0.03")
    assert Scenario.of("quota.total=10").assumptions(base) == base
    with pytest.raises(InvalidInputError, match=r"yearly growth as a fraction such as 0\.05"):
        Scenario.of("growth.income=lots")
    assert changed.income_growth == Decimal("0.03")


def test_a_declared_income_applies_to_bpu_schemes_only() -> None:
    construction = scheme("kota-jambi-kampung-bahagia")
    assert construction.coverage.scheme == "construction"
    with pytest.raises(InvalidInputError, match="applies to BPU membership") as caught:
        Scenario.of("coverage.income=1500000").scheme(construction)
    assert caught.value.field == "coverage.income"
    bpu = Scenario.of("coverage.income=1500000").scheme(scheme("kota-jambi-rentan-2025"))
    assert bpu.coverage.income == 1_500_000


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "sc.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegulationDataError) as info:
        load_scenario(path)
    return [str(p) for p in info.value.problems]


def test_a_scenario_file_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    assert _problems(
        tmp_path,
        'extra = 1\n[scenario]\nsett = 1\nset = ["quota.total=30000", "bpu.jkk.rate=2"]\n',
    ) == [
        "sc.toml:1: extra: unknown key 'extra'; did you mean 'scenario'?",
        "sc.toml:3: scenario.sett: unknown key 'sett'; did you mean 'set'?",
        (
            "sc.toml:4: scenario.set[1]: bpu.jkk.rate=2: a rate must be a number such as "
            "0.012 (1.2%) from 0 to 1."
        ),
    ]
    assert _problems(tmp_path, '[scenario]\nset = "quota.total=1"\n') == [
        'sc.toml:2: scenario.set: must be a list of "KEY=VALUE" texts, e.g. ["quota.total=30000"]'
    ]
    assert (
        _problems(tmp_path, "scenrio = 1\n")[-1]
        == "sc.toml: scenario: missing the [scenario] table"
    )


def test_a_missing_scenario_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="cannot read scenario file") as caught:
        load_scenario(tmp_path / "nope.toml")
    assert caught.value.field == "scenario"
    assert "nope.toml" in str(caught.value)


def test_assumptions_say_whether_they_change_anything() -> None:
    assert not Assumptions().any
    assert Assumptions(income_growth="0.03").any
    assert Assumptions(participant_growth="-0.5").any
    with pytest.raises(InvalidInputError, match="more than -1 and at most 10"):
        Assumptions(participant_growth="-1")
