"""Golden benefit cases read from tests/cases/benefits/*.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from perlindungan import benefit_from_request

_CASES = [
    case
    for path in sorted((Path(__file__).parent.parent / "cases" / "benefits").glob("*.toml"))
    for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]
]


@pytest.mark.parametrize("case", _CASES, ids=[c["id"] for c in _CASES])
def test_golden(case: dict[str, Any]) -> None:
    answer = benefit_from_request({"on": case["on"], "claim": case["claim"]}).to_dict()
    assert answer["eligible"] is case["eligible"]
    if "total" in case:
        assert answer["total"] == case["total"]
    if "monthly" in case:
        assert answer["monthly"] is case["monthly"]
    if "missing" in case:
        assert answer["missing"] == case["missing"]
    amounts = {c["name"]: c["amount"] for c in answer["components"]}
    for name, amount in case.get("components", {}).items():
        assert amounts[name] == amount
    assert all(c["basis"] for c in answer["components"])


def test_assumed_return_cites_jht_regulation_and_is_illustrative() -> None:
    case = next(c for c in _CASES if c["id"] == "jht-assumed-return-only")
    answer = benefit_from_request({"on": case["on"], "claim": case["claim"]}).to_dict()
    (part,) = answer["components"]
    assert part["basis"] == "PP 46/2015"
    assert (part["status"], part["confidence"]) == ("illustrative", "M")
    assert "caller's assumed 5%" in part["how"]
    assert [n["code"] for n in answer["notes"]] == ["assumed_return"]
