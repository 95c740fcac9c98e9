"""The output files of a roster run: the folder of CSV, JSON and text files, the Excel
workbook, and NIK masking (``--mask-nik``) over all of them.

Every writer starts from the texts of :func:`run_texts`, so the folder, the workbook and
stdout carry the same cells: formula-like input text escaped as in the CSV files (see
:func:`~perlindungan._input.outputs.safe_csv_row`), and every NIK masked when asked
(:func:`~perlindungan.regional._nik.mask_niks`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from perlindungan._input.outputs import check_not_input, safe_csv_row, write_output
from perlindungan.regional._nik import mask_niks, mask_niks_in

if TYPE_CHECKING:
    from perlindungan.regional._run import RunResult

__all__ = [
    "FILES",
    "csv_sheet",
    "json_text",
    "run_texts",
    "write_run_files",
    "write_run_workbook",
]

#: The files of a run folder, in the order they are written.
FILES: Final = ("decisions.csv", "allocation.csv", "budget.csv", "result.json", "report.txt")
#: Files that hold people's data (ids, reasons, row errors): masked by ``mask_nik``.
PERSONAL: Final = frozenset({"decisions.csv", "allocation.csv", "result.json", "report.txt"})
#: Columns written as numbers in a workbook (a whole number in the CSV text).
_NUMBER_COLUMNS: Final = frozenset({"row", "rank", "per_month", "per_year", "one_off"})
_WHOLE: Final = re.compile(r"-?[0-9]{1,15}")


def json_text(result: RunResult, locale: str = "id_ID", *, mask_nik: bool = False) -> str:
    """The JSON text of the run (:meth:`RunResult.to_json`); with ``mask_nik`` every NIK in
    its strings is masked (numbers are never touched)."""
    if not mask_nik:
        return result.to_json(locale)
    return json.dumps(mask_niks_in(result.to_dict(locale)), ensure_ascii=False, indent=2)


def run_texts(
    result: RunResult, locale: str = "id_ID", *, mask_nik: bool = False
) -> dict[str, str]:
    """The text of each file of :data:`FILES`; with ``mask_nik`` every NIK in the files
    that hold people's data is masked."""
    texts = {
        "decisions.csv": result.to_csv(locale),
        "allocation.csv": result.allocation_csv(locale),
        "budget.csv": result.budget_csv(),
        "result.json": json_text(result, locale, mask_nik=mask_nik) + "\n",
        "report.txt": result.report(locale) + "\n",
    }
    if mask_nik:
        masked = PERSONAL - {"result.json"}  # masked string by string in json_text
        texts = {name: mask_niks(t) if name in masked else t for name, t in texts.items()}
    return texts


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


def csv_sheet(text: str) -> tuple[list[str], list[list[object]]]:
    """A CSV output text as a sheet: its header and rows, whole numbers in the number
    columns (``row``, ``rank``, amounts) as numbers, every other cell as its text."""
    lines = list(csv.reader(io.StringIO(text)))
    header, rows = (lines[0], lines[1:]) if lines else ([], [])
    numeric = [h in _NUMBER_COLUMNS for h in header]

    def cell(value: str, is_number: bool) -> object:
        if value == "":
            return None
        return int(value) if is_number and _WHOLE.fullmatch(value) else value

    return header, [
        [
            cell(v, n)
            for v, n in zip(row, numeric + [False] * (len(row) - len(numeric)), strict=False)
        ]
        for row in rows
    ]


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
    from perlindungan._input.xlsx import workbook_bytes  # noqa: PLC0415

    texts = run_texts(result, locale, mask_nik=mask_nik)
    sheets = []
    for name in ("decisions.csv", "allocation.csv", "budget.csv"):
        header, rows = csv_sheet(texts[name])
        sheets.append((name.removesuffix(".csv"), header, rows))
    report = [safe_csv_row([line]) for line in texts["report.txt"].rstrip("\n").split("\n")]
    sheets.append(("report", ["report"], report))
    check_not_input(path, inputs)
    return write_output(path, workbook_bytes(sheets), inputs=inputs)
