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
#: The columns of the first rosters; the Banyuwangi roster adds the facts of issue 16.
COLUMNS = list(FACTS[: FACTS.index("application_date") + 1])
NEW_COLUMNS = [*COLUMNS, "nik", "bpjs_active_until", "disability"]
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
    "banyuwangi-rentan-2023": {
        "region": "35.10",
        "roles": ["buruh_tani", "nelayan"],
        "n": 240,
        "start": dt.date(2023, 10, 1),
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


def _banyuwangi(rng: random.Random, row: dict[str, str], i: int) -> dict[str, str]:
    """Issue 16 facts: region cells as names, kecamatan sub-regions, NIK, BPJS status."""
    kecamatan = regions().children("35.10")
    home = rng.choice(kecamatan)
    born = dt.date.fromisoformat(row["birth_date"])
    woman = rng.random() < 0.4
    area = home.code if rng.random() < 0.9 else "35.09.01"  # NIK first issued in Jember
    day = born.day + (40 if woman else 0)
    row["nik"] = f"{area.replace('.', '')}{day:02d}{born:%m%y}{i:04d}"
    if i % 11 == 0:
        row["birth_date"] = ""  # taken from the NIK
    if i == 13:
        row["birth_date"] = (born + dt.timedelta(days=1)).isoformat()  # disagrees: noted
    row["ktp_region"] = rng.choice(["Banyuwangi", "35.10", "Kab. Banyuwangi", home.code])
    if rng.random() < 0.05:
        row["ktp_region"] = "Kabupaten Jember"
    row["domicile"] = row["ktp_region"]
    row["sub_region"] = rng.choice([home.name, f"Kecamatan {home.name}", home.code])
    row["documents"] = "ktp"
    row["bpjs_active_until"] = (
        "tidak" if rng.random() < 0.85 else rng.choice(["2023-06-30", "2024-03-31"])
    )
    row["disability"] = "ya" if rng.random() < 0.06 else "tidak"
    return row


def main() -> None:
    """Write one CSV per example program."""
    OUT.mkdir(parents=True, exist_ok=True)
    for pid, spec in SPECS.items():
        rng = random.Random(pid)
        rows = [_row(rng, pid, spec, i) for i in range(1, int(spec["n"]) + 1)]  # type: ignore[call-overload]
        if pid == "banyuwangi-rentan-2023":
            rows = [_banyuwangi(rng, row, i) for i, row in enumerate(rows, start=1)]
        rows[7]["birth_date"] = "1990-13-45"  # one row with bad data, reported with its number
        columns = NEW_COLUMNS if pid == "banyuwangi-rentan-2023" else COLUMNS
        with (OUT / f"{pid}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


if __name__ == "__main__":
    main()
