"""Python integration: Rupiah with int and Decimal, format specs, to_dict and the JSON hook,
FastAPI (the example app of the docs on a real server), and mypy on a float wage."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import perlindungan as pl
from perlindungan.batch import contributions_batch
from perlindungan.payroll import bundled_payroll, payroll_contributions
from perlindungan.regional import planned_budget, scheme

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "python-integration.md"

exact = st.one_of(
    st.integers(-(10**15), 10**15),
    st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False),
)


@given(exact, exact)
def test_rupiah_compares_and_adds_exactly_with_int_and_decimal(
    a: int | Decimal, b: int | Decimal
) -> None:
    ra = pl.Rupiah(a)
    assert (ra == b) is (Decimal(a) == Decimal(b))
    assert (ra != b) is (Decimal(a) != Decimal(b))
    assert (ra < b) is (Decimal(a) < Decimal(b))
    assert (b <= ra) is (Decimal(b) <= Decimal(a))
    assert (ra + b).amount == Decimal(a) + Decimal(b)
    assert (b + ra).amount == Decimal(b) + Decimal(a)
    assert (ra - b).amount == Decimal(a) - Decimal(b)
    assert (b - ra).amount == Decimal(b) - Decimal(a)
    assert abs(ra).amount == abs(Decimal(a))
    if ra == b:
        assert hash(ra) == hash(b)
        assert hash(ra) == hash(pl.Rupiah(b))


def test_floats_are_refused_in_comparisons_arithmetic_and_float() -> None:
    total = pl.Rupiah(774200)
    for operation in (
        lambda: total == 774200.0,
        lambda: total != 1.0,
        lambda: total < 1.5,
        lambda: total <= 1.5,
        lambda: total + 0.5,
        lambda: 0.5 + total,
        lambda: total - 0.5,
        lambda: float(total),
    ):
        with pytest.raises(pl.MoneyTypeError, match="float") as info:
            operation()
        assert isinstance(info.value, pl.InvalidInputError)
        assert isinstance(info.value, TypeError)
    assert total != "774200"  # an unrelated type is simply another value
    assert total == 774200
    assert total == Decimal("774200.00")
    lookup: dict[object, str] = {total: "x"}
    assert lookup[774200] == "x"
    assert sum([total, total]) == 2 * 774200


def test_format_takes_standard_specs_and_locales() -> None:
    amount = pl.Rupiah("1234567.5")
    assert format(amount, ",") == "1,234,567.5"
    assert f"{amount:,.2f}" == "1,234,567.50"
    assert f"{amount:>14,.0f}" == "     1,234,568"
    assert f"{amount}" == "Rp1.234.567,50"
    assert f"{amount:en}" == "IDR1,234,567.50"
    assert f"{amount:id_ID}" == "Rp1.234.567,50"
    with pytest.raises(pl.InvalidInputError, match="format spec"):
        format(amount, "zz!")


def test_money_type_error_in_a_request_names_the_field() -> None:
    request = {
        "on": "2025-03-01",
        "worker": {
            "category": "pu",
            "wage": 8000000.0,
            "risk_class": 1,
            "birth_date": "1990-01-01",
        },
    }
    with pytest.raises(pl.InvalidInputError) as info:
        pl.quote_from_request(request)
    assert isinstance(info.value, pl.MoneyTypeError)
    assert info.value.field == "worker.wage"
    assert str(info.value).startswith("worker.wage must be an exact number")
    assert "8000000.50" in str(info.value)  # the valid form


def _results() -> dict[str, object]:
    quote = pl.contributions(
        pl.WageEarner(wage=15_000_000, risk_class=3, birth_date="1985-04-02"), on="2025-06-01"
    )
    assert quote.notes  # the PP 7/2025 relief was not considered
    claim = {
        "on": "2025-03-01",
        "claim": {"program": "JKM", "event": "death", "category": "pu", "membership_months": 48},
    }
    roster = scheme("kota-serang-2026")
    return {
        "quote": quote,
        "line": quote.lines[0],
        "note": quote.notes[0],
        "benefit": pl.benefit_from_request(claim),
        "component": pl.benefit_from_request(claim).components[0],
        "payroll": payroll_contributions(bundled_payroll(), on="2025-06-01"),
        "batch": contributions_batch({"category": ["bpu"], "income": [1000000]}, on="2025-06-01"),
        "budget": planned_budget(roster, on="2026-01-01"),
    }


def test_every_result_has_to_dict_and_the_json_hook_uses_it() -> None:
    for name, result in _results().items():
        data = result.to_dict()  # type: ignore[attr-defined]
        assert isinstance(data, dict), name
        assert json.loads(json.dumps(result, default=pl.json_default)) == json.loads(
            json.dumps(data)
        ), name
    assert json.dumps(pl.Rupiah("12.50"), default=pl.json_default) == '"12.50"'
    with pytest.raises(TypeError, match="not JSON serializable"):
        json.dumps(object(), default=pl.json_default)


def test_lines_notes_and_components_carry_labels_in_id_and_en() -> None:
    results = _results()
    quote = results["quote"]
    assert isinstance(quote, pl.Quote)
    data = quote.to_dict()
    for line in data["lines"]:
        assert set(line["labels"]) == {"id", "en"}
        for text in line["labels"].values():
            assert text
            assert not re.search(r"\{\w+\}", text), text  # no raw template
    assert data["lines"][0]["labels"] == {"id": "JKK, kelompok risiko 3", "en": "JKK, risk group 3"}
    for note in data["notes"]:
        assert set(note["messages"]) == {"id", "en"}
        assert note["messages"]["id"] != note["messages"]["en"]
    component = results["component"].to_dict()  # type: ignore[attr-defined]
    assert set(component["labels"]) == {"id", "en"}


@pytest.mark.slow
def test_mypy_rejects_a_float_wage(tmp_path: Path) -> None:
    snippet = tmp_path / "app.py"
    snippet.write_text(
        textwrap.dedent(
            """
            from decimal import Decimal

            import perlindungan as pl

            good = pl.WageEarner(wage=Decimal("5000000.50"), risk_class=1, birth_date="1990-01-01")
            fine = pl.NonWageEarner(income=1_000_000)
            bad = pl.WageEarner(wage=5_000_000.0, risk_class=1, birth_date="1990-01-01")
            also_bad = pl.MigrantWorker(contract_months=24, jht_amount=50_000.0)
            """
        ),
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stdout
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 2, done.stdout
    assert 'app.py:8: error: Argument "wage" to "WageEarner" has incompatible type "float"' in (
        done.stdout
    )
    assert "app.py:9: error:" in done.stdout


def _example_app() -> str:
    text = DOCS.read_text("utf-8")
    blocks = re.findall(r"```python\n(# example_app\.py\n.*?)```", text, flags=re.DOTALL)
    assert len(blocks) == 1
    return str(blocks[0])


@pytest.mark.slow
def test_the_fastapi_example_of_the_docs_runs(tmp_path: Path) -> None:
    (tmp_path / "example_app.py").write_text(_example_app(), "utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "example_app:app",
            "--app-dir",
            str(tmp_path),
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/total?wage=15000000", timeout=2) as answer:
                    totals = json.loads(answer.read())
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode() if server.stdout else ""
                    pytest.fail(f"the example app did not start: {output}")
                time.sleep(0.1)
        with urllib.request.urlopen(
            f"{url}/quote?wage=15000000.50&risk_class=2", timeout=10
        ) as answer:
            quote = json.loads(answer.read())
        with urllib.request.urlopen(f"{url}/openapi.json", timeout=10) as answer:
            document = json.loads(answer.read())
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout:
            server.stdout.close()
    expected = pl.contributions(
        pl.WageEarner(wage=Decimal("15000000.50"), risk_class=2, birth_date="1985-04-02"),
        on="2026-03-01",
    )
    assert quote == json.loads(json.dumps(expected.to_dict()))
    reference = pl.contributions(
        pl.WageEarner(wage=15_000_000, risk_class=1, birth_date="1985-04-02"), on="2026-03-01"
    )
    assert totals == {
        "total": int(reference.total),
        "employer": int(reference.totals()[pl.Payer.EMPLOYER]),
    }
    assert "/quote" in document["paths"]
