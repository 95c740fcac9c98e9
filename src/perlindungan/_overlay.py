"""Parameter overrides for what-if scenarios: a layer over the bundled parameter store.

The bundled data is never changed. An :class:`Overlay` holds overrides (a parameter's
value from a date, or for every date); :func:`applied` makes it active for the code run
inside a ``with`` block, in the current context only (a :mod:`contextvars` variable, so
threads and tasks do not see each other's scenarios). :meth:`Parameter.at
<perlindungan.parameters.Parameter.at>` returns an override when one is in force, and
caches of values derived from parameters are keyed by the overlay
(:func:`perlindungan._context.overlay_cache`).

>>> import datetime as dt
>>> from perlindungan.parameters import parameter
>>> layer = Overlay((override("bpu.jkk.rate", "0.012", dt.date(2027, 1, 1)),))
>>> with applied(layer):
...     str(parameter("bpu.jkk.rate").value_at("2027-03-01"))
'0.012'
>>> str(parameter("bpu.jkk.rate").value_at("2027-03-01"))
'0.01'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from typing import Final

import attrs

from perlindungan._context import OVERLAY
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError
from perlindungan.legal import Citation, LegalBasis
from perlindungan.parameters import DatedValue, parameters

__all__ = ["SCENARIO_BASIS", "Overlay", "Override", "active", "applied", "override"]

#: The "basis" shown on a line computed with an override: a scenario is not law.
SCENARIO_BASIS: Final = LegalBasis(
    id="scenario",
    kind="Library",
    number="-",
    year=0,
    title="Skenario / scenario (not law)",
)


@attrs.frozen
class Override:
    """One parameter's value in a scenario, from ``since`` (None: for every date)."""

    name: str
    value: Decimal | int | bool
    since: _dt.date | None = None

    def __str__(self) -> str:
        at = f"@{self.since.isoformat()}" if self.since else ""
        return f"{self.name}={self.value}{at}"


@attrs.frozen
class Overlay:
    """Overrides over the bundled parameters (the latest in force wins)."""

    overrides: tuple[Override, ...] = ()

    def entry(self, name: str, on: _dt.date) -> DatedValue[object] | None:
        """The overriding entry of ``name`` on ``on``, or None."""
        hit: Override | None = None
        for o in self.overrides:
            if o.name != name or (o.since is not None and o.since > on):
                continue
            if hit is None or (o.since or _dt.date.min) >= (hit.since or _dt.date.min):
                hit = o
        if hit is None:
            return None
        return DatedValue(
            hit.value,
            hit.since or _dt.date.min,
            (Citation(SCENARIO_BASIS, None),),
            status="illustrative",
            confidence="M",
            note=f"scenario override {hit}",
        )


def active() -> Overlay | None:
    """The overlay in force in this context, if any."""
    layer = OVERLAY.get()
    return layer if isinstance(layer, Overlay) else None


@contextmanager
def applied(overlay: Overlay | None) -> Iterator[None]:
    """Use ``overlay`` for parameter look-ups inside the ``with`` block."""
    token = OVERLAY.set(overlay if overlay and overlay.overrides else None)
    try:
        yield
    finally:
        OVERLAY.reset(token)


def override(name: str, raw: object, since: _dt.date | None = None) -> Override:
    """An override of a bundled parameter, its value checked against the parameter's unit.

    Raises :class:`~perlindungan.errors.UnknownNameError` for an unknown name (with
    suggestions) and :class:`~perlindungan.errors.InvalidInputError` for a bad value.
    """
    param = parameters()[name]
    unit = param.unit
    text = str(raw).strip()
    where = f"{name}={text}"
    if isinstance(raw, float):
        raise InvalidInputError(
            Message(
                "{where}: give the value as text or an integer (exact), not a float.", where=where
            ),
            field=name,
            value=raw,
        )
    if unit in ("rate", "rupiah"):
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = Decimal("NaN")
        low, high = Decimal(0), (Decimal(1) if unit == "rate" else None)
        if not number.is_finite() or number < low or (high is not None and number > high):
            example = "0.012 (1.2%)" if unit == "rate" else "1500000"
            raise InvalidInputError(
                f"{where}: a {unit} must be a number such as {example}"
                + (" from 0 to 1" if unit == "rate" else " of 0 or more")
                + ".",
                field=name,
                value=text,
            )
        return Override(name, number, since)
    if unit in ("years", "months", "count"):
        if not text.isdigit():
            raise InvalidInputError(
                Message(
                    "{where}: must be a whole number of {unit}, such as 12.", where=where, unit=unit
                ),
                field=name,
                value=text,
            )
        return Override(name, int(text), since)
    if unit == "flag":
        if text.lower() not in ("true", "false"):
            raise InvalidInputError(
                Message("{where}: must be true or false.", where=where), field=name, value=text
            )
        return Override(name, text.lower() == "true", since)
    raise InvalidInputError(
        Message(
            "{where}: parameters of unit {unit} cannot be overridden in a scenario; rates, amounts, counts, years, months and flags can.",
            where=where,
            unit=repr(unit),
        ),
        field=name,
        value=text,
    )
