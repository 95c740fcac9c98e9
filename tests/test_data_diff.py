"""``perlindungan.data_diff`` and ``perlindungan data diff``: what changed between two dates."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perlindungan import DataDiff, InvalidInputError, data_diff, parameters
from perlindungan.cli import main
from perlindungan.errors import NoValueInForceError


def _value(name: str, day: _dt.date) -> object:
    try:
        return parameters()[name].value_at(day)
    except NoValueInForceError:
        return None


def test_2025_to_mid_2026() -> None:
    diff = data_diff("2025-01-01", "2026-06-01")
    assert isinstance(diff, DataDiff)
    changes = {c.parameter: c for c in diff.changes}
    cap = changes["pu.jp.wage_cap"]
    assert (cap.old, cap.new) == (10_042_300, 11_086_300)
    assert [s.since.isoformat() for s in cap.steps] == ["2025-03-01", "2026-03-01"]
    assert "B/726/022025" in cap.steps[0].citation
    assert cap.changed_by is not None
    assert "B/1226/022026" in cap.changed_by
    rate = changes["jkp.benefit.first_rate"]
    assert (str(rate.old), str(rate.new)) == ("0.45", "0.60")
    assert rate.changed_by is not None
    assert rate.changed_by.startswith("PP 6/2025")
    assert "pu.jkk.rate.1" not in changes  # unchanged
    assert not any(parameters()[c.parameter].unit == "flag" for c in diff.changes)
    reliefs = [(r.parameter, r.event, r.day.isoformat()) for r in diff.reliefs]
    assert ("relief.pp7_2025.in_force", "starts", "2025-02-01") in reliefs
    assert ("relief.pp7_2025.in_force", "ends", "2026-01-31") in reliefs
    assert ("relief.pp50_2025.sector_in_force", "starts", "2026-01-01") in reliefs
    assert ("relief.pp50_2025.in_force", "starts", "2026-04-01") in reliefs
    assert len(reliefs) == 4


def test_a_value_not_known_on_a_date_is_none() -> None:
    changes = {c.parameter: c for c in data_diff("2026-06-01", "2027-06-01").changes}
    cap = changes["pu.jp.wage_cap"]
    assert (cap.old, cap.new, cap.changed_by) == (11_086_300, None, None)


def test_the_same_date_changes_nothing() -> None:
    diff = data_diff("2025-06-01", "2025-06-01")
    assert diff.changes == ()
    assert diff.reliefs == ()


def test_the_dates_in_order() -> None:
    with pytest.raises(InvalidInputError, match="give the earlier date first") as info:
        data_diff("2026-06-01", "2025-01-01")
    assert info.value.field == "to"
    with pytest.raises(ValueError, match="from"):
        data_diff("2025-13-01", "2026-01-01")


DAYS = st.dates(_dt.date(2015, 7, 1), _dt.date(2027, 6, 30))


@settings(max_examples=25, deadline=None)
@given(DAYS, DAYS)
def test_exactly_the_parameters_whose_value_differs(a: _dt.date, b: _dt.date) -> None:
    start, end = min(a, b), max(a, b)
    diff = data_diff(start, end)
    changed = {c.parameter: c for c in diff.changes}
    for name, parameter in parameters().items():
        if parameter.unit == "flag":
            continue
        old, new = _value(name, start), _value(name, end)
        assert (name in changed) == (old != new), name
        if name in changed:
            assert (changed[name].old, changed[name].new) == (old, new)
            assert all(start < s.since <= end for s in changed[name].steps)
    for relief in diff.reliefs:
        flag = parameters()[relief.parameter]
        if relief.event == "starts":
            assert flag.value_at(relief.day) is True
            assert flag.value_at(relief.day - _dt.timedelta(days=1)) is False
        else:
            assert flag.value_at(relief.day) is True
            assert flag.value_at(relief.day + _dt.timedelta(days=1)) is False
        assert start <= relief.day <= end


def test_json_and_text() -> None:
    diff = data_diff("2025-01-01", "2026-06-01")
    data: dict[str, Any] = json.loads(json.dumps(diff.to_dict()))
    assert data == diff.to_dict()
    assert data["counts"] == {"parameters": len(diff.changes), "reliefs": len(diff.reliefs)}
    cap = next(c for c in data["parameters"] if c["parameter"] == "pu.jp.wage_cap")
    assert (cap["old"], cap["new"]) == (10042300, 11086300)
    rate = next(c for c in data["parameters"] if c["parameter"] == "jkp.benefit.first_rate")
    assert (rate["old"], rate["new"]) == ("0.45", "0.60")
    text = diff.explain()
    assert text.startswith("Perubahan data regulasi bawaan dari 1 Januari 2025 sampai 1 Juni 2026")
    assert "Rp10.042.300 -> Rp11.086.300" in text
    assert "berakhir 31 Januari 2026 (bulan iuran terakhir: Januari 2026)" in text
    english = diff.explain("en")
    assert "IDR10,042,300 -> IDR11,086,300" in english
    assert f"Relief schemes that start or end ({len(diff.reliefs)})" in english


def test_cli_diff(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "diff", "2025-01-01", "2026-06-01", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["from"] == "2025-01-01"
    assert data["to"] == "2026-06-01"
    assert main(["data", "diff", "2025-01-01", "2026-06-01", "--lang", "en"]) == 0
    assert "Parameters whose value changed" in capsys.readouterr().out
    assert main(["data", "diff", "2026-06-01", "2025-01-01", "--lang", "en"]) == 2
    assert "give the earlier date first" in capsys.readouterr().err
    assert main(["data", "diff", "2026-06-01", "2025-01-01", "--lang", "id"]) == 2
    assert "berikan tanggal yang lebih awal lebih dulu" in capsys.readouterr().err
