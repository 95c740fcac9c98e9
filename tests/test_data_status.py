"""``perlindungan.data_status`` and ``perlindungan data status``: what runs out, what is
weak. Read from the data, so the relief checks run over every relief scheme bundled."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import pytest

from perlindungan import (
    DataStatus,
    InvalidInputError,
    UnknownNameError,
    data_status,
    parameters,
)
from perlindungan._data_status import GROUPS
from perlindungan.cli import main

ON = _dt.date(2026, 11, 30)


def _relief_ends() -> list[tuple[str, _dt.date]]:
    """(flag parameter, last day) for every relief scheme that turns from on to off."""
    ends = []
    for name, parameter in parameters().items():
        if parameter.unit != "flag":
            continue
        for before, after in zip(parameter.values, parameter.values[1:], strict=False):
            if before.value is True and after.value is False:
                ends.append((name, after.since - _dt.timedelta(days=1)))
    return ends


def test_the_jp_cap_runs_out_on_28_february_2027() -> None:
    report = data_status(on=ON)
    runs_out = {(i.parameter, i.reason): i for i in report.group("runs_out")}
    cap = runs_out["pu.jp.wage_cap", "known_until"]
    assert cap.ends == _dt.date(2027, 2, 28)
    assert cap.value == 11_086_300
    assert "B/1226/022026" in cap.citation
    assert ("jp.benefit.minimum", "known_until") in runs_out


def test_pp50_2025_last_months_december_2026_and_march_2027() -> None:
    report = data_status(on=ON)
    ends = {i.parameter: i.ends for i in report.group("runs_out") if i.reason == "relief_ends"}
    assert ends["relief.pp50_2025.in_force"] == _dt.date(2026, 12, 31)
    assert ends["relief.pp50_2025.sector_in_force"] == _dt.date(2027, 3, 31)
    text = report.explain()
    assert "bulan iuran terakhir: Desember 2026. PP 50/2025" in text
    assert "bulan iuran terakhir: Maret 2027. PP 50/2025" in text


def test_outside_the_window_the_cap_is_not_listed() -> None:
    report = data_status(on=ON, within=80)  # the window ends on 2027-02-18
    assert "pu.jp.wage_cap" not in {i.parameter for i in report.group("runs_out")}


def test_every_relief_scheme_is_listed_in_its_last_days() -> None:
    ends = _relief_ends()
    assert len(ends) >= 2  # PP 49/2020, PP 7/2025, and any scheme added since
    for name, last in ends:
        listed = data_status(on=last - _dt.timedelta(days=20), within=30).group("runs_out")
        (item,) = (i for i in listed if i.parameter == name and i.reason == "relief_ends")
        assert item.ends == last
        assert item.value is True
        after = data_status(on=last + _dt.timedelta(days=1), within=30).group("runs_out")
        assert name not in {i.parameter for i in after}


def test_pp7_2025_last_month_is_january_2026() -> None:
    listed = data_status(on="2026-01-01", within=45).group("runs_out")
    (item,) = (i for i in listed if i.parameter == "relief.pp7_2025.in_force")
    assert item.ends == _dt.date(2026, 1, 31)
    assert "bulan iuran terakhir: Januari 2026" in item.explain()
    assert "last contribution month: January 2026" in item.explain("en")


def test_figures_that_ended_before_the_date_are_expired() -> None:
    expired = {i.parameter: i for i in data_status(on=ON).group("expired")}
    assert expired["jp.inflation"].ends == _dt.date(2025, 12, 31)
    assert "pu.jp.wage_cap" not in expired


def test_quality_groups_look_at_values_in_force_on_the_date_or_later() -> None:
    report = data_status(on=ON)
    for item in report.group("announced"):
        assert item.status == "announced"
        assert item.ends is None or item.ends >= ON
    weak = report.group("derived_or_unverified")
    assert all(i.status in {"derived", "illustrative"} or i.confidence in {"D", "M"} for i in weak)
    # The 2017 JP minimum is derived but was replaced long before the date.
    assert not any(i.parameter == "jp.benefit.minimum" for i in weak)
    assert {"jp.survivor.spouse_rate", "jp.pension_age"} <= {i.parameter for i in weak}


def test_values_without_an_article() -> None:
    missing = {i.parameter for i in data_status(on=ON).group("no_article")}
    assert {"bpu.jht.rate", "construction.jkk.bands", "migrant.jht.amounts"} <= missing
    assert "jp.survivor.spouse_rate" in missing  # "(pasal tidak dikonfirmasi)" is no article
    assert "bpu.jkk.rate" not in missing  # PP 44/2015 Lampiran II (legal audit 2026)
    assert "pu.jp.wage_cap" not in missing  # a BPJS letter has no articles
    assert not any(p.startswith("scholarship.") for p in missing)


def test_counts_and_json() -> None:
    report = data_status(on=ON, within=120)
    assert isinstance(report, DataStatus)
    data: dict[str, Any] = json.loads(json.dumps(report.to_dict()))
    assert data == report.to_dict()
    assert data["on"] == "2026-11-30"
    assert data["until"] == "2027-03-30"
    assert [g["code"] for g in data["groups"]] == list(GROUPS)
    assert data["counts"] == {g["code"]: g["count"] for g in data["groups"]}
    assert sum(report.counts.values()) == len(report.items)
    assert data["groups"][0]["label_id"] == "Berakhir dalam jangka waktu"


def test_text_in_both_languages() -> None:
    report = data_status(on=ON)
    text_id, text_en = report.explain(), report.explain("en")
    assert text_id.startswith("Status data regulasi bawaan per 30 November 2026")
    assert "Rp11.086.300 sejak 1 Maret 2026" in text_id
    assert "(diumumkan, C2)" in text_id
    assert text_en.startswith("Status of the bundled regulation data on November 30, 2026")
    for code, heading in GROUPS.items():
        assert f"{heading} ({report.counts[code]})" in text_en


def test_bad_arguments() -> None:
    with pytest.raises(InvalidInputError, match="within must be a whole number"):
        data_status(on=ON, within=-1)
    # past 9999-12-31: it was an OverflowError from the date arithmetic
    for huge in (99_999_999, 10**5000):
        with pytest.raises(InvalidInputError, match="give at most 2,912,109 days from 2026-11-30"):
            data_status(on=ON, within=huge)
    assert data_status(on=ON, within=2_912_109).horizon == _dt.date.max
    with pytest.raises(ValueError, match="on"):
        data_status(on="30-11-2026")
    with pytest.raises(UnknownNameError, match="did you mean 'expired'"):
        data_status(on=ON).group("expird")


def test_cli_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "status", "--on", "2026-11-30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    runs_out = {i["parameter"]: i for i in data["groups"][0]["items"]}
    assert runs_out["pu.jp.wage_cap"]["ends"] == "2027-02-28"
    assert runs_out["pu.jp.wage_cap"]["value"] == 11086300
    assert main(["data", "status", "--on", "2026-11-30", "--lang", "en"]) == 0
    assert "Runs out within the window (" in capsys.readouterr().out
    assert main(["data", "status"]) == 0  # the command line defaults the date to today
    assert capsys.readouterr().out.startswith("Status data regulasi bawaan per ")


@pytest.mark.usefixtures("english_cli")
def test_cli_status_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "status", "--on", "2026-11-31"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("perlindungan: error: ")
    assert err.count("\n") == 1
    assert main(["data", "status", "--within", "-3"]) == 2
    with pytest.raises(SystemExit) as info:
        main(["data", "statsu"])
    assert info.value.code == 2
