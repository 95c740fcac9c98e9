"""Region coverage over the baseline statistics (issue 12): Sijunjung and Kota Jambi."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from perlindungan._toml import read_toml_text
from perlindungan.cli import main
from perlindungan.errors import RegulationDataError
from perlindungan.regional._coverage import region_coverage
from perlindungan.regional._statistics import load_statistics, statistics


def test_sijunjung_on_launch_day() -> None:
    c = region_coverage("13.03", on="2023-10-02")
    assert c.base_participants == 17_143
    assert c.added == 6_200
    assert c.covered == 23_343
    assert c.funded_per_payer() == {"village_budget": 6_200}
    assert c.stat("vulnerable_workers").value == 48_838  # type: ignore[union-attr]
    assert c.share_of_vulnerable == Decimal("0.478")
    assert c.target is not None
    assert c.target.value == 30_000
    assert c.distance == 30_000 - 23_343
    assert c.potential == Decimal(77_100)  # 31,611 / 41%
    assert c.share_of_potential == Decimal("0.490")  # (31,611 + 6,200) / 77,100
    apbd = next(p for p in c.parts if p.program_id == "sijunjung-apbd-2022")
    assert apbd.people is None
    assert apbd.in_baseline
    assert apbd.adds == 0


def test_sijunjung_before_launch_has_no_nagari_program() -> None:
    c = region_coverage("13.03", on="2023-10-01")
    assert c.covered == 17_143
    assert c.funded_per_payer() == {}


def test_kota_jambi_on_1_june_2025() -> None:
    c = region_coverage("Kota Jambi", on="2025-06-01")
    assert c.funded_per_payer() == {"regional_budget": 4_316}
    assert c.covered == 4_316
    vuln = c.stat("vulnerable_workers")
    assert vuln is not None
    assert vuln.value == 15_000
    assert vuln.qualifier == "about"
    assert vuln.journalists
    assert c.share_of_vulnerable == Decimal("0.288")
    share = c.stat("coverage_of_potential")
    assert share is not None
    assert share.value == Decimal("0.44")
    rentan = next(p for p in c.parts if p.program_id == "kota-jambi-rentan-2025")
    assert rentan.targets == ((2026, 4_000),)
    assert rentan.per_role == (("pekerja_rentan", 3_000), ("petugas_keagamaan", 1_316))


def test_province_rolls_up_regencies() -> None:
    c = region_coverage("13", on="2023-10-02")
    assert c.covered == 23_343
    assert [s.code for s in c.sub_regions] == ["13.03"]


def test_province_program_reaching_a_city_is_listed_not_added() -> None:
    c = region_coverage("36.73", on="2026-03-01")
    tagana = next(p for p in c.parts if p.program_id == "banten-tagana")
    assert tagana.reach == "higher_region"
    assert tagana.adds == 0
    assert c.funded_per_payer() == {"regional_budget": 12_000}


def test_cli_text_marks_journalists_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["region", "coverage", "13.03", "--on", "2023-10-02", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Covered: 17,143 + 6,200 = 23,343" in out
    assert "23,343 of 48,838 = 47.8% (journalist's figure)" in out
    assert "Target 2023: 30,000; still to go: 6,657 (journalist's figure)" in out
    assert main(["region", "coverage", "13.03", "--on", "2023-10-02"]) == 0
    assert "angka wartawan" in capsys.readouterr().out


def test_cli_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["region", "coverage", "15.71", "--on", "2025-06-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["covered"] == 4_316
    assert data["programs"][0]["per_role"] == {"pekerja_rentan": 3_000, "petugas_keagamaan": 1_316}
    assert data["funded_per_payer"] == {"regional_budget": 4_316}
    assert all(s["journalists_figure"] in (True, False) for s in data["baseline"])
    assert main(["region", "coverage", "15.71", "--on", "2025-06-01", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "15.71,2025-06-01,covered,4316," in out
    assert "vulnerable_workers,15000,2025-05-22,journalist,True" in out


def test_bundled_statistics_cite_a_source() -> None:
    assert statistics()
    assert all(s.source and s.said_by for s in statistics())


def test_bad_statistic_reported() -> None:
    doc = read_toml_text(
        '[[statistic]]\nregion = "13.03"\nmeasure = "vulnerabel_workers"\nvalue = 5\n'
        'as_of = 2023-01-01\nsaid_by = "journalist"\nsource = "x"\n',
        "bad.toml",
    )
    with pytest.raises(RegulationDataError) as info:
        load_statistics([doc])
    assert (
        "bad.toml:3: statistic[0].measure: unknown measure 'vulnerabel_workers'; did you mean 'vulnerable_workers'"
        in str(info.value)
    )


def _problems(text: str) -> dict[str, str]:
    with pytest.raises(RegulationDataError) as info:
        load_statistics([read_toml_text(text, "bad.toml")])
    return {p.location: str(p.message) for p in info.value.problems}


def test_every_bad_field_of_a_statistic_is_reported() -> None:
    problems = _problems(
        "statistics = 1\n"
        '[[statistic]]\nregion = "99.99"\nmeasure = "coverage_of_potential"\nvalue = 41\n'
        'as_of = "2023-08-31"\nreported = 2023-09-01T10:00:00\nsaid_by = "rumour"\n'
        'source = "x"\nqualifier = "roughly"\nstatus = "enactd"\nsoruce = "y"\n'
    )
    assert problems == {
        "statistics": "unknown key 'statistics'; did you mean 'statistic'?",
        "statistic[0].soruce": "unknown key 'soruce'; did you mean 'source'?",
        "statistic[0].region": "unknown region code '99.99'",
        "statistic[0].said_by": "unknown source kind 'rumour'; valid names: "
        "journalist, official_document, official_quoted, official_reported.",
        "statistic[0].value": "a share must be a fraction from 0 to 1 such as 0.41, got 41",
        "statistic[0].as_of": "must be a date such as 2023-08-31 (no quotes), got '2023-08-31'",
        "statistic[0].reported": "must be a date such as 2023-08-31 (no quotes), got "
        "datetime.datetime(2023, 9, 1, 10, 0)",
        "statistic[0].qualifier": "unknown qualifier 'roughly'; valid: exact, about, more_than, "
        "less_than",
        "statistic[0].status": "unknown status 'enactd'; did you mean 'enacted'?",
    }


def test_a_statistic_needs_its_keys_a_count_and_a_target_year() -> None:
    missing = _problems('[[statistic]]\nregion = "13.03"\n')
    assert missing["statistic[0]"].startswith("missing required key")
    problems = _problems(
        '[[statistic]]\nregion = "13.03"\nmeasure = "target_participants"\nvalue = -3\n'
        'as_of = 2023-01-01\nsaid_by = "journalist"\nsource = "x"\n'
    )
    assert problems == {
        "statistic[0].value": "must be a whole number of 0 or more, got -3",
        "statistic[0].year": "a target needs the year it is for, e.g. year = 2023",
    }
    assert _problems("statistic = [1]\n") == {"statistic[0]": "must be a [[statistic]] table"}


def test_cli_a_region_without_schemes_and_one_reached_from_its_province(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["region", "coverage", "11.01", "--on", "2025-06-01", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "  no schemes in force" in text.splitlines()
    assert "Covered: 0 + 0 = 0" in text
    assert main(["region", "coverage", "36.73", "--on", "2019-06-01", "--lang", "en"]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if "banten-tagana" in x]
    assert "scheme of a higher region (36)" in line
    assert line.endswith("people region-wide, not added")


def test_cli_the_date_defaults_to_today_in_jakarta(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pendulum  # noqa: PLC0415

    before = pendulum.today("Asia/Jakarta").date().isoformat()
    out = tmp_path / "coverage.txt"
    assert main(["region", "coverage", "13.03", "--lang", "en", "--output", str(out)]) == 0
    after = pendulum.today("Asia/Jakarta").date().isoformat()
    assert capsys.readouterr().out == ""
    title = out.read_text(encoding="utf-8").splitlines()[0]
    assert title in {f"Coverage of Kabupaten Sijunjung (13.03) on {day}" for day in (before, after)}


def test_cli_coverage_charts_are_written_as_svg_and_png(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    folder = tmp_path / "charts"
    argv = ["region", "coverage", "13.03", "--on", "2023-10-02", "--lang", "en"]
    assert main([*argv, "--charts", str(folder)]) == 0
    written = capsys.readouterr().err.split()
    names = sorted(Path(p).name for p in written)
    assert names == [
        "coverage-vs-target.png",
        "coverage-vs-target.svg",
        "funded-per-payer.png",
        "funded-per-payer.svg",
    ]
    assert all(Path(p).stat().st_size > 0 for p in written)
    assert (folder / "coverage-vs-target.svg").read_text(encoding="utf-8").lstrip().startswith("<")
