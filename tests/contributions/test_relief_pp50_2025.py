"""PP 50/2025 (BPU JKK and JKM at 50%): the relief on each line, its explanation, the
CLI, regional budgets (excluded) and the data behind it. The amounts of the windows are
golden cases (tests/cases/contributions/relief_pp50_2025.toml)."""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal

import pytest

from perlindungan import NonWageEarner, Program, contributions, regional
from perlindungan.cli import main
from perlindungan.parameters import names

ON = _dt.date(2026, 6, 1)


def test_each_line_shows_the_relief() -> None:
    quote = contributions(NonWageEarner(income=1_000_000), on=ON)
    (jkk,) = quote.lines_for(Program.JKK)
    (jkm,) = quote.lines_for(Program.JKM)
    for line, normal, amount in ((jkk, 10_000, 5_000), (jkm, 6_800, 3_400)):
        assert line.relief is not None
        assert line.relief.scheme == "PP 50/2025"
        assert line.relief.kind == "discount"
        assert line.relief.payable_share == Decimal("0.5")
        assert int(line.relief.normal_amount) == normal
        assert int(line.relief.reduction) == normal - amount
        assert int(line.amount) == amount
        assert line.relief.citations[0].basis.id == "pp-50-2025"
        assert line.relief.citations[0].article == "Pasal 4 ayat (1)"
    data = quote.to_dict()["lines"][0]["relief"]
    assert data == {
        "scheme": "PP 50/2025",
        "kind": "discount",
        "payable_share": "0.5",
        "normal_amount": 10000,
        "discount": 5000,
        "basis": "PP 50/2025 Pasal 4 ayat (1)",
    }


def test_jht_is_never_discounted() -> None:
    quote = contributions(NonWageEarner(income=1_000_000, with_jht=True), on=ON)
    (jht,) = quote.lines_for(Program.JHT)
    assert jht.relief is None
    assert int(jht.amount) == 20_000


def test_explanation_in_indonesian_and_english() -> None:
    quote = contributions(NonWageEarner(income=1_000_000), on=ON)
    english = quote.explain("en")
    indonesian = quote.explain()
    assert "relief under PP 50/2025: normal amount IDR10,000, IDR5,000 discount" in english
    assert "keringanan PP 50/2025: iuran normal Rp10.000, potongan Rp5.000" in indonesian
    assert "8.400" in indonesian


@pytest.mark.parametrize("lang", ["id", "en"])
def test_excluded_payer_is_explained(lang: str) -> None:
    quote = contributions(NonWageEarner(income=1_000_000, paid_by="regional_budget"), on=ON)
    assert [n.code for n in quote.notes] == ["relief_excluded_payer"]
    text = quote.explain(lang)
    assert "PP 50/2025" in text
    assert "APBD" in text or "regional" in text or "daerah" in text


def test_cli_quotes_the_minimum_income_at_8400(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["contributions", "--on", "2026-06-01", "--category", "bpu", "--income", "1000000"]
    assert main([*args, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"] == {"worker": 8400}
    assert main([*args, "--lang", "en"]) == 0
    table = capsys.readouterr().out
    assert "PP 50/2025" in table
    assert "IDR8,400" in table
    assert main([*args, "--explain"]) == 0
    assert "potongan Rp5.000" in capsys.readouterr().out


def test_cli_sector_and_payer(capsys: pytest.CaptureFixture[str]) -> None:
    base = ["contributions", "--on", "2026-02-01", "--category", "bpu", "--income", "1000000"]
    assert main([*base, "--sector", "transport", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 8400
    assert main([*base, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 16800
    assert main([*base, "--sector", "transport", "--paid-by", "government", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 16800
    assert main([*base, "--paid-by", "apbd"]) == 2
    assert "paid_by harus salah satu dari" in capsys.readouterr().err


def test_a_budget_paid_regional_program_is_not_discounted() -> None:
    program = regional.scheme("kota-serang-2026")
    quote = regional.premium(program, ON)
    assert int(quote.total) == 16_800
    assert all(line.relief is None for line in quote.lines)
    assert [n.code for n in quote.notes] == ["relief_excluded_payer"]


def test_the_data_records_the_reading_of_the_exclusion() -> None:
    entry = names("relief.pp50_2025.excluded_payers", ON)
    assert set(entry.value) == {"government", "regional_budget", "village_budget"}
    assert entry.citations[0].article == "Pasal 3"
    assert entry.confidence == "M"  # the village budget is the library's reading
    assert entry.note is not None
    assert "APB Desa" in entry.note


def test_payroll_csv_and_batch_columns_carry_the_facts() -> None:
    from perlindungan.batch import contributions_batch  # noqa: PLC0415
    from perlindungan.payroll import payroll_contributions, read_payroll_csv  # noqa: PLC0415

    lines = [
        "id,category,income,sector,paid_by",
        "a,bpu,1000000,transport,",
        "b,bpu,1000000,,regional_budget",
        "c,bpu,1000000,retail,other",
    ]
    day = _dt.date(2026, 2, 1)
    result = payroll_contributions(list(read_payroll_csv(lines)), on=day)
    assert [int(q.total) for _, q in result.quotes] == [8400, 16800, 16800]
    columns = {
        "category": ["bpu"] * 3,
        "income": [1_000_000] * 3,
        "sector": ["transport", None, "retail"],
        "paid_by": [None, "regional_budget", "other"],
    }
    batch = contributions_batch(columns, on=day)
    assert batch.column("total") == [8400, 16800, 16800]
    assert batch.column("jkk_worker") == [5000, 10000, 10000]
    later = contributions_batch(columns, on=ON)
    assert later.column("total") == [8400, 16800, 8400]
