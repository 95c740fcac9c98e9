# ruff: noqa: ANN401 - pyarrow objects are optional and untyped here
"""Roster blocks as chunks of columns: the rows :func:`~perlindungan.regional.read_roster`
gives, with every value read once per distinct cell.

A block of the input layer (:mod:`perlindungan._input.blocks`) holds the cells of its
records as text columns. Each distinct cell value of a fact is read by
:func:`~perlindungan.regional.person_from_dict` (so its value, and its error, are those of
the per-person reader); ids and names, which differ on almost every row, are checked on
the column (printable ASCII within the length limit is taken as it is, trimmed) and read
one by one only when they are not. A row's error is its first failing fact in the order
of :data:`~perlindungan.regional.FACTS`, as the per-person reader raises it. A row with a
NIK is read whole by the per-person reader (its birth date and sex may come from the
NIK). Ids and NIKs already used on an earlier line, in this block or an earlier one, are
row errors (:class:`Claims`), exactly as :func:`~perlindungan.regional.roster_rows` makes
them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import numpy as np
from numpy.typing import NDArray

from perlindungan._input.blocks import WHITESPACE, Block, CsvBlocks
from perlindungan._input.limits import MAX_ID_CHARS, MAX_TEXT_CHARS
from perlindungan._input.table import Record
from perlindungan.errors import InvalidInputError
from perlindungan.regional._columnar import Chunk, FactColumn, Lookups, chunk_from_rows
from perlindungan.regional._person import FACTS
from perlindungan.regional._roster import (
    Claims,
    RowError,
    person_from_dict,
    roster_row_blocks,
)

__all__ = ["chunk_from_block", "roster_chunk_stream"]

#: Facts read per distinct value (ids and names are checked on the column).
_READ: Final = tuple(f for f in FACTS if f not in ("id", "name"))
_HIDDEN: Final = r"[\x00-\x1f\x7f]"


def _plain(column: Any, limit: int) -> tuple[Any, NDArray[np.bool_]]:
    """The cells trimmed of spaces, and where that is what the per-person reader gives
    (printable ASCII, at most ``limit`` characters once trimmed)."""
    import pyarrow.compute as pc  # noqa: PLC0415

    trimmed = pc.utf8_trim(column, characters=" ")
    length = pc.utf8_length(trimmed)
    ok = pc.and_(
        pc.and_(pc.string_is_ascii(column), pc.invert(pc.match_substring_regex(column, _HIDDEN))),
        pc.less_equal(length, limit),
    )
    return trimmed, np.asarray(ok.to_numpy(zero_copy_only=False), dtype=bool)


@attrs.define
class _Failures:
    """Per row, the first fact (index in FACTS) that could not be read and its message."""

    first: NDArray[np.int16]
    code: NDArray[np.int32]
    messages: list[tuple[str, str | None]] = attrs.field(factory=list)

    def message(self, text: str, field: str | None) -> int:
        """The code of a message."""
        self.messages.append((text, field))
        return len(self.messages) - 1

    def mark(self, where: NDArray[np.int64], index: int, codes: NDArray[np.int32]) -> None:
        """Rows ``where`` fail on fact ``index`` with messages ``codes``, unless an
        earlier fact failed."""
        newly = self.first[where] > index
        self.first[where[newly]] = index
        self.code[where[newly]] = codes[newly]

    def one(self, i: int, index: int, text: str, field: str | None) -> None:
        """Row ``i`` fails on fact ``index``."""
        code = self.message(text, field)
        self.mark(np.array([i], dtype=np.int64), index, np.array([code], dtype=np.int32))


def _error(data: dict[str, Any]) -> tuple[str, str | None] | None:
    try:
        person_from_dict(data)
    except InvalidInputError as exc:
        return exc.message, exc.field
    return None


def chunk_from_block(block: Block, lookups: Lookups, claims: Claims) -> Chunk:
    """The chunk of a block: facts per row, row errors with the per-person reader's
    messages, ids and NIKs claimed in file order."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    rows, numbers, columns = block.rows, block.lines, block.columns
    failed = _Failures(np.full(rows, len(FACTS), np.int16), np.full(rows, -1, np.int32))
    raw_ids = columns.get("id", pa.array([""] * rows, pa.string()))
    ids, plain = _plain(raw_ids, MAX_ID_CHARS)
    plain &= np.asarray(pc.greater(pc.utf8_length(ids), 0).to_numpy(zero_copy_only=False))
    odd = np.flatnonzero(~plain)
    if len(odd):
        texts = raw_ids.take(pa.array(odd)).to_pylist()
        fixed: list[str] = []
        for i, text in zip(odd.tolist(), texts, strict=True):
            try:
                fixed.append(person_from_dict({"id": text}).id)
            except InvalidInputError as exc:
                fixed.append("")
                failed.one(i, 0, exc.message, exc.field)
        ids = pc.replace_with_mask(ids, pa.array(~plain), pa.array(fixed, pa.string()))
    if "name" in columns:
        _, plain = _plain(columns["name"], MAX_TEXT_CHARS)
        odd = np.flatnonzero(~plain)
        texts = columns["name"].take(pa.array(odd)).to_pylist() if len(odd) else []
        for i, text in zip(odd.tolist(), texts, strict=True):
            found = _error({"id": "-", "name": text})
            if found is not None:
                failed.one(i, 1, *found)
    facts: dict[str, FactColumn] = {}
    for index, fact in enumerate(FACTS):
        if fact in _READ:
            facts[fact] = _fact(columns.get(fact), fact, index, rows, lookups, failed)
    notes = FactColumn(np.full(rows, -1, dtype=np.int32), [])
    if "nik" in columns:
        _whole_rows(block, facts, notes, failed)
    errors = {
        i: RowError(int(numbers[i]), record.key, *_problem(record.problem))
        for i, record in block.problems.items()
    }
    bad = np.flatnonzero(failed.first < len(FACTS))
    if len(bad):
        raw = raw_ids.take(pa.array(bad)).to_pylist()
        for i, text in zip(bad.tolist(), raw, strict=True):
            if i not in errors:
                message, field = failed.messages[failed.code[i]]
                errors[i] = RowError(int(numbers[i]), text.strip()[:64], message, field)
    _claim(claims, ids, facts["nik"], numbers, errors)
    return Chunk(numbers, ids, facts, dict(sorted(errors.items())), notes)


def _problem(problem: InvalidInputError | None) -> tuple[str, str | None]:
    found = problem or InvalidInputError("the row cannot be read", field=None)
    return found.message, found.field


def _fact(
    column: Any, fact: str, index: int, rows: int, lookups: Lookups, failed: _Failures
) -> FactColumn:
    """One fact per row: each distinct cell read once (blank: unknown)."""
    import pyarrow.compute as pc  # noqa: PLC0415

    if column is None:
        return FactColumn(np.full(rows, -1, dtype=np.int32), [])
    encoded = pc.dictionary_encode(column)
    indices = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
    distinct = encoded.dictionary.to_pylist()
    values: list[Any] = []
    codes = np.full(len(distinct), -1, dtype=np.int32)
    errors = np.full(len(distinct), -1, dtype=np.int32)
    for j, raw in enumerate(distinct):
        if not raw.strip():
            continue
        value, error = lookups.read(fact, raw)
        if error is not None:
            errors[j] = failed.message(*error)
            continue
        codes[j] = len(values)
        values.append(value)
    if (errors >= 0).any():
        row_errors = errors[indices]
        where = np.flatnonzero(row_errors >= 0)
        failed.mark(where, index, row_errors[where])
    return FactColumn(codes[indices] if rows else codes[:0], values)


def _whole_rows(
    block: Block, facts: dict[str, FactColumn], notes: FactColumn, failed: _Failures
) -> None:
    """Rows with a NIK, read whole by the per-person reader (the NIK may give the birth
    date and the sex, and notes); their facts replace the per-value ones."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    nik = block.columns["nik"]
    given = pc.not_equal(pc.utf8_trim(nik, characters=WHITESPACE), "")
    where = np.flatnonzero(np.asarray(given.to_numpy(zero_copy_only=False), dtype=bool))
    where = np.array([i for i in where.tolist() if i not in block.problems], dtype=np.int64)
    if not len(where):
        return
    take = pa.array(where)
    cells = {name: column.take(take).to_pylist() for name, column in block.columns.items()}
    note_index: dict[tuple[str, ...], int] = {}
    for k, i in enumerate(where.tolist()):
        data = {name: values[k] for name, values in cells.items()}
        try:
            person = person_from_dict(data)
        except InvalidInputError as exc:
            failed.first[i] = len(FACTS)  # the whole row's first error is the row's error
            failed.one(i, 0, exc.message, exc.field)
            continue
        for fact, column in facts.items():
            value = getattr(person, fact)
            if value is None:
                column.codes[i] = -1
            else:
                column.codes[i] = len(column.values)
                column.values.append(value)
        if person.notes:
            notes.codes[i] = note_index.setdefault(person.notes, len(notes.values))
            if notes.codes[i] == len(notes.values):
                notes.values.append(person.notes)


def _claim(
    claims: Claims,
    ids: Any,
    niks: FactColumn,
    numbers: NDArray[np.int64],
    errors: dict[int, RowError],
) -> None:
    """Claim each readable row's id, then its NIK, in file order; a claim already held by
    an earlier line is a row error."""
    import pyarrow as pa  # noqa: PLC0415

    if claims.deferred:
        return
    keep = np.ones(len(numbers), dtype=bool)
    keep[list(errors)] = False
    where = np.flatnonzero(keep)
    idents: list[str] = ids.take(pa.array(where)).to_pylist()
    lines = numbers[where].tolist()
    before = len(claims.ids)
    if claims.ids.keys().isdisjoint(idents):
        claims.ids.update(zip(idents, lines, strict=True))
        if len(claims.ids) < before + len(idents):
            # an id repeated within the block: its first line keeps the claim
            for ident, line in zip(reversed(idents), reversed(lines), strict=True):
                claims.ids[ident] = line
            for i, ident, line in zip(where.tolist(), idents, lines, strict=True):
                first = claims.ids[ident]
                if first != line:
                    errors[i] = claims.repeated_id(ident, line, first)
    else:
        for i, ident, line in zip(where.tolist(), idents, lines, strict=True):
            error = claims.claim_id(ident, line)
            if error is not None:
                errors[i] = error
    for i in np.flatnonzero(keep & (niks.codes >= 0)).tolist():
        if i in errors:
            continue
        error = claims.claim_nik(niks.values[niks.codes[i]], int(numbers[i]), ids[i].as_py())
        if error is not None:
            errors[i] = error


def roster_chunk_stream(
    path: str | Path, *, chunk_rows: int, delimiter: str | None, claims: Claims | None = None
) -> tuple[Iterator[Chunk], int]:
    """The chunks of a roster file of at most ``chunk_rows`` rows each and the size of
    the roster (bytes of a CSV or JSON lines file, rows of a workbook as its sheet
    declares them, 0 when unknown), all read block by block with no row cap: a CSV file
    as columns (:mod:`~perlindungan._input.blocks`), JSON lines and workbooks as records
    read by the per-person reader (:mod:`~perlindungan._input.record_blocks`); ``-`` is
    CSV on stdin, copied block by block to a temporary file and read as one
    (:mod:`~perlindungan._input.spool`). The first problem of the file as a whole (its header) is raised here,
    before any chunk. ``claims`` holds the ids and NIKs used (a new one by default;
    deferred, none are held: the out-of-core engine finds the repeats)."""
    from perlindungan._input.blocks import csv_blocks  # noqa: PLC0415
    from perlindungan._input.record_blocks import record_blocks  # noqa: PLC0415

    suffix = Path(str(path)).suffix.lower()
    found_claims = claims if claims is not None else Claims()
    if suffix in {".jsonl", ".ndjson", ".xlsx"}:
        found = record_blocks(path, columns=FACTS, required=("id",), size=chunk_rows)
        return _from_records(found.blocks, found_claims), found.size
    table_blocks = csv_blocks(path, delimiter=delimiter, columns=FACTS, required=("id",))
    return _from_blocks(table_blocks, chunk_rows, found_claims), table_blocks.size


def _from_records(blocks: Iterator[tuple[list[Record], int]], claims: Claims) -> Iterator[Chunk]:
    reads: list[int] = []

    def records() -> Iterator[list[Record]]:
        for block, read in blocks:
            reads.append(read)
            yield block

    for rows in roster_row_blocks(records(), claims):
        yield attrs.evolve(chunk_from_rows(rows), read=reads[-1])


def _from_blocks(found: CsvBlocks, chunk_rows: int, claims: Claims) -> Iterator[Chunk]:
    lookups = Lookups()
    for block in found.blocks(max(chunk_rows * 64, 1)):
        for part in block.parts(chunk_rows):
            chunk = chunk_from_block(_texts(part), lookups, claims)
            yield attrs.evolve(chunk, read=part.read)


def _texts(block: Block) -> Block:
    """The block with a cell a line does not have as empty text (a roster reads a
    missing cell as a blank one)."""
    if all(c.null_count == 0 for c in block.columns.values()):
        return block
    columns = {n: c.fill_null("") for n, c in block.columns.items()}
    return attrs.evolve(block, columns=columns)
