"""Refused rows cost no scalar call until their message is read, and the message is then
the one-worker API's, word for word."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan import contributions
from perlindungan.batch import _reference, contributions_batch
from perlindungan.errors import PerlindunganError
from perlindungan.workers import worker_from_dict

ON = _dt.date(2025, 6, 1)

# Rows the scalar API refuses, of the kinds the numpy path recognises.
REFUSED: list[dict[str, Any]] = [
    {"category": "pu", "wage": -1, "risk_class": 1, "birth_date": _dt.date(1990, 1, 1)},
    {"category": "pu", "wage": 0, "risk_class": 1, "birth_date": _dt.date(1990, 1, 1)},
    {"category": "pu", "wage": 10**15 + 1, "risk_class": 1, "birth_date": _dt.date(1990, 1, 1)},
    {"category": "pu", "wage": 5_000_000, "risk_class": 9, "birth_date": _dt.date(1990, 1, 1)},
    {"category": "pu", "wage": 5_000_000, "risk_class": 0, "birth_date": _dt.date(1990, 1, 1)},
    {"category": "pu", "wage": 5_000_000, "birth_date": _dt.date(1990, 1, 1)},
    {"category": "pu", "risk_class": 2, "birth_date": _dt.date(1990, 1, 1)},
    {"category": "pu", "wage": 5_000_000, "risk_class": 2},
    {"category": "pu", "wage": 5_000_000, "risk_class": 2, "birth_date": _dt.date(2025, 6, 2)},
    {
        "category": "pu",
        "wage": 5_000_000,
        "risk_class": 2,
        "birth_date": _dt.date(1990, 1, 1),
        "income": 1_000_000,
    },
    {"category": "bpu", "income": 999_999},
    {"category": "bpu", "income": 20_700_001},
    {"category": "bpu", "income": -3},
    {"category": "bpu"},
    {"category": "bpu", "income": 1_000_000, "wage": 5_000_000},
    {"category": "bpu", "income": 1_000_000, "birth_date": _dt.date(1990, 1, 1)},
]
GOOD: list[dict[str, Any]] = [
    {"category": "pu", "wage": 5_000_000, "risk_class": 2, "birth_date": _dt.date(1990, 1, 1)},
    {"category": "bpu", "income": 1_500_000, "with_jht": True},
]
TYPES = {
    "category": pa.string(),
    "wage": pa.int64(),
    "risk_class": pa.int64(),
    "birth_date": pa.date32(),
    "income": pa.int64(),
    "with_jht": pa.bool_(),
}


def _table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.table({n: pa.array([r.get(n) for r in rows], type=t) for n, t in TYPES.items()})


def _scalar_message(row: dict[str, Any]) -> str:
    data = {k: v for k, v in row.items() if v is not None}
    try:
        contributions(worker_from_dict(data, prefix=""), on=ON)
    except PerlindunganError as exc:
        return str(exc)
    pytest.fail(f"the scalar API computes {row}")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(REFUSED + GOOD), min_size=1, max_size=40))
def test_refused_rows_are_built_when_read_with_the_scalar_message(
    rows: list[dict[str, Any]],
) -> None:
    calls: list[int] = []
    original = _reference.quote_row

    def counted(columns: Any, index: int, on: Any) -> Any:
        calls.append(index)
        return original(columns, index, on)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_reference, "quote_row", counted)
        result = contributions_batch(_table(rows), on=ON)
        refused = [i for i, r in enumerate(rows) if r in REFUSED]
        assert [e.row for e in result.errors] == refused
        assert calls == []  # no scalar call until a message is read
        for error in result.errors:
            assert error.message == _scalar_message(rows[error.row])
        assert sorted(calls) == refused  # one call per message read, then kept
        assert [e.message for e in result.errors] == [_scalar_message(rows[i]) for i in refused]
        assert sorted(calls) == refused


def test_a_moved_error_keeps_its_message_unbuilt() -> None:
    result = contributions_batch(_table(REFUSED[:1]), on=ON)
    moved = result.errors[0].moved(41, line=43)
    assert (moved.row, moved.line) == (41, 43)
    assert moved.message == result.errors[0].message == _scalar_message(REFUSED[0])
    assert moved.field == "wage"
    assert repr(moved).startswith("RowError(row=41, message='wage must be a positive")


def test_kept_roster_errors_hold_no_chunk(tmp_path: Any) -> None:
    # The summary of a streamed roster keeps built messages, not the chunks' columns.
    from perlindungan.batch import write_roster_contributions  # noqa: PLC0415

    path = tmp_path / "roster.csv"
    path.write_text("id,category,income\na,bpu,5\nb,bpu,1000000\nc,bpu,6\n", encoding="utf-8")
    summary = write_roster_contributions(path, None, on=ON, chunk_rows=1, keep_errors=1)
    assert [(e.row, e.line) for e in summary.errors] == [(0, 2)]
    assert summary.errors[0]._resolve is None
    assert summary.errors[0].message.startswith("worker.income must be a declared")
