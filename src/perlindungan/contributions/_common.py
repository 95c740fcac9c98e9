"""Helpers shared by the per-category calculators."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from perlindungan._context import overlay_cache
from perlindungan.contributions._model import Cap, Line, Recomposition, Relief
from perlindungan.legal import Citation
from perlindungan.money import Rupiah
from perlindungan.parameters import DatedValue, parameter
from perlindungan.programs import Frequency, Payer, Program

__all__ = ["ReliefTerms", "capped", "rated_line", "relief_terms", "value", "with_relief"]


@overlay_cache(maxsize=8192)
def value(name: str, on: _dt.date) -> DatedValue[object]:
    """The entry of a parameter in force on ``on`` (a scenario's override first, see
    :mod:`perlindungan._overlay`).

    Cached per (name, date, scenario overlay): the bundled data is read once per process
    and its entries are immutable, and a quote asks for the same dozen parameters on the
    same date again and again. A date with no value raises each time (exceptions are not
    cached).
    """
    return parameter(name).at(on)


class ReliefTerms:
    """A relief scheme in force for a line: its name, kind, payable share and basis."""

    __slots__ = ("citations", "kind", "scheme", "share")

    def __init__(
        self, scheme: str, kind: str, share: Decimal, citations: tuple[Citation, ...]
    ) -> None:
        self.scheme = scheme
        self.kind = kind
        self.share = share
        self.citations = citations


@overlay_cache(maxsize=4096)
def relief_terms(scheme: str, label: str, program: str, on: _dt.date) -> ReliefTerms | None:
    """The terms of relief ``scheme`` for ``program`` on ``on``, or None if not in force.

    Cached like :func:`value`; the terms are never modified.
    """
    if not value(f"relief.{scheme}.in_force", on).value:
        return None
    entry = value(f"relief.{scheme}.{program}_payable_share", on)
    kind = "deferral" if program == "jp" else "discount"
    share = entry.value
    assert isinstance(share, Decimal)
    return ReliefTerms(label, kind, share, entry.citations)


def with_relief(exact: Rupiah, relief: ReliefTerms | None) -> tuple[Rupiah, Relief | None]:
    """The billed amount of an exact normal amount, and the relief applied (if any).

    Both the normal and the relieved amount are rounded from the exact figure once.
    """
    normal = exact.round()
    if relief is None:
        return normal, None
    amount = (exact * relief.share).round()
    return amount, Relief(
        scheme=relief.scheme,
        kind=relief.kind,
        payable_share=relief.share,
        normal_amount=normal,
        reduction=normal - amount,
        citations=relief.citations,
    )


def rated_line(
    *,
    program: Program,
    payer: Payer,
    base: Rupiah,
    rate: DatedValue[object],
    label: str,
    cap: Cap | None = None,
    relief: ReliefTerms | None = None,
    frequency: Frequency = Frequency.MONTHLY,
    label_params: tuple[tuple[str, object], ...] = (),
    recomposition: tuple[Recomposition, ...] = (),
) -> Line:
    """A line of ``rate x base``, rounded half up to whole rupiah, with relief applied."""
    r = rate.value
    assert isinstance(r, Decimal)
    amount, applied = with_relief(base * r, relief)
    citations = rate.citations
    return Line(
        program=program,
        payer=payer,
        amount=amount,
        citations=citations,
        label=label,
        frequency=frequency,
        base=base,
        rate=r,
        cap=cap,
        relief=applied,
        recomposition=recomposition,
        label_params=label_params,
    )


def capped(base: Rupiah, cap_name: str, on: _dt.date) -> tuple[Rupiah, Cap | None]:
    """``base`` limited by the cap parameter; the Cap is returned only when it bites."""
    limit, citations = _limit(cap_name, on)
    if base.amount > limit.amount:
        return limit, Cap(cap_name, limit, base, citations)
    return base, None


@overlay_cache(maxsize=4096)
def _limit(cap_name: str, on: _dt.date) -> tuple[Rupiah, tuple[Citation, ...]]:
    entry = value(cap_name, on)
    return Rupiah(entry.value), entry.citations
