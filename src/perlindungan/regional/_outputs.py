"""The output files of a roster run: the folder of CSV, JSON and text files, the Excel
workbook, and NIK masking (``--mask-nik``) over all of them.

Every writer starts from the texts of :func:`run_texts` (or from files already written, for
rosters evaluated chunk by chunk: :func:`mask_files`, :func:`workbook_from_folder`), so the
folder, the workbook and stdout carry the same cells: formula-like input text escaped as in
the CSV files (see :func:`~perlindungan._input.outputs.safe_csv_row`), and every NIK masked
when asked (:func:`~perlindungan.regional._nik.mask_niks`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from perlindungan._input.files import os_reason
from perlindungan._input.outputs import cannot_write, check_not_input, safe_csv_row, write_output
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError
from perlindungan.regional._nik import mask_niks

if TYPE_CHECKING:
    from perlindungan.regional._run import RunResult

__all__ = [
    "FILES",
    "PERSONAL",
    "json_text",
    "make_folder",
    "mask_files",
    "mask_json_text",
    "output_files",
    "run_texts",
    "workbook_from_folder",
    "write_run_files",
    "write_run_workbook",
]

#: The files of a run folder, in the order they are written.
FILES: Final = ("decisions.csv", "allocation.csv", "budget.csv", "result.json", "report.txt")
#: Files that hold people's data (ids, reasons, row errors): masked by ``mask_nik``.
PERSONAL: Final = frozenset({"decisions.csv", "allocation.csv", "result.json", "report.txt"})
#: The sheets of a workbook and the file each one holds.
SHEETS: Final = (
    ("decisions", "decisions.csv"),
    ("allocation", "allocation.csv"),
    ("budget", "budget.csv"),
    ("report", "report.txt"),
)
#: Rows of an Excel sheet, the header included.
MAX_SHEET_ROWS: Final = 1_048_576
#: Columns written as numbers in a workbook (a whole number in the CSV text).
_NUMBER_COLUMNS: Final = frozenset({"row", "rank", "per_month", "per_year", "one_off"})
_WHOLE: Final = re.compile(r"-?[0-9]{1,15}")
#: A JSON string token (json.dumps never puts a raw line break inside one).
_JSON_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"')


def mask_json_text(text: str) -> str:
    """JSON text with every NIK inside its strings masked (keys and values); numbers, such
    as budget amounts, are never touched."""
    return _JSON_STRING.sub(lambda m: mask_niks(m.group(0)), text)


def json_text(result: RunResult, locale: str = "id_ID", *, mask_nik: bool = False) -> str:
    """The JSON text of the run (:meth:`RunResult.to_json`), NIKs masked when asked."""
    text = result.to_json(locale)
    return mask_json_text(text) if mask_nik else text


def run_texts(
    result: RunResult, locale: str = "id_ID", *, mask_nik: bool = False
) -> dict[str, str]:
    """The text of each file of :data:`FILES`; with ``mask_nik`` every NIK in the files
    that hold people's data is masked."""
    texts = {
        "decisions.csv": result.to_csv(locale),
        "allocation.csv": result.allocation_csv(locale),
        "budget.csv": result.budget_csv(locale),
        "result.json": result.to_json(locale) + "\n",
        "report.txt": result.report(locale) + "\n",
    }
    if mask_nik:
        texts = {name: _masked(name, text) for name, text in texts.items()}
    return texts


def _masked(name: str, text: str) -> str:
    if name not in PERSONAL:
        return text
    return mask_json_text(text) if name.endswith(".json") else mask_niks(text)


def write_run_files(
    result: RunResult,
    folder: str | Path,
    locale: str = "id_ID",
    *,
    inputs: Sequence[str | Path] = (),
    mask_nik: bool = False,
) -> list[Path]:
    """Write the files of :data:`FILES` into ``folder`` (created if needed); the paths
    written. Nothing is written when one of them would overwrite an input."""
    target = Path(folder)
    texts = run_texts(result, locale, mask_nik=mask_nik)
    for name in texts:
        check_not_input(target / name, inputs)
    return [write_output(target / name, text, inputs=inputs) for name, text in texts.items()]


def mask_files(paths: Iterable[str | Path]) -> None:
    """Mask every NIK in output files already written (those of :data:`PERSONAL`; others
    are left alone), line by line: for a roster of any length, and the same text as
    :func:`write_run_files` with ``mask_nik=True`` gives."""
    for given in paths:
        path = Path(given)
        if path.name not in PERSONAL:
            continue
        scratch = path.with_name(path.name + ".masking")
        try:
            with (
                path.open(encoding="utf-8", newline="") as source,
                scratch.open("w", encoding="utf-8", newline="") as out,
            ):
                for line in source:
                    out.write(_masked(path.name, line))
            scratch.replace(path)
        except OSError as exc:
            scratch.unlink(missing_ok=True)
            raise InvalidInputError(
                Message(
                    "cannot mask {target}: {reason}.",
                    target=repr(str(path)),
                    reason=os_reason(exc),
                ),
                field="output",
            ) from None


def _sheet(header: list[str], rows: Iterable[list[str]], name: str) -> Iterator[list[object]]:
    """The rows of one sheet: whole numbers in the number columns as numbers, empty cells
    empty, every other cell its text; refused past the rows a sheet holds."""
    numeric = [h in _NUMBER_COLUMNS for h in header]
    for count, row in enumerate(rows, start=2):
        if count > MAX_SHEET_ROWS:
            raise InvalidInputError(
                Message(
                    "the {name} sheet would have more than {limit:,} rows, the most an .xlsx "
                    "sheet holds; write CSV files instead (--output FOLDER/).",
                    name=name,
                    limit=MAX_SHEET_ROWS,
                ),
                field="output",
            )
        yield [
            None
            if value == ""
            else int(value)
            if i < len(numeric) and numeric[i] and _WHOLE.fullmatch(value)
            else value
            for i, value in enumerate(row)
        ]


def _csv_sheet(name: str, lines: Iterable[str]) -> tuple[str, list[str], Iterator[list[object]]]:
    reader = csv.reader(lines)
    header = next(reader, [])
    return name, header, _sheet(header, reader, name)


def _report_sheet(lines: Iterable[str]) -> tuple[str, list[str], Iterator[list[object]]]:
    rows = ([str(c) for c in safe_csv_row([line.rstrip("\n")])] for line in lines)
    return "report", ["report"], _sheet(["report"], rows, "report")


def _save_workbook(
    path: str | Path,
    sheets: Iterable[tuple[str, list[str], Iterator[list[object]]]],
    inputs: Sequence[str | Path],
) -> Path:
    # the xlsx writer is for the openpyxl extra (and imports zipfile)
    from perlindungan._input.xlsx import save_workbook  # noqa: PLC0415

    target = Path(path)
    check_not_input(target, inputs)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise IsADirectoryError(21, "it is a folder")
        save_workbook(sheets, target)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    return target


def write_run_workbook(
    result: RunResult,
    path: str | Path,
    locale: str = "id_ID",
    *,
    inputs: Sequence[str | Path] = (),
    mask_nik: bool = False,
) -> Path:
    """Write one ``.xlsx`` workbook (the ``xlsx`` extra) with the sheets ``decisions``,
    ``allocation`` and ``budget`` (the CSV files' cells: codes beside labels, formula-like
    text escaped and stored as text) and ``report`` (one line of the text report per row)."""
    texts = run_texts(result, locale, mask_nik=mask_nik)
    sheets = [
        _csv_sheet(name, io.StringIO(texts[file]))
        if file.endswith(".csv")
        else _report_sheet(io.StringIO(texts[file]))
        for name, file in SHEETS
    ]
    return _save_workbook(path, sheets, inputs)


def workbook_from_folder(
    folder: str | Path, path: str | Path, *, inputs: Sequence[str | Path] = ()
) -> Path:
    """The workbook of :func:`write_run_workbook` made from the files of a run folder
    (``decisions.csv``, ``allocation.csv``, ``budget.csv``, ``report.txt``) read row by
    row: for rosters evaluated chunk by chunk. Mask the files first (:func:`mask_files`)
    for a masked workbook."""
    source = Path(folder)
    handles = [(source / file).open(encoding="utf-8", newline="") for _, file in SHEETS]
    try:
        sheets = [
            _csv_sheet(name, handle) if file.endswith(".csv") else _report_sheet(handle)
            for (name, file), handle in zip(SHEETS, handles, strict=True)
        ]
        return _save_workbook(path, sheets, inputs)
    finally:
        for handle in handles:
            handle.close()


def output_files(
    target: Path, files: Collection[str] | None, sources: Sequence[str | Path]
) -> tuple[str, ...]:
    """The files to write (``files``, default all five, in their fixed order), none of
    them over one of ``sources``."""
    wanted = FILES if files is None else tuple(f for f in FILES if f in set(files))
    unknown = sorted(set(files or ()) - set(FILES))
    if unknown:
        raise InvalidInputError(
            Message(
                "files: unknown file {name}; the files are {files}.",
                name=repr(unknown[0]),
                files=", ".join(FILES),
            ),
            field="files",
        )
    for name in wanted:
        check_not_input(target / name, sources)
    return wanted


def make_folder(target: Path) -> None:
    """Create the output folder (and its parents) if needed."""
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(target, exc) from None
