"""A payroll: many workers from a CSV file, their contributions and totals per payer.

Every input row gives either a quote or a :class:`RowError` with its row number and
the reason: a row is never dropped. CSV columns (empty cells mean "not given"):

``id, name, category, wage, risk_class, birth_date, income, with_jht, jht_amount,
contract_value, contract_months, employer_sector, employer_workers, sector, paid_by``
(``sector`` and ``paid_by`` are a non-wage earner's: their sector and who pays).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Final

import attrs

from perlindungan._i18n import N_
from perlindungan._input.flags import flag_cell
from perlindungan._input.limits import MAX_COUNT
from perlindungan._input.numbers import whole_number
from perlindungan._input.table import Table, read_table, table_from_text
from perlindungan._input.text import display_text, key_text
from perlindungan._message import Message
from perlindungan._serialise import Serialisable
from perlindungan.contributions import Quote, contributions
from perlindungan.dates import DateLike, to_date
from perlindungan.errors import InvalidInputError, PerlindunganError
from perlindungan.money import Rupiah
from perlindungan.programs import Payer
from perlindungan.workers import Worker, worker_from_dict

__all__ = [
    "COLUMNS",
    "PayrollEntry",
    "PayrollResult",
    "RowError",
    "bundled_payroll",
    "payroll_contributions",
    "read_payroll_csv",
]

#: The columns of a payroll CSV file; ``id`` and ``category`` are required.
COLUMNS: Final = (
    "id",
    "name",
    "category",
    "wage",
    "risk_class",
    "birth_date",
    "income",
    "with_jht",
    "jht_amount",
    "contract_value",
    "contract_months",
    "employer_sector",
    "employer_workers",
    "sector",
    "paid_by",
)


@attrs.frozen
class PayrollEntry:
    """One worker of a payroll."""

    row: int
    id: str
    name: str
    worker: Worker


@attrs.frozen
class RowError:
    """A row that could not be computed: its number (header is row 1), id and reason."""

    row: int
    id: str
    message: str
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"row", "id", "field", "message"}``."""
        return {"row": self.row, "id": self.id, "field": self.field, "message": self.message}


def _worker_dict(record: Mapping[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key in (
        "category",
        "wage",
        "risk_class",
        "birth_date",
        "income",
        "jht_amount",
        "contract_value",
        "contract_months",
        "sector",
        "paid_by",
    ):
        cell = (record.get(key) or "").strip()
        if cell:
            data[key] = cell
    jht = (record.get("with_jht") or "").strip()
    if jht:
        data["with_jht"] = flag_cell(jht, field="with_jht")
    sector = (record.get("employer_sector") or "").strip()
    workers = (record.get("employer_workers") or "").strip()
    if sector or workers:
        employer: dict[str, Any] = {}
        if sector:
            employer["sector"] = sector
        if workers:
            employer["workers"] = whole_number(
                workers, field="employer_workers", maximum=MAX_COUNT, what=N_("workers")
            )
        data["employer"] = employer
    if data.get("category") == "migrant" and "with_jht" in data and not data["with_jht"]:
        data.pop("with_jht")
    return data


def read_payroll_csv(
    source: str | Path | Iterable[str], *, delimiter: str | None = None
) -> Iterator[PayrollEntry | RowError]:
    """Read a payroll CSV (a path, ``.xlsx`` too, or lines of text), row by row; ``row`` is
    the file line. Problems of the whole file (an unknown or duplicate column) raise one
    :class:`InvalidInputError`."""
    if isinstance(source, (str, Path)):
        table = read_table(
            source,
            delimiter=delimiter,
            columns=COLUMNS,
            required=("category",),
            what="payroll file",
            label=N_("payroll file"),
        )
    else:
        table = table_from_text(
            "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in source),
            name="payroll CSV",
            delimiter=delimiter,
            columns=COLUMNS,
            required=("category",),
        )
    return _entries(table)


def _entries(table: Table) -> Iterator[PayrollEntry | RowError]:
    for record in table.records():
        number = record.line
        ident = record.key or f"row-{number}"
        if record.problem is not None or record.cells is None:
            problem = record.problem or InvalidInputError("the row cannot be read")
            yield RowError(number, ident, problem.message, problem.field)
            continue
        try:
            cells = record.cells
            ident = key_text(cells["id"], field="id") if (cells.get("id") or "").strip() else ident
            name = display_text(cells.get("name") or "", field="name")
            worker = worker_from_dict(_worker_dict(cells), prefix="")
        except PerlindunganError as exc:
            yield RowError(number, ident, _message(exc), getattr(exc, "field", None))
            continue
        yield PayrollEntry(number, ident, name, worker)


def _message(exc: PerlindunganError) -> str:
    """The error's message on one line; a :class:`~perlindungan._message.Message` is kept
    whole, so that the command line shows it in the language asked."""
    message = exc.message if isinstance(exc, InvalidInputError) else str(exc)
    return message if isinstance(message, Message) else " ".join(message.split())


def bundled_payroll() -> list[PayrollEntry | RowError]:
    """The sample payroll bundled with the package (workers of every category)."""
    text = (resources.files("perlindungan") / "data" / "samples" / "payroll.csv").read_text("utf-8")
    return list(
        _entries(table_from_text(text, name="payroll.csv", columns=COLUMNS, required=("category",)))
    )


@attrs.frozen
class PayrollResult(Serialisable):
    """Quotes per entry, row errors, and totals per payer."""

    on: Any
    quotes: tuple[tuple[PayrollEntry, Quote], ...]
    errors: tuple[RowError, ...]

    def totals(self) -> dict[Payer, Rupiah]:
        """Billed amount per payer over the whole payroll."""
        sums: dict[Payer, Rupiah] = {}
        for _entry, quote in self.quotes:
            for payer, amount in quote.totals().items():
                sums[payer] = sums.get(payer, Rupiah.zero()) + amount
        order = list(Payer)
        return dict(sorted(sums.items(), key=lambda kv: order.index(kv[0])))

    def billed(self) -> Rupiah:
        """What is billed to the payroll's payers: every payer except the central
        government, whose JKP share BPJS books from the state budget (no employer pays it)."""
        return sum(
            (a for p, a in self.totals().items() if p is not Payer.GOVERNMENT), Rupiah.zero()
        )

    def government(self) -> Rupiah:
        """The central government's share (JKP), shown apart from what is billed."""
        return self.totals().get(Payer.GOVERNMENT, Rupiah.zero())

    @property
    def rows(self) -> int:
        """How many rows were read (computed plus errors)."""
        return len(self.quotes) + len(self.errors)

    def to_dict(self) -> dict[str, Any]:
        """JSON form, as ``perlindungan payroll --json`` prints it: every worker's quote,
        row errors, totals per payer, what is billed and the government's share apart."""
        return {
            "on": self.on.isoformat(),
            "rows": self.rows,
            "workers": [
                {"row": e.row, "id": e.id, "name": e.name, **q.to_dict()} for e, q in self.quotes
            ],
            "errors": [e.to_dict() for e in self.errors],
            "totals": {p.value: int(a) for p, a in self.totals().items()},
            "billed": int(self.billed()),
            "government": int(self.government()),
        }


def payroll_contributions(
    entries: Sequence[PayrollEntry | RowError], *, on: DateLike
) -> PayrollResult:
    """Contributions for every entry on ``on``; bad rows become errors, never dropped."""
    day = to_date(on)
    quotes = []
    errors = [e for e in entries if isinstance(e, RowError)]
    for entry in entries:
        if isinstance(entry, RowError):
            continue
        try:
            quotes.append((entry, contributions(entry.worker, on=day)))
        except PerlindunganError as exc:
            errors.append(RowError(entry.row, entry.id, _message(exc), getattr(exc, "field", None)))
    return PayrollResult(
        on=day, quotes=tuple(quotes), errors=tuple(sorted(errors, key=lambda e: e.row))
    )
