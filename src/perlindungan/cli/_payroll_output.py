"""``perlindungan payroll --output``: the result written to a file, a CSV file or an Excel
workbook.

A file ending in ``.csv`` gets CSV for a spreadsheet (:func:`payroll_csv`): the
``workers`` columns below and ``error``, one line per payroll row.

The workbook (the ``xlsx`` extra) has three sheets: ``workers`` (one row per worker: row,
id, name, category, then one column per payer code with whole rupiah, ``billed`` and
``government``), ``errors`` (row, id, field, message) and ``totals`` (payer, amount; then ``billed``, what
every payer but the central government pays).
Codes head the columns; text from the payroll (ids, names) is formula-escaped as in every
CSV output and stored as text; NIKs are masked with ``--mask-nik``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from perlindungan._input.outputs import cannot_write, check_not_input, safe_csv_row
from perlindungan._message import localized
from perlindungan.payroll import PayrollResult
from perlindungan.programs import Payer

__all__ = ["payroll_csv", "write_payroll_workbook"]


def _workers(
    result: PayrollResult, text: Callable[[object], object]
) -> tuple[list[str], list[list[object]]]:
    """The ``workers`` sheet: its header and one row per computed worker."""
    payers = [p for p in Payer if p in result.totals() and p is not Payer.GOVERNMENT]
    workers = []
    for entry, quote in result.quotes:
        per_payer = quote.totals()
        billed = sum(int(a) for p, a in per_payer.items() if p is not Payer.GOVERNMENT)
        workers.append(
            [
                entry.row,
                *safe_csv_row([text(entry.id), text(entry.name)]),
                quote.worker.category.value,
                *(int(per_payer[p]) if p in per_payer else 0 for p in payers),
                billed,
                int(per_payer.get(Payer.GOVERNMENT, 0)),
            ]
        )
    header = ["row", "id", "name", "category", *(p.value for p in payers), "billed", "government"]
    return header, workers


def write_payroll_workbook(
    result: PayrollResult,
    path: str | Path,
    *,
    inputs: Sequence[str | Path] = (),
    shown: Callable[[str], str] = str,
) -> Path:
    """Write the workbook; ``shown`` is applied to every text cell (NIK masking)."""
    # the xlsx writer is for the openpyxl extra (and imports zipfile)
    from perlindungan._input.xlsx import save_workbook  # noqa: PLC0415

    def text(value: object) -> object:
        return shown(value) if isinstance(value, str) else value

    header, workers = _workers(result, text)
    errors = [
        [e.row, *safe_csv_row([text(e.id), e.field or "", text(e.message)])] for e in result.errors
    ]
    totals = [[p.value, int(a)] for p, a in result.totals().items()]
    totals.append(["billed", int(result.billed())])
    target = Path(path)
    check_not_input(target, inputs)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        save_workbook(
            [
                ("workers", header, iter(workers)),
                ("errors", ["row", "id", "field", "message"], iter(errors)),
                ("totals", ["payer", "amount"], iter(totals)),
            ],
            target,
        )
    except OSError as exc:
        raise cannot_write(path, exc) from None
    return target


def payroll_csv(result: PayrollResult, locale: str, shown: Callable[[str], str] = str) -> str:
    """CSV for a spreadsheet: the ``workers`` columns and ``error``, one line per payroll row
    in row order (a refused row has its error and no amounts); every text cell from the
    payroll is escaped so that a spreadsheet never reads it as a formula."""

    def text(value: object) -> object:
        return shown(value) if isinstance(value, str) else value

    header, workers = _workers(result, text)
    keyed: list[tuple[int, list[object]]] = [
        (entry.row, [*row, ""]) for (entry, _), row in zip(result.quotes, workers, strict=True)
    ]
    blanks = [""] * (len(header) - 2)
    for e in result.errors:
        message = localized(e.message, locale)
        keyed.append((e.row, [e.row, *safe_csv_row([text(e.id), *blanks, text(message)])]))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([*header, "error"])
    for _, row in sorted(keyed, key=lambda item: item[0]):
        w.writerow(row)
    return out.getvalue()
