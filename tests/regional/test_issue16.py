"""NIK, role vocabulary, the new conditions and priority keys, quota apportionment."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perlindungan.errors import InvalidInputError, RegulationDataError
from perlindungan.regional import (
    ROLE_ALIASES,
    ROLES,
    Decision,
    Verdict,
    allocate,
    evaluate,
    load_scheme_text,
    person_from_dict,
    regions,
    scheme,
)
from perlindungan.regional._apportion import largest_remainder
from perlindungan.regional._nik import CENTURY_PIVOT, mask_nik, parse_nik
from perlindungan.regional._person import Person, canonical_role

KECAMATAN = [r.code for r in regions().children("35.10")]


# --- NIK ----------------------------------------------------------------------------


@given(
    area=st.sampled_from(KECAMATAN),
    born=st.dates(dt.date(1926, 1, 1), dt.date(2025, 12, 31)),
    woman=st.booleans(),
    serial=st.integers(1, 9999),
)
def test_nik_round_trip(area: str, born: dt.date, woman: bool, serial: int) -> None:
    nik = f"{area.replace('.', '')}{born.day + (40 if woman else 0):02d}{born:%m%y}{serial:04d}"
    parsed = parse_nik(nik)
    assert parsed.area == area
    assert parsed.sex == ("P" if woman else "L")
    assert born in (parsed.birth_date, parsed.other_birth_date)
    if born.year % 100 <= CENTURY_PIVOT and born.year >= 2000:
        assert parsed.birth_date == born
    assert mask_nik(nik) == nik[:6] + "*" * 10


@pytest.mark.parametrize(
    ("nik", "why"),
    [
        ("351016170885000", "16 digits"),
        ("35101617088500ab", "16 digits"),
        ("9910161708850001", "not a kecamatan code"),
        ("3510163208850001", "not a birth date"),
        ("3510167113850001", "not a birth date"),
    ],
)
def test_bad_nik(nik: str, why: str) -> None:
    with pytest.raises(InvalidInputError, match=why):
        parse_nik(nik)


def test_nik_of_an_earlier_edition_is_valid_with_a_note() -> None:
    person = person_from_dict({"id": "1", "nik": "9101011708850001"})  # Papua, split since
    assert person.birth_date == dt.date(1985, 8, 17)
    assert any("earlier edition" in n for n in person.notes)


def test_nik_gives_birth_date_and_sex_and_a_disagreement_is_noted() -> None:
    derived = person_from_dict({"id": "1", "nik": "3510165708850003"})
    assert (derived.birth_date, derived.sex) == (dt.date(1985, 8, 17), "P")
    given_ = person_from_dict({"id": "2", "nik": "3510165708850003", "birth_date": "1985-08-18"})
    assert given_.birth_date == dt.date(1985, 8, 18)  # kept, never overruled
    assert given_.notes == ("birth_date disagrees with the birth date in the nik",)
    decision = evaluate(scheme("banyuwangi-rentan-2023"), [given_], on="2023-11-16")[0]
    assert any(
        "disagrees with the birth date in the nik" in line for line in decision.reasons("en")
    )


def test_nik_outside_the_region_is_a_note_not_a_condition() -> None:
    p = scheme("banyuwangi-rentan-2023")
    person = person_from_dict(
        {
            "id": "1",
            "nik": "3509011708850001",  # first issued in Jember
            "role": "nelayan",
            "ktp_region": "Banyuwangi",
            "bpjs_active_until": "tidak",
        }
    )
    d = evaluate(p, [person], on="2023-11-16")[0]
    assert d.verdict is Verdict.ELIGIBLE
    assert any("35.09.01" in n for n in d.notes)


# --- vocabulary ---------------------------------------------------------------------


@pytest.mark.parametrize("old", sorted(ROLE_ALIASES))
def test_old_role_ids_are_aliases(old: str) -> None:
    assert canonical_role(old) == ROLE_ALIASES[old]
    assert ROLE_ALIASES[old] in ROLES


def test_roles_in_words_and_unknown_roles_list_every_name() -> None:
    assert canonical_role("Petani Penggarap") == "petani_penggarap"
    assert canonical_role("pedagang-kaki-lima") == "pedagang_kaki_lima"
    with pytest.raises(InvalidInputError) as info:
        person_from_dict({"id": "1", "role": "nelayann"})
    assert "did you mean 'nelayan'" in info.value.message
    assert all(role in info.value.message for role in ROLES)


# --- conditions and priority ---------------------------------------------------------

BASE = """
[program]
id = "t"
name_id = "t"
name_en = "t"
region = "Kab. Banyuwangi"
valid_from = 2026-01-01
status = "illustrative"
confidence = "M"
sources = ["test"]
groups = ["petani_penggarap", "buruh_tani", "nelayan", "pedagang_kaki_lima"]
[program.eligibility]
all = [
  { role = ["petani_penggarap", "buruh_tani", "nelayan", "pedagang_kaki_lima"] },
  { ktp_region_in = "Banyuwangi" },
  { not_bpjs_active = true },
  { dtsen_decile_at_most = 4, snapshot = "2026-01", basis = "inpres-4-2025" },
]
[program.coverage]
programs = ["JKK", "JKM"]
scheme = "bpu"
[program.funding]
payer = "regional_budget"
budget_of = "35.10"
[program.quota]
total = 10
[program.priority]
then = ["disability_first", "older_than_55", "lowest_dtsen_decile"]
"""


def test_new_conditions() -> None:
    p = load_scheme_text(BASE)
    people = [
        Person("a", role="nelayan", ktp_region="Banyuwangi", bpjs_active_until=dt.date.min,
               dtsen_decile=3),
        Person("b", role="nelayan", ktp_region="35.10", bpjs_active_until=dt.date(2026, 6, 30),
               dtsen_decile=3),
        Person("c", role="nelayan", ktp_region="35.10", bpjs_active_until=dt.date.min,
               dtsen_decile=7),
        Person("d", role="nelayan", ktp_region="Genteng", bpjs_active_until=dt.date.min,
               dtsen_decile=1),
        Person("e", role="nelayan", ktp_region="Kabupaten Jember", bpjs_active_until=dt.date.min,
               dtsen_decile=1),
    ]  # fmt: skip
    verdicts = [d.verdict for d in evaluate(p, people, on="2026-01-01")]
    assert verdicts == [
        Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE, Verdict.NOT_ELIGIBLE, Verdict.UNDETERMINED,
        Verdict.NOT_ELIGIBLE,
    ]  # fmt: skip
    d = evaluate(p, people[:1], on="2026-01-01")[0]
    assert any("snapshot 2026-01" in r for r in d.reasons("en"))
    ambiguous = evaluate(p, people[3:4], on="2026-01-01")[0]
    assert any("ambiguous" in r for r in ambiguous.reasons("en"))


def test_decile_condition_needs_its_snapshot() -> None:
    with pytest.raises(RegulationDataError, match="snapshot month"):
        load_scheme_text(BASE.replace(', snapshot = "2026-01"', ""))


def test_priority_keys() -> None:
    p = load_scheme_text(BASE.replace("total = 10", "total = 3"))
    on = dt.date(2026, 1, 1)
    people = [
        Person("young", birth_date=dt.date(1990, 1, 1), dtsen_decile=1),
        Person("old", birth_date=dt.date(1960, 1, 1), dtsen_decile=4),
        Person("dis", birth_date=dt.date(1995, 1, 1), disability=True, dtsen_decile=4),
        Person("young2", birth_date=dt.date(1991, 1, 1), dtsen_decile=2),
    ]
    alloc = allocate(p, [Decision(x, p.id, on, Verdict.ELIGIBLE, ()) for x in people])
    assert [a.decision.person.id for a in alloc.admitted] == ["young", "old", "dis"]
    ranks = {a.decision.person.id: a.rank for a in alloc.placements}
    assert ranks == {"dis": 1, "old": 2, "young": 3, "young2": 4}


def test_unknown_priority_key_lists_the_keys() -> None:
    with pytest.raises(RegulationDataError, match="older_than_<age>"):
        load_scheme_text(BASE.replace('"older_than_55"', '"older_55"'))


# --- apportionment --------------------------------------------------------------------


@given(
    total=st.integers(0, 100_000),
    weights=st.dictionaries(st.text("abc", min_size=1, max_size=3), st.integers(0, 10_000),
                            min_size=1, max_size=12),
)  # fmt: skip
def test_parts_add_up_and_are_fair(total: int, weights: dict[str, int]) -> None:
    parts = largest_remainder(total, weights)
    assert set(parts) == set(weights)
    if sum(weights.values()):
        assert sum(parts.values()) == total
        for k, w in weights.items():
            exact = total * w / sum(weights.values())
            assert exact - 1 < parts[k] < exact + 1
    assert parts == largest_remainder(total, dict(reversed(list(weights.items()))))


@given(
    total=st.integers(1, 10_000),
    weights=st.lists(st.integers(1, 1000), min_size=2, max_size=8),
    bump=st.integers(1, 1000),
)
def test_more_weight_never_fewer_places(total: int, weights: list[int], bump: int) -> None:
    keys = [f"k{i}" for i in range(len(weights))]
    before = largest_remainder(total, dict(zip(keys, weights, strict=True)))
    after = largest_remainder(
        total, {**dict(zip(keys, weights, strict=True)), "k0": weights[0] + bump}
    )
    assert after["k0"] >= before["k0"]


def test_split_by_weights_caps_each_kecamatan() -> None:
    text = BASE.replace(
        "total = 10",
        'total = 5\nsub_region_split = "weights"\n'
        'sub_region_weights = { Muncar = 3, "Kecamatan Tegaldlimo" = 2 }',
    )
    p = load_scheme_text(text)
    on = dt.date(2026, 1, 1)
    people = [Person(f"m{i}", sub_region="Muncar") for i in range(5)] + [
        Person(f"t{i}", sub_region="35.10.04") for i in range(5)
    ]
    alloc = allocate(p, [Decision(x, p.id, on, Verdict.ELIGIBLE, ()) for x in people])
    admitted = [a.sub_region for a in alloc.admitted]
    assert admitted.count("35.10.05") == 3
    assert admitted.count("35.10.04") == 2


def test_split_needs_a_total_and_no_other_caps() -> None:
    with pytest.raises(RegulationDataError, match="not both"):
        load_scheme_text(
            BASE.replace(
                "total = 10", 'total = 5\nsub_region_split = "eligible"\nper_sub_region = 2'
            )
        )


# --- Bahasa Indonesia outputs -----------------------------------------------------------


def test_outputs_keep_codes_beside_labels_and_name_the_payer() -> None:
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    from perlindungan.regional import bundled_roster, run_roster  # noqa: PLC0415

    p = scheme("banyuwangi-rentan-2023")
    result = run_roster(p, bundled_roster(p.id), on=p.valid_from)
    rows = list(csv.DictReader(io.StringIO(result.to_csv())))
    eligible = next(r for r in rows if r["verdict"] == "eligible")
    assert (eligible["verdict_text"], eligible["allocation"]) == ("memenuhi syarat", "admitted")
    assert eligible["allocation_text"] == "diterima"
    english = next(r for r in csv.DictReader(io.StringIO(result.to_csv("en"))))
    assert english["verdict_text"] in {"eligible", "not eligible", "undetermined", "row error"}
    alloc = list(csv.DictReader(io.StringIO(result.allocation_csv())))
    assert {r["status_text"] for r in alloc if r["status"] == "admitted"} == {"diterima"}
    assert "dibayar oleh APBD Kabupaten Banyuwangi" in result.report()
    assert "paid by regional budget (APBD) of Kabupaten Banyuwangi" in result.report("en")
    assert p.funding.describe("id_ID") == "APBD Kabupaten Banyuwangi"
