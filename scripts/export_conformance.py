"""Export the golden cases as conformance vectors (``src/perlindungan/data/conformance/v1``).

Reads ``tests/cases/contributions/*.toml`` and ``tests/cases/benefits/*.toml`` and writes one
JSON file per kind. The legal basis of each expected figure is taken from this library's own
answer to the request (the golden tests prove the figures agree). The output is
deterministic: same cases, same bytes.

    python scripts/export_conformance.py          # write the files
    python scripts/export_conformance.py --check  # fail when a bundled file is out of date
"""

from __future__ import annotations

import datetime as _dt
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from _generated import write_or_check

from perlindungan.benefits import benefit_from_request
from perlindungan.conformance import FORMAT, VERSION
from perlindungan.contributions import Line, quote_from_request

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
OUT = ROOT / "src" / "perlindungan" / "data" / "conformance" / f"v{VERSION}"

DESCRIPTIONS = {
    "contributions": (
        "Contributions (iuran) of one worker on one date. request: the JSON contract of "
        "`perlindungan contributions - --json` ({on, worker}). expected: totals per payer "
        "(rupiah), lines by (program, payer) with the legal basis of each amount, all_lines "
        "(no other line may appear), absent (programs with no line), or rejected (the "
        "request must be refused). Each basis cites the rule the figure rests on, the most "
        "specific first (a relief scheme, a cap, then the rate). id: a short stable name "
        "(file and position). Compare only the fields present."
    ),
    "benefits": (
        "Benefits (manfaat) of one claim on one date. request: the JSON contract of "
        "`perlindungan benefits - --json` ({on, claim}). expected: eligible, total (rupiah), "
        "monthly, missing facts, components by name with their legal basis, and basis (the "
        "legal bases of the whole answer). Compare only the fields present."
    ),
}


def _plain(value: object) -> object:
    """TOML values as JSON values: dates as ISO text, fractions as decimal text."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(Decimal(repr(value)))
    return value


def _rule(line: Line) -> str:
    """The rule a line's amount rests on, the most specific first: a relief scheme, then a
    cap, then the rate or amount itself."""
    citations = [
        *(line.relief.citations if line.relief is not None else ()),
        *(line.cap.citations if line.cap is not None else ()),
        *line.citations,
    ]
    return "; ".join(dict.fromkeys(str(c) for c in citations))


def _contribution_case(case: dict[str, Any], case_id: str) -> dict[str, Any]:
    request: dict[str, Any] = {"on": _plain(case["on"]), "worker": _plain(case["worker"])}
    want = case["expected"]
    if "error" in want:
        return {
            "id": case_id,
            "name": case["name"],
            "source": case["source"],
            "request": request,
            "expected": {"rejected": True},
        }
    quote = quote_from_request(request)
    bases: dict[tuple[str, str, int], str] = {}
    by_payer: dict[str, list[str]] = {}
    for line in quote.lines:
        key = (line.program.value, line.payer.value, int(line.amount))
        rule = _rule(line)
        bases.setdefault(key, rule)
        by_payer.setdefault(line.payer.value, [])
        if rule not in by_payer[line.payer.value]:
            by_payer[line.payer.value].append(rule)
    expected: dict[str, Any] = {}
    if "totals" in want:
        expected["totals"] = dict(sorted(want["totals"].items()))
        expected["totals_basis"] = {p: "; ".join(by_payer.get(p, [])) for p in expected["totals"]}
    if "lines" in want:
        expected["lines"] = [
            {
                "program": ln["program"],
                "payer": ln["payer"],
                "amount": ln["amount"],
                "basis": bases[ln["program"], ln["payer"], ln["amount"]],
            }
            for ln in want["lines"]
        ]
    if want.get("all_lines"):
        expected["all_lines"] = True
    if want.get("absent"):
        expected["absent"] = list(want["absent"])
    return {
        "id": case_id,
        "name": case["name"],
        "source": case["source"],
        "request": request,
        "expected": expected,
    }


def _benefit_case(case: dict[str, Any], source: str) -> dict[str, Any]:
    request: dict[str, Any] = {"on": _plain(case["on"]), "claim": _plain(case["claim"])}
    answer = benefit_from_request(request).to_dict()
    basis = {c["name"]: c["basis"] for c in answer["components"]}
    bases = sorted({c["basis"] for c in answer["components"] if c["basis"]})
    expected: dict[str, Any] = {"eligible": case["eligible"], "basis": "; ".join(bases) or source}
    for field in ("total", "monthly", "missing"):
        if field in case:
            expected[field] = case[field]
    if "components" in case:
        expected["components"] = [
            {"name": name, "amount": amount, "basis": basis[name]}
            for name, amount in case["components"].items()
        ]
    return {
        "id": case["id"],
        "name": case["id"],
        "source": source,
        "request": request,
        "expected": expected,
    }


def build() -> dict[str, str]:
    """File name -> JSON text of every vector file."""
    contribution_cases = []
    for path in sorted((CASES / "contributions").glob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        stem = path.stem.replace("_", "-")
        contribution_cases += [
            _contribution_case(c, f"{stem}-{number:02d}")
            for number, c in enumerate(document["case"], start=1)
        ]
    benefit_cases = []
    for path in sorted((CASES / "benefits").glob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        source = f"golden benefit case, tests/cases/benefits/{path.name}"
        benefit_cases += [_benefit_case(c, c.get("source", source)) for c in document["case"]]
    files = {}
    for kind, found in (("contributions", contribution_cases), ("benefits", benefit_cases)):
        document = {
            "format": FORMAT,
            "version": VERSION,
            "kind": kind,
            "description": DESCRIPTIONS[kind],
            "cases": found,
        }
        files[f"{kind}.json"] = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    return files


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the vector files."""
    return write_or_check(
        build,
        OUT,
        description=__doc__.splitlines()[0],
        script="scripts/export_conformance.py",
        argv=argv,
    )


if __name__ == "__main__":
    raise SystemExit(main())
