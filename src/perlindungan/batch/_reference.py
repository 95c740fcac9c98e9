"""The pure-Python path: each row through the scalar API, exactly as one worker would go.

This path needs nothing beyond the core package. The vectorised path sends here every
row it does not cover (construction, migrant, unusual cells), so every amount is the
scalar API's amount and every refused row carries the scalar API's message.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any, Final

from perlindungan.batch._columns import INPUT_COLUMNS, Columns, cell
from perlindungan.contributions import Quote, contribution_date, contributions
from perlindungan.errors import InvalidInputError, PerlindunganError
from perlindungan.programs import Payer, Program
from perlindungan.workers import worker_from_dict

__all__ = [
    "AMOUNT_COLUMNS",
    "PAIRS",
    "TOTAL_COLUMNS",
    "RowError",
    "lazy_error",
    "quote_row",
    "row_amounts",
    "row_date",
    "row_problem",
    "worker_dict",
]

#: (program, payer) pairs the contributions engine bills, in output column order.
PAIRS: Final = (
    (Program.JKK, Payer.EMPLOYER),
    (Program.JKK, Payer.WORKER),
    (Program.JKM, Payer.EMPLOYER),
    (Program.JKM, Payer.WORKER),
    (Program.JHT, Payer.EMPLOYER),
    (Program.JHT, Payer.WORKER),
    (Program.JP, Payer.EMPLOYER),
    (Program.JP, Payer.WORKER),
    (Program.JKP, Payer.GOVERNMENT),
)
#: Output amount columns: ``<program>_<payer>`` in lower case, such as ``jp_worker``.
AMOUNT_COLUMNS: Final = tuple(f"{p.value.lower()}_{payer.value}" for p, payer in PAIRS)
#: Totals per payer, then the grand total.
TOTAL_COLUMNS: Final = ("total_employer", "total_worker", "total_government", "total")
_INDEX: Final = {pair: i for i, pair in enumerate(PAIRS)}


class RowError:
    """A refused row: its index (from 0), the message and the field, and its file line
    when the rows came from a file (``line``).

    A row the numpy path finds refused gets its message only when ``message`` or
    ``field`` is first read: the scalar API's own error for that row, so the text is the
    one-worker API's, and a batch with refused rows costs no scalar call until then.
    """

    __slots__ = ("_field", "_message", "_resolve", "line", "row")

    def __init__(
        self,
        row: int,
        message: str | None = None,
        field: str | None = None,
        *,
        line: int | None = None,
        resolve: Callable[[], tuple[str, str | None]] | None = None,
    ) -> None:
        if message is None and resolve is None:
            msg = "a RowError needs a message or a way to build it"
            raise TypeError(msg)
        self.row = row
        self.line = line
        self._message = message
        self._field = field
        self._resolve = resolve

    def _built(self) -> None:
        if self._message is None:
            assert self._resolve is not None
            self._message, self._field = self._resolve()
            self._resolve = None

    @property
    def message(self) -> str:
        """What is wrong with the row, as the scalar API says it."""
        self._built()
        assert self._message is not None
        return self._message

    @property
    def field(self) -> str | None:
        """The field the message is about, when it is about one."""
        self._built()
        return self._field

    def moved(self, row: int, line: int | None = None) -> RowError:
        """The same error for row ``row`` (and file line ``line``); a message not yet
        built stays so (and keeps the batch's input until it is built)."""
        moved = RowError(row, "", line=self.line if line is None else line)
        moved._message, moved._field, moved._resolve = self._message, self._field, self._resolve
        return moved

    def _key(self) -> tuple[int, str, str | None, int | None]:
        return (self.row, self.message, self.field, self.line)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RowError):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        line = "" if self.line is None else f", line={self.line}"
        return f"RowError(row={self.row}, message={self.message!r}, field={self.field!r}{line})"


#: The columns copied as they are into the worker object (employer facts are nested).
_PLAIN: Final = tuple(
    c for c in INPUT_COLUMNS if c not in {"id", "name", "on", "employer_sector", "employer_workers"}
)


def worker_dict(columns: Columns, index: int) -> dict[str, Any]:
    """The JSON-contract worker object of one row (cells not given are left out)."""
    data: dict[str, Any] = {}
    for key in _PLAIN:
        values = columns.get(key)
        if values is not None:
            value = cell(values, index)
            if value is not None:
                data[key] = value
    employer: dict[str, Any] = {}
    for key, field in (("employer_sector", "sector"), ("employer_workers", "workers")):
        values = columns.get(key)
        if values is not None:
            value = cell(values, index)
            if value is not None:
                employer[field] = value
    if employer:
        data["employer"] = employer
    return data


def row_date(columns: Columns, index: int, default: _dt.date | None) -> _dt.date:
    """The date row ``index`` is for: its ``on`` cell when given, else ``default``."""
    values = columns.get("on")
    given = None if values is None else cell(values, index)
    if given is None:
        if default is None:
            raise InvalidInputError(
                "on must be given, as the on= argument or in the row's on column: an ISO "
                "date such as 2025-06-01.",
                field="on",
            )
        return default
    return contribution_date(given)


def quote_row(columns: Columns, index: int, on: _dt.date | None) -> Quote:
    """The scalar API's quote for one row, for its own date (its ``on`` cell) or ``on``
    (raises the scalar API's error for a refused row: the worker's first, as
    ``contributions(worker_from_dict(...), on=...)`` would, then the date's)."""
    worker = worker_from_dict(worker_dict(columns, index), prefix="")
    return contributions(worker, on=row_date(columns, index, on))


def row_problem(columns: Columns, index: int, on: _dt.date | None) -> tuple[str, str | None]:
    """The scalar API's message and field for a row it refuses."""
    try:
        quote_row(columns, index, on)
    except PerlindunganError as exc:
        return str(exc), getattr(exc, "field", None)
    msg = f"row {index} was taken as refused, but the scalar API computes it"
    raise AssertionError(msg)


def lazy_error(columns: Columns, index: int, on: _dt.date | None) -> RowError:
    """The error of a row known to be refused, its message built when first read."""
    return RowError(index, resolve=lambda: row_problem(columns, index, on))


def row_amounts(
    columns: Columns, index: int, on: _dt.date | None
) -> tuple[list[int], None] | tuple[None, RowError]:
    """The amount columns of one row (program/payer amounts, then totals) or its error."""
    try:
        quote = quote_row(columns, index, on)
    except PerlindunganError as exc:
        return None, RowError(index, str(exc), getattr(exc, "field", None))
    amounts = [0] * (len(PAIRS) + len(TOTAL_COLUMNS))
    for line in quote.lines:
        position = _INDEX.get((line.program, line.payer))
        if position is None:  # pragma: no cover - guarded by the property tests
            msg = f"no batch column for {line.program.value} paid by {line.payer.value}"
            raise AssertionError(msg)
        value = int(line.amount)
        amounts[position] += value
        payer_column = {Payer.EMPLOYER: 0, Payer.WORKER: 1, Payer.GOVERNMENT: 2}[line.payer]
        amounts[len(PAIRS) + payer_column] += value
        amounts[-1] += value
    return amounts, None


def reference_rows(
    columns: Columns, rows: Sequence[int], on: _dt.date | None
) -> tuple[dict[int, list[int]], list[RowError]]:
    """Amounts of the given rows through the scalar API, and the refused rows."""
    done: dict[int, list[int]] = {}
    errors: list[RowError] = []
    for index in rows:
        amounts, error = row_amounts(columns, index, on)
        if error is not None:
            errors.append(error)
        else:
            assert amounts is not None
            done[index] = amounts
    return done, errors
