"""``perlindungan payroll --output``: the result written to a file, or to an Excel workbook.

The workbook (the ``xlsx`` extra) has three sheets: ``workers`` (one row per worker: row,
id, name, category, then one column per payer code with whole rupiah, ``billed`` and
``government``), ``errors`` (row, id, field, message) and ``totals`` (payer, amount; then ``billed``, what
every payer but the central government pays).
Codes head the columns; text from the payroll (ids, names) is formula-escaped as in every
CSV output and stored as text; NIKs are masked with ``--mask-nik``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from perlindungan._input.files import os_reason
from perlindungan._input.outputs import check_not_input, safe_csv_row
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError
from perlindungan.payroll import PayrollResult
from perlindungan.programs import Payer

__all__ = ["write_payroll_workbook"]


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
    errors = [
        [e.row, *safe_csv_row([text(e.id), e.field or "", text(e.message)])] for e in result.errors
    ]
    totals = [[p.value, int(a)] for p, a in result.totals().items()]
    totals.append(["billed", int(result.billed())])
    header = ["row", "id", "name", "category", *(p.value for p in payers), "billed", "government"]
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
        raise InvalidInputError(
            Message(
                "cannot write {target}: {reason}.", target=repr(str(path)), reason=os_reason(exc)
            ),
            field="output",
        ) from None
    return target
