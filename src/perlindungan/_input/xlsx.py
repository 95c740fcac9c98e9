"""Excel workbooks (``.xlsx``) in and out, through openpyxl (the ``xlsx`` extra).

Reading takes the first sheet: its first row is the header, every later row a record
with its sheet row number. Cells become the text a CSV file would hold: whole numbers
without ``.0``, dates as ISO dates, a date with a time of day as ISO date and time
(which a date column then refuses), booleans as ``true``/``false``; formulas give their
saved value. The workbook is a zip file: its unpacked size is checked before it is
opened, so a small file cannot unpack into gigabytes.

Writing puts every text cell in the sheet as text, never as a formula: a cell such as
``=HYPERLINK(...)`` stays text in the workbook, so CSV -> xlsx -> CSV gives the same
cells back.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import zipfile
from collections.abc import Generator, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, Final

from perlindungan._input.limits import MAX_ROSTER_BYTES, MAX_ROWS
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["save_workbook", "write_xlsx", "xlsx_rows", "xlsx_stream"]

#: Largest unpacked size of a workbook.
MAX_UNPACKED_BYTES: Final = 4 * MAX_ROSTER_BYTES


def _openpyxl() -> Any:  # noqa: ANN401 - openpyxl ships no annotations
    try:
        import openpyxl  # noqa: PLC0415
    except ImportError:
        raise InvalidInputError(
            Message("reading or writing .xlsx needs openpyxl: pip install 'perlindungan[xlsx]'."),
            field="roster",
        ) from None
    return openpyxl


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.time):
        return value.isoformat()
    return str(value)


def xlsx_rows(
    raw: bytes, *, name: str, sheet_name: str | None = None
) -> tuple[list[str], list[tuple[int, list[str | None]]]]:
    """The header and the rows (sheet row number, cells as text) of a workbook's first
    sheet (or of the sheet named ``sheet_name``); more than ``MAX_ROWS`` rows stop the
    reading (the caller refuses them)."""
    header, stream, _ = xlsx_stream(io.BytesIO(raw), name=name, sheet_name=sheet_name)
    rows: list[tuple[int, list[str | None]]] = []
    with contextlib.closing(stream):
        for row in stream:
            rows.append(row)
            if len(rows) > MAX_ROWS:
                break
    return header, rows


def xlsx_stream(
    source: BinaryIO, *, name: str, sheet_name: str | None = None
) -> tuple[list[str], Generator[tuple[int, list[str | None]], None, None], int]:
    """The header of a workbook's first sheet (or of the sheet named ``sheet_name``), its
    non-blank rows (sheet row number, cells as text), read one by one (openpyxl's
    read-only mode: memory does not grow with the rows), and its last row as the sheet
    declares it (0: not declared). The workbook is closed when the rows are all read or
    the iterator is closed."""
    openpyxl = _openpyxl()
    try:
        with zipfile.ZipFile(source) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InvalidInputError(
            Message("{name}: not an .xlsx workbook (not a zip file).", name=name), field="roster"
        ) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InvalidInputError(
            Message(
                "{name}: the workbook unpacks to {size:,} bytes, more than {limit:,}; refused.",
                name=name,
                size=unpacked,
                limit=MAX_UNPACKED_BYTES,
            ),
            field="roster",
        )
    source.seek(0)
    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise InvalidInputError(
            Message(
                "{name}: not a readable .xlsx workbook ({kind}).",
                name=name,
                kind=type(exc).__name__,
            ),
            field="roster",
        ) from None
    try:
        sheet = _sheet(book, name, sheet_name)
        values = iter(sheet.iter_rows(values_only=True))
        header = _header(next(values, None), name)
        last = sheet.max_row if isinstance(sheet.max_row, int) else 0
    except BaseException:
        book.close()
        raise
    return header, _rows(book, values), last


def _header(first: Sequence[Any] | None, name: str) -> list[str]:
    """The header of the sheet's first row (none: the sheet is empty)."""
    if first is None:
        return []
    cells = [_text(v) for v in first]
    while cells and (cells[-1] is None or not cells[-1].strip()):
        cells.pop()
    if not cells:
        raise InvalidInputError(
            Message("{name}:1: the first row must be the header.", name=name), field="roster"
        )
    return [c or "" for c in cells]


def _sheet(book: Any, name: str, sheet_name: str | None) -> Any:  # noqa: ANN401 - openpyxl
    if sheet_name is not None:
        sheet = book[sheet_name] if sheet_name in book.sheetnames else None
    else:
        sheet = book.worksheets[0] if book.worksheets else None
    if sheet is None:
        if sheet_name:
            raise InvalidInputError(
                f"{name}: the workbook has no sheet {sheet_name!r}.", field="roster"
            )
        raise InvalidInputError(
            Message("{name}: the workbook has no sheet.", name=name), field="roster"
        )
    return sheet


def _rows(
    book: Any,  # noqa: ANN401 - an openpyxl workbook
    values: Iterator[Any],
) -> Generator[tuple[int, list[str | None]], None, None]:
    try:
        for number, row in enumerate(values, start=2):
            cells = [_text(v) for v in row]
            if all(c is None or not c.strip() for c in cells):
                continue
            yield number, cells
    finally:
        book.close()


#: One sheet to write: its name, header and rows.
Sheet = tuple[str, Sequence[str], Iterable[Sequence[Any]]]


def save_workbook(sheets: Iterable[Sheet], target: str | Path) -> None:
    """Write a workbook of several named sheets, each row appended as it comes (openpyxl's
    write-only mode); text cells are always text (a cell such as ``=SUM(A1)`` is never a
    formula), numbers stay numbers."""
    openpyxl = _openpyxl()
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415

    book = openpyxl.Workbook(write_only=True)
    try:
        for title, header, rows in sheets:
            sheet = book.create_sheet(title=title)

            def cell(value: object, sheet: Any = sheet) -> Any:  # noqa: ANN401
                if isinstance(value, Decimal):
                    value = int(value) if value == value.to_integral_value() else str(value)
                out = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    out.data_type = "s"
                return out

            sheet.append([cell(h) for h in header])
            for row in rows:
                sheet.append([cell(v) for v in row])
    except BaseException:
        _discard(book)
        raise
    book.save(str(target))


def _discard(book: Any) -> None:  # noqa: ANN401 - an openpyxl write-only Workbook
    """Close and delete the temporary files of a workbook that will not be saved."""
    for sheet in book.worksheets:
        try:
            sheet.close()
            sheet._writer.cleanup()  # noqa: SLF001 - openpyxl keeps each sheet in a temp file
        except Exception:  # noqa: BLE001, S112 - best effort: the error being raised matters
            continue


def write_xlsx(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write one sheet: the header, then the rows; text cells are always text."""
    save_workbook([("Sheet", header, rows)], path)
