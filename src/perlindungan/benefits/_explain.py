"""Rendering a benefit answer as text in Bahasa Indonesia or English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from perlindungan._i18n import N_, translate
from perlindungan._law_values import STATUS_TEXT
from perlindungan.contributions._explain import _fmt, format_date, render_note
from perlindungan.money import format_rupiah

if TYPE_CHECKING:
    from perlindungan.benefits._model import Benefit

__all__ = ["EVENT_LABELS", "explain_benefit", "render"]

#: Readable, translatable names of the event codes of the JSON contract.
EVENT_LABELS: Mapping[str, str] = {
    "temporary_disability": N_("temporary incapacity for work"),
    "partial_disability": N_("partial permanent disability"),
    "permanent_total_disability": N_("total permanent disability"),
    "death": N_("death"),
    "resignation": N_("resignation"),
    "termination": N_("termination of employment"),
    "retirement": N_("retirement"),
    "disability": N_("total permanent disability"),
    "leaving_indonesia": N_("leaving Indonesia for good"),
    "partial": N_("partial withdrawal"),
    "old_age": N_("old age"),
}


def _loc(locale: str) -> str:
    return "en" if locale.lower().startswith("en") else "id_ID"


def render(message: str, params: Mapping[str, object], locale: str) -> str:
    """A message id translated to ``locale`` with its parameters filled in."""
    return translate(message, locale).format(**{k: _fmt(v, locale) for k, v in params.items()})


def explain_benefit(benefit: Benefit, locale: str) -> str:
    """The whole explanation of a benefit answer."""
    t = translate
    loc = _loc(locale)
    out = [
        t(N_("{program} benefit for {event}, on {on}"), locale).format(
            program=benefit.program.value,
            event=t(EVENT_LABELS.get(benefit.event, benefit.event), locale),
            on=format_date(benefit.on, locale),
        ),
        t(N_("Eligible") if benefit.eligible else N_("Not eligible"), locale),
    ]
    out.extend(f"    - {render_note(r, locale)}" for r in benefit.reasons)
    for c in benefit.components:
        freq = t(N_("per month"), locale) if c.frequency == "monthly" else ""
        out.append(
            f"{render(c.label, c.params, locale)}: {format_rupiah(c.amount, locale=loc)} {freq}".rstrip()
        )
        if c.how:
            out.append(f"    {render(c.how, c.params, locale)}")
        out.append("    " + t(N_("legal basis: {basis}"), locale).format(basis=c.basis))
        if c.confidence in {"D", "M"}:
            out.append(
                "    "
                + t(N_("figure {status}, confidence {confidence}"), locale).format(
                    status=t(STATUS_TEXT.get(c.status, c.status), locale),
                    confidence=c.confidence,
                )
            )
    if benefit.components:
        label = N_("first monthly payment") if benefit.monthly else N_("total")
        out.append(f"{t(label, locale)}: {format_rupiah(benefit.total, locale=loc)}")
    if benefit.notes:
        out.append(t(N_("Notes:"), locale))
        out.extend(f"    - {render_note(n, locale)}" for n in benefit.notes)
    return "\n".join(out)
