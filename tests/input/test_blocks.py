"""CSV read block by block gives the records of the whole-file table reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan._input.blocks import csv_blocks
from perlindungan._input.table import read_table
from perlindungan.errors import InvalidInputError

pytest.importorskip("pyarrow")

COLUMNS = ("id", "name", "role")
cell = st.text(alphabet='ab ,;"\r\t\u00e9\u2028\x1c', max_size=6)
line = st.lists(cell, min_size=0, max_size=5).map(",".join) | st.sampled_from(
    ["", "  ", "\t", "a,b,c", 'a,"b\r",c', "a,b,c\r", "x" * 10_050 + ",b,c"]
)


def _records(path: Path, block_bytes: int) -> tuple[list[tuple[object, ...]], int]:
    found = csv_blocks(path, columns=COLUMNS, required=("id",))
    out: list[tuple[object, ...]] = []
    for block in found.blocks(block_bytes):
        for part in block.parts(3):
            for i in range(part.rows):
                problem = part.problems.get(i)
                if problem is not None:
                    assert problem.problem is not None
                    out.append((int(part.lines[i]), problem.key, problem.problem.message))
                    continue
                cells = {n: part.columns[n][i].as_py() for n in found.header}
                out.append((int(part.lines[i]), cells))
    return out, len(found.header)


def _expected(path: Path) -> list[tuple[object, ...]]:
    table = read_table(path, columns=COLUMNS, required=("id",))
    out: list[tuple[object, ...]] = []
    for record in table.records():
        if record.problem is not None:
            out.append((record.line, record.key, record.problem.message))
            continue
        assert record.cells is not None
        out.append((record.line, {n: record.cells.get(n) for n in table.header}))
    return out


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.sampled_from(
        ["id,name,role", "id,role", "\ufeffid,name,role", "id", "id;name;role", "id\tname\trole"]
    ),
    st.lists(line, max_size=12),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
    st.integers(1, 64),
)
def test_blocks_give_the_records_of_the_table_reader(
    tmp_path_factory: pytest.TempPathFactory,
    header: str,
    lines: list[str],
    end: str,
    final_newline: bool,
    block_bytes: int,
) -> None:
    path = tmp_path_factory.mktemp("blocks") / "roster.csv"
    text = end.join([header, *lines]) + (end if final_newline else "")
    path.write_bytes(text.encode("utf-8"))
    got, _ = _records(path, block_bytes)
    assert got == _expected(path)


def test_a_bad_byte_is_refused_naming_its_file_line(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"id,name\n" + b"a,b\n" * 50 + b"c,\xff\n")
    found = csv_blocks(path, columns=COLUMNS)
    with pytest.raises(InvalidInputError) as caught:
        list(found.blocks(16))
    with pytest.raises(InvalidInputError) as whole:
        read_table(path, columns=COLUMNS)
    assert caught.value.message == whole.value.message
    assert "line 52 has the byte 0xff" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [b"id,name\ra,b\r", b'id,name\r\ra,b\r\rc,"d\r', b"\xef\xbb\xbfid,role\ra,b,c\r \rd"],
)
@pytest.mark.parametrize("block_bytes", [1, 5, 1 << 20])
def test_old_mac_line_ends_give_the_records_of_the_table_reader(
    tmp_path: Path, text: bytes, block_bytes: int
) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(text)
    got, _ = _records(path, block_bytes)
    assert got == _expected(path)
    assert got


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("id,id\n", "appears twice"),
        ("id,nama\n", "unknown column 'nama'"),
    ],
)
def test_header_problems_are_the_table_readers(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInputError, match=message) as caught:
        csv_blocks(path, columns=COLUMNS, required=("id",))
    with pytest.raises(InvalidInputError) as whole:
        read_table(path, columns=COLUMNS, required=("id",))
    assert caught.value.message == whole.value.message
