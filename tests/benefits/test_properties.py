"""Hypothesis properties and error cases of the benefit rules."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perlindungan import Claim, InvalidInputError, benefits, parameter

_WAGES = st.integers(min_value=0, max_value=200_000_000)


@given(_WAGES, _WAGES, st.sampled_from(["death", "permanent_total_disability"]))
def test_jkk_never_falls_as_wage_rises(a: int, b: int, event: str) -> None:
    low, high = sorted((a, b))
    one = benefits(Claim(program="JKK", event=event, wage=low), on="2024-01-01").total
    two = benefits(Claim(program="JKK", event=event, wage=high), on="2024-01-01").total
    assert one <= two


@given(
    st.integers(min_value=500_000, max_value=10_000_000).map(lambda x: x * 2), st.integers(0, 40)
)
def test_stmb_follows_schedule(wage: int, months: int) -> None:
    total = benefits(
        Claim(program="JKK", event="temporary_disability", wage=wage, months_off_work=months),
        on="2024-01-01",
    ).total
    assert int(total) == wage * min(months, 12) + wage * max(months - 12, 0) // 2


@given(st.integers(0, 50_000_000), st.integers(180, 600))
def test_jp_within_minimum_and_maximum(wage: int, months: int) -> None:
    answer = benefits(
        Claim(program="JP", event="old_age", contribution_months=months, average_indexed_wage=wage),
        on="2025-06-01",
    )
    low = parameter("jp.benefit.minimum").value_at("2025-06-01")
    high = parameter("jp.benefit.maximum").value_at("2025-06-01")
    assert low <= answer.total.amount <= high  # type: ignore[operator]


@given(_WAGES, st.sampled_from(["2024-01-10", "2025-03-10"]))
def test_jkp_never_exceeds_cap(wage: int, terminated: str) -> None:
    claim = Claim(
        program="JKP",
        event="termination",
        wage=wage,
        terminated_on=terminated,
        termination_reason="layoff",
        contribution_months=24,
    )
    answer = benefits(claim, on=terminated)
    assert int(answer.total) <= 18_000_000


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        ({"months_off_work": -1}, "claim.months_off_work"),
        ({"disability_percent": 120}, "claim.disability_percent"),
        ({"registered_on": "2024-01-01", "terminated_on": "2023-01-01"}, "claim.terminated_on"),
        ({"wage": -5}, "claim.wage"),
    ],
)
def test_bad_facts(facts: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        Claim(program="JKK", event="death", **facts)  # type: ignore[arg-type]
    assert info.value.field == field


def test_unknown_event() -> None:
    with pytest.raises(InvalidInputError, match="not an event of JKM"):
        Claim(program="JKM", event="accident")


def test_cli_exit_2_one_line() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "perlindungan",
            "benefits",
            "--on",
            "2024-01-01",
            "--program",
            "JKK",
            "--event",
            "death",
            "--wage",
            "-1",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1


def test_cli_json() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "perlindungan",
            "benefits",
            "--on",
            "2024-01-01",
            "--program",
            "JKM",
            "--event",
            "death",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert '"total": 42000000' in run.stdout
