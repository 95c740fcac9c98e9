"""Terms: what the law sets for a contribution line on a date, decided once.

A *terms* object holds, for one worker category, one date and the facts that matter on
that date (an employer's sector and size, a participant's sector and payer), every line
the law asks for: the program, who pays, the rate (or flat amount) with its citations,
the cap on the base, and the relief scheme that applies with its payable share. Which
parameters apply, which relief, which cut-off date: all of it is decided here, from the
parameter data, and nowhere else.

Two arithmetics read the same terms: the scalar path (:mod:`._common`) turns each
:class:`LineTerms` into a cited :class:`~perlindungan.contributions.Line` with Decimal
amounts; the batch path (:mod:`perlindungan.batch._vector`) turns it into the integer
fraction :attr:`LineTerms.fraction` and computes whole columns with numpy.

The categories' terms are in :mod:`._wage_earner_terms` and :mod:`._non_wage_earner_terms`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

import attrs

from perlindungan._repr import attrs_repr
from perlindungan.contributions._model import line_template
from perlindungan.legal import Citation
from perlindungan.money import Rupiah
from perlindungan.parameters import DatedValue, amount, flag, rate
from perlindungan.programs import Frequency, Payer, Program

__all__ = [
    "CapTerms",
    "Fraction",
    "LineTerms",
    "ReliefTerms",
    "entry",
    "exact_fraction",
    "flat_terms",
    "rate_terms",
    "relief_terms",
]

#: An exact non-negative fraction ``(numerator, 10**k)``.
Fraction = tuple[int, int]
_T = TypeVar("_T")


def entry(
    reader: Callable[[str, _dt.date], DatedValue[_T]], name: str, on: _dt.date
) -> DatedValue[_T]:
    """The entry of parameter ``name`` in force on ``on``, read with a typed ``reader``
    (:func:`~perlindungan.parameters.rate`, ``amount``...): a scenario's override when one
    is active (:meth:`~perlindungan.parameters.Parameter.at`), else the bundled entry.

    Every terms function is cached per date *and* active overlay, so a scenario never sees
    the terms of the law, nor the law those of a scenario.
    """
    return reader(name, on)


def exact_fraction(value: Decimal) -> Fraction:
    """A non-negative exact decimal as ``(num, 10**k)``: 0.0024 -> (24, 10000)."""
    sign, digits, exponent = value.as_tuple()
    if sign or not isinstance(exponent, int):
        msg = f"a rate or share must be a finite non-negative number, got {value}"
        raise ValueError(msg)
    num = int("".join(map(str, digits)) or "0")
    if exponent >= 0:
        return num * 10**exponent, 1
    return num, 10**-exponent


@attrs_repr
@attrs.frozen(repr=False)
class ReliefTerms:
    """A relief scheme in force for a line: its name, kind, payable share and basis."""

    scheme: str
    kind: str  # "discount" or "deferral"
    share: Decimal
    citations: tuple[Citation, ...]


def relief_terms(scheme: str, label: str, program: str, on: _dt.date) -> ReliefTerms | None:
    """The terms of relief ``scheme`` for ``program`` on ``on``, or None if not in force.

    ``scheme`` is the data key (``pp49_2020``), ``label`` the name shown (``PP 49/2020``).
    Not cached: the parameter entries it reads are, and so are the terms that read it.
    """
    if not entry(flag, f"relief.{scheme}.in_force", on).value:
        return None
    return scheme_share(scheme, label, program, on)


def scheme_share(scheme: str, label: str, program: str, on: _dt.date) -> ReliefTerms:
    """The payable share of ``scheme`` for ``program`` on ``on`` (whether in force or not)."""
    share = entry(rate, f"relief.{scheme}.{program}_payable_share", on)
    kind = "deferral" if program == "jp" else "discount"
    return ReliefTerms(label, kind, share.value, share.citations)


@attrs_repr
@attrs.frozen(repr=False)
class CapTerms:
    """A cap on the base of a line: the parameter, its limit and its basis."""

    parameter: str
    limit: Rupiah
    citations: tuple[Citation, ...]

    @classmethod
    def read(cls, name: str, on: _dt.date) -> CapTerms:
        """The cap parameter ``name`` in force on ``on``."""
        limit = entry(amount, name, on)
        return cls(name, Rupiah(limit.value), limit.citations)


@attrs_repr
@attrs.frozen(repr=False)
class LineTerms:
    """One line as the law sets it: ``rate x base`` (or a flat ``amount``), who pays,
    the cap on the base and the relief that applies.

    ``fraction`` is ``rate x share`` exactly (``(num, 10**k)``), for integer arithmetic;
    ``flat`` is the billed flat amount after relief (rounded once, as the scalar path does).
    ``line`` holds the fields of every scalar :class:`~perlindungan.contributions.Line`
    of these terms, whatever the base (:func:`~._model.line_template`), read once here
    rather than for each worker.
    """

    program: Program
    payer: Payer
    label: str
    citations: tuple[Citation, ...]
    rate: Decimal | None = None
    amount: Rupiah | None = None
    cap: CapTerms | None = None
    relief: ReliefTerms | None = None
    frequency: Frequency = Frequency.MONTHLY
    label_params: tuple[tuple[str, object], ...] = ()
    fraction: Fraction = attrs.field(init=False)
    flat: int = attrs.field(init=False)
    line: dict[str, object] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        share = None if self.relief is None else self.relief.share
        fraction: Fraction = (0, 1)
        flat = 0
        if self.rate is not None:
            fraction = exact_fraction(self.rate if share is None else self.rate * share)
        if self.amount is not None:
            exact = self.amount if share is None else self.amount * share
            flat = int(exact.round())
        object.__setattr__(self, "fraction", fraction)
        object.__setattr__(self, "flat", flat)
        line = line_template(
            program=self.program,
            payer=self.payer,
            citations=self.citations,
            label=self.label,
            frequency=self.frequency,
            rate=self.rate,
            label_params=self.label_params,
        )
        object.__setattr__(self, "line", line)


def rate_terms(
    source: DatedValue[Decimal],
    *,
    program: Program,
    payer: Payer,
    label: str,
    cap: CapTerms | None = None,
    relief: ReliefTerms | None = None,
    label_params: tuple[tuple[str, object], ...] = (),
) -> LineTerms:
    """The terms of a rated line from its rate parameter entry."""
    return LineTerms(
        program=program,
        payer=payer,
        label=label,
        citations=source.citations,
        rate=source.value,
        cap=cap,
        relief=relief,
        label_params=label_params,
    )


def flat_terms(
    source: DatedValue[Decimal],
    *,
    program: Program,
    payer: Payer,
    label: str,
    relief: ReliefTerms | None = None,
) -> LineTerms:
    """The terms of a flat-amount line from its rupiah parameter entry."""
    return LineTerms(
        program=program,
        payer=payer,
        label=label,
        citations=source.citations,
        amount=Rupiah(source.value),
        relief=relief,
    )
