"""The input layer through the Python API, the batch API, roster files and outputs."""

from __future__ import annotations

import datetime as _dt
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from perlindungan import InvalidInputError, NonWageEarner, PerlindunganError, WageEarner
from perlindungan._input import table as table_module
from perlindungan._input.files import read_text
from perlindungan._input.flags import FALSE_WORDS, TRUE_WORDS, flag_cell
from perlindungan._input.numbers import exact_number
from perlindungan.benefits import Claim
from perlindungan.cli import main
from perlindungan.payroll import read_payroll_csv
from perlindungan.regional import load_scheme, read_roster, run_roster, scheme

# the assertions read the English messages (the Indonesian default: tests/test_language.py)
pytestmark = pytest.mark.usefixtures("english_cli")

HEADER = "id,name,role,ktp_region,documents,covered_as_pu\n"


def _row(ident: str, name: str = "Siti") -> str:
    return f"{ident},{name},guru_ngaji,36.73,kelurahan_letter,false\n"


@pytest.mark.parametrize("field", ["citizen", "partial_claimed_before"])
@pytest.mark.parametrize("value", ["no", "false", 0, 1, "yes"])
def test_claim_booleans_are_typed(field: str, value: object) -> None:
    facts: dict[str, Any] = {field: value}
    with pytest.raises(InvalidInputError, match=f"claim.{field} must be true or false"):
        Claim(program="JHT", event="leaving_indonesia", **facts)


def test_claim_booleans_accept_booleans() -> None:
    claim = Claim(program="JHT", event="leaving_indonesia", citizen=False)
    assert claim.citizen is False


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (10**40, "wage is too large"),
        (Decimal("1e30"), "wage is too large"),
        ("1e999999999", "wage is too large"),
        ("²", "digits 0-9"),
        ("٣", "digits 0-9"),
        (Decimal("NaN"), "finite"),
        (10**5000, "a whole number of about 5,001 digits"),
    ],
    ids=[
        "10**40",
        "Decimal 1e30",
        "text 1e999999999",
        "superscript",
        "arabic-indic",
        "NaN",
        "10**5000",
    ],
)
def test_python_api_numbers_are_bounded(value: Any, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        WageEarner(wage=value, risk_class=1, birth_date="1990-01-01")


def test_one_flag_vocabulary() -> None:
    for word in TRUE_WORDS:
        assert flag_cell(word.upper(), field="f") is True
    for word in FALSE_WORDS:
        assert flag_cell(f" {word} ", field="f") is False
    with pytest.raises(InvalidInputError, match="f must be true or false"):
        flag_cell("maybe", field="f")


def test_the_same_flag_words_in_payroll_and_roster(tmp_path: Path) -> None:
    payroll = tmp_path / "payroll.csv"
    payroll.write_text("id,category,income,with_jht\nA,bpu,1000000,yes\nB,bpu,1000000,Tidak\n")
    entries = list(read_payroll_csv(payroll))
    assert [e.worker for e in entries] == [  # type: ignore[union-attr]
        NonWageEarner(income=1_000_000, with_jht=True),
        NonWageEarner(income=1_000_000, with_jht=False),
    ]
    roster = tmp_path / "roster.csv"
    roster.write_text(HEADER + "A,Siti,guru_ngaji,36.73,ktp,yes\nB,Budi,guru_ngaji,36.73,ktp,N\n")
    people = [r.person for r in read_roster(roster)]
    assert [p.covered_as_pu for p in people if p] == [True, False]


@pytest.mark.parametrize("special", ["/dev/zero", "fifo", "folder"])
def test_non_regular_files_are_refused_up_front(
    special: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if special == "fifo":
        if not hasattr(os, "mkfifo"):  # pragma: no cover - Windows
            pytest.skip("no FIFOs here")
        path = tmp_path / "roster.csv"
        os.mkfifo(path)
    elif special == "folder":
        path = tmp_path
    else:
        if not Path(special).exists():  # pragma: no cover - no /dev/zero
            pytest.skip("no /dev/zero here")
        path = Path(special)
    for argv in (
        ["scheme", "evaluate", "kota-serang-2026", "--roster", str(path)],
        ["scheme", "check", str(path)],
        ["payroll", str(path), "--on", "2025-06-01"],
        ["contributions", str(path)],
    ):
        assert main(argv) in (1, 2)
        err = capsys.readouterr().err
        assert "refused" in err, (argv, err)
        assert len(err.splitlines()) <= 2


def test_file_size_is_checked_while_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("x" * 2000)
    with pytest.raises(InvalidInputError, match="larger than 1,000 bytes"):
        read_text(path, limit=1000, what="roster")


def test_stdin_is_decoded_as_a_file_is(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import io  # noqa: PLC0415

    request = '\ufeff{"on": "2025-06-01", "worker": {"category": "bpu", "income": 1000000}}'
    data = request.encode("utf-8")
    path = tmp_path / "r.json"
    path.write_bytes(data)
    assert main(["contributions", str(path), "--json"]) == 0
    from_file = capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="latin-1"))
    assert main(["contributions", "-", "--json"]) == 0
    assert capsys.readouterr().out == from_file


def test_row_cap_counts_people_not_the_header(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(table_module, "MAX_ROWS", 3)
    roster = tmp_path / "roster.csv"
    roster.write_text(HEADER + "".join(_row(f"A-{i}") for i in range(3)))
    assert [r.row for r in read_roster(roster)] == [2, 3, 4]
    roster.write_text(HEADER + "".join(_row(f"A-{i}") for i in range(4)))
    with pytest.raises(InvalidInputError, match="4 rows is more than the 3 read at once"):
        read_roster(roster)


def test_semicolon_bom_and_crlf_roster(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    text = (
        (HEADER + _row("A-1") + _row("A-2", '"Sri; Ani"')).replace(",", ";").replace("\n", "\r\n")
    )
    roster.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    rows = read_roster(roster)
    assert [(r.row, r.person.name if r.person else None) for r in rows] == [
        (2, "Siti"),
        (3, "Sri; Ani"),
    ]
    assert read_roster(roster, delimiter=";") == rows


def test_csv_xlsx_csv_round_trip_loses_nothing(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from perlindungan._input.xlsx import write_xlsx  # noqa: PLC0415
    from perlindungan.regional import bundled_roster  # noqa: PLC0415

    source = (
        Path(__file__).resolve().parents[2]
        / "src/perlindungan/data/rosters/kota-jambi-rentan-2025.csv"
    )
    table = table_module.read_table(source)
    book = tmp_path / "roster.xlsx"
    write_xlsx(
        book,
        table.header,
        ([r.cells.get(h) for h in table.header] for r in table.records() if r.cells),
    )
    back = table_module.read_table(book)
    assert back.header == table.header
    assert [(r.line, dict(r.cells or {})) for r in back.records()] == [
        (r.line, {k: v for k, v in (r.cells or {}).items() if v != ""}) for r in table.records()
    ]
    assert [r.person for r in read_roster(book)] == [
        r.person for r in bundled_roster("kota-jambi-rentan-2025")
    ]


def test_formula_cells_stay_text_in_a_workbook(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from perlindungan._input.xlsx import write_xlsx  # noqa: PLC0415

    book = tmp_path / "t.xlsx"
    write_xlsx(book, ["id", "name"], [['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0"]])
    back = table_module.read_table(book)
    assert [dict(r.cells or {}) for r in back.records()] == [
        {"id": '=HYPERLINK("http://x")', "name": "+cmd|' /C calc'!A0"}
    ]


def test_formula_prefixes_are_escaped_in_csv_outputs(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(HEADER + _row("=HYPERLINK(1)") + _row("@SUM(A1)") + _row("+cmd"))
    result = run_roster(scheme("kota-serang-2026"), read_roster(roster), on="2026-01-01")
    decisions = result.to_csv()
    assert "'=HYPERLINK(1)" in decisions
    assert "'@SUM(A1)" in decisions
    assert "'+cmd" in decisions
    assert "\n=" not in decisions
    assert ",=" not in decisions
    assert ",@" not in result.allocation_csv()


def test_outputs_never_overwrite_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(HEADER + _row("A-1"))
    before = roster.read_bytes()
    argv = ["scheme", "evaluate", "kota-serang-2026", "--roster", str(roster)]
    assert main([*argv, "--output", str(roster)]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert roster.read_bytes() == before
    assert main([*argv, "--output", str(tmp_path / "new" / "deeper") + "/"]) == 0
    assert (tmp_path / "new" / "deeper" / "decisions.csv").is_file()
    capsys.readouterr()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main([*argv, "--output", str(blocker / "out.txt")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_bad_program_in_python_raises_the_library_error(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes(b"\xff")
    with pytest.raises(PerlindunganError, match="not UTF-8"):
        load_scheme(path)


def test_batch_odd_cells_are_row_errors_like_the_scalar_api() -> None:
    pa = pytest.importorskip("pyarrow")
    from perlindungan.batch import contributions_batch  # noqa: PLC0415

    birth = [_dt.date(1990, 1, 1)] * 4
    table = pa.table(
        {
            "category": ["pu"] * 4,
            "wage": pa.array([[5_000_000], [1, 2], [5_000_000], [5_000_000]], pa.list_(pa.int64())),
            "risk_class": [1] * 4,
            "birth_date": birth,
        }
    )
    result = contributions_batch(table, on="2025-06-01")
    assert [e.row for e in result.errors] == [0, 1, 2, 3]
    assert "got list" in result.errors[0].message
    times = pa.table(
        {
            "category": ["pu", "pu"],
            "wage": [5_000_000, 5_000_000],
            "risk_class": [1, 1],
            "birth_date": pa.array(
                [_dt.datetime(1990, 1, 1, 10, 30), _dt.datetime(1990, 1, 1)]  # noqa: DTZ001, pa.timestamp("us")
            ),
        }
    )
    result = contributions_batch(times, on="2025-06-01")
    assert [e.row for e in result.errors] == [0]
    assert "not a datetime" in result.errors[0].message
    big: dict[str, Any] = {
        "category": ["pu"] * 3,
        "wage": [2**70, 10**16, 5_000_000],
        "risk_class": [1] * 3,
        "birth_date": birth[:3],
    }
    result = contributions_batch(big, on="2025-06-01")
    assert [e.row for e in result.errors] == [0, 1]
    for error in result.errors:
        with pytest.raises(InvalidInputError) as scalar:
            WageEarner(wage=big["wage"][error.row], risk_class=1, birth_date="1990-01-01")
        assert error.message == scalar.value.message


def test_exact_number_keeps_real_values() -> None:
    assert exact_number("5_000_000", field="wage") == 5_000_000
    assert exact_number(Decimal("0.002400000000000000"), field="rate") == Decimal("0.0024")


def test_program_check_lists_problems_bounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.toml"
    path.write_text("[program]\n" + "".join(f"bad{i} = 1\n" for i in range(1000)))
    assert main(["scheme", "check", str(path), "--lang", "id"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "masalah dalam berkas data: 1.011"
    assert len(lines) == 12
    assert lines[-1] == "  ... dan 1.001 lainnya"
    assert main(["scheme", "evaluate", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert "(and 1,010 more problems" in err[0]


def test_roster_chunks_keep_lines_and_refuse_ids_across_blocks() -> None:
    from perlindungan.regional._roster import roster_chunks  # noqa: PLC0415

    text = HEADER + _row("A") + "\n" + _row("B") + _row("A") + _row("C")
    table = table_module.table_from_text(text, name="r.csv")
    blocks = list(roster_chunks(table, size=2))
    assert [[r.row for r in block] for block in blocks] == [[2, 4], [5, 6]]
    assert blocks[1][0].error is not None
    assert "already used on line 2" in blocks[1][0].error.message
