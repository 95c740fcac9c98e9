"""The bundled example programs reproduce the published figures."""

from __future__ import annotations

from perlindungan import regional
from perlindungan.regional import planned_budget, scheme, schemes_for


def test_sijunjung_participants_and_nagari_cost() -> None:
    apbd = scheme("sijunjung-apbd-2022")
    nagari = scheme("sijunjung-nagari-100")
    # 17,143 is every BPU participant of the regency in Aug 2023 (a region statistic; see
    # test_coverage.py), not a quota of the APBD program (legal audit 2026).
    assert apbd.quota.total is None
    assert nagari.quota.total == 6_200
    assert nagari.quota.per_sub_region == 100
    assert nagari.quota.sub_regions == 62
    both = schemes_for("13.03", "pekerja_rentan", on="2023-10-02")
    assert [p.id for p in both] == ["sijunjung-apbd-2022", "sijunjung-nagari-100"]
    b = planned_budget(nagari, on="2023-10-02")
    assert int(b.yearly) == 6_200 * 16_800 * 12 == 1_249_920_000
    assert b.per_payer() == {"village_budget": b.yearly}


def test_sijunjung_nagari_not_before_launch() -> None:
    assert [p.id for p in schemes_for("13.03", "pekerja_rentan", on="2023-10-01")] == [
        "sijunjung-apbd-2022"
    ]


def test_kota_jambi_4316_participants_and_yearly_cost() -> None:
    p = scheme("kota-jambi-rentan-2025")
    assert p.quota.total == 4_316
    assert p.quota.per_role == {"pekerja_rentan": 3_000, "petugas_keagamaan": 1_316}
    b = planned_budget(p, on="2025-05-22")
    assert int(b.monthly) == 4_316 * 16_800
    assert int(b.yearly) == 870_105_600


def test_kampung_bahagia_premium_on_100m_activity() -> None:
    p = scheme("kota-jambi-kampung-bahagia")
    quote = regional.premium(p, p.valid_from)
    assert int(quote.total) == 240_000
    assert {line.payer.value for line in quote.lines} == {"regional_budget"}
    assert p.grant_for(60) is not None
    assert [int(p.grant_for(n).amount) for n in (40, 80, 150)] == [  # type: ignore[union-attr]
        50_000_000,
        75_000_000,
        100_000_000,
    ]


def test_kota_serang_12000_times_201600() -> None:
    p = scheme("kota-serang-2026")
    b = planned_budget(p, on="2026-01-01")
    assert int(b.yearly) == 12_000 * 201_600 == 2_419_200_000


def test_banten_tagana_province_applies_to_kota_serang() -> None:
    p = scheme("banten-tagana")
    assert p.quota.total == 1_452
    assert p.coverage.status == "illustrative"
    assert [x.id for x in schemes_for("36.73", "tagana_volunteer", on="2019-01-01")] == [
        "banten-tagana"
    ]


def test_regions_lookup() -> None:
    assert regional.region("Kota Jambi").code == "15.71"
    assert regional.region("13.03").village_units == 62
    assert [r.code for r in regional.regions().chain("36.73")] == ["36.73", "36"]
