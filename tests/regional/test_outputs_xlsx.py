"""``scheme evaluate --output FILE.xlsx``: one workbook whose sheets hold the CSV files'
cells; CSV -> xlsx -> CSV loses nothing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from perlindungan._input.xlsx import xlsx_rows
from perlindungan.cli import main
from perlindungan.regional import bundled_roster, read_roster, run_roster, scheme
from perlindungan.regional._outputs import run_texts

pytest.importorskip("openpyxl")

DATA = Path(__file__).resolve().parents[2] / "src" / "perlindungan" / "data"


def _sheet_as_csv(book: Path, sheet: str) -> str:
    header, rows = xlsx_rows(book.read_bytes(), name=book.name, sheet_name=sheet)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for _, cells in rows:
        padded = [*cells, *[None] * (len(header) - len(cells))]  # empty cells at a row's end
        writer.writerow(["" if c is None else c for c in padded])
    return out.getvalue()


@pytest.mark.parametrize(
    ("program_id", "on"),
    [("kota-jambi-rentan-2025", "2025-06-01"), ("banyuwangi-rentan-2023", "2023-11-16")],
)
def test_csv_to_xlsx_to_csv_loses_nothing(tmp_path: Path, program_id: str, on: str) -> None:
    result = run_roster(scheme(program_id), bundled_roster(program_id), on=on)
    book = result.write_workbook(tmp_path / "hasil.xlsx", "en")
    texts = run_texts(result, "en")
    for sheet in ("decisions", "allocation", "budget"):
        assert _sheet_as_csv(book, sheet) == texts[f"{sheet}.csv"], sheet
    header, rows = xlsx_rows(book.read_bytes(), name="hasil.xlsx", sheet_name="report")
    report = [line for line in texts["report.txt"].splitlines() if line.strip()]
    assert [header[0], *(cells[0] for _, cells in rows)] == ["report", *report]


def test_workbook_cells_are_typed_and_formulas_stay_text(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    source = (DATA / "rosters" / "kota-serang-2026.csv").read_text(encoding="utf-8")
    lines = source.splitlines()
    lines[1] = "=HYPERLINK(1)" + lines[1][lines[1].index(",") :]
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_roster(scheme("kota-serang-2026"), read_roster(roster), on="2026-01-01")
    book_path = result.write_workbook(tmp_path / "out" / "hasil.xlsx")  # folder created
    book = openpyxl.load_workbook(book_path)
    decisions = book["decisions"]
    first = [c.value for c in decisions[2]]
    assert first[0] == 2  # row: a number
    assert first[1] == "'=HYPERLINK(1)"  # escaped as in decisions.csv, and stored as text
    assert decisions.cell(2, 2).data_type == "s"
    budget = book["budget"]
    total = [c.value for c in budget[budget.max_row]]
    assert total[0] == "total"
    assert total[4] == int(result.budget.yearly)  # amounts are numbers
    assert [c.value for c in decisions[1]][:3] == ["row", "id", "verdict"]  # codes
    assert "verdict_text" in [c.value for c in decisions[1]]  # beside labels


def test_xlsx_output_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = DATA / "rosters" / "kota-serang-2026.csv"
    base = ["scheme", "evaluate", "kota-serang-2026", "--on", "2026-01-01", "--lang", "en"]
    assert main([*base, "--output", str(tmp_path / "a.xlsx")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "a.xlsx")
    assert main([*base, "--output", str(tmp_path / "b.xlsx"), "--format", "csv"]) == 2
    assert "leave out --format csv" in capsys.readouterr().err
    assert main(["scheme", "budget", "kota-serang-2026", "--output", "c.xlsx", "--lang", "en"]) == 2
    assert "only 'scheme evaluate' writes an .xlsx" in capsys.readouterr().err
    from perlindungan._input.xlsx import write_xlsx  # noqa: PLC0415

    lines = list(csv.reader(io.StringIO(roster.read_text(encoding="utf-8"))))
    book = tmp_path / "roster.xlsx"
    write_xlsx(book, lines[0], lines[1:])
    before = book.read_bytes()
    assert main([*base, "--roster", str(book), "--output", str(book)]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert book.read_bytes() == before


def _sheets(book: Path) -> dict[str, object]:
    return {
        sheet: xlsx_rows(book.read_bytes(), name=book.name, sheet_name=sheet)
        for sheet in ("decisions", "allocation", "budget", "report")
    }


def test_a_workbook_from_written_files_equals_the_direct_one(tmp_path: Path) -> None:
    from perlindungan.regional._outputs import mask_files, workbook_from_folder  # noqa: PLC0415

    result = run_roster(
        scheme("banyuwangi-rentan-2023"), bundled_roster("banyuwangi-rentan-2023"), on="2023-11-16"
    )
    for mask in (False, True):
        folder = tmp_path / f"run-{mask}"
        written = result.write_files(folder, "en")
        if mask:
            mask_files(written)
        expected = result.write_workbook(tmp_path / f"direct-{mask}.xlsx", "en", mask_nik=mask)
        made = workbook_from_folder(folder, tmp_path / f"made-{mask}.xlsx")
        assert _sheets(made) == _sheets(expected)


def test_a_sheet_past_the_excel_row_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from perlindungan.errors import InvalidInputError  # noqa: PLC0415
    from perlindungan.regional import _outputs  # noqa: PLC0415

    monkeypatch.setattr(_outputs, "MAX_SHEET_ROWS", 10)
    result = run_roster(
        scheme("kota-serang-2026"), bundled_roster("kota-serang-2026"), on="2026-01-01"
    )
    with pytest.raises(InvalidInputError, match=r"more than 10 rows, the most an \.xlsx sheet"):
        result.write_workbook(tmp_path / "big.xlsx")
    assert not (tmp_path / "big.xlsx").exists()


def test_payroll_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    sample = DATA / "samples" / "payroll.csv"
    lines = sample.read_text(encoding="utf-8").splitlines()
    nik = "3510165708850003"
    first = nik + lines[1][lines[1].index(",") :]
    formula = "=SUM(A1)" + lines[2][lines[2].index(",") :]
    bad = "X-1,Bad Row,pu,-10,3,1980-01-01,,,,,,,"
    payroll = tmp_path / "payroll.csv"
    payroll.write_text("\n".join([lines[0], first, formula, *lines[3:], bad]) + "\n", "utf-8")
    base = ["payroll", str(payroll), "--on", "2025-03-01"]
    assert main([*base, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert main([*base, "--output", str(tmp_path / "out" / "gaji.xlsx"), "--mask-nik"]) == 1
    capsys.readouterr()
    book = openpyxl.load_workbook(tmp_path / "out" / "gaji.xlsx")
    workers = list(book["workers"].iter_rows(values_only=True))
    header = list(workers[0])
    assert header[:4] == ["row", "id", "name", "category"]
    assert [w[1] for w in workers[1:3]] == ["351016**********", "'=SUM(A1)"]
    assert len(workers) - 1 == len(data["workers"])
    billed = header.index("billed")
    assert sum(w[billed] for w in workers[1:]) == data["billed"]
    totals = dict(book["totals"].iter_rows(min_row=2, values_only=True))
    assert totals["billed"] == data["billed"]
    assert totals["employer"] == data["totals"]["employer"]
    errors = list(book["errors"].iter_rows(values_only=True))
    assert [e[:3] for e in errors] == [
        ("row", "id", "field"),
        (len(lines) + 1, "X-1", "wage"),
    ]
    assert main([*base, "--output", str(payroll), "--lang", "en"]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert main([*base, "--output", str(tmp_path / "gaji.txt"), "--lang", "en"]) == 1
    assert "billed (without central government)" in (tmp_path / "gaji.txt").read_text("utf-8")
