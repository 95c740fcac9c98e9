"""NIK (Nomor Induk Kependudukan): validation and the facts it encodes.

A NIK has 16 digits ``PPKKCCDDMMYYSSSS``: ``PP.KK.CC`` is the kecamatan where the number
was first issued (it does not change when the person moves, so it is never their KTP
domicile), ``DDMMYY`` the birth date with 40 added to the day for women, ``SSSS`` a serial
number. The kecamatan must be in the bundled Kemendagri table or in an earlier edition's
(``data/regions/kecamatan-earlier.txt``: codes of regions split or renumbered since).

The year has two digits: ``00`` .. :data:`CENTURY_PIVOT` is read as 2000 onwards, the rest as
19xx. A birth date given in the roster that matches either century is not a disagreement.

python-stdnum's ``stdnum.id.nik`` was considered and not used: it reads the year as 19xx
first (a person born in 2005 comes out as born in 1905), checks only the first four digits
against its own place table, and the package is 4 MB of data for other countries.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any, Final

import attrs

from perlindungan import _toml
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError
from perlindungan.regional._regions import regions

__all__ = [
    "CENTURY_PIVOT",
    "EXAMPLE_NIK",
    "Nik",
    "mask_nik",
    "mask_niks",
    "mask_niks_in",
    "parse_nik",
]

#: Two-digit years up to this are read as 20xx (the year of the bundled table's edition).
CENTURY_PIVOT: Final = 25
#: The made-up NIK that messages show as an example (never masked).
EXAMPLE_NIK: Final = "3510161708850001"
#: Digits a masked NIK keeps: the area code ``PPKKCC`` (kecamatan of first issue).
MASK_KEEP: Final = 6
#: A NIK inside any text: exactly 16 digits, not part of a longer run of digits.
_NIK_IN_TEXT: Final = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])")


@attrs.frozen
class Nik:
    """A valid NIK and what it encodes."""

    number: str
    area: str  # the kecamatan code, e.g. "35.10.16"
    birth_date: _dt.date
    sex: str  # "L" or "P"
    other_birth_date: _dt.date | None = None  # the other century's reading, if a real date
    earlier_edition: bool = False  # the kecamatan is only in an earlier edition


@functools.cache
def _earlier_codes() -> frozenset[str]:
    path = _toml.DATA / "regions" / "kecamatan-earlier.txt"
    if path.is_file():
        text = path.read_text(encoding="utf-8")
    else:
        from importlib import resources  # noqa: PLC0415

        file = resources.files("perlindungan") / "data" / "regions" / "kecamatan-earlier.txt"
        text = file.read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def _date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def parse_nik(text: str) -> Nik:
    """A NIK from text (spaces, dots and dashes ignored); :class:`InvalidInputError` says
    what is wrong.

    >>> n = parse_nik("3510165708850003")
    >>> n.area, n.birth_date.isoformat(), n.sex
    ('35.10.16', '1985-08-17', 'P')

    """
    number = "".join(ch for ch in str(text) if ch not in " .-")
    if len(number) != 16 or not number.isdigit():
        # a mistyped NIK is still personal data: its digits are counted, never echoed
        got = f"{len(number)} digits" if number.isdigit() else repr(text)
        raise InvalidInputError(
            Message(
                "nik must be 16 digits such as {example}, got {got}", example=EXAMPLE_NIK, got=got
            ),
            field="nik",
        )
    area = f"{number[0:2]}.{number[2:4]}.{number[4:6]}"
    earlier = False
    if area not in regions():
        if area not in _earlier_codes():
            raise InvalidInputError(
                Message(
                    "nik {number}: its first six digits {area} are not a kecamatan code",
                    number=number,
                    area=area,
                ),
                field="nik",
            )
        earlier = True
    day, month, yy = int(number[6:8]), int(number[8:10]), int(number[10:12])
    sex = "P" if day > 40 else "L"
    day = day - 40 if day > 40 else day
    first, second = (2000 + yy, 1900 + yy) if yy <= CENTURY_PIVOT else (1900 + yy, 2000 + yy)
    born = _date(first, month, day)
    other = _date(second, month, day)
    if born is None:
        born, other = other, None
    if born is None:
        raise InvalidInputError(
            Message(
                "nik {number}: digits 7-12 are not a birth date (DDMMYY, day + 40 for women)",
                number=number,
            ),
            field="nik",
        )
    return Nik(number, area, born, sex, other, earlier)


def mask_nik(number: str) -> str:
    """The NIK with its birth date and serial hidden: ``351016**********``.

    The six digits kept are the kecamatan where the number was first issued (what the
    decisions' notes compare with the program's region); the birth date (with the sex in
    its day) and the serial number are hidden. Keeping the last four digits as well, as
    card numbers are masked, would leave only the birth date hidden, and whoever knows a
    person's birth date and sex could then rebuild the whole number.

    >>> mask_nik("3510165708850003")
    '351016**********'

    """
    keep = MASK_KEEP if len(number) > MASK_KEEP else 0
    return number[:keep] + "*" * (len(number) - keep)


def mask_niks(text: str) -> str:
    """``text`` with every NIK in it masked by :func:`mask_nik`: any run of exactly 16
    digits (an id that is a NIK, a NIK quoted in a message), except :data:`EXAMPLE_NIK`.

    >>> mask_niks("row 3 (3510165708850003): nik 3510165708850003 is already used on line 2")
    'row 3 (351016**********): nik 351016********** is already used on line 2'

    """

    def hide(match: re.Match[str]) -> str:
        found = match.group(0)
        return found if found == EXAMPLE_NIK else mask_nik(found)

    return _NIK_IN_TEXT.sub(hide, text)


def mask_niks_in(value: Any) -> Any:  # noqa: ANN401 - any JSON value
    """A JSON value with :func:`mask_niks` applied to every string in it (numbers, such as
    budget amounts, are left alone)."""
    if isinstance(value, str):
        return mask_niks(value)
    if isinstance(value, dict):
        return {mask_niks(str(k)): mask_niks_in(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_niks_in(v) for v in value]
    return value
