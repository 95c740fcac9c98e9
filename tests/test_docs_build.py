"""The documentation site builds with Sphinx, warnings as errors, into a temporary folder."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")


@pytest.mark.slow
def test_docs_build_without_warnings(tmp_path: Path) -> None:
    before = {p for p in DOCS.rglob("*") if "__pycache__" not in p.parts}
    start = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert time.monotonic() - start < 120
    html = tmp_path / "html"
    explorer = (html / "explorer.html").read_text(encoding="utf-8")
    assert "pu.jp.wage_cap" in explorer
    assert "PP 45/2015 Pasal 29 ayat (2)" in explorer
    assert "IDR10,547,400" in explorer
    cli = (html / "cli.html").read_text(encoding="utf-8")
    assert "perlindungan conformance" in cli
    assert "--command" in cli
    api = (html / "api.html").read_text(encoding="utf-8")
    for name in ("contributions", "worker_and_date", "pytest_generate_tests", "RegionalProgram"):
        assert name in api, name
    after = {p for p in DOCS.rglob("*") if "__pycache__" not in p.parts}
    assert after == before, f"the build wrote into docs/: {sorted(after - before)}"


def test_every_page_is_in_the_toctree() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert "{toctree}" in index
    assert ":glob:" in index
