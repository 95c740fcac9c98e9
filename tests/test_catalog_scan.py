"""scripts/update_catalogs.py also finds messages babel misses (inside f-strings) and marks
that no catalogue can hold (N_ of a computed value)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "update_catalogs.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_catalogs_under_test", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_messages_inside_f_strings_are_extracted_and_computed_ids_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "src" / "perlindungan"
    package.mkdir(parents=True)
    (package / "sample.py").write_text(
        "def N_(s): return s\n"
        "def translate(s, locale): return s\n"
        "name = 'x'\n"
        "a = f\"{N_('inside an f-string')}: {name}\"\n"
        "b = N_('plain message')\n"
        "c = N_(name)\n"
        "d = translate(f'hello {name}', 'en')\n"
        "e = translate(name, 'en')\n",
        encoding="utf-8",
    )
    script = _script()
    monkeypatch.setattr(script, "ROOT", tmp_path)
    monkeypatch.setattr(script, "PACKAGE", package)
    ids = {m.id for m in script.extract() if m.id}
    assert {"inside an f-string", "plain message"} <= ids
    found = script.unmarkable()
    assert len(found) == 2
    assert found[0].startswith("src/perlindungan/sample.py:6: N_() needs a plain string literal")
    assert found[1].startswith("src/perlindungan/sample.py:7: translate() needs")
