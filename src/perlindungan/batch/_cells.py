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

from collections.abc import Callable
from typing import Any, Final

import numpy as np

from perlindungan._input.flags import FALSE_WORDS, TRUE_WORDS, flag_cell
from perlindungan._input.limits import MAX_COUNT, MAX_ID_CHARS, MAX_TEXT_CHARS
from perlindungan._input.numbers import whole_number
from perlindungan._input.text import display_text, key_text
from perlindungan.batch._columns import Categorical, Days, Masked
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


def _numpy(array: Any, fill: Any) -> Any:
    return array.fill_null(fill).to_numpy(zero_copy_only=False)


def _texts(array: Any, where: Any) -> dict[int, str]:
    import pyarrow as pa  # noqa: PLC0415

    rows = np.flatnonzero(where)
    if not len(rows):
        return {}
    return dict(zip(rows.tolist(), array.take(pa.array(rows)).to_pylist(), strict=True))


def _suspect(name: str, trimmed: Any, given: Any) -> Any:
    """Cells whose check may fail: all given cells, or for ``id`` and ``name`` those that
    are not short printable ASCII (the checks cannot refuse those)."""
    import pyarrow.compute as pc  # noqa: PLC0415

    if name not in {"id", "name"}:
        return given
    limit = MAX_ID_CHARS if name == "id" else MAX_TEXT_CHARS
    plain = pc.and_(
        pc.and_(pc.string_is_ascii(trimmed), pc.utf8_is_printable(trimmed)),
        pc.less_equal(pc.binary_length(trimmed), limit),
    )
    return given & ~_numpy(plain, True)  # noqa: FBT003


def typed_columns(
    text: dict[str, Any], problems: dict[int, InvalidInputError]
) -> tuple[dict[str, Any], dict[int, InvalidInputError]]:
    """The batch columns of text columns (pyarrow string arrays; other columns are kept
    as they are), and the problems of rows (those given, then those found here)."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    problems = dict(problems)
    trimmed: dict[str, Any] = {}
    given: dict[str, Any] = {}
    for name, array in text.items():
        if pa.types.is_string(array.type) or pa.types.is_large_string(array.type):
            cut = pc.utf8_trim_whitespace(array)
            trimmed[name] = cut
            given[name] = _numpy(pc.greater(pc.binary_length(cut), 0), False)  # noqa: FBT003
    for name, check in _CHECKS:
        if name not in trimmed:
            continue
        suspect = _suspect(name, trimmed[name], given[name])
        for row, cell in _texts(trimmed[name], suspect).items():
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
        if name not in trimmed:
            columns[name] = pc.if_else(pa.array(bad), pa.nulls(len(bad), array.type), array)
        elif name in {"id", "name"}:
            columns[name] = trimmed[name]
        else:
            columns[name] = _column(name, trimmed[name], given[name] & ~bad)
    return columns, problems


def _column(name: str, cells: Any, given: Any) -> Any:
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    if name in _INTS:
        ok = given & _numpy(pc.match_substring_regex(cells, r"^-?[0-9]{1,18}$"), False)  # noqa: FBT003
        values = pc.if_else(pa.array(ok), cells, "0").cast(pa.int64())
        values = _numpy(values, 0)
        if name == "employer_workers":  # the payroll reader's whole number of workers
            ok &= (values >= 0) & (values <= MAX_COUNT)
            for row, cell in _texts(cells, given & ~ok).items():
                values[row] = whole_number(
                    cell, field=name, maximum=MAX_COUNT, what="workers"
                )  # checked in typed_columns: never raises here
            ok = given
            return Masked(values, ok)
        return Masked(values, ok, _texts(cells, given & ~ok))
    if name in _DATES:
        shaped = given & _numpy(
            pc.match_substring_regex(cells, r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
            False,  # noqa: FBT003
        )
        safe = pc.if_else(pa.array(shaped), cells, "1970-01-01")
        parsed = pc.strptime(safe, format="%Y-%m-%d", unit="s", error_is_null=True)
        # strptime rolls 1990-02-30 over to 1990-03-02: only a date that reads back is one
        same = pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), safe)
        ok = shaped & _numpy(same, False)  # noqa: FBT003
        days = _numpy(parsed.cast(pa.date32()).cast(pa.int32()), 0).astype(np.int32)
        return Days(days, ok, _texts(cells, given & ~ok))
    if name in _FLAGS:
        lower = pc.utf8_lower(cells)
        true = given & _numpy(pc.is_in(lower, pa.array(sorted(TRUE_WORDS))), False)  # noqa: FBT003
        false = given & _numpy(pc.is_in(lower, pa.array(sorted(FALSE_WORDS))), False)  # noqa: FBT003
        return Masked(true, true | false)  # other words: problems of their rows
    if name in _TEXTS:
        codes_array = pc.if_else(pa.array(given), cells, pa.scalar(None, pa.string()))
        encoded = codes_array.dictionary_encode()
        codes = _numpy(encoded.indices.cast(pa.int64()), -1)
        return Categorical(codes, encoded.dictionary.to_pylist())
    return cells  # a column the batch does not read (refused by normalise with a suggestion)
