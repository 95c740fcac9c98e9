"""Hatch build hook: the parsed copies of the bundled data, generated at build time.

Every wheel gets ``perlindungan/data/parsed/<folder>.json`` written from the TOML files it
ships (see :mod:`perlindungan._parsed_copy`); an editable install writes them into the
source tree it imports from (``src/perlindungan/data/parsed/``, git-ignored). They are
never committed: a copy whose TOML changed since is not used, the TOML is parsed instead.

The hook loads ``_parsed_copy.py`` by its path, so building needs no runtime dependency.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.config import BuilderConfig
from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _codec(root: Path) -> ModuleType:
    path = root / "src" / "perlindungan" / "_parsed_copy.py"
    spec = importlib.util.spec_from_file_location("_perlindungan_parsed_copy", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class ParsedCopiesHook(BuildHookInterface[BuilderConfig]):
    """Writes the parsed copies into the wheel (or an editable install's source tree)."""

    PLUGIN_NAME = "parsed-copies"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        codec = _codec(root)
        data = root / "src" / "perlindungan" / "data"
        if version == "editable":
            codec.write(data, data / codec.PARSED)
            return
        self._out = Path(tempfile.mkdtemp(prefix="perlindungan-parsed-"))
        for path in codec.write(data, self._out):
            build_data["force_include"][str(path)] = f"perlindungan/data/parsed/{path.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:  # noqa: ARG002  (hatch's signature)
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
