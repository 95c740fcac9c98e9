"""Scalar arithmetic on terms: cited lines with exact Decimal amounts.

This is the hot path of a quote (a wage earner's quote is seven or eight of these lines):
each line is built from the fields its :class:`~._terms.LineTerms` fixed once for the
date (``terms.line``) and the few that depend on the base, with Decimal arithmetic on
amounts already checked (:data:`~perlindungan.money.checked_rupiah`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from perlindungan.contributions._model import (
    Cap,
    Line,
    Recomposition,
    Relief,
    line_from_fields,
)
from perlindungan.contributions._terms import CapTerms, LineTerms, ReliefTerms
from perlindungan.money import ROUNDING, Rupiah, checked_rupiah
from perlindungan.parameters import DatedValue
from perlindungan.programs import Program

__all__ = ["capped", "flat_line", "rated_line", "recomposed", "with_relief"]

_ONE: Final = Decimal(1)
_new = object.__new__
_set = object.__setattr__


def _relieved(exact: Decimal, normal: Decimal, relief: ReliefTerms) -> tuple[Rupiah, Relief]:
    # both the normal and the relieved amount are rounded from the exact figure once
    amount = (exact * relief.share).quantize(_ONE, ROUNDING)
    return checked_rupiah(amount), Relief(
        scheme=relief.scheme,
        kind=relief.kind,
        payable_share=relief.share,
        normal_amount=checked_rupiah(normal),
        reduction=checked_rupiah(normal - amount),
        citations=relief.citations,
    )


def with_relief(exact: Rupiah, relief: ReliefTerms | None) -> tuple[Rupiah, Relief | None]:
    """The billed amount of an exact normal amount, and the relief applied (if any).

    Both the normal and the relieved amount are rounded from the exact figure once.
    """
    normal = exact.amount.quantize(_ONE, ROUNDING)
    if relief is None:
        return checked_rupiah(normal), None
    return _relieved(exact.amount, normal, relief)


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
    rate = terms.rate
    assert rate is not None
    cap = None
    if terms.cap is not None and base.amount > terms.cap.limit.amount:
        base, cap = capped(base, terms.cap)
    exact = base.amount * rate
    normal = exact.quantize(_ONE, ROUNDING)  # positional: half the time of rounding=
    if terms.relief is None:
        amount: Rupiah = _new(Rupiah)  # checked_rupiah(normal), inlined
        _set(amount, "amount", normal)
        applied = None
    else:
        amount, applied = _relieved(exact, normal, terms.relief)
    fields = {**terms.line, "amount": amount, "base": base}  # the template's cap,
    if cap is not None:  # relief and recomposition are None, None and ()
        fields["cap"] = cap
    if applied is not None:
        fields["relief"] = applied
    if recomposition:
        fields["recomposition"] = recomposition
    line: Line = _new(Line)  # line_from_fields(fields), inlined
    _set(line, "__dict__", fields)
    return line


def recomposed(
    parts: tuple[tuple[Program, DatedValue[Decimal]], ...], base: Decimal
) -> tuple[Recomposition, ...]:
    """The parts of other programs' contributions booked to JKP on ``base`` (whole rupiah,
    half up, like every line)."""
    return tuple(
        [
            Recomposition(
                source,
                entry.value,
                checked_rupiah((base * entry.value).quantize(_ONE, ROUNDING)),
                entry.citations,
            )
            for source, entry in parts
        ]
    )


def flat_line(terms: LineTerms) -> Line:
    """The line of a flat amount, with the relief applied."""
    assert terms.amount is not None
    amount, applied = with_relief(terms.amount, terms.relief)
    return line_from_fields({**terms.line, "amount": amount, "relief": applied})
