"""The sdist and wheel build cleanly and the wheel installs and runs in a fresh environment."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from perlindungan import __version__

ROOT = Path(__file__).resolve().parent.parent

PROBE = (
    "import sys, perlindungan; print(perlindungan.__file__); "
    "print('hypothesis' in sys.modules); "
    "print(int(perlindungan.contributions(perlindungan.NonWageEarner(income=1_000_000), "
    "on='2025-06-01').total)); "
    "print('tomllib' in sys.modules)"
)

pytest.importorskip("build")
pytest.importorskip("hatchling")


def _run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=300, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.mark.slow
def test_sdist_and_wheel_build_and_install_in_a_fresh_environment(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        env={**os.environ, "PIP_NO_INDEX": "1"},
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    assert wheel.name == f"perlindungan-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "perlindungan/py.typed",
        "perlindungan/data/conformance/v1/contributions.json",
        "perlindungan/data/parameters/pu.toml",
        "perlindungan/locale/id/LC_MESSAGES/perlindungan.mo",
        "perlindungan/strategies.py",
        # generated at build time (scripts/build_hook.py), never committed
        "perlindungan/data/parsed/parameters.json",
        "perlindungan/data/parsed/legal_bases.json",
    ):
        assert needed in names, needed
    with tarfile.open(sdist) as archive:
        members = {m.split("/", 1)[1] for m in archive.getnames() if "/" in m}
    assert {"pyproject.toml", "src/perlindungan/_version.py", "CHANGELOG.md"} <= members
    assert "scripts/build_hook.py" in members
    assert not [m for m in members if "/data/parsed/" in m], "the sdist ships no parsed copy"

    # A fresh environment: its own site-packages with the wheel; the runtime dependencies
    # (attrs, pendulum, babel) come from this environment's site-packages as a plain path,
    # so the editable install of the working tree is not visible there.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    (site / "runtime_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    installed = _run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)])
    assert installed.returncode == 0, installed.stderr
    probe = _run(
        [
            str(python),
            "-c",
            PROBE,
        ],
        cwd=tmp_path,
    )
    assert probe.returncode == 0, probe.stderr
    location, hypothesis_loaded, total, toml_parsed = probe.stdout.split()
    assert location.startswith(str(site))
    assert hypothesis_loaded == "False"
    assert total == "16800"
    # the data a contribution needs came from the wheel's parsed copies, not from parsing TOML
    assert toml_parsed == "False"
    version = _run([str(env_dir / "bin" / "perlindungan"), "--version"], cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"perlindungan {__version__}"


def _requirement_name(requirement: str) -> str:
    name = re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def test_test_command_pins_every_test_dependency() -> None:
    """CI runs the README's test command, which installs the `test` extra under
    constraints.txt: every tool it names has an exact pin there, so a fresh clone gets the
    versions that last passed the suite."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line for line in ci.splitlines() if "pytest" in line and "venv" in line)
    assert command in readme
    assert "-c constraints.txt" in command
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact pin"
            pins[_requirement_name(name)] = version
    with (ROOT / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    unpinned = [
        requirement
        for requirement in [*project["dependencies"], *project["optional-dependencies"]["test"]]
        if _requirement_name(requirement) not in pins
    ]
    assert unpinned == [], f"add exact pins to constraints.txt for {unpinned}"
