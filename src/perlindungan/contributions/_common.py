"""Scalar arithmetic on terms: cited lines with exact Decimal amounts."""

from __future__ import annotations

from perlindungan.contributions._model import Cap, Line, Recomposition, Relief
from perlindungan.contributions._terms import CapTerms, LineTerms, ReliefTerms
from perlindungan.money import Rupiah

__all__ = ["capped", "flat_line", "rated_line", "with_relief"]


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


def capped(base: Rupiah, cap: CapTerms) -> tuple[Rupiah, Cap | None]:
    """``base`` limited by the cap; the Cap is returned only when it bites."""
    if base.amount > cap.limit.amount:
        return cap.limit, Cap(cap.parameter, cap.limit, base, cap.citations)
    return base, None


def rated_line(
    terms: LineTerms, base: Rupiah, *, recomposition: tuple[Recomposition, ...] = ()
) -> Line:
    """The line of ``terms`` on ``base``: capped, ``rate x base`` rounded half up to whole
    rupiah, with the relief applied."""
    assert terms.rate is not None
    cap = None
    if terms.cap is not None:
        base, cap = capped(base, terms.cap)
    amount, applied = with_relief(base * terms.rate, terms.relief)
    return Line(
        program=terms.program,
        payer=terms.payer,
        amount=amount,
        citations=terms.citations,
        label=terms.label,
        frequency=terms.frequency,
        base=base,
        rate=terms.rate,
        cap=cap,
        relief=applied,
        recomposition=recomposition,
        label_params=terms.label_params,
    )


def flat_line(terms: LineTerms) -> Line:
    """The line of a flat amount, with the relief applied."""
    assert terms.amount is not None
    amount, applied = with_relief(terms.amount, terms.relief)
    return Line(
        program=terms.program,
        payer=terms.payer,
        amount=amount,
        citations=terms.citations,
        label=terms.label,
        frequency=terms.frequency,
        relief=applied,
    )
