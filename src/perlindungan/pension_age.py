"""Pension age (usia pensiun) under PP 45/2015 Pasal 15.

The pension age was 56 when JP started (1 July 2015), 57 from 1 January 2019, and rises
by one year every three years up to 65 (the yearly values are in ``data/parameters/jp.toml``).
A person reaches pension age on the first birthday on which their age is at least the
pension age in force on that day.
"""

from __future__ import annotations

import datetime as _dt

from perlindungan.dates import DateLike, anniversary, to_date
from perlindungan.parameters import DatedValue, count, parameter

__all__ = ["pension_age_on", "pension_age_reached_on"]

_PARAMETER = "jp.pension_age"


def pension_age_on(on: DateLike) -> DatedValue[int]:
    """The pension age in force on a date, with its legal basis.

    >>> pension_age_on("2025-06-01").value
    59
    """
    return count(_PARAMETER, to_date(on))


def pension_age_reached_on(birth_date: DateLike) -> _dt.date:
    """The date on which someone born on ``birth_date`` reaches pension age.

    >>> pension_age_reached_on("1966-05-17")  # 58 in 2024, when the pension age was 58
    datetime.date(2024, 5, 17)
    >>> pension_age_reached_on("1967-05-17")  # 58 in 2025 is below 59; 59 in 2026
    datetime.date(2026, 5, 17)
    >>> pension_age_reached_on("1962-12-15")   # 56 in 2018, when the age was 56
    datetime.date(2018, 12, 15)
    """
    birth = to_date(birth_date, field="birth_date")
    param = parameter(_PARAMETER)
    age = count(_PARAMETER, param.earliest).value
    while True:
        day = anniversary(birth, age)
        if day < param.earliest or age >= count(_PARAMETER, day).value:
            return day
        age += 1
