"""The documentation site builds in both languages with Sphinx, warnings as errors.

The Bahasa Indonesia site (the default) is built at the root of a temporary folder and the
English site under ``en/``, as they are published; the two builds run at the same time.
In the Indonesian build, any text of a translated page left in English is a warning (so an
error here) that names the page, the line, the text and the catalogue to translate it in.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")
pytest.importorskip("furo")


def _command(language: str, out: Path, doctrees: Path) -> list[str]:
    return [
        sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
        "-D", f"language={language}", "-d", str(doctrees), str(DOCS), str(out),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both sites built once for this module: Indonesian at the root, English in en/."""
    root = tmp_path_factory.mktemp("site")
    before = {p for p in DOCS.rglob("*") if "__pycache__" not in p.parts}
    builds = {
        language: subprocess.Popen(
            _command(language, root / "html" / sub, root / f"doctrees-{language}"),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for language, sub in (("id", ""), ("en", "en"))
    }
    outputs = {language: build.communicate(timeout=400)[0] for language, build in builds.items()}
    for language, build in builds.items():
        assert build.returncode == 0, f"{language} build:\n{outputs[language]}"
    after = {p for p in DOCS.rglob("*") if "__pycache__" not in p.parts}
    assert after == before, f"the build wrote into docs/: {sorted(after - before)}"
    return root / "html"


def _text(html: Path) -> str:
    return re.sub(r"\s+", " ", html.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_english_site(site: Path) -> None:
    explorer = _text(site / "en" / "explorer.html")
    assert "pu.jp.wage_cap" in explorer
    assert "PP 45/2015 Pasal 29 ayat (2)" in explorer
    assert "IDR10,547,400" in explorer
    assert "JHT -" not in explorer  # a missing article is left out, not shown as "-"
    assert "Government Regulation (Peraturan Pemerintah) No. 45 of 2015" in explorer
    assert 'src="_charts/pu.jp.wage_cap.svg"' in explorer
    chart = (site / "en" / "_charts" / "pu.jp.wage_cap.svg").read_text(encoding="utf-8")
    assert chart.startswith("<svg")
    assert "IDR11,086,300" in chart
    assert "kota-jambi-rentan-2025" in explorer
    assert "Kota Jambi (15.71)" in explorer
    cli = _text(site / "en" / "cli.html")
    assert "perlindungan conformance" in cli
    assert "--command" in cli
    assert "usage: perlindungan" in cli
    api = _text(site / "en" / "api.html")
    for name in ("contributions", "worker_and_date", "pytest_generate_tests", "RegionalScheme"):
        assert name in api, name


@pytest.mark.slow
def test_indonesian_site_is_the_default(site: Path) -> None:
    index = _text(site / "index.html")
    assert 'lang="id"' in index.split(">", 2)[1]
    assert "Dari baris perintah" in index
    policy = _text(site / "getting-started-policy.html")
    assert policy.index("Memasang perintahnya") < policy.index("Dari Python")
    explorer = _text(site / "explorer.html")
    assert "Batas upah iuran JP" in explorer
    assert "Rp10.547.400" in explorer
    assert "Peraturan Pemerintah Nomor 45 Tahun 2015 tentang" in explorer
    assert "salinan resmi" in explorer
    cli = _text(site / "cli.html")  # the help rendered through the package's catalogue
    helps = " ".join(re.findall(r"<pre>(.*?)</pre>", cli))
    assert "penggunaan: perlindungan" in helps
    assert "usage:" not in helps
    assert "show this help message" not in helps
    contributions = _text(site / "contributions.html")
    assert "Penerima Upah (PU)" in contributions
    assert "pemberi kerja + pekerja" in contributions
    assert "JKM: meninggal dunia bukan karena kecelakaan kerja" in _text(site / "benefits.html")
    assert "Masukan dan batas" in _text(site / "limits.html")
    # a table cell "-" (no link, no article) is a dash, not an empty bullet
    for page in ("explorer.html", "changes.html"):
        assert "<li></li>" not in _text(site / page), page
    assert "perlindungan convention" not in explorer  # the library's conventions in Indonesian
    # the theme's own words (Sphinx's Indonesian catalogue leaves them in English)
    assert "Berikutnya" in policy
    assert "Kembali ke atas" in policy
    # a developer page stays in English and says so
    assert "hanya tersedia dalam bahasa Inggris" in _text(site / "api.html")


@pytest.mark.slow
def test_language_switch_links_the_same_page(site: Path) -> None:
    indonesian = _text(site / "explorer.html")
    assert 'href="en/explorer.html" hreflang="en"' in indonesian
    english = _text(site / "en" / "explorer.html")
    assert 'href="../explorer.html" hreflang="id"' in english


@pytest.mark.slow
def test_code_is_rendered_as_code(site: Path) -> None:
    page = _text(site / "en" / "regional-schemes.html")
    assert "<blockquote" not in page  # doctest blocks were one-line quotes
    code = re.sub(r"<[^>]+>", "", " ".join(re.findall(r"<pre>(.*?)</pre>", page)))
    assert '&gt;&gt;&gt; regional.region("nagari silokek").code' in code
    assert "\u201c" not in code  # no curly quotes in code


def test_every_page_is_in_the_toctree() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert "{toctree}" in index
    assert ":glob:" in index


@pytest.mark.slow
def test_indonesian_build_names_text_left_in_english(tmp_path: Path) -> None:
    """The check the Indonesian build runs: a paragraph of a translated page with no
    translation is a warning (an error with -W) naming the page, the text and the catalogue."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        f"sys.path.insert(0, {str(ROOT / 'src')!r})\n"
        'extensions = ["myst_parser", "perlindungan_i18n"]\n'
        'language = "id"\n',
        encoding="utf-8",
    )
    (source / "index.md").write_text(
        "# perlindungan\n\nA sentence nobody translated yet.\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html",
         "-d", str(tmp_path / "doctrees"), str(source), str(tmp_path / "html")],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )  # fmt: skip
    assert done.returncode != 0
    assert "untranslated text on a Bahasa Indonesia page" in done.stderr
    assert "A sentence nobody translated yet." in done.stderr
    assert "docs/locale/id/LC_MESSAGES/index.po" in done.stderr
