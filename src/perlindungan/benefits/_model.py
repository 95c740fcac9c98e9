"""What a benefit answer is made of: the claim, its components and the decision."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from perlindungan._serialise import Serialisable
from perlindungan.benefits._explain import explain_benefit, render
from perlindungan.contributions._model import Note
from perlindungan.legal import Citation
from perlindungan.money import Rupiah
from perlindungan.programs import Program

__all__ = ["Benefit", "Component", "Note"]


@attrs.frozen
class Component(Serialisable):
    """One part of a benefit: a whole-rupiah amount, how often, and its legal basis.

    ``label`` is an English message id with ``{name}`` placeholders from ``params``;
    ``how`` says how the amount was reached (also a message id). ``status`` and
    ``confidence`` are those of the least certain figure used.
    """

    name: str
    label: str
    amount: Rupiah
    citations: tuple[Citation, ...]
    frequency: str = "once"
    how: str = ""
    params: Mapping[str, object] = attrs.field(factory=dict)
    status: str = "enacted"
    confidence: str = "C2"

    @property
    def basis(self) -> str:
        """All citations joined."""
        return "; ".join(str(c) for c in self.citations)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": render(self.label, self.params, "en"),
            "labels": {
                "id": render(self.label, self.params, "id_ID"),
                "en": render(self.label, self.params, "en"),
            },
            "amount": int(self.amount),
            "basis": self.basis,
            "frequency": self.frequency,
            "how": render(self.how, self.params, "en") if self.how else "",
            "status": self.status,
            "confidence": self.confidence,
        }


@attrs.frozen
class Benefit(Serialisable):
    """The answer to a claim: eligible or not, why, and what is paid.

    Ineligibility is a result, not an exception: ``eligible`` is False and ``reasons``
    say why; ``missing`` names the facts the answer still needs. ``total`` is the sum
    of the components, or the first monthly payment when ``monthly`` is True.
    """

    program: Program
    event: str
    on: _dt.date
    eligible: bool
    components: tuple[Component, ...] = ()
    reasons: tuple[Note, ...] = ()
    missing: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    monthly: bool = False

    @property
    def total(self) -> Rupiah:
        """The sum of the components (for a monthly pension: the first monthly payment)."""
        return sum((c.amount for c in self.components), Rupiah.zero())

    def to_dict(self) -> dict[str, Any]:
        """The response of the JSON contract."""
        return {
            "program": self.program.value,
            "event": self.event,
            "on": self.on.isoformat(),
            "eligible": self.eligible,
            "missing": list(self.missing),
            "reasons": [r.to_dict() for r in self.reasons],
            "components": [c.to_dict() for c in self.components],
            "total": int(self.total),
            "monthly": self.monthly,
            "notes": [n.to_dict() for n in self.notes],
        }

    def explain(self, locale: str = "id_ID") -> str:
        """The decision and each component, in Bahasa Indonesia (default) or English."""
        return explain_benefit(self, locale)


def rate_text(rate: Decimal) -> str:
    """A rate as a plain percentage for messages: 0.45 -> '45%'."""
    return f"{(rate * 100).normalize():f}%"
