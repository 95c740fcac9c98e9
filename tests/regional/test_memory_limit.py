"""DuckDB's memory limit as the user gives it (``--memory-limit``, ``memory_limit=``):
checked strictly, handed to DuckDB, and without effect on the files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from perlindungan.cli import main
from perlindungan.errors import InvalidInputError
from perlindungan.regional import scheme
from perlindungan.regional._memory_limit import memory_limit_of

ROSTER = str(Path(__file__).parents[2] / "src/perlindungan/data/rosters/kota-jambi-rentan-2025.csv")
FILES = ("decisions.csv", "allocation.csv", "budget.csv", "result.json", "report.txt")


@pytest.mark.parametrize(
    ("given", "expected"),
    [("512MB", "512MB"), ("2gb", "2GB"), ("64MB", "64MB"), ("1TiB", "1TiB"), ("0100mib", "100MiB")],
)
def test_a_size_is_read_as_duckdb_reads_it(given: str, expected: str) -> None:
    assert memory_limit_of(given) == expected


@pytest.mark.parametrize(
    "given", ["2G", "1.5GB", "512 MB", " 512MB", "63MB", "0GB", "", "MB", "-1GB", "5PB", 512, None]
)
def test_anything_else_is_refused_naming_a_valid_size(given: object) -> None:
    with pytest.raises(InvalidInputError, match="must be a size such as 512MB or 2GB") as info:
        memory_limit_of(given)
    assert info.value.field == "memory_limit"


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--memory-limit", "2G"], "--memory-limit must be a size such as 512MB or 2GB"),
        (["--memory-limit", "1GB", "--engine", "memory"], "not to --engine memory"),
    ],
)
def test_a_bad_memory_limit_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], expected: str
) -> None:
    args = ["scheme", "evaluate", "kota-jambi-rentan-2025", "--roster", ROSTER]
    code = main([*args, "--output", f"{tmp_path}/", "--lang", "en", *flags])
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err
    assert len(err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_the_memory_limit_applies_to_evaluate_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scheme", "list", "--memory-limit", "1GB", "--lang", "en"]) == 2
    assert "--memory-limit does not apply to 'scheme list'" in capsys.readouterr().err


def test_the_python_keyword_refuses_the_memory_engine(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from perlindungan.regional import evaluate_roster_file  # noqa: PLC0415

    with pytest.raises(InvalidInputError, match="applies to the duckdb and auto engines"):
        evaluate_roster_file(
            scheme("kota-jambi-rentan-2025"),
            ROSTER,
            tmp_path,
            on="2025-06-01",
            engine="memory",
            memory_limit="1GB",
        )


@pytest.mark.parametrize("engine", ["duckdb", "auto"])
def test_duckdb_runs_with_the_limit_given_and_the_files_do_not_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    from perlindungan.regional import _stream, evaluate_roster_file  # noqa: PLC0415
    from perlindungan.regional._ranking_duckdb import OutOfCoreRanking  # noqa: PLC0415

    seen: list[Any] = []
    close = OutOfCoreRanking.close

    def spy(self: OutOfCoreRanking) -> None:
        setting = "SELECT current_setting('memory_limit')"
        seen.append(self.connection.cursor().execute(setting).fetchone()[0])
        close(self)

    monkeypatch.setattr(OutOfCoreRanking, "close", spy)
    monkeypatch.setattr(_stream, "AUTO_ROWS", 3)  # auto moves to DuckDB after 3 rows
    program = scheme("kota-jambi-rentan-2025")
    evaluate_roster_file(program, ROSTER, tmp_path / "memory", on="2025-06-01", engine="memory")
    evaluate_roster_file(
        program,
        ROSTER,
        tmp_path / engine,
        on="2025-06-01",
        engine=engine,
        memory_limit="100MiB",
        chunk_rows=50,
    )
    assert seen == ["100.0 MiB"]
    for name in FILES:
        assert (tmp_path / engine / name).read_bytes() == (tmp_path / "memory" / name).read_bytes()
