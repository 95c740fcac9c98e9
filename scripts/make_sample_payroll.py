"""Write the bundled sample payroll (deterministic: same file on every run).

    python scripts/make_sample_payroll.py

Names and figures are synthetic. The file covers every category: wage earners (some
above the JP wage cap, some near pension age, some at employers in the PP 7/2025
sectors), non-wage earners (with and without JHT, at both ends of the income range),
construction projects and listed construction workers, and migrant workers.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from perlindungan.payroll import COLUMNS

OUT = Path(__file__).resolve().parent.parent / "src/perlindungan/data/samples/payroll.csv"
FIRST = [
    "Adi",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fitri",
    "Gita",
    "Hadi",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nur",
    "Putu",
    "Rina",
    "Siti",
    "Taufik",
    "Wahyu",
    "Yuni",
]
LAST = [
    "Saputra",
    "Wijaya",
    "Lestari",
    "Santoso",
    "Hidayat",
    "Pratama",
    "Nasution",
    "Siregar",
    "Harahap",
    "Kusuma",
    "Rahmawati",
    "Setiawan",
]
SECTORS = ["textile_apparel", "footwear", "furniture", "retail", "logistics", "banking"]


def main() -> None:
    rng = random.Random(20260301)
    rows: list[dict[str, str]] = []

    def name() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    for i in range(1, 25):
        wage = rng.choice(
            [
                4_418_261,
                5_000_000,
                7_500_000,
                10_000_000,
                12_500_000,
                15_000_000,
                3_868_963,
                25_000_000,
            ]
        )
        year = 1966 if i in {3, 17} else rng.randint(1970, 2004)
        rows.append(
            {
                "id": f"PU-{i:03d}",
                "name": name(),
                "category": "pu",
                "wage": str(wage),
                "risk_class": str(rng.randint(1, 5)),
                "birth_date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "employer_sector": rng.choice(SECTORS),
                "employer_workers": str(rng.choice([12, 48, 50, 320])),
            }
        )
    for i in range(1, 21):
        income = (
            1_000_000
            if i <= 8
            else rng.choice([1_500_000, 2_000_000, 3_500_000, 5_000_000, 20_700_000])
        )
        rows.append(
            {
                "id": f"BPU-{i:03d}",
                "name": name(),
                "category": "bpu",
                "income": str(income),
                "with_jht": "true" if i % 3 == 0 else "false",
            }
        )
    for i in range(1, 11):
        value = rng.choice(
            [80_000_000, 100_000_000, 250_000_000, 850_000_000, 2_000_000_000, 10_000_000_000]
        )
        rows.append(
            {
                "id": f"JAKON-P{i:02d}",
                "name": f"Proyek {rng.choice(LAST)} {i}",
                "category": "construction",
                "contract_value": str(value),
            }
        )
    for i in range(1, 11):
        rows.append(
            {
                "id": f"JAKON-W{i:02d}",
                "name": name(),
                "category": "construction",
                "wage": str(rng.choice([3_500_000, 4_200_000, 5_100_000])),
            }
        )
    for i in range(1, 21):
        months = rng.choice([6, 9, 12, 18, 24, 30, 36])
        jht = rng.choice(["", "", "50000", "100000", "600000"])
        rows.append(
            {
                "id": f"PMI-{i:03d}",
                "name": name(),
                "category": "migrant",
                "contract_months": str(months),
                "with_jht": "true" if jht else "",
                "jht_amount": jht,
            }
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
