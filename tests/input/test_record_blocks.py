"""JSON lines and workbooks read in blocks give the records of the whole-file table reader,
for any block size, with no row cap (tests of perlindungan._input.record_blocks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan._input import table as table_module
from perlindungan._input.record_blocks import record_blocks
from perlindungan._input.table import Record, read_table
from perlindungan.errors import InvalidInputError

COLUMNS = ("id", "name", "role")
line = st.sampled_from(
    [
        '{"id": "A", "role": "x"}',
        '{"id": "B\\u2028C", "name": "\u2028 \x1c \x85"}',
        '{"id": 5}',
        '{"nama": "A"}',
        "[1, 2]",
        "not json",
        '{"id": "A", "id": "B"}',
        "",
        "   ",
        '{"id": "x"}\r',
    ]
)


def _shown(records: list[Record]) -> list[tuple[object, ...]]:
    return [
        (r.line, dict(r.cells or {}), None if r.problem is None else r.problem.message)
        for r in records
    ]


def _streamed(path: Path, size: int) -> list[tuple[object, ...]]:
    found = record_blocks(path, columns=COLUMNS, required=("id",), size=size)
    out: list[Record] = []
    for block, _ in found.blocks:
        assert 0 < len(block) <= size
        out.extend(block)
    return _shown(out)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(line, max_size=12), st.booleans(), st.booleans(), st.integers(1, 5))
def test_json_lines_in_blocks_are_the_table_readers_records(
    tmp_path_factory: pytest.TempPathFactory,
    lines: list[str],
    bom: bool,
    final_newline: bool,
    size: int,
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "roster.jsonl"
    text = ("\ufeff" if bom else "") + "\n".join(lines) + ("\n" if final_newline else "")
    path.write_text(text, encoding="utf-8")
    whole = read_table(path, columns=COLUMNS, required=("id",))
    assert _streamed(path, size) == _shown(list(whole.records()))


def test_a_bad_byte_in_json_lines_is_refused_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "roster.jsonl"
    path.write_bytes(b'{"id": "A"}\n' * 3 + b'{"id": "\xff"}\n')
    with pytest.raises(InvalidInputError) as whole:
        read_table(path, columns=COLUMNS)
    with pytest.raises(InvalidInputError) as streamed:
        _streamed(path, 2)
    assert streamed.value.message == whole.value.message
    assert "line 4 has the byte 0xff" in streamed.value.message


def test_a_workbook_in_blocks_gives_the_table_readers_records(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from perlindungan._input.xlsx import write_xlsx  # noqa: PLC0415

    path = tmp_path / "roster.xlsx"
    rows: list[list[object]] = [
        ["A", "Siti", "x"],
        [None, None, None],
        ["B", None, "y", "extra"],
        ["C", "=HYPERLINK(1)", None],
        [5, 1.5, True],
    ]
    write_xlsx(path, ["id", "name", "role"], rows)
    whole = read_table(path, columns=COLUMNS, required=("id",))
    for size in (1, 2, 100):
        assert _streamed(path, size) == _shown(list(whole.records()))
    found = record_blocks(path, columns=COLUMNS, size=2)
    assert found.size in (0, 5)  # as the sheet declares it, if it does
    assert [read for _, read in found.blocks] == [3, 5]


def test_no_row_cap_in_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # with the whole-file reader's cap made small, it refuses the file; read in blocks,
    # every record is there
    monkeypatch.setattr(table_module, "MAX_ROWS", 5)
    path = tmp_path / "roster.jsonl"
    path.write_text("".join(f'{{"id": "P{i}"}}\n' for i in range(12)), encoding="utf-8")
    with pytest.raises(InvalidInputError, match="more than the 5 read at once"):
        read_table(path, columns=COLUMNS)
    assert len(_streamed(path, 5)) == 12


@pytest.mark.parametrize(
    ("text", "message"),
    [(b"PK not a zip", "not an .xlsx workbook"), (b"", "not an .xlsx workbook")],
)
def test_a_broken_workbook_is_refused_like_the_table_reader(
    tmp_path: Path, text: bytes, message: str
) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "roster.xlsx"
    path.write_bytes(text)
    with pytest.raises(InvalidInputError, match=message) as streamed:
        record_blocks(path, columns=COLUMNS)
    with pytest.raises(InvalidInputError) as whole:
        read_table(path, columns=COLUMNS)
    assert streamed.value.message == whole.value.message
