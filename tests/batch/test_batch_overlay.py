"""The batch arithmetic under a scenario's rates equals the scalar one: a zero rate, a rate
of one, and JKK rates whose fractions have different denominators by risk class."""

from __future__ import annotations

from typing import Any

import numpy as np

from perlindungan import WageEarner, contributions
from perlindungan._overlay import Overlay, applied, override
from perlindungan.batch import contributions_batch

WAGES = [5_000_123, 7_654_321, 12_345_678]


def _scalar(wage: int, risk_class: int) -> dict[str, Any]:
    worker = WageEarner(wage=wage, risk_class=risk_class, birth_date="1990-01-01")
    quote = contributions(worker, on="2025-06-01")
    amounts = {
        f"{line.program.value.lower()}_{line.payer.value}": int(line.amount) for line in quote.lines
    }
    return {"total": int(quote.total), **amounts}


def test_batch_equals_scalar_under_zero_one_and_mixed_denominator_rates() -> None:
    layer = Overlay(
        (
            override("pu.jkk.rate.2", "0.005"),  # 1/200 beside 0.0024 = 3/1250: two denominators
            override("pu.jkk.rate.3", "0"),
            override("pu.jkm.rate", "0"),
            override("pu.jht.worker_rate", "1"),
        )
    )
    rows = [(wage, risk) for wage in WAGES for risk in range(1, 6)]
    data = {  # typed columns, as a DataFrame or a Parquet file gives: the numpy path
        "category": np.array(["pu"] * len(rows)),
        "wage": np.array([w for w, _ in rows], dtype=np.int64),
        "risk_class": np.array([r for _, r in rows], dtype=np.int64),
        "birth_date": np.array(["1990-01-01"] * len(rows), dtype="datetime64[D]"),
    }
    with applied(layer):
        batch = contributions_batch(data, on="2025-06-01").to_dict()["rows"]
        expected = [_scalar(w, r) for w, r in rows]
    for got, want, (wage, risk) in zip(batch, expected, rows, strict=True):
        assert {k: got[k] for k in want} == want, (wage, risk)
    by_row = dict(zip(rows, batch, strict=True))
    assert by_row[(WAGES[0], 3)]["jkk_employer"] == 0
    assert by_row[(WAGES[0], 2)]["jkk_employer"] == (WAGES[0] * 5 + 500) // 1000
    assert by_row[(WAGES[1], 1)]["jht_worker"] == WAGES[1]
    assert {row["jkm_employer"] for row in batch} == {0}
