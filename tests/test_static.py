"""The code passes mypy --strict and ruff, and the gettext catalogues are complete."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.static
def test_mypy_strict() -> None:
    """mypy --strict finds nothing in src, tests and scripts."""
    result = _run("mypy", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.static
def test_ruff() -> None:
    """ruff finds nothing."""
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_catalogues_complete_and_fresh() -> None:
    """Every message has an Indonesian translation and the compiled .mo is up to date."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_catalogs.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
