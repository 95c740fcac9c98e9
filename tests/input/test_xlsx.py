"""Rosters as Excel workbooks: the cells read as a CSV file would hold them, and the
workbooks refused before they are read (not a workbook, one that would unpack to
gigabytes, no header) with a message naming the file."""

from __future__ import annotations

import datetime as _dt
import struct
import zipfile
from pathlib import Path

import pytest

from perlindungan.errors import InvalidInputError
from perlindungan.regional import read_roster

openpyxl = pytest.importorskip("openpyxl")


def _book(path: Path, *rows: list[object]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_cells_are_read_as_the_text_a_csv_file_would_hold(tmp_path: Path) -> None:
    book = _book(
        tmp_path / "roster.xlsx",
        ["id", "income", "birth_date", "covered_as_pu", "application_date", "name"],
        # a number and a date as Excel stores them (a date is read back as a date and time)
        ["A1", 2_500_000.0, _dt.datetime(1990, 5, 17), False, _dt.date(2025, 6, 1), _dt.time(9)],  # noqa: DTZ001 - Excel has no time zones
        [None, None, None, None, None, None],  # a blank row is skipped
        ["A2", 1_000_000, _dt.datetime(1985, 1, 2), True, None, None],  # noqa: DTZ001
        ["A3", 2_500_000.5],
    )
    first, second, third = read_roster(book)
    assert (first.row, second.row, third.row) == (2, 4, 5)  # sheet row numbers
    assert first.person is not None
    assert second.person is not None
    assert first.person.income == 2_500_000
    assert first.person.birth_date == _dt.date(1990, 5, 17)
    assert first.person.covered_as_pu is False
    assert first.person.application_date == _dt.date(2025, 6, 1)
    assert first.person.name == "09:00:00"
    assert second.person.covered_as_pu is True
    assert third.error is not None
    assert "got '2500000.5'" in str(third.error)


def test_a_date_with_a_time_of_day_is_a_row_error_not_a_date(tmp_path: Path) -> None:
    book = _book(
        tmp_path / "roster.xlsx",
        ["id", "birth_date"],
        ["A1", _dt.datetime(1990, 5, 17, 14, 30)],  # noqa: DTZ001 - Excel has no time zones
    )
    (row,) = read_roster(book)
    assert row.person is None
    assert row.error is not None
    assert "1990-05-17 14:30:00" in str(row.error)


def test_cells_beyond_the_header_make_a_row_error(tmp_path: Path) -> None:
    book = _book(tmp_path / "roster.xlsx", ["id", "income"], ["A1", 1_000_000, "stray"])
    (row,) = read_roster(book)
    assert row.person is None
    assert "cells beyond the 2 columns of the header" in str(row.error)


def _refusal(path: Path) -> str:
    with pytest.raises(InvalidInputError) as caught:
        read_roster(path)
    assert caught.value.field == "roster"
    return str(caught.value)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_text("id,income\nA1,1000000\n", encoding="utf-8")
    assert _refusal(path) == f"{path}: not an .xlsx workbook (not a zip file)."


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "not a workbook")
    assert _refusal(path).startswith(f"{path}: not a readable .xlsx workbook (")


def test_a_workbook_declaring_gigabytes_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    """A zip declares the unpacked size of each entry: a few kilobytes can claim (and,
    for a zip bomb, unpack to) gigabytes; the declared sizes are checked first."""
    _book(tmp_path / "small.xlsx", ["id"], ["A1"])
    raw = bytearray((tmp_path / "small.xlsx").read_bytes())
    entry = raw.find(b"PK\x01\x02")  # the first entry of the central directory
    struct.pack_into("<I", raw, entry + 24, 0xFFFF_FFF0)  # its uncompressed size
    path = tmp_path / "roster.xlsx"
    path.write_bytes(bytes(raw))
    message = _refusal(path)
    assert message.startswith(f"{path}: the workbook unpacks to ")
    assert message.endswith("bytes, more than 4,000,000,000; refused.")


def test_a_first_row_without_a_header_is_refused(tmp_path: Path) -> None:
    book = _book(tmp_path / "roster.xlsx", [None, "  "], ["A1", 1_000_000])
    assert _refusal(book) == f"{book}:1: the first row must be the header."
