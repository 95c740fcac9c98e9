"""Dates: ISO strings and dates accepted, malformed refused, ages, months."""

from __future__ import annotations

import datetime as _dt

import pytest

from perlindungan import InvalidInputError, Month, age_on
from perlindungan.dates import anniversary, full_months_between, to_date


@pytest.mark.parametrize("value", ["2025-02-07", " 2025-02-07 ", _dt.date(2025, 2, 7)])
def test_iso_strings_and_dates_are_accepted(value: object) -> None:
    assert to_date(value) == _dt.date(2025, 2, 7)


@pytest.mark.parametrize(
    "value",
    [
        "2025-02-30",
        "2025-13-01",
        "07/02/2025",
        "2025-2-7",
        "20250207",
        "tomorrow",
        "",
        "2025-02-07T10:00",
        _dt.datetime(2025, 2, 7, 10, 0, tzinfo=_dt.UTC),
        20250207,
        None,
    ],
)
def test_malformed_dates_are_refused(value: object) -> None:
    with pytest.raises(InvalidInputError, match="birth_date must be") as info:
        to_date(value, field="birth_date")
    assert info.value.field == "birth_date"
    assert "2025-02-07" in str(info.value)  # the valid form


def test_29_february_ages() -> None:
    assert anniversary(_dt.date(1968, 2, 29), 56) == _dt.date(2024, 2, 29)
    assert anniversary(_dt.date(1968, 2, 29), 57) == _dt.date(2025, 3, 1)
    assert age_on("1968-02-29", "2025-02-28") == 56
    assert age_on("1968-02-29", "2025-03-01") == 57
    assert age_on("1968-02-29", "2024-02-29") == 56
    assert age_on("1968-02-29", "2024-02-28") == 55


def test_age_on_the_birthday_and_the_day_before() -> None:
    assert age_on("1990-05-17", "2025-05-16") == 34
    assert age_on("1990-05-17", "2025-05-17") == 35


def test_age_before_birth_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="birth_date"):
        age_on("2000-01-01", "1999-12-31")


def test_month_ends() -> None:
    assert Month(2024, 2).last_day == _dt.date(2024, 2, 29)
    assert Month(2025, 2).last_day == _dt.date(2025, 2, 28)
    assert Month(2100, 2).last_day == _dt.date(2100, 2, 28)
    assert Month(2025, 12).last_day == _dt.date(2025, 12, 31)
    assert Month(2025, 4).first_day == _dt.date(2025, 4, 1)
    assert full_months_between("2025-01-31", "2025-02-28") == 1
    assert full_months_between("2025-01-31", "2025-02-27") == 0
    assert full_months_between("2025-03-01", "2025-01-01") == -2


def test_month_arithmetic() -> None:
    assert Month(2025, 1).shift(-1) == Month(2024, 12)
    assert Month(2025, 12).shift(1) == Month(2026, 1)
    assert Month(2020, 8).shift(5) == Month(2021, 1)
    assert Month(2025, 2).shift(24) == Month(2027, 2)
    assert Month.of("2025-02-07") == Month(2025, 2)
    assert Month.parse("2025-02") == Month(2025, 2)
    assert str(Month(2025, 2)) == "2025-02"
    assert Month(2024, 12) < Month(2025, 1)


@pytest.mark.parametrize("text", ["2025-13", "2025", "25-02", "2025-02-01", "feb"])
def test_month_parse_refuses_malformed(text: str) -> None:
    with pytest.raises(InvalidInputError, match="2025-02"):
        Month.parse(text)


def test_month_out_of_range() -> None:
    with pytest.raises(InvalidInputError, match="1-12"):
        Month(2025, 0)
