"""Writing an output file: never over an input, never over a folder; stdin is no file."""

from __future__ import annotations

from pathlib import Path

import pytest

from perlindungan._input.outputs import write_output
from perlindungan.errors import InvalidInputError


def test_an_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="it is a folder") as caught:
        write_output(tmp_path, "x")
    assert caught.value.field == "output"
    assert str(tmp_path) in str(caught.value)


def test_stdin_among_the_inputs_is_not_a_file_to_protect(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.txt"
    assert write_output(target, "ok\n", inputs=["-"]) == target
    assert target.read_text(encoding="utf-8") == "ok\n"
    with pytest.raises(InvalidInputError, match="is the input file"):
        write_output(target, "again\n", inputs=["-", target])
    assert target.read_text(encoding="utf-8") == "ok\n"
