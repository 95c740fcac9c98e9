"""Every class of broken input from issue 11 gives its expected message, through the
entry point a user would use (tests/input/broken_inputs.toml), and never a traceback."""

from __future__ import annotations

import io
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from perlindungan.cli import main

# the assertions read the English messages (the Indonesian default: tests/test_language.py)
pytestmark = pytest.mark.usefixtures("english_cli")

HERE = Path(__file__).parent
CASES = tomllib.loads((HERE / "broken_inputs.toml").read_text(encoding="utf-8"))["case"]
PROGRAM = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "perlindungan"
    / "data"
    / "schemes"
    / "kota-serang-2026.toml"
)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _request_bytes(text: str) -> bytes:
    if text == "NESTED":
        return b"[" * 100_000 + b"]" * 100_000
    if text == "NON_UTF8":
        return b'{"on": "2025-06-01", "worker": {"category": "pu", "employer": {"sector": "tex\xfftile"}}}'
    return text.replace("1FIVE_THOUSAND_DIGITS", "1" + "0" * 5000).encode("utf-8")


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("perlindungan: error: ")
    return lines[0]


def _cases(*entries: str) -> list[Any]:
    return [pytest.param(c, id=c["id"]) for c in CASES if c["entry"] in entries]


@pytest.mark.parametrize("case", _cases("request-contributions", "request-benefits"))
def test_request(
    case: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    command = case["entry"].removeprefix("request-")
    _stdin(monkeypatch, _request_bytes(case["input"]))
    assert main([command, "-", "--json"]) == 2
    assert case["expected"] in _one_line(capsys)


@pytest.mark.parametrize("case", _cases("request-contributions", "request-benefits"))
def test_request_file_answers_as_stdin(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command = case["entry"].removeprefix("request-")
    path = tmp_path / "request.json"
    path.write_bytes(_request_bytes(case["input"]))
    assert main([command, str(path), "--json"]) == 2
    assert case["expected"] in _one_line(capsys)


def _program_file(case: dict[str, Any], tmp_path: Path) -> Path:
    text = PROGRAM.read_text(encoding="utf-8")
    for old, new in case["replace"]:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "program.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", _cases("program"))
def test_program_check(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _program_file(case, tmp_path)
    assert main(["scheme", "check", str(path)]) == 1
    assert case["expected"] in capsys.readouterr().err


@pytest.mark.parametrize("case", _cases("program"))
def test_program_given_to_a_request_command_is_one_line(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _program_file(case, tmp_path)
    for action in ("show", "evaluate", "budget"):
        assert main(["scheme", action, str(path)]) == 2
        assert case["expected"] in _one_line(capsys)


def _evaluate(roster: Path, *extra: str, program: str = "kota-serang-2026") -> int:
    return main(
        [
            "scheme",
            "evaluate",
            program,
            "--on",
            "2026-01-01",
            "--roster",
            str(roster),
            "--format",
            "json",
            *extra,
        ]
    )


@pytest.mark.parametrize("case", _cases("roster", "roster-jsonl"))
def test_roster(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    suffix = ".jsonl" if case["entry"] == "roster-jsonl" else ".csv"
    roster = tmp_path / f"roster{suffix}"
    roster.write_text(case["input"], encoding="utf-8")
    extra = ["--delimiter", case["delimiter"]] if "delimiter" in case else []
    program = str(_program_file(case, tmp_path)) if "replace" in case else "kota-serang-2026"
    code = _evaluate(roster, *extra, program=program)
    if case.get("file"):
        assert code == 2
        assert case["expected"] in _one_line(capsys)
        return
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    people = result["people"]
    records = [
        line for line in case["input"].split("\n")[1 if suffix == ".csv" else 0 :] if line.strip()
    ]
    summary = result["summary"]
    assert summary["rows"] == len(records) == len(people)
    assert summary["rows"] == summary["decisions"] + summary["row_errors"]
    row = next(p for p in people if p["row"] == case["line"])
    assert case["expected"] in row["error"], row


@pytest.mark.parametrize("case", _cases("command"))
@pytest.mark.parametrize("lang", ["en", "id"])
def test_command(
    case: dict[str, Any],
    lang: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in case.get("files", {}).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = [a.replace("FIVE_THOUSAND_DIGITS", "9" * 5000) for a in case["args"]]
    try:
        code = main(["--lang", lang, *args])
    except SystemExit as exc:  # argparse's own errors
        code = int(exc.code or 0)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == case["code"], err
    assert case["expected" if lang == "en" else "expected_id"] in err.splitlines(), err
    if "absent" in case:
        assert case["absent"] not in err
    if "output" in case:
        written = (tmp_path / args[args.index("--output") + 1]).read_text("utf-8")
        lines = written.splitlines()
        for line in case["output"]:
            assert line in lines, written
