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
from typing import Final

import attrs

from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["CENTURY_PIVOT", "Nik", "mask_nik", "parse_nik"]

#: Two-digit years up to this are read as 20xx (the year of the bundled table's edition).
CENTURY_PIVOT: Final = 25


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
    from perlindungan._toml import DATA  # noqa: PLC0415

    path = DATA / "regions" / "kecamatan-earlier.txt"
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
    from perlindungan.regional._regions import regions  # noqa: PLC0415

    number = "".join(ch for ch in str(text) if ch not in " .-")
    if len(number) != 16 or not number.isdigit():
        raise InvalidInputError(
            Message("nik must be 16 digits such as 3510161708850001, got {text}", text=repr(text)),
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
                "nik {number}: digits 7-12 ({digits}) are not a birth date (DDMMYY, day + 40 for women)",
                number=number,
                digits=number[6:12],
            ),
            field="nik",
        )
    return Nik(number, area, born, sex, other, earlier)


def mask_nik(number: str) -> str:
    """The NIK with its birth date and serial hidden: ``351016**********``.

    >>> mask_nik("3510165708850003")
    '351016**********'

    """
    return number[:6] + "*" * (len(number) - 6) if len(number) > 6 else "*" * len(number)
