"""Region hierarchy below kabupaten/kota, CSV outputs of a run, quota properties."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from perlindungan._toml import read_toml_text
from perlindungan.cli import main
from perlindungan.errors import InvalidInputError, RegulationDataError, UnknownNameError
from perlindungan.money import format_rupiah
from perlindungan.regional import (
    Decision,
    Person,
    Status,
    Verdict,
    allocate,
    bundled_roster,
    load_scheme_text,
    region,
    regions,
    run_roster,
    scheme,
)
from perlindungan.regional._allocate import resolve_sub_region
from perlindungan.regional._program import Quota
from perlindungan.regional._regions import load_regions

NAGARI = scheme("sijunjung-nagari-100")
SERANG = scheme("kota-serang-2026")
DATA = Path(__file__).resolve().parents[2] / "src" / "perlindungan" / "data"


# --- regions ---------------------------------------------------------------------------


def test_kecamatan_and_villages_of_the_example_regions() -> None:
    reg = regions()
    assert [r.name for r in reg.children("36.73")] == [
        "Serang", "Kasemen", "Walantaka", "Curug", "Cipocok Jaya", "Taktakan",
    ]  # fmt: skip
    assert len(reg.children("15.71")) == 11
    assert reg.children("15.71")[-1].name == "Paal Merah"
    sij = reg.descendants("13.03", "district")
    assert [r.code for r in sij] == [f"13.03.{n:02d}" for n in range(3, 11)]
    villages = reg.descendants("13.03", "village")
    assert len(villages) == 62 == region("13.03").village_units
    assert [v.name for v in villages if v.name.startswith("Desa ")] == ["Desa Kampung Baru"]
    assert all(v.source and "cahyadsn/wilayah" in v.source for v in villages)


def test_lookup_by_code_and_name_and_hierarchy() -> None:
    silokek = region("13.03.04.2003")
    assert (silokek.name, silokek.level) == ("Silokek", "village")
    kecamatan = silokek.parent
    assert kecamatan is not None
    assert kecamatan.name == "Sijunjung"
    assert kecamatan.parent == region("13.03")
    assert [r.code for r in regions().chain(silokek.code)] == [
        "13.03.04.2003", "13.03.04", "13.03", "13",
    ]  # fmt: skip
    assert region("nagari silokek").code == "13.03.04.2003"
    assert region("KECAMATAN TAKTAKAN").code == "36.73.06"
    assert region("Sijunjung").code == "13.03"  # the highest level wins
    assert region("Sijunjung", within="13.03.04").code == "13.03.04"
    assert region("Sijunjung", within="13.03.04.2009").code == "13.03.04.2009"


def test_unknown_region_name_suggests() -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'Silokek'"):
        region("Silokekk")
    with pytest.raises(UnknownNameError):
        region("Serang", within="13.03")


def test_village_count_must_match_village_units() -> None:
    doc = read_toml_text(
        '[[region]]\ncode = "13"\nlevel = "province"\nname = "Sumatera Barat"\n'
        '[[region]]\ncode = "13.03"\nlevel = "regency"\nname = "Sijunjung"\nvillage_units = 2\n'
        '[[region]]\ncode = "13.03.04"\nlevel = "district"\nname = "Sijunjung"\n'
        '[[region]]\ncode = "13.03.04.2003"\nlevel = "village"\nname = "Silokek"\n',
        "regions/test.toml",
    )
    with pytest.raises(RegulationDataError, match=r"village_units .* is 2, but 1 village"):
        load_regions([doc])


def test_region_without_listed_parent_is_refused() -> None:
    doc = read_toml_text(
        'source = "test"\n[[region]]\ncode = "13.03.04"\nlevel = "district"\nname = "X"\n',
        "regions/test.toml",
    )
    with pytest.raises(RegulationDataError, match=r"parent region 13\.03 of 13\.03\.04"):
        load_regions([doc])


def test_sub_region_resolves_to_code_or_stays_text() -> None:
    assert resolve_sub_region(NAGARI, "13.03.10.2004") == "13.03.10.2004"
    assert resolve_sub_region(NAGARI, "Kampung Baru") == "13.03.10.2004"
    assert resolve_sub_region(NAGARI, "Nagari Silokek") == "13.03.04.2003"
    assert resolve_sub_region(NAGARI, "Nagari 02") == "Nagari 02"
    assert resolve_sub_region(NAGARI, "Taktakan") == "Taktakan"  # not in Sijunjung
    assert resolve_sub_region(SERANG, "Taktakan") == "36.73.06"
    assert resolve_sub_region(NAGARI, None) is None


def test_code_and_name_share_one_village_quota() -> None:
    people = [
        Person(id=f"P{i}", sub_region="13.03.04.2003" if i % 2 else "nagari silokek")
        for i in range(150)
    ]
    decisions = [Decision(p, NAGARI.id, dt.date(2024, 1, 1), Verdict.ELIGIBLE, ()) for p in people]
    alloc = allocate(NAGARI, decisions)
    assert len(alloc.admitted) == 100
    assert {p.sub_region for p in alloc.placements} == {"13.03.04.2003"}


def test_program_unit_count_is_checked_against_region_data() -> None:
    text = (DATA / "schemes" / "sijunjung-nagari-100.toml").read_text(encoding="utf-8")
    assert load_scheme_text(text, "ok.toml").quota.sub_regions == 62
    bad = text.replace("sub_regions = 62", "sub_regions = 61")
    with pytest.raises(RegulationDataError, match=r"61 sub-regions, but region 13\.03 has 62"):
        load_scheme_text(bad, "bad.toml")


# --- outputs ---------------------------------------------------------------------------


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize(
    ("program_id", "on"),
    [
        ("sijunjung-nagari-100", "2024-01-01"),
        ("kota-serang-2026", "2026-03-01"),
        ("kota-jambi-kampung-bahagia", "2025-09-01"),
    ],
)
def test_cli_writes_decisions_allocation_budget(
    program_id: str, on: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run"
    assert main(["scheme", "evaluate", program_id, "--on", on, "--output", f"{out}/"]) == 0
    assert capsys.readouterr().out.count("\n") == 5
    rows = bundled_roster(program_id)
    decisions = _csv(out / "decisions.csv")
    assert [int(r["row"]) for r in decisions] == [r.row for r in rows]  # every row, once
    assert Counter(r["id"] for r in decisions if r["verdict"] != "error") == Counter(
        r.person.id for r in rows if r.person is not None
    )
    allocation = _csv(out / "allocation.csv")
    assert len(allocation) == sum(r.person is not None for r in rows)
    assert {r["status"] for r in allocation} <= {s.value for s in Status}
    assert all(r["rank"] for r in allocation if r["status"] in ("admitted", "waitlisted"))
    assert all(r["reason"] for r in allocation if r["status"] == "waitlisted")
    budget = _csv(out / "budget.csv")
    body, total = budget[:-1], budget[-1]
    assert total["payer"] == "total"
    for column in ("per_month", "per_year", "one_off"):
        assert sum(int(r[column]) for r in body) == int(total[column])
    result = run_roster(scheme(program_id), rows, on=on)
    assert int(total["per_month"]) == int(result.budget.monthly)
    assert int(total["per_year"]) == int(result.budget.yearly)
    assert int(total["one_off"]) == int(result.budget.once)
    report = (out / "report.txt").read_text(encoding="utf-8")
    assert format_rupiah(result.budget.yearly, locale="id_ID") in report
    assert format_rupiah(result.budget.monthly, locale="id_ID") in report
    data = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert data["budget"]["yearly"] == int(total["per_year"])


def test_cli_output_file_still_writes_one_csv(tmp_path: Path) -> None:
    target = tmp_path / "d.csv"
    args = ["scheme", "evaluate", "kota-serang-2026", "--format", "csv", "--output", str(target)]
    assert main(args) == 0
    assert target.read_text(encoding="utf-8").startswith("row,id,verdict")


# --- quota properties ------------------------------------------------------------------

ROLES = ("guru_ngaji", "ojek_driver", "marbot_imam")
quotas = st.builds(
    Quota,
    total=st.one_of(st.none(), st.integers(min_value=0, max_value=40)),
    per_role=st.dictionaries(st.sampled_from(ROLES), st.integers(min_value=0, max_value=15)),
)
eligible = st.builds(
    Person,
    id=st.text(alphabet="abcdef0123", min_size=1, max_size=5),
    role=st.sampled_from([*ROLES, None]),
    sub_region=st.sampled_from(["Taktakan", "36.73.01", "RT 07", None]),
)


@settings(max_examples=60, deadline=None)
@given(quotas, st.lists(eligible, max_size=120))
def test_allocation_never_exceeds_total_or_role_quota(quota: Quota, people: list[Person]) -> None:
    prog = attrs.evolve(SERANG, quota=quota, phases=())
    decisions = [Decision(p, prog.id, dt.date(2026, 3, 1), Verdict.ELIGIBLE, ()) for p in people]
    alloc = allocate(prog, decisions)
    admitted = alloc.admitted
    if quota.total is not None:
        assert len(admitted) <= quota.total
    per_role = Counter(p.decision.person.role for p in admitted)
    for role, cap in quota.per_role.items():
        assert per_role[role] <= cap
    # nobody is waitlisted while the quota of their role and the total still had room
    for p in alloc.placements:
        if p.status is Status.WAITLISTED:
            role = p.decision.person.role or ""
            assert (quota.total is not None and len(admitted) >= quota.total) or (
                role in quota.per_role and per_role[role] >= quota.per_role[role]
            )
    assert len(alloc.placements) == len(people)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=30), st.lists(eligible, max_size=80))
def test_bundled_serang_quota_scaled_down_is_respected(total: int, people: list[Person]) -> None:
    prog = attrs.evolve(SERANG, quota=attrs.evolve(SERANG.quota, total=total), phases=())
    decisions = [Decision(p, prog.id, dt.date(2026, 3, 1), Verdict.ELIGIBLE, ()) for p in people]
    assert len(allocate(prog, decisions).admitted) <= total


def test_ambiguous_name_at_one_level_is_an_error() -> None:
    doc = read_toml_text(
        '[[region]]\ncode = "13"\nlevel = "province"\nname = "A"\n'
        '[[region]]\ncode = "13.01"\nlevel = "regency"\nname = "Same"\n'
        '[[region]]\ncode = "13.02"\nlevel = "regency"\nname = "Same"\n',
        "regions/test.toml",
    )
    with pytest.raises(InvalidInputError, match="ambiguous"):
        load_regions([doc]).get("same")
