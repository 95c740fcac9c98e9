"""Golden region lookups over the whole Kemendagri table: levels, prefixes, ambiguity."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from perlindungan.cli import main
from perlindungan.errors import InvalidInputError, UnknownNameError
from perlindungan.regional import regions
from perlindungan.regional._region_table import bundled_table

CASES: dict[str, list[dict[str, Any]]] = tomllib.loads(
    (Path(__file__).parents[1] / "cases" / "regions" / "lookups.toml").read_text("utf-8")
)


def _id(case: dict[str, Any]) -> str:
    return "-".join(str(case.get(k, "")) for k in ("query", "level", "within")).strip("-")


@pytest.mark.parametrize("case", CASES["found"], ids=_id)
def test_found(case: dict[str, Any]) -> None:
    got = regions().get(case["query"], level=case.get("level"), within=case.get("within"))
    assert got.code == case["code"]


@pytest.mark.parametrize("case", CASES["ambiguous"], ids=_id)
def test_ambiguous_lists_every_candidate_with_parents(case: dict[str, Any]) -> None:
    with pytest.raises(InvalidInputError, match="ambiguous") as info:
        regions().get(case["query"])
    assert not isinstance(info.value, UnknownNameError)
    for code in case["codes"]:
        parent = regions().parent(code)
        assert parent is not None
        assert f"({code}, {parent.name}" in str(info.value)


@pytest.mark.parametrize("case", CASES["unknown"], ids=_id)
def test_unknown_suggests_at_the_level_asked(case: dict[str, Any]) -> None:
    with pytest.raises(UnknownNameError) as info:
        regions().get(case["query"])
    assert case["suggests"] in info.value.suggestions
    assert repr(case["suggests"]) in str(info.value)


@pytest.mark.parametrize("case", CASES["wrong_level"], ids=_id)
def test_a_name_at_the_wrong_level_is_unknown(case: dict[str, Any]) -> None:
    with pytest.raises(UnknownNameError):
        regions().get(case["query"], level=case.get("level"))


def test_suggestions_stay_at_the_level_asked() -> None:
    with pytest.raises(UnknownNameError) as info:
        regions().get("Kecamatan Banyuwangy")
    assert info.value.suggestions
    assert all(regions().find(s, level="district") for s in info.value.suggestions)


def test_table_counts_and_provenance() -> None:
    names, info = bundled_table()
    reg = regions()
    counts = {level: reg.count(level) for level in ("province", "regency", "city", "district")}
    assert counts == {"province": 38, "regency": 416, "city": 98, "district": 7285}
    assert reg.count("village") == 83_762 == len(names) - sum(counts.values())
    assert info.header["counts"].startswith("province=38 regency=416 city=98 district=7285")
    assert "Kepmendagri" in info.edition
    assert "cahyadsn/wilayah" in info.source
    assert info.licence.startswith("MIT")


def test_every_code_has_its_parent_and_a_level_by_shape() -> None:
    names, _ = bundled_table()
    for code in names:
        if "." in code:
            assert code.rsplit(".", 1)[0] in names, code


def test_user_regions_file_adds_a_region(tmp_path: Path) -> None:
    path = tmp_path / "baru.toml"
    path.write_text(
        'source = "Perda Kab. Banyuwangi (test)"\n'
        '[[region]]\ncode = "35.10.26"\nlevel = "district"\nname = "Kecamatan Baru Uji"\n'
        '[[region]]\ncode = "35.10.26.2001"\nlevel = "village"\nname = "Desa Uji"\n',
        encoding="utf-8",
    )
    from perlindungan.regional._regions import regions_from_file  # noqa: PLC0415

    reg = regions_from_file(path)
    assert reg.get("Baru Uji").code == "35.10.26"
    assert reg.get("Desa Uji", within="35.10").code == "35.10.26.2001"
    assert [r.code for r in reg.children("35.10")][-1] == "35.10.26"
    assert "35.10.26" not in regions()


def test_user_regions_file_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        '[[region]]\ncode = "35.10.99.2001"\nlevel = "village"\nname = "X"\n'
        '[[region]]\ncode = "35.10"\nlevel = "district"\nname = "Y"\n'
        '[[region]]\ncode = "35.1"\nlevel = "regency"\nname = "Z"\n',
        encoding="utf-8",
    )
    from perlindungan.errors import RegulationDataError  # noqa: PLC0415
    from perlindungan.regional._regions import regions_from_file  # noqa: PLC0415

    with pytest.raises(RegulationDataError) as info:
        regions_from_file(path)
    text = str(info.value)
    assert "parent region 35.10.99 of 35.10.99.2001 is not listed" in text
    assert "code 35.10 is a regency, not a district" in text
    assert "must be a code such as" in text


def test_cli_show_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["region", "show", "Kab. Banyuwangi", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kabupaten Banyuwangi (35.10)")
    assert "35.10.16       Banyuwangi" in out
    assert main(["region", "show", "Bogor"]) == 2
    err = capsys.readouterr().err
    assert "32.01" in err
    assert "32.71" in err
    assert main(["region", "search", "genteng", "--level", "district"]) == 0
    lines = capsys.readouterr().out.splitlines()
    codes = [line.split()[0] for line in lines]
    assert {"35.10.09", "35.78.07"} <= set(codes)
    assert all(regions().level_of(code) == "district" for code in codes)
    assert all("genteng" in line.lower() for line in lines)
    assert main(["region", "about"]) == 0
    assert "Kepmendagri" in capsys.readouterr().out


def test_every_mistake_in_a_regions_file_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        "source = 2025\n"
        'regoin = "typo"\n'
        '[[region]]\ncode = "35.10.26"\nlevel = "distrct"\nname = "A"\n'
        '[[region]]\ncode = "35.10.27"\nlevel = "district"\nname = " "\n'
        '[[region]]\ncode = "35.10.28"\nlevel = "district"\nname = "B"\naliases = "Bee"\n'
        'nmae = "B"\n'
        '[[region]]\ncode = "35.10.29"\nlevel = "district"\nname = "C"\n'
        '[[region]]\ncode = "35.10.29"\nlevel = "district"\nname = "C again"\n',
        encoding="utf-8",
    )
    from perlindungan.errors import RegulationDataError  # noqa: PLC0415
    from perlindungan.regional._regions import regions_from_file  # noqa: PLC0415

    with pytest.raises(RegulationDataError) as info:
        regions_from_file(path)
    problems = {p.location: str(p.message) for p in info.value.problems}
    assert problems == {
        "source": "must be text in quotes",
        "regoin": "unknown key 'regoin'; did you mean 'region'?",
        "region[0].level": "unknown level 'distrct'; did you mean 'district'?",
        "region[1].name": "must be a name in quotes",
        "region[2].aliases": "must be a list of names in quotes",
        "region[2].nmae": "unknown key 'nmae'; did you mean 'name'?",
        "region[4].code": "region 35.10.29 is listed twice",
    }


def test_village_units_must_match_the_villages_listed(tmp_path: Path) -> None:
    path = tmp_path / "units.toml"
    path.write_text(
        '[[region]]\ncode = "35.10.26"\nlevel = "district"\nname = "Baru"\nvillage_units = 2\n'
        '[[region]]\ncode = "35.10.26.2001"\nlevel = "village"\nname = "Satu"\n',
        encoding="utf-8",
    )
    from perlindungan.errors import RegulationDataError  # noqa: PLC0415
    from perlindungan.regional._regions import regions_from_file  # noqa: PLC0415

    with pytest.raises(RegulationDataError, match=r"village_units of .* is 2, but 1 village units"):
        regions_from_file(path)


def test_cli_show_gives_the_english_name_and_search_says_when_nothing_matches(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["region", "show", "13.03", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == [
        "Kabupaten Sijunjung (13.03)",
        "  level: regency (kabupaten)",
        "  within: Sumatera Barat (13)",
        "  English: Sijunjung Regency",
    ]
    assert main(["region", "search", "zzzqqq", "--lang", "en"]) == 1
    assert capsys.readouterr().out == "no region matches 'zzzqqq'\n"


def test_no_scheme_for_a_region_and_role_is_an_empty_list() -> None:
    from perlindungan.regional import schemes_for  # noqa: PLC0415

    assert schemes_for("11.01", "nelayan", on="2025-06-01") == []


def test_a_scheme_without_a_bundled_roster_says_how_to_give_one() -> None:
    from perlindungan.errors import InvalidInputError  # noqa: PLC0415
    from perlindungan.regional import bundled_roster  # noqa: PLC0415

    with pytest.raises(InvalidInputError, match="give one with --roster FILE") as caught:
        bundled_roster("sijunjung-apbd-2022")
    assert caught.value.field == "roster"


def test_a_region_knows_its_parent_and_what_it_lies_within() -> None:
    district = regions().at("35.10.05")
    assert district.parent_code == "35.10"
    assert regions().at("35").parent_code is None
    assert district.is_within("35")
    assert district.is_within("35.10.05")
    assert not district.is_within("35.1")  # a code prefix is not a region above


def test_an_unknown_code_suggests_the_nearest_codes() -> None:
    from perlindungan.errors import UnknownNameError  # noqa: PLC0415

    with pytest.raises(UnknownNameError) as caught:
        regions().get("35.10.99")
    assert str(caught.value).startswith("unknown region '35.10.99'; did you mean '35.10.19'")
    assert "35.10.09" in caught.value.suggestions
    with pytest.raises(UnknownNameError, match=r"give a Kemendagri code such as 35\.10"):
        regions().get("qqqzzzxx")


def test_an_unknown_village_code_is_matched_among_its_kecamatan_villages() -> None:
    """A typo in the last part of a village code is looked for under the nearest known
    code, not across every village of the country (which once took seconds and suggested
    villages of other provinces); a code deeper than any region names that ancestor."""
    from perlindungan.errors import UnknownNameError  # noqa: PLC0415

    with pytest.raises(UnknownNameError) as caught:
        regions().get("35.10.01.2099")
    assert caught.value.suggestions
    assert all(s.startswith("35.10.01.") for s in caught.value.suggestions)
    assert "35.10.01.2009" in caught.value.suggestions
    with pytest.raises(UnknownNameError) as caught:
        regions().get("35.10.01.2009.7")
    assert list(caught.value.suggestions) == ["35.10.01.2009"]
    with pytest.raises(UnknownNameError) as caught:
        regions().get("99.10.01.2009")
    assert all(s.count(".") <= 2 for s in caught.value.suggestions)
