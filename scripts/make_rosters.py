"""Generate the synthetic rosters bundled for the example regional programs.

Deterministic: each roster uses ``random.Random("<program id>")``. Every person is
fictitious. Run from the repository root: ``python scripts/make_rosters.py``.
Each roster mixes eligible people, people who are not eligible, people with missing facts
(undetermined) and one row with bad data, so that every kind of outcome shows.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from perlindungan.regional._person import FACTS
from perlindungan.regional._regions import regions

OUT = Path(__file__).resolve().parent.parent / "src" / "perlindungan" / "data" / "rosters"
COLUMNS = list(FACTS)
NAMES = [
    "Ahmad",
    "Siti",
    "Budi",
    "Dewi",
    "Rizki",
    "Nur",
    "Agus",
    "Rina",
    "Hendra",
    "Wati",
    "Yusuf",
    "Lina",
]

SPECS = {
    "kota-jambi-rentan-2025": {
        "region": "15.71",
        "roles": ["pekerja_rentan", "petugas_keagamaan"],
        "n": 240,
        "start": dt.date(2025, 5, 1),
    },
    "kota-jambi-kampung-bahagia": {
        "region": "15.71",
        "roles": ["rt_activity_worker"],
        "n": 120,
        "start": dt.date(2025, 6, 23),
    },
    "kota-serang-2026": {
        "region": "36.73",
        "roles": [
            "rt_rw_official",
            "guru_ngaji",
            "marbot_imam",
            "pemandi_jenazah",
            "kader_posyandu",
            "ojek_driver",
        ],
        "n": 240,
        "start": dt.date(2025, 11, 1),
    },
    "banten-tagana": {
        "region": "36",
        "roles": ["tagana_volunteer"],
        "n": 120,
        "start": dt.date(2018, 9, 1),
    },
    "sijunjung-nagari-100": {
        "region": "13.03",
        "roles": ["pekerja_rentan"],
        "n": 360,
        "start": dt.date(2023, 9, 1),
    },
}


def _sub_region(region: str, n: int, i: int) -> str:
    """An RT label, or in Sijunjung the n-th village unit: its Kemendagri code on odd
    rows and "Nagari <name>" on even rows (both resolve to the same unit)."""
    if region != "13.03":
        return f"RT {n:02d}"
    unit = regions().descendants("13.03", "village")[n - 1]
    return unit.code if i % 2 else f"Nagari {unit.name}"


def _row(rng: random.Random, pid: str, spec: dict[str, object], i: int) -> dict[str, str]:
    region = str(spec["region"])
    roles = list(spec["roles"])  # type: ignore[call-overload]
    start = spec["start"]
    assert isinstance(start, dt.date)
    home = region if rng.random() < 0.9 else "36.04"
    row = {
        "id": f"{''.join(w[0] for w in pid.split('-')).upper()}-{i:04d}",
        "name": f"{rng.choice(NAMES)} {rng.choice(NAMES)}",
        "role": rng.choice(roles) if rng.random() < 0.95 else "farmer",
        "domicile": home,
        "ktp_region": home if home != "36" else "36.73",
        "birth_date": (
            dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(0, 16000))
        ).isoformat(),
        "category": "bpu",
        "income": str(rng.choice([1_000_000, 1_500_000, 2_000_000, 2_500_000])),
        "covered_as_pu": "true" if rng.random() < 0.05 else "false",
        "documents": ";".join(
            d for d in ("ktp", "kelurahan_letter", "surat_tugas_rt") if rng.random() < 0.9
        ),
        "membership_months": str(rng.randrange(0, 36)),
        "sub_region": _sub_region(region, rng.randrange(1, 3 if region == "13.03" else 68), i),
        "activity_id": "",
        "activity_value": "",
        "application_date": (start + dt.timedelta(days=rng.randrange(0, 60))).isoformat(),
    }
    if pid == "kota-jambi-kampung-bahagia":
        n = rng.randrange(1, 30)
        row["activity_id"] = f"KB-{n:03d}"
        row["activity_value"] = str(25_000_000 * (1 + n % 4))
    if rng.random() < 0.05:  # a missing fact: undetermined
        row[rng.choice(["covered_as_pu", "domicile", "documents"])] = ""
    return row


def main() -> None:
    """Write one CSV per example program."""
    OUT.mkdir(parents=True, exist_ok=True)
    for pid, spec in SPECS.items():
        rng = random.Random(pid)
        rows = [_row(rng, pid, spec, i) for i in range(1, int(spec["n"]) + 1)]  # type: ignore[call-overload]
        rows[7]["birth_date"] = "1990-13-45"  # one row with bad data, reported with its number
        with (OUT / f"{pid}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()
