"""Rosters: applicants from CSV or JSON lines; decisions, allocation and budget out.

Columns (CSV header or JSON keys; an empty cell or a missing key means "unknown"):

``id, name, role, domicile, ktp_region, birth_date, category, income, covered_as_pu,
documents, membership_months, sub_region, activity_id, activity_value, application_date``

``documents`` is a list separated by ``;`` (in JSON also a list); ``covered_as_pu`` is
``true``/``false`` (also ``ya``/``tidak``, ``yes``/``no``, ``1``/``0``). A row that cannot be
read becomes a :class:`RowError` with its file line (the CSV header is line 1; JSON lines
count from 1; a workbook row is its sheet row) and the reason: no row is ever dropped, and
a person id seen on an earlier line is an error, so nobody is admitted twice. Files are
read by the input layer (:mod:`perlindungan._input.table`): CSV with ``,`` or ``;``, JSON
lines, ``.xlsx``; problems of the whole file (an unknown or duplicate column) are one
error, not one per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from perlindungan._input.dates import date_value
from perlindungan._input.flags import flag_cell
from perlindungan._input.limits import MAX_MONTHS
from perlindungan._input.limits import MAX_ROWS as _MAX_ROWS
from perlindungan._input.numbers import exact_number, whole_number
from perlindungan._input.shown import shown
from perlindungan._input.table import Record, Table, read_table, table_from_text
from perlindungan._input.text import display_text, key_text
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.regional._person import DOCUMENTS, FACTS, Person, canonical_role, unknown_role
from perlindungan.regional._roster_facts import NEW_FACTS as _NEW_FACTS
from perlindungan.regional._roster_facts import with_nik as _with_nik
from perlindungan.workers import Category

__all__ = [
    "Claims",
    "RosterRow",
    "RowError",
    "person_from_dict",
    "read_roster",
    "read_roster_text",
    "roster_chunks",
    "roster_row_blocks",
    "roster_rows",
]

#: Most data rows of a roster read at once (the header is not a row).
MAX_ROWS: Final = _MAX_ROWS


@attrs.frozen
class RowError:
    """A roster row that could not be read: row number, id (if any), field and reason."""

    row: int
    id: str
    message: str
    field: str | None = None


@attrs.frozen
class RosterRow:
    """One row: its number and either a person or an error."""

    row: int
    person: Person | None
    error: RowError | None


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _int(field: str, v: object) -> int:
    return whole_number(v, field=field, maximum=MAX_MONTHS, what="months")


def _money(field: str, v: object) -> Rupiah:
    amount = exact_number(v, field=field) if not isinstance(v, float) else None
    if amount is None or amount < 0 or amount != amount.to_integral_value():
        raise InvalidInputError(
            f"{field} must be whole rupiah such as 1000000, got {shown(v)}", field=field
        )
    return Rupiah(amount)


def person_from_dict(data: Mapping[str, Any]) -> Person:
    """A person from a mapping of columns; :class:`InvalidInputError` names the bad field."""
    for key in data:
        if key not in FACTS:
            raise InvalidInputError(
                f"unknown column {shown(key)}; {did_you_mean(str(key)[:64], FACTS)}", field=key
            )
    if _blank(data.get("id")):
        raise InvalidInputError("id is required", field="id")
    values: dict[str, Any] = {"id": key_text(data["id"], field="id")}
    for key in FACTS[1:]:
        raw = data.get(key)
        if _blank(raw):
            continue
        if key in ("name", "sub_region", "activity_id", "domicile", "ktp_region", "occupation"):
            values[key] = display_text(raw, field=key)
        elif key == "role":
            given = key_text(raw, field=key)
            role = canonical_role(given)
            if role is None:
                raise InvalidInputError(unknown_role(given), field=key)
            values[key] = role
        elif key in _NEW_FACTS:
            values[key] = _NEW_FACTS[key](raw)
        elif key == "category":
            cat = key_text(raw, field=key)
            if cat not in {c.value for c in Category}:
                raise InvalidInputError(
                    f"unknown category {cat!r}; {did_you_mean(cat, [c.value for c in Category])}",
                    field=key,
                )
            values[key] = cat
        elif key in ("birth_date", "application_date"):
            values[key] = date_value(raw, field=key)
        elif key in ("income", "activity_value"):
            values[key] = _money(key, raw)
        elif key == "membership_months":
            values[key] = _int(key, raw)
        elif key == "covered_as_pu":
            values[key] = flag_cell(raw, field=key)
        else:  # documents
            items = raw if isinstance(raw, list) else display_text(raw, field=key).split(";")
            docs = frozenset(
                key_text(d, field=key) for d in items if isinstance(d, str) and d.strip()
            )
            if any(not isinstance(d, str) for d in items):
                raise InvalidInputError(
                    "documents must be names such as 'ktp', separated by ';'", field=key
                )
            for d in sorted(docs):
                if d not in DOCUMENTS:
                    raise InvalidInputError(
                        f"unknown document {d!r}; {did_you_mean(d, DOCUMENTS)}", field=key
                    )
            values[key] = docs
    return _with_nik(values)


@attrs.define
class Claims:
    """Person ids and NIKs already used, each with the file line that used it first: a
    later line with the same id or NIK is a row error, so nobody is admitted twice."""

    ids: dict[str, int] = attrs.field(factory=dict)
    niks: dict[str, int] = attrs.field(factory=dict)
    #: True: the columnar reader claims nothing here; the caller finds the repeats itself
    #: (the out-of-core engine, in DuckDB, by the same rule).
    deferred: bool = False

    def claim_id(self, ident: str, line: int) -> RowError | None:
        """Use ``ident`` on ``line``; the row error when an earlier line used it."""
        first = self.ids.setdefault(ident, line)
        return None if first == line else self.repeated_id(ident, line, first)

    @staticmethod
    def repeated_id(ident: str, line: int, first: int) -> RowError:
        """The row error of id ``ident`` on ``line``, already used on line ``first``."""
        return RowError(
            line,
            ident,
            Message(
                "id {id} is already used on line {first}; each person once",
                id=repr(ident),
                first=first,
            ),
            "id",
        )

    def claim_nik(self, nik: str, line: int, ident: str) -> RowError | None:
        """Use ``nik`` on ``line`` (the row of person ``ident``); the row error when an
        earlier line used it."""
        first = self.niks.setdefault(nik, line)
        return None if first == line else self.repeated_nik(nik, line, first, ident)

    @staticmethod
    def repeated_nik(nik: str, line: int, first: int, ident: str) -> RowError:
        """The row error of NIK ``nik`` on ``line`` (the row of person ``ident``), already
        used on line ``first``."""
        return RowError(
            line,
            ident,
            Message(
                "nik {nik} is already used on line {first}; each person once",
                nik=nik,
                first=first,
            ),
            "nik",
        )


def _row(record: Record, claims: Claims) -> RosterRow:
    """A roster row from a table record; a person id or NIK seen on an earlier line is an
    error (a person is never admitted twice)."""
    number = record.line
    if record.problem is not None or record.cells is None:
        problem = record.problem or InvalidInputError("the row cannot be read", field=None)
        return RosterRow(number, None, RowError(number, record.key, problem.message, problem.field))
    try:
        person = person_from_dict(record.cells)
    except InvalidInputError as exc:
        return RosterRow(number, None, RowError(number, record.key, exc.message, exc.field))
    if claims.deferred:  # the caller finds the repeats (out of core)
        return RosterRow(number, person, None)
    error = claims.claim_id(person.id, number)
    if error is None and person.nik is not None:
        error = claims.claim_nik(person.nik, number, person.id)
    if error is not None:
        return RosterRow(number, None, error)
    return RosterRow(number, person, None)


def roster_rows(table: Table) -> Iterator[RosterRow]:
    """The rows of a roster table, in file order, one per record."""
    claims = Claims()
    for record in table.records():
        yield _row(record, claims)


def roster_chunks(table: Table, size: int = 65_536) -> Iterator[list[RosterRow]]:
    """The rows of a roster table in blocks of ``size`` (for streaming evaluators): each
    row keeps its file line, and a person id is refused on any later line, across blocks."""
    return roster_row_blocks(table.chunks(size))


def roster_row_blocks(
    blocks: Iterable[Sequence[Record]], claims: Claims | None = None
) -> Iterator[list[RosterRow]]:
    """The rows of blocks of roster records, block by block: each row keeps its file
    line, and a person id or NIK is refused on any later line, across blocks (``claims``
    holds the ids and NIKs used: a new one by default; deferred, it claims nothing and the
    caller finds the repeats)."""
    claims = Claims() if claims is None else claims
    for block in blocks:
        yield [_row(record, claims) for record in block]


def read_roster_text(
    text: str, *, jsonl: bool = False, delimiter: str | None = None, name: str = "<text>"
) -> Iterator[RosterRow]:
    """Rows from CSV text (header first) or JSON lines; ``row`` is the file line."""
    table = table_from_text(
        text, name=name, jsonl=jsonl, delimiter=delimiter, columns=FACTS, required=("id",)
    )
    return roster_rows(table)


def read_roster(path: str | Path, *, delimiter: str | None = None) -> list[RosterRow]:
    """Rows of a roster file: ``.jsonl`` / ``.ndjson`` is JSON lines, ``.xlsx`` a workbook
    (the ``xlsx`` extra), anything else CSV with ``,``, ``;`` or tabs (found from the
    header unless ``delimiter`` is given)."""
    table = read_table(path, delimiter=delimiter, columns=FACTS, required=("id",))
    return list(roster_rows(table))
