"""Helpers shared by the benefit rules: building components and notes."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from perlindungan.benefits._model import Component, Note
from perlindungan.legal import Citation
from perlindungan.money import Rupiah
from perlindungan.parameters import DatedValue

__all__ = ["component", "note", "pct"]

_CONFIDENCE_ORDER = {"C2": 0, "C1": 1, "D": 2, "M": 3}
_STATUS_ORDER = {"enacted": 0, "announced": 1, "derived": 2, "illustrative": 3}


def component(
    name: str,
    label: str,
    amount: Rupiah,
    sources: Iterable[DatedValue[Any]],
    *,
    frequency: str = "once",
    how: str = "",
    **params: object,
) -> Component:
    """A component rounded half up to whole rupiah, citing and rated by its sources."""
    used = list(sources)
    citations: list[Citation] = []
    for source in used:
        for citation in source.citations:
            if citation not in citations:
                citations.append(citation)
    status = max((s.status for s in used), key=_STATUS_ORDER.__getitem__, default="enacted")
    confidence = max((s.confidence for s in used), key=_CONFIDENCE_ORDER.__getitem__, default="C2")
    return Component(
        name=name,
        label=label,
        amount=amount.round(),
        citations=tuple(citations),
        frequency=frequency,
        how=how,
        params=params,
        status=status,
        confidence=confidence,
    )


def note(code: str, message: str, *sources: DatedValue[Any], **params: object) -> Note:
    """A translatable remark citing the sources' legal bases."""
    citations: list[Citation] = []
    for source in sources:
        citations.extend(c for c in source.citations if c not in citations)
    return Note(code=code, message=message, params=params, citations=tuple(citations))


def pct(rate: Decimal) -> str:
    """0.45 -> '45%'."""
    return f"{(rate * 100).normalize():f}%"
