"""Citations without an article: no dangling "-" in text, JSON or reports, in either language.

An instrument with no article to cite (a BPJS announcement, a BPS statistic, one of the
library's conventions) used to be cited with ``article = "-"``, printed as
``BPS: inflasi umum tahunan (Desember ke Desember) -``. The data now leaves the article out
(the loaders refuse a placeholder: tests/bad_data/article_placeholder,
tests/regional/bad_programs/*_article_dash.toml), and a :class:`Citation` keeps no
placeholder.
"""

from __future__ import annotations

import json
import re

import pytest

from perlindungan import Citation, LegalBasis, parameters
from perlindungan.cli import main
from perlindungan.legal import is_no_article
from perlindungan.regional import bundled_schemes

#: A citation that ends in a dash, or a dash before the next citation of a list.
DANGLING = re.compile(r"\s[-\u2013\u2014](?:;|\s*\(|\s*$)", re.MULTILINE)

BASIS = LegalBasis(id="x", kind="PP", number="45", year=2015, title="Jaminan Pensiun")


@pytest.mark.parametrize("text", ["-", " - ", "--", "\u2014", "\u2013", "", "  \t"])
def test_a_placeholder_is_no_article(text: str) -> None:
    assert is_no_article(text)
    citation = Citation(BASIS, text)
    assert citation.article is None
    assert str(citation) == "PP 45/2015"
    assert citation.to_dict()["article"] is None


@pytest.mark.parametrize("text", ["Pasal 29", "Lampiran", "Diktum 1", "(pasal tidak ditemukan)"])
def test_an_article_is_kept(text: str) -> None:
    assert not is_no_article(text)
    assert str(Citation(BASIS, f" {text} ")) == f"PP 45/2015 {text}"


def test_no_bundled_citation_has_a_placeholder() -> None:
    seen = 0
    for name, parameter in parameters().items():
        for entry in parameter.values:
            for citation in entry.citations:
                seen += 1
                assert citation.article is None or not is_no_article(citation.article), name
                assert not DANGLING.search(str(citation)), (name, str(citation))
    for scheme in bundled_schemes():
        for citation in scheme.citations:
            assert not DANGLING.search(str(citation)), scheme.id
    assert seen > 100


def test_the_inflation_figures_cite_no_article_of_a_statistic() -> None:
    entry = parameters()["jp.inflation"].values[0]
    assert entry.citations[0].article is None
    assert str(entry.citations[0]) == "BPS: inflasi umum tahunan (Desember ke Desember)"
    assert entry.citations[1].article == "Pasal 17 ayat (3)"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_data_reports_print_no_dangling_dash(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (
        ["data", "diff", "2019-12-31", "2020-03-01"],
        ["data", "status", "--on", "2025-06-01", "--within", "400"],
    ):
        assert main(["--lang", lang, *args]) == 0
        text = capsys.readouterr().out
        assert "BPS: inflasi umum tahunan" in text or "Surat BPJS" in text
        assert not DANGLING.search(text), text
        assert main(["--lang", lang, *args, "--json"]) == 0
        out = capsys.readouterr().out
        json.loads(out)
        assert not re.search(r' [-\u2013\u2014](;|")', out), out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_benefit_explanation_prints_no_dangling_dash(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    claim = [
        "benefits",
        "--on",
        "2020-06-01",
        "--program",
        "JP",
        "--event",
        "old_age",
        "--average-indexed-wage",
        "1000000",
        "--contribution-months",
        "180",
    ]
    assert main(["--lang", lang, *claim, "--explain"]) == 0
    text = capsys.readouterr().out
    assert "min/maks JP" in text  # the derived minimum, cited without an article
    assert not DANGLING.search(text), text
    assert main(["--lang", lang, *claim, "--json"]) == 0
    out = capsys.readouterr().out
    assert "min/maks JP" in out
    assert not re.search(r' [-\u2013\u2014](;|")', out), out
