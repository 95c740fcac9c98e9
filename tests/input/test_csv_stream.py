"""The block reader, as the batch rosters use it (a line that is not UTF-8 is a problem of
its line), gives the records and problems of the whole-file reader, for any text and any
block size (tests of perlindungan._input.blocks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perlindungan._input.blocks import csv_blocks
from perlindungan._input.table import read_table
from perlindungan.errors import InvalidInputError

HEADER = "id,category,wage"
cells = st.text(alphabet='ab1 ,;"\t\r', max_size=8)
lines = st.lists(cells, min_size=0, max_size=5).map(",".join)
ends = st.sampled_from(["\n", "\r\n"])


def _streamed(path: Path, block_bytes: int) -> list[tuple[int, object]]:
    blocks = csv_blocks(path, columns=None, bad_bytes="row").blocks(block_bytes)
    out: list[tuple[int, object]] = []
    for block in blocks:
        for row, line in enumerate(block.lines):
            problem = block.problems.get(row)
            if problem is not None:
                out.append((int(line), str(problem.problem)))
                continue
            cells = {name: block.columns[name][row].as_py() for name in block.columns}
            out.append((int(line), {k: v for k, v in cells.items() if v is not None}))
    return out


def _whole(path: Path) -> list[tuple[int, object]]:
    table = read_table(path, columns=None)
    return [
        (r.line, str(r.problem) if r.problem is not None else dict(r.cells or {}))
        for r in table.records()
    ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines, max_size=12), ends, st.sampled_from([1, 16, 64, 1 << 20]), st.booleans())
def test_streamed_records_equal_the_whole_file_reader(
    tmp_path_factory: pytest.TempPathFactory,
    body: list[str],
    end: str,
    block_bytes: int,
    final_end: bool,
) -> None:
    path = tmp_path_factory.mktemp("csv") / "roster.csv"
    text = end.join([HEADER, *body]) + (end if final_end else "")
    path.write_bytes(text.encode("utf-8"))
    try:
        whole = _whole(path)
    except InvalidInputError:
        return  # a file problem (the streaming reader checks the same header alike)
    assert _streamed(path, block_bytes) == whole


def test_quoted_machine_written_csv_uses_the_fast_path(tmp_path: Path) -> None:
    from perlindungan._input import block_cells  # noqa: PLC0415

    path = tmp_path / "roster.csv"
    rows = [f'"p{i}","bpu","{i},5"' for i in range(100)]
    path.write_text('"id","category","wage"\n' + "\n".join(rows) + "\n", encoding="utf-8")
    found = csv_blocks(path, columns=None, bad_bytes="row")
    (block,) = list(found.blocks())
    assert found.header == ("id", "category", "wage")
    assert block.columns["wage"][3].as_py() == "3,5"
    assert block.problems == {}
    raw = path.read_bytes().split(b"\n", 1)[1]
    assert block_cells._whole(raw, ",", found.header, 2) is not None


@pytest.mark.parametrize(
    ("header", "blank"),
    [("id", "  "), ("id\tcategory", "\t"), ("id\tcategory", " \t\u3000"), ("id", "\u00a0")],
)
def test_lines_of_white_space_only_are_skipped_like_the_whole_file_reader(
    tmp_path: Path, header: str, blank: str
) -> None:
    sep = "\t" if "\t" in header else ","
    rows = [sep.join(["p1", "bpu"][: header.count(sep) + 1]), blank]
    rows += [sep.join([f"p{i}", "bpu"][: header.count(sep) + 1]) for i in range(2, 50)]
    path = tmp_path / "roster.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    streamed = _streamed(path, 1 << 20)
    assert streamed == _whole(path)
    assert 3 not in [line for line, _ in streamed]
    assert len(streamed) == 49
