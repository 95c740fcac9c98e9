"""The conformance vectors, their runner, the CLI command and the pytest plugin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from perlindungan.cli import main
from perlindungan.conformance import (
    FORMAT,
    KINDS,
    VERSION,
    Case,
    case_id,
    cases,
    command,
    library,
    run,
)
from perlindungan.contributions import quote_from_request
from perlindungan.errors import InvalidInputError

# the assertions read the English lines of `conformance run` (Indonesian by default)
pytestmark = pytest.mark.usefixtures("english_cli")

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
WRONG = Path(__file__).parent / "wrong_payroll.py"


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def test_bundled_vectors_are_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "export_conformance.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_vectors_are_versioned_and_documented() -> None:
    folder = ROOT / "src" / "perlindungan" / "data" / "conformance" / f"v{VERSION}"
    for kind in KINDS:
        document = json.loads((folder / f"{kind}.json").read_text(encoding="utf-8"))
        assert document["format"] == FORMAT
        assert document["version"] == VERSION
        assert document["kind"] == kind
        assert document["description"]
    assert len(cases("contributions")) >= 60
    assert len(cases("benefits")) >= 20
    names = [case_id(c) for c in cases()]
    assert len(names) == len(set(names))


def test_every_expected_figure_has_a_legal_basis() -> None:
    for case in cases("contributions"):
        for line in case.expected.get("lines", []):
            assert line["basis"], case.name
        for payer in case.expected.get("totals", {}):
            assert case.expected["totals_basis"][payer], case.name
    for case in cases("benefits"):
        for part in case.expected.get("components", []):
            assert part["basis"], case.name


@pytest.mark.parametrize("kind", KINDS)
def test_the_library_passes_its_own_vectors(kind: str) -> None:
    report = run(library(kind), kind=kind)
    assert report.ok, report.render()
    assert report.render().endswith(
        f"{len(report.results)} of {len(report.results)} conformance cases passed"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "cli"),
    [
        ("contributions", "perlindungan contributions - --json"),
        ("benefits", "perlindungan benefits - --json"),
    ],
)
def test_the_cli_passes_through_the_command_runner(kind: str, cli: str) -> None:
    done = subprocess.run(
        [
            str(BIN / "perlindungan"),
            "conformance",
            "run",
            "--kind",
            kind,
            "--jobs",
            "4",
            "--command",
            cli,
        ],
        capture_output=True,
        text=True,
        check=False,
        env=_env(),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "FAIL" not in done.stdout
    assert "conformance cases passed" in done.stdout


@pytest.mark.slow
def test_a_wrong_program_fails_with_the_case_name_and_the_basis() -> None:
    done = subprocess.run(
        [
            str(BIN / "perlindungan"),
            "conformance",
            "run",
            "--case",
            "Contract value",
            "--command",
            f"{sys.executable} {WRONG}",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=_env(),
    )
    assert done.returncode == 1
    assert (
        "FAIL Contract value 80,000,000: JKK 168,000 + JKM 24,000: totals.employer: expected 192000, got 192001"
        in done.stdout
    )
    assert "lines[JKK, employer]: expected 168000, got [168001]" in done.stdout
    assert "(basis: BPJS Perdir 22/PERDIR.02/072022" in done.stdout or "basis: " in done.stdout
    assert "conformance failed:" in done.stdout


def test_a_wrong_callable_reports_every_mismatch() -> None:
    good = library("benefits")

    def wrong(request: dict[str, Any]) -> dict[str, Any]:
        answer = dict(good(request))
        answer["total"] = 1
        answer["eligible"] = not answer["eligible"]
        return answer

    report = run(wrong, kind="benefits")
    assert report.failed == len(report.results)
    first = report.mismatches[0]
    assert first.case == cases("benefits")[0].name
    assert {m.field for m in report.mismatches} >= {"eligible", "total"}
    death = [m for m in report.mismatches if m.case == "ex23-jkk-death-5m" and m.field == "total"]
    assert death
    assert "PP" in death[0].basis


def test_rejected_cases_pass_only_when_the_implementation_refuses() -> None:
    rejected = [c for c in cases("contributions") if c.expected.get("rejected")]
    assert rejected
    assert run(library("contributions"), selected=rejected).ok
    report = run(lambda _request: {"totals": {}, "lines": []}, selected=rejected)
    assert report.failed == len(rejected)
    assert run(lambda _request: {"error": "no"}, selected=rejected).ok


def test_a_crashing_implementation_is_a_mismatch() -> None:
    def crash(_request: dict[str, Any]) -> dict[str, Any]:
        raise RuntimeError("boom")

    report = run(crash, selected=cases("benefits")[:1])
    assert not report.ok
    assert report.mismatches[0].actual == "refused: boom"


def test_unknown_kind_and_missing_command_are_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(InvalidInputError, match="unknown conformance kind"):
        cases("pensions")
    with pytest.raises(InvalidInputError, match="not found"):
        command("no-such-program-here --json")
    assert main(["conformance", "run"]) == 2
    assert "--command is required" in capsys.readouterr().err


def test_list_prints_every_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conformance", "list", "--kind", "benefits"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(cases("benefits"))
    assert out[0].startswith(f"{cases('benefits')[0].id}\t{cases('benefits')[0].name}\t")


def test_summary_in_indonesian() -> None:
    report = run(library("benefits"), selected=cases("benefits")[:2])
    assert report.render("id") == "2 dari 2 kasus kesesuaian lolos"


@pytest.mark.parametrize("case", cases("contributions"), ids=case_id)
def test_one_line_parametrisation(case: Case) -> None:
    """The documented recipe is right for every case, refusals included."""
    assert case.run(quote_from_request_dict) == []


def quote_from_request_dict(request: dict[str, Any]) -> dict[str, Any]:
    """A vendor's callable: raises on a request it refuses."""
    return quote_from_request(request).to_dict()


def test_refusals_pass_when_the_implementation_refuses() -> None:
    rejected = [c for c in cases("contributions") if c.rejected]
    accepted = [c for c in cases("contributions") if not c.rejected]
    assert rejected
    for case in rejected:
        assert case.check({"error": "no JP cap is known for 2027"}) == []
        assert case.run(quote_from_request_dict) == []
        [mismatch] = case.check({"totals": {}, "lines": []})
        assert mismatch.field == "rejected"
    [refused] = accepted[0].check({"error": {"message": "only PU is supported"}})
    assert refused.field == "response"
    assert "only PU is supported" in str(refused.actual)

    def refuse(_request: dict[str, Any]) -> dict[str, Any]:
        raise ValueError("only PU is supported")

    [raised] = accepted[0].run(refuse)
    assert raised.actual == "refused: only PU is supported"
    assert raised.request == accepted[0].request


def test_category_filters() -> None:
    pu = cases("contributions", categories=["pu"])
    assert pu
    assert {c.category for c in pu} == {"pu"}
    both = cases("contributions", categories="pu,bpu")
    assert {c.category for c in both} == {"pu", "bpu"}
    assert len(both) > len(pu)
    assert len(cases("contributions", categories=None)) == len(cases("contributions"))
    # a claim that names no category concerns every category
    assert len(cases("benefits", categories=["migrant"])) >= len(
        [c for c in cases("benefits") if c.category is None]
    )
    report = run(library("contributions"), kind="contributions", categories=["migrant"])
    assert report.ok
    assert len(report.results) == len(cases("contributions", categories=["migrant"]))
    with pytest.raises(InvalidInputError, match="unknown category 'pekerja'"):
        cases("contributions", categories=["pekerja"])


def test_short_unique_pytest_ids() -> None:
    ids = [case_id(c) for c in cases()]
    assert len(ids) == len(set(ids))
    assert max(len(i) for i in ids) <= 40
    assert case_id(cases("contributions")[0]) == "boundaries-01"


def test_mismatches_cite_the_rule_under_test_and_show_the_request() -> None:
    relief = next(c for c in cases("contributions") if c.id == "relief-01")
    cap = next(c for c in cases("contributions") if c.id == "boundaries-02")

    def one_more(request: dict[str, Any]) -> dict[str, Any]:
        answer = quote_from_request_dict(request)
        for line in answer["lines"]:
            line["amount"] += 1
        return answer

    report = run(one_more, selected=[relief, cap])
    jkk = next(m for m in report.mismatches if m.case == relief.name and "JKK" in m.field)
    assert jkk.basis.startswith("PP 49/2020")  # the relief, before the base rate
    jp = next(m for m in report.mismatches if m.case == cap.name and "JP, worker" in m.field)
    assert jp.basis.startswith("Surat BPJS Ketenagakerjaan B/726/022025")  # the cap's letter
    assert jp.request == cap.request
    text = report.render()
    assert f"rule tested: {cap.source}" in text
    assert '"wage": ' in text
    assert "request: {" in text


def test_the_cli_filters_by_category(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["conformance", "list", "--category", "migrant"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == len(cases("contributions", categories=["migrant"]))
    assert all(line.startswith("migrant-workers-") for line in listed)


@pytest.mark.slow
def test_pytest_plugin_parametrises_a_downstream_suite(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text(
        'pytest_plugins = ["perlindungan.conformance.pytest_plugin"]\n', encoding="utf-8"
    )
    (tmp_path / "test_downstream.py").write_text(
        textwrap.dedent(
            """
            from perlindungan.conformance import library

            def test_contributions(contributions_case):
                quote = library("contributions")
                if contributions_case.expected.get("rejected"):
                    return
                assert contributions_case.check(quote(contributions_case.request)) == []

            def test_benefits(benefits_case):
                assert benefits_case.kind == "benefits"
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    total = len(cases("contributions")) + len(cases("benefits"))
    assert done.returncode == 0, done.stdout
    assert f"{total} passed" in done.stdout


@pytest.mark.slow
def test_the_plugin_loads_by_entry_point_and_filters(tmp_path: Path) -> None:
    (tmp_path / "test_vendor.py").write_text(
        textwrap.dedent(
            """
            from perlindungan import quote_from_request

            def quote(request):
                if request["worker"]["category"] != "pu":
                    raise ValueError("only PU is supported")
                return quote_from_request(request).to_dict()

            def test_contributions(contributions_case):
                assert contributions_case.run(quote) == []
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--conformance-category",
            "pu",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout
    assert f"{len(cases('contributions', categories=['pu']))} passed" in done.stdout
    listing = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert "test_contributions[boundaries-01]" in listing.stdout


def _case(name: str) -> Case:
    (found,) = [c for c in cases("contributions") if c.name == name]
    return found


def test_an_extra_line_fails_a_case_that_lists_all_lines() -> None:
    case = _case("Contract value 80,000,000: JKK 168,000 + JKM 24,000")
    assert case.expected.get("all_lines")
    answer = dict(library("contributions")(case.request))
    assert case.check(answer) == []
    extra = {"program": "JHT", "payer": "employer", "amount": 1}
    (mismatch,) = case.check({**answer, "lines": [*answer["lines"], extra]})
    assert (mismatch.field, mismatch.expected) == ("lines", "no other line")
    assert mismatch.actual == [("JHT", "employer", 1)]


def test_a_line_of_a_program_not_yet_in_force_fails() -> None:
    case = _case("JP cap at the start: 7,000,000 in July 2015")
    assert case.expected["absent"] == ["JKP"]
    answer = dict(library("contributions")(case.request))
    jkp = {"program": "JKP", "payer": "government", "amount": 0}
    (mismatch,) = case.check({**answer, "lines": [*answer["lines"], jkp]})
    assert (mismatch.field, mismatch.expected) == ("absent[JKP]", "no line")


def test_amounts_compare_as_numbers_and_a_refusal_shows_its_error() -> None:
    case = _case("Contract value 80,000,000: JKK 168,000 + JKM 24,000")
    answer = dict(library("contributions")(case.request))
    as_text = {
        **answer,
        "totals": {k: str(v) for k, v in answer["totals"].items()},
        "lines": [{**line, "amount": f"{line['amount']}.00"} for line in answer["lines"]],
    }
    assert case.check(as_text) == []  # "168000.00" is 168000
    broken = {**answer, "totals": dict.fromkeys(answer["totals"])}
    assert {m.field for m in case.check(broken)} == {f"totals.{k}" for k in answer["totals"]}
    words = {**answer, "totals": dict.fromkeys(answer["totals"], "lots")}
    assert len(case.check(words)) == len(answer["totals"])
    (refused,) = case.check({"error": {"code": "invalid_input"}})
    assert refused.field == "response"
    assert str(refused.actual).startswith("refused: ")
