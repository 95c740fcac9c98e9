# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""Text cells of a roster file read as the batch columns, with the payroll reader's rules.

A CSV roster (or a text column of a Parquet one) gives every cell as text. This module
reads each column at once, with the meaning :func:`perlindungan.payroll.read_payroll_csv`
gives a cell, so a roster gives the same amounts and the same row errors streamed or
read by the payroll reader:

* spaces around a cell are dropped; a blank cell is not given;
* a number column holds ASCII integers (``-?[0-9]{1,18}``) read here; any other text
  (``"5_000_000"``, ``"1e30"``, ``"٣"``, ``"5000000.50"``) is an *odd* cell that only the
  scalar path reads, which accepts it or refuses it with the one-worker API's message;
* a date column holds ISO dates ``YYYY-MM-DD`` that exist; other text is odd;
* ``with_jht`` and ``pre_placement`` are flags in the one table vocabulary
  (:mod:`perlindungan._input.flags`), ``employer_workers`` a whole number of workers,
  ``id`` a key and ``name`` display text (:mod:`perlindungan._input.text`): a cell they
  refuse is a problem of its row, checked in the payroll reader's order (``id``,
  ``name``, ``with_jht``, ``employer_workers``) before the worker is read;
* category, sector and payer columns are text categories.

A row with a problem has no cell given (its ``id`` is kept) and is refused with that
problem's message.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
from collections.abc import Callable
from typing import Any, Final

import attrs
import numpy as np

from perlindungan._input.flags import FALSE_WORDS, TRUE_WORDS, flag_cell, flag_word
from perlindungan._input.limits import MAX_COUNT, MAX_ID_CHARS, MAX_TEXT_CHARS
from perlindungan._input.numbers import whole_number
from perlindungan._input.text import display_text, key_text
from perlindungan.batch._columns import INPUT_COLUMNS, Categorical, Days, Masked
from perlindungan.errors import InvalidInputError, PerlindunganError

__all__ = ["typed_columns"]

_INTS: Final = frozenset(
    {
        "wage",
        "risk_class",
        "income",
        "contract_value",
        "contract_months",
        "jht_amount",
        "employer_workers",
    }
)
_DATES: Final = frozenset({"birth_date", "on"})
_FLAGS: Final = ("with_jht", "pre_placement")
_TEXTS: Final = frozenset({"category", "sector", "paid_by", "employer_sector"})
#: Checks of whole cells before the worker is read, in the payroll reader's order.
_CHECKS: Final[tuple[tuple[str, Callable[[str], object]], ...]] = (
    ("id", lambda text: key_text(text, field="id")),
    ("name", lambda text: display_text(text, field="name")),
    ("with_jht", lambda text: flag_cell(text, field="with_jht")),
    ("pre_placement", lambda text: flag_cell(text, field="pre_placement")),
    (
        "employer_workers",
        lambda text: whole_number(
            text, field="employer_workers", maximum=MAX_COUNT, what="workers"
        ),
    ),
)


_INTEGER: Final = re.compile(r"-?[0-9]{1,18}")
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EPOCH: Final = _dt.date(1970, 1, 1)


def _numpy(array: Any, fill: Any) -> Any:
    """A writable numpy copy of an Arrow array, ``fill`` for nulls."""
    return np.array(array.fill_null(fill).to_numpy(zero_copy_only=False))


def _texts(array: Any, where: Any) -> dict[int, str]:
    """The cells of ``array`` at the rows where ``where`` is true, by row."""
    import pyarrow as pa  # noqa: PLC0415

    rows = np.flatnonzero(where)
    if not len(rows):
        return {}
    return dict(zip(rows.tolist(), array.take(pa.array(rows)).to_pylist(), strict=True))


@attrs.define
class _Parsed:
    """One text column read: ``given`` cells, typed ``values`` where ``valid``, cells of
    another type (``others``, for the scalar path) and cells to check (``suspects``)."""

    kind: str
    given: Any
    values: Any = None
    valid: Any = None
    categories: list[str] = attrs.field(factory=list)
    others: dict[int, str] = attrs.field(factory=dict)
    suspects: dict[int, str] = attrs.field(factory=dict)

    def column(self, bad: Any) -> Any:
        """The batch column, with the rows that have a problem not given."""
        if self.kind == "text":
            return Categorical(np.where(bad, -1, self.values), self.categories)
        valid = self.valid & ~bad
        others = {r: t for r, t in self.others.items() if not bad[r]}
        if self.kind == "date":
            return Days(self.values, valid, others)
        return Masked(self.values, valid, others)


def _parse(name: str, raw: Any) -> _Parsed:
    """A text column read at once; the few cells that need it one by one in Python
    (spaces around them, other spellings, errors)."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    length = _numpy(pc.binary_length(raw), 0)
    given = length > 0
    if name in _INTS:
        digits = given & (length <= 18) & _numpy(pc.ascii_is_decimal(raw), False)  # noqa: FBT003
        values = _numpy(pc.if_else(pa.array(digits), raw, "0").cast(pa.int64()), 0)
        parsed = _Parsed("int", given, values, digits.copy())
        for row, cell in _texts(raw, given & ~digits).items():
            text = cell.strip()
            if not text:
                given[row] = False
            elif name == "employer_workers":
                parsed.suspects[row] = text  # the payroll reader's whole number
            elif _INTEGER.fullmatch(text):
                values[row], parsed.valid[row] = int(text), True
            else:
                parsed.others[row] = text  # the scalar path reads it (or refuses it)
        if name == "employer_workers":
            large = digits & (values > MAX_COUNT)
            parsed.suspects.update(_texts(raw, large))
            parsed.valid &= ~large
            for row, text in parsed.suspects.items():
                with contextlib.suppress(PerlindunganError):  # else a problem of the row
                    values[row] = whole_number(text, field=name, maximum=MAX_COUNT, what="workers")
                    parsed.valid[row] = True
        return parsed
    if name in _DATES:
        try:
            days = pc.if_else(pa.array(given), raw, "1970-01-01").cast(pa.date32())
            return _Parsed("date", given, _numpy(days.cast(pa.int32()), 0), given.copy())
        except pa.ArrowInvalid:  # some cell is not an ISO date: read one by one
            values = np.zeros(len(given), dtype=np.int32)
            parsed = _Parsed("date", given, values, np.zeros_like(given))
            for row, cell in _texts(raw, given).items():
                text = cell.strip()
                if not text:
                    given[row] = False
                    continue
                day = None
                if _ISO_DATE.fullmatch(text):
                    with contextlib.suppress(ValueError):
                        day = _dt.date.fromisoformat(text)
                if day is None:
                    parsed.others[row] = text
                else:
                    values[row], parsed.valid[row] = (day - _EPOCH).days, True
            return parsed
    if name in _FLAGS:
        true = _numpy(pc.is_in(raw, pa.array(sorted(TRUE_WORDS))), False)  # noqa: FBT003
        false = _numpy(pc.is_in(raw, pa.array(sorted(FALSE_WORDS))), False)  # noqa: FBT003
        parsed = _Parsed("bool", given, true, true | false)
        for row, cell in _texts(raw, given & ~(true | false)).items():
            word = flag_word(cell)
            if not cell.strip():
                given[row] = False
            elif word is None:
                parsed.suspects[row] = cell.strip()
            else:
                true[row], parsed.valid[row] = word, True
        return parsed
    if name in _TEXTS:
        encoded = raw.dictionary_encode()
        codes = _numpy(encoded.indices.cast(pa.int64()), -1)
        categories: list[str] = []
        index: dict[str, int] = {}
        remap = [-1]  # code -1 (a missing cell) stays -1
        for category in encoded.dictionary.to_pylist():
            text = category.strip()
            remap.append(index.setdefault(text, len(index)) if text else -1)
            if text and text not in categories:
                categories.append(text)
        codes = np.array(remap, dtype=np.int64)[codes + 1]
        return _Parsed("text", codes >= 0, codes, categories=categories)
    limit = MAX_ID_CHARS if name == "id" else MAX_TEXT_CHARS
    plain = pc.and_(pc.string_is_ascii(raw), pc.utf8_is_printable(raw))
    plain = _numpy(plain, True) & (length <= limit)  # noqa: FBT003
    return _Parsed("carried", given, suspects=_texts(raw, given & ~plain))


def typed_columns(
    text: dict[str, Any], problems: dict[int, InvalidInputError]
) -> tuple[dict[str, Any], dict[int, InvalidInputError]]:
    """The batch columns of text columns (pyarrow string arrays; other columns are kept
    as they are), and the problems of rows (those given, then those found here)."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    problems = dict(problems)
    parsed = {
        name: _parse(name, array)
        for name, array in text.items()
        if pa.types.is_string(array.type) and name in INPUT_COLUMNS
    }
    for name, check in _CHECKS:
        for row, cell in parsed[name].suspects.items() if name in parsed else ():
            if row in problems:
                continue
            try:
                check(cell)
            except PerlindunganError as exc:
                problems[row] = InvalidInputError(" ".join(str(exc).split()), field=name)
    bad = np.zeros(len(next(iter(text.values()))) if text else 0, dtype=np.bool_)
    bad[list(problems)] = True
    columns: dict[str, Any] = {}
    for name, array in text.items():
        read = parsed.get(name)
        if read is not None and read.kind != "carried":
            columns[name] = read.column(bad)
        elif read is None and problems and name not in {"id", "name"}:
            columns[name] = pc.if_else(pa.array(bad), pa.nulls(len(bad), array.type), array)
        else:
            columns[name] = array
    return columns, problems
