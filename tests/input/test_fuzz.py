"""Fuzzing every entry point with hostile and careless input (Hypothesis).

Requests, roster rows and program files built from pools of odd values (huge and
non-ASCII numbers, floats, NaN text, control and bidi characters, wrong types, misspelt
keys, duplicate keys, broken quoting) go through the command line in-process. Whatever is
sent: exit 0 or 2 only (``program check``: 0 or 1), never a traceback, one line on exit 2,
every roster row accounted for, and every exit-0 answer keeps the contract (whole
non-negative amounts; totals equal the sum of the lines per payer).

Examples per test scale with the Hypothesis profile: ``dev`` (default) runs a few hundred
in all, ``ci`` (.ci/run) a few thousand, and ``HYPOTHESIS_PROFILE=fuzz`` (by hand) ten
times more.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan.cli import main

# the assertions read the English messages (the Indonesian default: tests/test_language.py)
pytestmark = pytest.mark.usefixtures("english_cli")

_SCALE = {"dev": 1, "ci": 6, "fuzz": 60}.get(os.environ.get("HYPOTHESIS_PROFILE", "dev"), 1)


def _examples(base: int) -> settings:
    return settings(
        max_examples=base * _SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        derandomize=os.environ.get("HYPOTHESIS_PROFILE", "dev") != "fuzz",
    )


ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "5000000",
        "5_000_000",
        "1e999999999",
        "1E+30",
        "-1",
        "0",
        "NaN",
        "Infinity",
        "²",
        "٣٤",
        "1" * 5000,
        "true",
        "no",
        "ya",
        "2025-06-01",
        "2025-02-30",
        "1990-01-01T10:30",
        "0001-01-01",
        "9999-12-31",
        "pu",
        "bpu",
        "=HYPERLINK(1)",
        "a\u202eb",
        "a\u2028b",
        "\x1c",
        "\u200b",
        "Ã©",
        "\ud800",
        "x" * 20_000,
        "textile_apparel",
        "guru_ngaji",
        "36.73",
        "ktp;kelurahan_letter",
    ]
)
#: Stands for an integer of 5,001 digits (written by _dumps; Hypothesis cannot repr one).
HUGE = "<an integer of 5,001 digits>"
ODD_NUMBER = st.one_of(
    st.just(HUGE),
    st.integers(min_value=-(10**6), max_value=10**20),
    st.sampled_from([10**40, 0, 1, 5, 12, 1200, 1201, 2**63, -(2**63)]),
    st.floats(allow_nan=False, allow_infinity=False),
)
LEAF = st.one_of(st.none(), st.booleans(), ODD_NUMBER, ODD_TEXT, st.text(max_size=12))
VALUE = st.recursive(
    LEAF,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
WORKER_KEYS = [
    "category",
    "wage",
    "risk_class",
    "birth_date",
    "income",
    "with_jht",
    "jht_amount",
    "contract_value",
    "contract_months",
    "pre_placement",
    "employer",
    "wagee",
]
CLAIM_KEYS = [
    "program",
    "event",
    "category",
    "wage",
    "membership_months",
    "contribution_months",
    "months_off_work",
    "disability_percent",
    "balance",
    "birth_date",
    "registered_on",
    "terminated_on",
    "termination_reason",
    "children",
    "wage_history",
    "contributions",
    "citizen",
    "partial_claimed_before",
    "assumed_return",
    "survivor",
]
GOOD_WORKER = {"category": "pu", "wage": 5_000_000, "risk_class": 1, "birth_date": "1990-01-01"}
GOOD_CLAIM = {"program": "JKM", "event": "death"}


def _dumps(value: object) -> str:
    # json.dumps cannot write integers of more than 4,300 digits; write such a number by hand
    if value == HUGE:
        return "1" + "0" * 5000
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_dumps(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_dumps(v) for v in value) + "]"
    try:
        return json.dumps(value)
    except (ValueError, UnicodeEncodeError):  # pragma: no cover - defensive
        return "null"


@st.composite
def requests(draw: st.DrawFn, kind: str) -> bytes:
    good = dict(GOOD_WORKER if kind == "contributions" else GOOD_CLAIM)
    keys = WORKER_KEYS if kind == "contributions" else CLAIM_KEYS
    changes = draw(st.dictionaries(st.sampled_from(keys), VALUE, max_size=4))
    good.update(changes)
    body = {
        "on": draw(st.one_of(st.just("2025-06-01"), ODD_TEXT)),
        "worker" if kind == "contributions" else "claim": good,
    }
    text = _dumps(body)
    how = draw(st.integers(min_value=0, max_value=9))
    if how == 0:  # a key given twice
        text = text.replace('{"on"', '{"on": "2025-06-01", "on"', 1)
    elif how == 1:  # cut short
        text = text[: draw(st.integers(min_value=0, max_value=len(text)))]
    elif how == 2:  # deep nesting
        text = "[" * 5000 + text + "]" * 5000
    raw = text.encode("utf-8", "surrogatepass")
    if how == 3:  # a stray byte
        raw = raw.replace(b"pu", b"p\xffu", 1)
    return raw


def _run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    try:
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
        sys.stdout, sys.stderr = out, err
        code = main(argv)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


def _one_line(err: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("perlindungan: error: "), err


def _keeps_contract(answer: dict[str, Any]) -> None:
    sums: Counter[str] = Counter()
    for line in answer["lines"]:
        assert isinstance(line["amount"], int)
        assert line["amount"] >= 0
        sums[line["payer"]] += line["amount"]
    assert answer["totals"] == {k: v for k, v in sums.items() if k in answer["totals"]}
    assert sum(answer["totals"].values()) == answer["total"]


@_examples(200)
@given(requests("contributions"))
def test_contribution_requests(raw: bytes) -> None:
    code, out, err = _run(["contributions", "-", "--json"], raw)
    assert code in (0, 2), err
    if code == 2:
        _one_line(err)
    else:
        _keeps_contract(json.loads(out))


@_examples(150)
@given(requests("benefits"))
def test_benefit_requests(raw: bytes) -> None:
    code, out, err = _run(["benefits", "-", "--json"], raw)
    assert code in (0, 2), err
    if code == 2:
        _one_line(err)
    else:
        answer = json.loads(out)
        for component in answer["components"]:
            assert isinstance(component["amount"], int)
            assert component["amount"] >= 0


ROSTER_COLUMNS = [
    "id",
    "name",
    "role",
    "ktp_region",
    "documents",
    "covered_as_pu",
    "birth_date",
    "income",
    "membership_months",
]


@st.composite
def rosters(draw: st.DrawFn) -> str:
    rows = draw(
        st.lists(st.lists(ODD_TEXT | st.text(max_size=6), min_size=0, max_size=11), max_size=8)
    )
    sep = draw(st.sampled_from([",", ";"]))
    lines = [sep.join(ROSTER_COLUMNS)]
    for i, drawn in enumerate(rows):
        cells = drawn
        if draw(st.booleans()):  # a well-formed row with some odd cells
            base = [
                f"P-{i % 3}",
                "Siti",
                "guru_ngaji",
                "36.73",
                "kelurahan_letter",
                "false",
                "1980-01-01",
                "1000000",
                "12",
            ]
            for j, cell in enumerate(drawn[: len(base)]):
                if draw(st.booleans()):
                    base[j] = cell
            cells = base
        quoted = draw(st.booleans())
        lines.append(
            sep.join(f'"{c}"' if quoted and '"' not in c else c for c in cells).replace("\r", "")
        )
    return "\n".join(lines) + "\n"


@_examples(50)
@given(rosters())
def test_roster_rows(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        roster = Path(folder) / "roster.csv"
        roster.write_bytes(text.encode("utf-8", "surrogatepass"))
        code, out, err = _run(
            [
                "scheme",
                "evaluate",
                "kota-serang-2026",
                "--on",
                "2026-01-01",
                "--roster",
                str(roster),
                "--format",
                "json",
            ]
        )
    assert code in (0, 2), err
    if code == 2:
        _one_line(err)
        return
    result = json.loads(out)
    summary = result["summary"]
    records = [line for line in text.split("\n")[1:] if line.strip()]
    assert summary["rows"] == len(result["people"]) == len(records)
    assert summary["rows"] == summary["decisions"] + summary["row_errors"]
    lines = [p["row"] for p in result["people"]]
    assert lines == sorted(set(lines))
    admitted = [
        p["id"] for p in result["people"] if p.get("allocation", {}).get("status") == "admitted"
    ]
    assert len(admitted) == len(set(admitted))


PROGRAM = (
    Path(__file__).resolve().parents[2] / "src/perlindungan/data/schemes/kota-serang-2026.toml"
).read_text(encoding="utf-8")
TOML_VALUES = st.sampled_from(
    [
        "nan",
        "inf",
        "-1",
        "9200000000000000000",
        "1e400",
        '"x"',
        "[]",
        "{}",
        "true",
        "2025-13-01",
        '"a\\u202eb"',
        '"../x"',
        "1" * 400,
        '"\\n"',
        "[[[[[[[[[[[[[[1]]]]]]]]]]]]]]",
    ]
)


@st.composite
def programs(draw: st.DrawFn) -> str:
    lines = PROGRAM.split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        candidates = [
            i for i, line in enumerate(lines) if " = " in line and not line.startswith("#")
        ]
        index = draw(st.sampled_from(candidates))
        key = lines[index].split(" = ", 1)[0]
        lines[index] = f"{key} = {draw(TOML_VALUES)}"
    if draw(st.booleans()):
        lines.insert(
            draw(st.integers(min_value=0, max_value=len(lines))),
            draw(st.text(max_size=20)).replace("\x00", ""),
        )
    return "\n".join(lines)


@_examples(50)
@given(programs())
def test_program_files(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "program.toml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        code, _out, err = _run(["scheme", "check", str(path)])
        assert code in (0, 1), err
        assert len(err.splitlines()) <= 12, err
        code, _out, err = _run(["scheme", "show", str(path)])
        assert code in (0, 2), err
        if code == 2:
            _one_line(err)
