"""Comparing a response with a case's expectation."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from perlindungan._message import Message

if TYPE_CHECKING:
    from perlindungan.conformance._model import Case, Mismatch

__all__ = ["check"]


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _same(expected: object, actual: object) -> bool:
    e, a = _number(expected), _number(actual)
    if e is not None and a is not None:
        return e == a
    return expected == actual


def check(case: Case, response: Mapping[str, Any]) -> list[Mismatch]:
    """Compare a response mapping with the fields present in ``case.expected``.

    ``{"error": ...}`` is a refusal: it passes a case whose answer is a refusal, and is a
    mismatch showing the error for any other case; any other answer to such a case is a
    mismatch.
    """
    refused = isinstance(response, Mapping) and "error" in response
    if case.rejected:
        if refused:
            return []
        return [case.mismatch("rejected", Message("a refusal"), Message("a response"), case.rule)]
    if refused:
        refusal = Message("refused: {error}", error=response["error"])
        return [case.mismatch("response", Message("a response"), refusal, case.rule)]
    if case.kind == "contributions":
        return _check_contributions(case, response)
    return _check_benefits(case, response)


def _check_contributions(case: Case, response: Mapping[str, Any]) -> list[Mismatch]:
    want = case.expected
    out: list[Mismatch] = []
    totals = response.get("totals") or {}
    for payer, amount in want.get("totals", {}).items():
        if not _same(amount, totals.get(payer)):
            basis = want.get("totals_basis", {}).get(payer, case.rule)
            out.append(case.mismatch(f"totals.{payer}", amount, totals.get(payer), basis))
    lines = [
        (str(ln.get("program")), str(ln.get("payer")), ln.get("amount"))
        for ln in response.get("lines") or []
    ]
    remaining = list(lines)
    for line in want.get("lines", []):
        match = next(
            (
                got
                for got in remaining
                if got[:2] == (line["program"], line["payer"]) and _same(line["amount"], got[2])
            ),
            None,
        )
        if match is None:
            actual = [g[2] for g in remaining if g[:2] == (line["program"], line["payer"])]
            field = f"lines[{line['program']}, {line['payer']}]"
            out.append(
                case.mismatch(field, line["amount"], actual or Message("no line"), line["basis"])
            )
        else:
            remaining.remove(match)
    if want.get("all_lines") and remaining and not out:
        out.append(case.mismatch("lines", Message("no other line"), remaining, case.rule))
    for program in want.get("absent", []):
        present = [g for g in lines if g[0] == program]
        if present:
            out.append(case.mismatch(f"absent[{program}]", Message("no line"), present, case.rule))
    return out


def _check_benefits(case: Case, response: Mapping[str, Any]) -> list[Mismatch]:
    want = case.expected
    out: list[Mismatch] = []
    basis = str(want.get("basis") or case.rule)
    for field in ("eligible", "monthly", "missing"):
        if field in want and response.get(field) != want[field]:
            out.append(case.mismatch(field, want[field], response.get(field), basis))
    if "total" in want and not _same(want["total"], response.get("total")):
        out.append(case.mismatch("total", want["total"], response.get("total"), basis))
    got = {c.get("name"): c.get("amount") for c in response.get("components") or []}
    for part in want.get("components", []):
        if not _same(part["amount"], got.get(part["name"])):
            field = f"components.{part['name']}"
            out.append(case.mismatch(field, part["amount"], got.get(part["name"]), part["basis"]))
    return out
