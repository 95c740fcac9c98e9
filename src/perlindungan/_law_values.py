"""Parameter values as JSON and as text, for the reports on the bundled law.

Shared by ``perlindungan data status`` and ``perlindungan data diff``: a value keeps its
exact form in JSON (rupiah and rates as decimal strings, flags as booleans, names as a
list, bands as ``{above, rate}`` pairs) and reads in words in the text output.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from perlindungan._i18n import N_, translate
from perlindungan.contributions._explain import format_rate
from perlindungan.money import format_rupiah
from perlindungan.parameters import Band, DatedValue

__all__ = ["STATUS_TEXT", "end_of_entries", "json_value", "provenance_text", "value_text"]

#: Status codes in words (the codes stay in JSON).
STATUS_TEXT = {
    "enacted": N_("enacted"),
    "announced": N_("announced"),
    "derived": N_("derived"),
    "illustrative": N_("illustrative"),
}


def json_value(unit: str, value: object) -> object:
    """The JSON form of a parameter value: exact, never a float.

    Whole rupiah amounts are integers (as amounts are elsewhere in the JSON contract);
    rates and other decimals are strings (``"0.0024"``); bands are ``{above, rate}``.
    """
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, Decimal):
        return int(value) if unit == "rupiah" and value == value.to_integral_value() else str(value)
    if isinstance(value, tuple):
        return [
            {"above": json_value("rupiah", v.above), "rate": str(v.rate)}
            if isinstance(v, Band)
            else str(v)
            for v in value
        ]
    return str(value)  # pragma: no cover - every unit is handled above


def _locale(locale: str) -> str:
    return "en" if locale.lower().startswith("en") else "id_ID"


def value_text(unit: str, value: object, locale: str) -> str:
    """A value in words for ``locale``: ``Rp11.086.300``, ``0,24%``, ``ya``, ..."""
    loc = _locale(locale)
    if isinstance(value, bool):
        return translate(N_("yes") if value else N_("no"), loc)
    if unit == "rate" and isinstance(value, Decimal):
        return format_rate(value, loc)
    if unit == "rupiah" and isinstance(value, Decimal | int):
        return format_rupiah(value, locale=loc)
    if isinstance(value, tuple):
        return ", ".join(
            f"> {format_rupiah(v.above, locale=loc)}: {format_rate(v.rate, loc)}"
            if isinstance(v, Band)
            else str(v)
            for v in value
        )
    return str(value)


def provenance_text(status: str, confidence: str, locale: str) -> str:
    """``(diumumkan, C2)``: a value's status in words and its confidence mark."""
    status_text = translate(STATUS_TEXT[status], locale) if status in STATUS_TEXT else status
    return f"({status_text}, {confidence})"


def end_of_entries(
    entries: tuple[DatedValue[object], ...], index: int, known_until: _dt.date | None
) -> _dt.date | None:
    """The last day entry ``index`` is in force (``None``: open-ended)."""
    entry = entries[index]
    ends: list[_dt.date] = []
    if entry.until is not None:
        ends.append(entry.until)
    if index + 1 < len(entries):
        ends.append(entries[index + 1].since - _dt.timedelta(days=1))
    if known_until is not None:
        ends.append(known_until)
    return min(ends, default=None)
