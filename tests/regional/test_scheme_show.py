"""``scheme show`` reads a scheme's quota in words: per role, per sub-region, listed
sub-regions, a split by weights, phases with their places and targets, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from perlindungan.cli import main

BASE = """
[scheme]
id = "t"
name_id = "t"
name_en = "t"
region = "Kab. Banyuwangi"
valid_from = 2026-01-01
status = "illustrative"
confidence = "M"
sources = ["test"]
groups = ["nelayan", "pedagang_kaki_lima"]
[scheme.eligibility]
all = [{ role = ["nelayan", "pedagang_kaki_lima"] }, { ktp_region_in = "Banyuwangi" }]
[scheme.coverage]
programs = ["JKK", "JKM"]
scheme = "bpu"
[scheme.funding]
payer = "regional_budget"
budget_of = "35.10"
[scheme.quota]
QUOTA
"""

PHASED = """total = 100
per_role = { nelayan = 40 }
per_sub_region = 10
sub_regions = 5
phase_quotas = "added"
[[scheme.phases]]
name = "one"
name_en = "launch"
name_id = "peluncuran"
from = 2026-01-01
quota = 60
[[scheme.phases]]
name = "two"
from = 2026-07-01
quota = 40
[[scheme.targets]]
year = 2026
count = 100
"""


def _show(tmp_path: Path, quota: str, lang: str, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "t.toml"
    path.write_text(BASE.replace("QUOTA", quota), encoding="utf-8")
    assert main(["--lang", lang, "scheme", "show", str(path)]) == 0
    return capsys.readouterr().out


def test_quota_caps_phases_and_targets_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _show(tmp_path, PHASED, "en", capsys).splitlines()
    assert lines[-5:] == [
        (
            "  quota: total 100; per role nelayan 40; per sub-region: 10 each for 5 sub-regions "
            "(announced)"
        ),
        "  launch: from 2026-01-01, 60 new places (illustrative)",
        "  phase 2: from 2026-07-01, 40 new places (illustrative)",
        "  phase quotas written as: places added",
        "  target 2026: 100 (announced)",
    ]


def test_quota_caps_phases_and_targets_in_indonesian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _show(tmp_path, PHASED, "id", capsys).splitlines()
    assert lines[-5:] == [
        (
            "  kuota: jumlah 100; per peran nelayan 40; per subwilayah: masing-masing 10 untuk 5 "
            "subwilayah (diumumkan)"
        ),
        "  peluncuran: mulai 2026-01-01, 60 tempat baru (ilustratif)",
        "  tahap 2: mulai 2026-07-01, 40 tempat baru (ilustratif)",
        "  kuota tahap ditulis sebagai: tempat yang ditambahkan",
        "  target 2026: 100 (diumumkan)",
    ]


@pytest.mark.parametrize(
    ("quota", "shown"),
    [
        (
            (
                'total = 5\nsub_region_split = "weights"\n'
                'sub_region_weights = { Muncar = 3, "Kecamatan Tegaldlimo" = 2 }'
            ),
            (
                "  quota: total 5; split among sub-regions by the weights listed (largest "
                "remainder) (announced)"
            ),
        ),
        (
            "total = 5\nsub_region_quotas = { Muncar = 3, Tegaldlimo = 2 }",
            "  quota: total 5; listed per sub-region: 2 (announced)",
        ),
    ],
    ids=["split-by-weights", "listed"],
)
def test_sub_region_quotas_in_words(
    tmp_path: Path, quota: str, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _show(tmp_path, quota, "en", capsys).splitlines()[-1] == shown
