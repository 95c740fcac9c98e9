"""Contract over every bundled program: its roster evaluates, conditions cite a basis,
its planned budget is its quota times its premium."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest

from perlindungan.regional import (
    bundled_roster,
    bundled_schemes,
    planned_budget,
    premium,
    run_roster,
)
from perlindungan.regional._conditions import Condition, Node

PROGRAMS = {p.id: p for p in bundled_schemes()}
ROSTERS = {
    f.name.removesuffix(".csv")
    for f in (resources.files("perlindungan") / "data" / "rosters").iterdir()
    if f.name.endswith(".csv")
}
#: Each bundled roster has one row with a bad birth date on purpose (row 9).
EXPECTED_ROW_ERRORS = {"birth_date": 1}


def _leaves(node: Node) -> Iterator[Condition]:
    if node.leaf is not None:
        yield node.leaf
    for child in node.children:
        yield from _leaves(child)


@pytest.mark.parametrize("pid", sorted(PROGRAMS))
def test_every_condition_cites_a_basis(pid: str) -> None:
    p = PROGRAMS[pid]
    assert p.citations or p.sources, pid
    for cond in _leaves(p.eligibility):
        assert cond.citation is not None or p.citations, (pid, cond.key)


@pytest.mark.parametrize("pid", sorted(ROSTERS))
def test_bundled_roster_has_no_unexpected_row_errors(pid: str) -> None:
    p = PROGRAMS[pid]
    rows = bundled_roster(pid)
    result = run_roster(p, rows, on=p.valid_from)
    fields = [e.field for e in result.errors]
    assert {f: fields.count(f) for f in set(fields)} == EXPECTED_ROW_ERRORS, result.errors
    summary = result.summary()
    assert summary["rows"] == len(rows) == len(result.allocation.placements) + len(fields)
    assert summary["eligible"] > 0


@pytest.mark.parametrize(
    "pid",
    sorted(
        pid
        for pid, p in PROGRAMS.items()
        if p.quota.total and p.coverage.scheme == "bpu" and not p.phased_places
    ),
)
def test_planned_budget_is_quota_times_premium(pid: str) -> None:
    p = PROGRAMS[pid]
    b = planned_budget(p, on=p.valid_from)
    assert p.quota.total is not None
    assert b.participants == p.quota.total
    assert int(b.monthly) == p.quota.total * int(premium(p, p.valid_from).total)
