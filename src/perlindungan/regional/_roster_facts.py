"""Roster cells of the facts added for issue 16 (NIK, sex, BPJS status, DTSEN decile,
disability, occupation) and what a NIK tells about the person.

``bpjs_active_until`` is the last day of paid BPJS Ketenagakerjaan membership as checked
(a date), or ``tidak``/``no``/``false``/``-`` for someone who is not a participant.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any, Final

from perlindungan._input.dates import date_value
from perlindungan._input.flags import flag_cell, flag_word
from perlindungan._input.numbers import whole_number
from perlindungan._input.shown import shown
from perlindungan._input.text import key_text
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError
from perlindungan.regional._nik import parse_nik
from perlindungan.regional._person import Person

__all__ = ["NEW_FACTS", "with_nik"]

_SEX: Final = {
    "l": "L",
    "laki-laki": "L",
    "male": "L",
    "m": "L",
    "p": "P",
    "perempuan": "P",
    "female": "P",
    "f": "P",
    "w": "P",
    "wanita": "P",
}


def _bool(field: str) -> Callable[[object], bool]:
    def read(raw: object) -> bool:
        return flag_cell(raw, field=field)  # the one yes/no vocabulary of table cells

    return read


def _decile(raw: object) -> int:
    return whole_number(raw, field="dtsen_decile", minimum=1, maximum=10)


def _sex(raw: object) -> str:
    found = _SEX.get(raw.strip().lower()) if isinstance(raw, str) else None
    if found is None:
        raise InvalidInputError(
            Message("sex must be L or P, got {value}", value=shown(raw)), field="sex"
        )
    return found


def _active_until(raw: object) -> _dt.date:
    text = raw.strip() if isinstance(raw, str) else ""
    if text == "-" or (text and flag_word(text) is False):
        return _dt.date.min
    return date_value(raw, field="bpjs_active_until")


def _nik(raw: object) -> str:
    return parse_nik(key_text(raw, field="nik")).number


#: Readers of the new columns.
NEW_FACTS: Final[dict[str, Callable[[object], Any]]] = {
    "nik": _nik,
    "sex": _sex,
    "bpjs_active_until": _active_until,
    "dtsen_decile": _decile,
    "disability": _bool("disability"),
}


def with_nik(values: dict[str, Any]) -> Person:
    """The person, with birth date and sex taken from the NIK when not given; a given
    birth date or sex that disagrees with the NIK is kept and noted, never overruled."""
    if "nik" not in values:
        return Person(**values)
    nik = parse_nik(values["nik"])
    notes: list[str] = []
    given = values.get("birth_date")
    if given is None:
        values["birth_date"] = nik.birth_date
        notes.append(Message("birth_date from nik"))
    elif given not in (nik.birth_date, nik.other_birth_date):
        # the note names no date: the NIK's digits stay out of the outputs (--mask-nik)
        notes.append(Message("birth_date disagrees with the birth date in the nik"))
    if values.get("sex") is None:
        values["sex"] = nik.sex
    elif values["sex"] != nik.sex:
        notes.append(Message("sex disagrees with the sex in the nik"))
    if nik.earlier_edition:
        notes.append(
            Message("nik area {area} is a kecamatan code of an earlier edition", area=nik.area)
        )
    return Person(**values, notes=tuple(notes))
