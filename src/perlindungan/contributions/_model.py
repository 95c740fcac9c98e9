"""What a contribution quote is made of: lines, caps, relief, notes."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from perlindungan._repr import attrs_repr
from perlindungan._serialise import Serialisable
from perlindungan._suggest import did_you_mean
from perlindungan.contributions._explain import explain_quote, render_label, render_note
from perlindungan.dates import Month
from perlindungan.errors import UnknownNameError
from perlindungan.legal import Citation
from perlindungan.money import Rupiah
from perlindungan.programs import Frequency, Payer, Program
from perlindungan.workers import Worker

__all__ = [
    "BandPart",
    "Cap",
    "Line",
    "Note",
    "Quote",
    "Recomposition",
    "Relief",
    "line_from_fields",
    "line_template",
]


def _number(amount: Rupiah) -> int | str:
    """JSON form of a base: an integer when whole, else a decimal string."""
    return int(amount.amount) if amount.is_whole else str(amount.amount)


def _rate(rate: Decimal) -> str:
    return format(rate.normalize(), "f")


@attrs_repr
@attrs.frozen(repr=False)
class Cap(Serialisable):
    """A cap applied to the base of a line."""

    parameter: str
    limit: Rupiah
    uncapped: Rupiah
    citations: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "parameter": self.parameter,
            "limit": _number(self.limit),
            "uncapped_base": _number(self.uncapped),
            "basis": "; ".join(str(c) for c in self.citations),
        }


@attrs_repr
@attrs.frozen(repr=False)
class Relief(Serialisable):
    """A relief scheme applied to a line: what would be due, and what is payable."""

    scheme: str
    kind: str  # "discount" or "deferral"
    payable_share: Decimal
    normal_amount: Rupiah
    reduction: Rupiah
    citations: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "scheme": self.scheme,
            "kind": self.kind,
            "payable_share": _rate(self.payable_share),
            "normal_amount": int(self.normal_amount),
            "discount" if self.kind == "discount" else "deferred": int(self.reduction),
            "basis": "; ".join(str(c) for c in self.citations),
        }


@attrs_repr
@attrs.frozen(repr=False)
class BandPart(Serialisable):
    """The part of a contract value in one marginal band, and its exact contribution."""

    above: Rupiah
    up_to: Rupiah | None
    rate: Decimal
    portion: Rupiah
    amount: Rupiah

    def to_dict(self) -> dict[str, Any]:
        return {
            "above": _number(self.above),
            "up_to": None if self.up_to is None else _number(self.up_to),
            "rate": _rate(self.rate),
            "portion": _number(self.portion),
            "amount": str(self.amount.amount.normalize()),
        }


@attrs_repr
@attrs.frozen(repr=False)
class Recomposition(Serialisable):
    """Part of another program's contribution that BPJS books to JKP (not billed again)."""

    source: Program
    rate: Decimal
    amount: Rupiah
    citations: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "from_program": self.source.value,
            "rate": _rate(self.rate),
            "amount": int(self.amount),
            "basis": "; ".join(str(c) for c in self.citations),
        }


@attrs_repr
@attrs.frozen(repr=False)
class Note(Serialisable):
    """A remark on a quote (a program not due, a relief not considered), translatable.

    ``message`` is an English message id with ``{name}`` placeholders filled from
    ``params`` when rendered.
    """

    code: str
    message: str
    params: Mapping[str, object] = attrs.field(factory=dict)
    citations: tuple[Citation, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": render_note(self, "en"),
            "messages": {"id": render_note(self, "id_ID"), "en": render_note(self, "en")},
            "basis": "; ".join(str(c) for c in self.citations),
        }


# Not slotted: the scalar path builds a line from a dict of its fields in one step
# (line_from_fields), a quote's lines being most of a quote's time.
@attrs_repr
@attrs.frozen(slots=False, repr=False)
class Line(Serialisable):
    """One contribution line: a program, who pays, and the whole-rupiah amount billed.

    ``amount`` is what is billed after any relief (``relief`` says what the normal amount
    was). ``base`` and ``rate`` give ``amount == round(base * rate * share)`` for rated
    lines; flat lines have no rate. Construction lines carry their ``bands``.
    """

    program: Program
    payer: Payer
    amount: Rupiah
    citations: tuple[Citation, ...]
    label: str
    frequency: Frequency = Frequency.MONTHLY
    base: Rupiah | None = None
    rate: Decimal | None = None
    cap: Cap | None = None
    relief: Relief | None = None
    bands: tuple[BandPart, ...] = ()
    recomposition: tuple[Recomposition, ...] = ()
    covers: tuple[Program, ...] = ()
    on_behalf_of: Payer | None = None
    label_params: tuple[tuple[str, object], ...] = ()

    @property
    def basis(self) -> str:
        """All citations of the line, joined."""
        return "; ".join(str(c) for c in self.citations)

    def label_text(self, locale: str = "id_ID") -> str:
        """The line's label in ``locale`` with its parameters filled in ("JKK, kelompok
        risiko 3")."""

        return render_label(self, locale)

    def to_dict(self) -> dict[str, Any]:
        """The line in the JSON contract."""
        out: dict[str, Any] = {
            "program": self.program.value,
            "payer": self.payer.value,
            "amount": int(self.amount),
            "labels": {"id": self.label_text("id_ID"), "en": self.label_text("en")},
            "rate": None if self.rate is None else _rate(self.rate),
            "base": None if self.base is None else _number(self.base),
            "basis": self.basis,
            "frequency": self.frequency.value,
            "citations": [c.to_dict() for c in self.citations],
        }
        if self.cap is not None:
            out["cap"] = self.cap.to_dict()
        if self.relief is not None:
            out["relief"] = self.relief.to_dict()
        if self.bands:
            out["bands"] = [b.to_dict() for b in self.bands]
        if self.recomposition:
            out["recomposition"] = [r.to_dict() for r in self.recomposition]
        if self.covers:
            out["covers"] = [p.value for p in self.covers]
        if self.on_behalf_of is not None:
            out["on_behalf_of"] = self.on_behalf_of.value
        return out


# Line has no converter, validator or post-init hook (tests/contributions/test_line_fields.py checks it):
# a dict of all its fields is a line.
_LINE_FIELDS: frozenset[str] = frozenset(a.name for a in attrs.fields(Line))


def line_template(**fixed: object) -> dict[str, object]:
    """Every field of a :class:`Line`: ``fixed`` and the defaults of the others, for
    :func:`line_from_fields` (the fields without a default must be in ``fixed``, or given
    with the fields of each line)."""
    unknown = set(fixed) - _LINE_FIELDS
    if unknown:
        msg = f"not fields of Line: {sorted(unknown)}"
        raise TypeError(msg)
    defaults = {a.name: a.default for a in attrs.fields(Line) if a.default is not attrs.NOTHING}
    return {**defaults, **fixed}


def line_from_fields(fields: dict[str, Any]) -> Line:
    """The line of ``fields``, a dict of *every* field (``{**line_template(...), ...}``),
    equal to ``Line(**fields)`` but built at once instead of field by field; ``fields``
    becomes the line's own and must not be used again."""
    line = _new(Line)
    _set(line, "__dict__", fields)
    return line


_new = object.__new__
_set = object.__setattr__

_PAYER_ORDER = {payer: index for index, payer in enumerate(Payer)}


def _program(value: Program | str) -> Program:
    try:
        return Program(str(value).upper())
    except ValueError:
        names = [p.value for p in Program]
        raise UnknownNameError(
            f"program must be one of {', '.join(names)}; got {value!r} ({did_you_mean(str(value), names)})",
            field="program",
            value=value,
            suggestions=names,
        ) from None


@attrs_repr
@attrs.frozen(repr=False)
class Quote(Serialisable):
    """The contributions due for one worker on one date.

    ``lines`` are in a stable order (program, then payer). ``totals()`` sums the billed
    amounts per payer; :meth:`paid_by` moves lines to another payer, which is how a
    regional program takes over a premium.
    """

    worker: Worker
    on: _dt.date
    lines: tuple[Line, ...]
    notes: tuple[Note, ...] = ()

    @property
    def month(self) -> Month:
        """The contribution month the quote is for."""
        return Month(self.on.year, self.on.month)

    def totals(self) -> dict[Payer, Rupiah]:
        """Billed amount per payer (payers with no line are left out)."""
        sums: dict[Payer, Rupiah] = {}
        for line in self.lines:
            sums[line.payer] = sums.get(line.payer, Rupiah.zero()) + line.amount
        return dict(sorted(sums.items(), key=lambda item: _PAYER_ORDER[item[0]]))

    @property
    def total(self) -> Rupiah:
        """Everything billed, all payers together."""
        return sum((line.amount for line in self.lines), Rupiah.zero())

    def program_total(self, program: Program | str) -> Rupiah:
        """Everything billed for one program (``Program.JP`` or ``"JP"``)."""
        wanted = _program(program)
        return sum((ln.amount for ln in self.lines if ln.program is wanted), Rupiah.zero())

    def lines_for(self, program: Program | str) -> tuple[Line, ...]:
        """The lines of one program (``Program.JP`` or ``"JP"``)."""
        wanted = _program(program)
        return tuple(line for line in self.lines if line.program is wanted)

    def paid_by(
        self,
        payer: Payer,
        *,
        programs: Iterable[Program] | None = None,
        instead_of: Iterable[Payer] | None = None,
    ) -> Quote:
        """A copy of the quote in which ``payer`` pays the selected lines.

        ``programs`` limits the move to some programs, ``instead_of`` to lines of some
        payers. Moved lines keep their original payer in ``on_behalf_of``.
        """
        wanted = None if programs is None else frozenset(programs)
        from_payers = None if instead_of is None else frozenset(instead_of)
        lines = []
        for line in self.lines:
            if (
                (wanted is None or line.program in wanted)
                and (from_payers is None or line.payer in from_payers)
                and line.payer is not payer
            ):
                line = attrs.evolve(  # noqa: PLW2901
                    line, payer=payer, on_behalf_of=line.on_behalf_of or line.payer
                )
            lines.append(line)
        return attrs.evolve(self, lines=tuple(lines))

    def to_dict(self) -> dict[str, Any]:
        """The response of the JSON contract: ``{"lines": [...], "totals": {...}}``."""
        return {
            "on": self.on.isoformat(),
            "month": str(self.month),
            "category": self.worker.category.value,
            "lines": [line.to_dict() for line in self.lines],
            "totals": {payer.value: int(amount) for payer, amount in self.totals().items()},
            "total": int(self.total),
            "notes": [note.to_dict() for note in self.notes],
        }

    def explain(self, locale: str = "id_ID") -> str:
        """How each line was reached, in Bahasa Indonesia (default) or English."""
        return explain_quote(self, locale)
