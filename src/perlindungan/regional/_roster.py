"""Rosters: applicants from CSV or JSON lines; decisions, allocation and budget out.

Columns (CSV header or JSON keys; an empty cell or a missing key means "unknown"):

``id, name, role, domicile, ktp_region, birth_date, category, income, covered_as_pu,
documents, membership_months, sub_region, activity_id, activity_value, application_date``

``documents`` is a list separated by ``;`` (in JSON also a list); ``covered_as_pu`` is
``true``/``false`` (also ``ya``/``tidak``, ``1``/``0``). A row that cannot be read becomes a
:class:`RowError` with its row number (the CSV header is row 1; JSON lines count from 1)
and the reason: no row is ever dropped.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from perlindungan._suggest import did_you_mean
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.regional._person import DOCUMENTS, FACTS, Person, canonical_role, unknown_role
from perlindungan.regional._roster_facts import NEW_FACTS as _NEW_FACTS
from perlindungan.regional._roster_facts import with_nik as _with_nik
from perlindungan.workers import Category

__all__ = ["RosterRow", "RowError", "person_from_dict", "read_roster", "read_roster_text"]

_TRUE: Final = {"true", "ya", "yes", "1", "y"}
_FALSE: Final = {"false", "tidak", "no", "0", "n"}
#: Largest roster row count read (bounds memory on untrusted input).
MAX_ROWS: Final = 1_000_000


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
    try:
        n = int(str(v).strip())
    except ValueError:
        raise InvalidInputError(f"{field} must be a whole number, got {v!r}", field=field) from None
    if n < 0:
        raise InvalidInputError(f"{field} must be 0 or more, got {v!r}", field=field)
    return n


def _money(field: str, v: object) -> Rupiah:
    text = str(v).strip().replace("_", "")
    if not text.isdigit():
        raise InvalidInputError(
            f"{field} must be whole rupiah such as 1000000, got {v!r}", field=field
        )
    return Rupiah(int(text))


def person_from_dict(data: Mapping[str, Any]) -> Person:
    """A person from a mapping of columns; :class:`InvalidInputError` names the bad field."""
    for key in data:
        if key not in FACTS:
            raise InvalidInputError(
                f"unknown column {key!r}; {did_you_mean(str(key), FACTS)}", field=key
            )
    if _blank(data.get("id")):
        raise InvalidInputError("id is required", field="id")
    values: dict[str, Any] = {"id": str(data["id"]).strip()}
    for key in FACTS[1:]:
        raw = data.get(key)
        if _blank(raw):
            continue
        if key in ("name", "sub_region", "activity_id", "domicile", "ktp_region", "occupation"):
            values[key] = str(raw).strip()
        elif key == "role":
            role = canonical_role(str(raw))
            if role is None:
                raise InvalidInputError(unknown_role(str(raw).strip()), field=key)
            values[key] = role
        elif key in _NEW_FACTS:
            values[key] = _NEW_FACTS[key](raw)
        elif key == "category":
            cat = str(raw).strip()
            if cat not in {c.value for c in Category}:
                raise InvalidInputError(
                    f"unknown category {cat!r}; {did_you_mean(cat, [c.value for c in Category])}",
                    field=key,
                )
            values[key] = cat
        elif key in ("birth_date", "application_date"):
            values[key] = to_date(raw if not isinstance(raw, str) else raw.strip(), field=key)
        elif key in ("income", "activity_value"):
            values[key] = _money(key, raw)
        elif key == "membership_months":
            values[key] = _int(key, raw)
        elif key == "covered_as_pu":
            text = str(raw).strip().lower()
            if isinstance(raw, bool):
                values[key] = raw
            elif text in _TRUE or text in _FALSE:
                values[key] = text in _TRUE
            else:
                raise InvalidInputError(
                    f"covered_as_pu must be true or false, got {raw!r}", field=key
                )
        else:  # documents
            items = raw if isinstance(raw, list) else str(raw).split(";")
            docs = frozenset(str(d).strip() for d in items if str(d).strip())
            for d in sorted(docs):
                if d not in DOCUMENTS:
                    raise InvalidInputError(
                        f"unknown document {d!r}; {did_you_mean(d, DOCUMENTS)}", field=key
                    )
            values[key] = docs
    return _with_nik(values)


def _row(number: int, data: Mapping[str, Any]) -> RosterRow:
    try:
        return RosterRow(number, person_from_dict(data), None)
    except InvalidInputError as exc:
        ident = "" if _blank(data.get("id")) else str(data.get("id"))
        return RosterRow(number, None, RowError(number, ident, exc.message, exc.field))


def read_roster_text(text: str, *, jsonl: bool = False) -> Iterator[RosterRow]:
    """Rows from CSV text (header first) or JSON lines."""
    if jsonl:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RosterRow(number, None, RowError(number, "", f"not valid JSON: {exc.msg}"))
                continue
            if not isinstance(data, dict):
                yield RosterRow(
                    number, None, RowError(number, "", "each line must be a JSON object")
                )
                continue
            yield _row(number, data)
        return
    reader = csv.DictReader(io.StringIO(text))
    for number, record in enumerate(reader, start=2):
        if number > MAX_ROWS:
            yield RosterRow(
                number,
                None,
                RowError(
                    number, "", f"roster has more than {MAX_ROWS:,} rows; the rest is refused"
                ),
            )
            return
        extra = record.pop(None, None)
        if extra:
            yield RosterRow(
                number,
                None,
                RowError(number, record.get("id") or "", "more cells than columns in the header"),
            )
            continue
        yield _row(number, record)


def read_roster(path: str | Path) -> list[RosterRow]:
    """Rows of a roster file: ``.jsonl`` / ``.ndjson`` is JSON lines, anything else CSV."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InvalidInputError(
            f"cannot read roster {str(path)!r}: {exc.strerror}.", field="roster"
        ) from None
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"roster {str(path)!r} is not UTF-8 text.", field="roster"
        ) from None
    return list(read_roster_text(text, jsonl=p.suffix.lower() in {".jsonl", ".ndjson"}))
