"""A benefit answer explained in words: one line per component with its amount, how it was
computed and its legal basis, the total, the reasons and notes, in Indonesian and English."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from perlindungan import benefit_from_request
from perlindungan.benefits import Benefit
from perlindungan.cli import main


def _benefit(on: str, **claim: Any) -> Benefit:
    return benefit_from_request({"on": on, "claim": claim})


def test_each_component_has_its_amount_method_and_legal_basis() -> None:
    benefit = _benefit("2024-01-01", program="JKK", event="death", wage=5_000_000)
    text = benefit.explain("en").splitlines()
    assert text[0] == "JKK benefit for death, on January 1, 2024"
    assert text[1] == "Eligible"
    for part in benefit.components:
        (head,) = [line for line in text if line.startswith(f"{part.label}: ")]
        assert head.endswith(f"IDR{int(part.amount):,}")
        position = text.index(head)
        assert text[position + 2] == f"    legal basis: {part.to_dict()['basis']}"
    assert text[text.index("Notes:") - 1] == f"total: IDR{int(benefit.total):,}"
    assert "    60% x 80 x IDR5,000,000" in text  # how the death benefit is computed


def test_indonesian_is_the_default_with_indonesian_money_and_dates() -> None:
    benefit = _benefit("2024-01-01", program="JKK", event="death", wage=5_000_000)
    text = benefit.explain()
    assert text == benefit.explain("id_ID")
    lines = text.splitlines()
    assert lines[:2] == [
        "Manfaat JKK untuk peristiwa meninggal dunia, per 1 Januari 2024",
        "Berhak",
    ]
    assert f"jumlah: Rp{int(benefit.total):,}".replace(",", ".") in lines
    assert "    dasar hukum: PP 44/2015 Lampiran III" in lines
    assert "Catatan:" in lines


def test_a_monthly_pension_reads_per_month_and_first_monthly_payment() -> None:
    benefit = _benefit(
        "2026-04-01",
        program="JP",
        event="old_age",
        contribution_months=180,
        average_indexed_wage=5_000_000,
    )
    (part,) = benefit.components
    amount = f"IDR{int(part.amount):,}"
    lines = benefit.explain("en").splitlines()
    assert f"old-age pension, monthly: {amount} per month" in lines
    assert f"first monthly payment: {amount}" in lines
    assert "    - Pension age not checked (birth_date not given)." in lines
    assert "pembayaran bulan pertama: Rp" in benefit.explain("id")


def test_a_refusal_lists_its_reasons_and_no_total() -> None:
    benefit = _benefit(
        "2025-06-01",
        program="JKP",
        event="termination",
        wage=4_000_000,
        terminated_on="2025-05-01",
        termination_reason="resignation",
        contribution_months=12,
    )
    lines = benefit.explain("en").splitlines()
    assert lines[1] == "Not eligible"
    assert lines[2].startswith("    - Termination by resignation gives no JKP. (PP 6/2025")
    assert not any(line.startswith(("total:", "first monthly payment:")) for line in lines)
    assert benefit.explain("id").splitlines()[1] == "Tidak berhak"
    # the reason is named in the language asked, not by its code
    assert "karena mengundurkan diri tidak memberi hak atas JKP" in benefit.explain("id")
    assert "resignation" not in benefit.explain("id")
    assert (
        benefit.reasons[0]
        .to_dict()["messages"]["id"]
        .startswith("Berakhirnya hubungan kerja karena mengundurkan diri")
    )


@pytest.mark.parametrize(
    ("locale", "marked"),
    [("en", "    figure illustrative, confidence M"), ("id", "    angka ilustratif, keyakinan M")],
)
def test_a_figure_resting_on_an_assumption_is_marked_with_its_status(
    locale: str, marked: str
) -> None:
    benefit = _benefit(
        "2025-03-01",
        program="JHT",
        event="resignation",
        terminated_on="2025-01-15",
        balance=10_000_000,
        assumed_return="0.05",
        contributions=[{"month": "2024-01", "amount": 300_000}],
    )
    lines = benefit.explain(locale).splitlines()
    (part,) = benefit.components
    assert (part.status, part.confidence) == ("illustrative", "M")
    assert lines[lines.index(marked) - 1].endswith("PP 46/2015")
    # an enacted, verified figure carries no such line
    certain = _benefit("2024-01-01", program="JKM", event="death").explain(locale)
    assert "confidence" not in certain
    assert "keyakinan" not in certain


def test_the_command_prints_the_explanation_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    request = {"on": "2024-01-01", "claim": {"program": "JKM", "event": "death"}}
    path = tmp_path / "claim.json"
    path.write_text(json.dumps(request), encoding="utf-8")
    expected = benefit_from_request(request)
    assert main(["--lang", "en", "benefits", str(path)]) == 0
    assert capsys.readouterr().out == expected.explain("en") + "\n"
    assert main(["benefits", str(path)]) == 0
    assert capsys.readouterr().out == expected.explain("id_ID") + "\n"
