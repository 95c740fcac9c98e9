"""The CLI's explicit command registry: every command module is listed, none is found by
scanning, and the help lists them in the registry's order."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from perlindungan.cli import COMMANDS, _region, build_parser

CLI = Path(__file__).parents[1] / "src" / "perlindungan" / "cli"


def _names_in_sources(variable: str) -> set[str]:
    """``<variable> = "..."`` of every module in ``cli/`` (``NAME`` for a command module,
    ``ACTION`` for a region action)."""
    names: set[str] = set()
    for path in CLI.glob("_*.py"):
        for node in ast.parse(path.read_text("utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and [getattr(t, "id", None) for t in node.targets] == [variable]
                and isinstance(node.value, ast.Constant)
            ):
                names.add(str(node.value.value))
    return names


def test_every_command_module_is_registered() -> None:
    assert _names_in_sources("NAME") == set(COMMANDS)


def test_every_region_action_is_registered() -> None:
    assert _names_in_sources("ACTION") == set(_region.actions())


def test_the_help_lists_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    positions = [
        out.index(f"    {name} ") if f"    {name} " in out else out.index(f"    {name}\n")
        for name in COMMANDS
    ]
    assert positions == sorted(positions)


def test_an_unknown_command_is_an_error_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["contribution"])
    assert info.value.code == 2
    assert "invalid choice: 'contribution'" in capsys.readouterr().err


@pytest.mark.parametrize("module", ["perlindungan", "perlindungan.cli"])
def test_both_module_entry_points_run_the_cli(module: str) -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    from perlindungan import __version__  # noqa: PLC0415

    done = subprocess.run(
        [sys.executable, "-m", module, "--version"],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"perlindungan {__version__}")
