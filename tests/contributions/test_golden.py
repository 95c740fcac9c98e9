"""Golden cases for contributions, read from ``tests/cases/contributions/*.toml``.

Each case gives a worker (JSON-contract fields), a date and the expected figures,
computed by hand from the regulations; see the comment at the top of
``wage_earners.toml`` for the format.
"""

from __future__ import annotations

import datetime as _dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

from perlindungan import PerlindunganError, Program, contributions, worker_from_dict

CASES_DIR = Path(__file__).parents[1] / "cases" / "contributions"
_CASE_KEYS = {"name", "source", "on", "worker", "expected"}
_EXPECTED_KEYS = {"totals", "lines", "all_lines", "notes", "absent", "error"}
_LINE_KEYS = {"program", "payer", "amount", "recomposition"}


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            document = tomllib.load(handle)
        assert set(document) == {"case"}, f"{path.name}: only [[case]] tables are allowed"
        for case in document["case"]:
            assert set(case) <= _CASE_KEYS, f"{path.name}: {case.get('name')}: unknown keys"
            assert set(case["expected"]) <= _EXPECTED_KEYS, case["name"]
            params.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return params


CASES = _load_cases()


def test_case_files_exist() -> None:
    assert len(CASES) >= 60
    names = [p.values[0]["name"] for p in CASES]
    assert len(names) == len(set(names)), "case names must be unique"


@pytest.mark.parametrize("case", CASES)
def test_golden_case(case: dict[str, Any]) -> None:
    on = case["on"]
    assert isinstance(on, _dt.date)
    expected = case["expected"]
    if "error" in expected:
        with pytest.raises(PerlindunganError) as info:
            contributions(worker_from_dict(case["worker"]), on=on)
        assert expected["error"] in str(info.value)
        return
    quote = contributions(worker_from_dict(case["worker"]), on=on)
    if "totals" in expected:
        got = {payer.value: int(amount) for payer, amount in quote.totals().items()}
        assert got == expected["totals"]
    actual = [(line.program.value, line.payer.value, int(line.amount)) for line in quote.lines]
    remaining = list(actual)
    for want in expected.get("lines", []):
        assert set(want) <= _LINE_KEYS, want
        key = (want["program"], want["payer"], want["amount"])
        assert key in remaining, f"line {key} not found in {actual}"
        remaining.remove(key)
        if "recomposition" in want:
            line = next(
                ln
                for ln in quote.lines
                if (ln.program.value, ln.payer.value, int(ln.amount)) == key
            )
            got_recomposition = {r.source.value: int(r.amount) for r in line.recomposition}
            assert got_recomposition == want["recomposition"]
    if expected.get("all_lines"):
        assert not remaining, f"unexpected lines {remaining}"
    codes = {note.code for note in quote.notes}
    for code in expected.get("notes", []):
        assert code in codes, f"note {code!r} missing; notes are {sorted(codes)}"
    for program in expected.get("absent", []):
        assert not quote.lines_for(Program(program)), f"{program} should have no line"
