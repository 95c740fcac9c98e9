"""scripts/update_catalogs.py also finds messages babel misses (inside f-strings) and marks
that no catalogue can hold (N_ of a computed value)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

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


def _compiled(tmp_path: Path, script: ModuleType, *, drop: str | None, header: str) -> Path:
    """The bundled .po compiled into a temporary .mo, with one entry left out if asked and
    the ``Generated-By`` header a given Babel release would write."""
    with script.PO.open("rb") as handle:
        catalog = read_po(handle, locale="id")
    if drop is not None:
        catalog.delete(drop)
    mo = tmp_path / "perlindungan.mo"
    with mo.open("wb") as handle:
        write_mo(handle, catalog)
    data = mo.read_bytes()
    # Same length keeps the .mo offsets valid: only the header bytes change.
    old = b"Generated-By: Babel "
    start = data.index(old) + len(old)
    end = data.index(b"\n", start)
    assert len(header) <= end - start
    mo.write_bytes(data[:start] + header.ljust(end - start).encode() + data[end:])
    return mo


def test_mo_compared_by_entries_not_by_the_babel_release_that_wrote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = _script()
    monkeypatch.setattr(script, "MO", _compiled(tmp_path, script, drop=None, header="9.9"))
    assert script._mo_problems(script._current()) == []


def test_mo_missing_a_translation_is_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script()
    current = script._current()
    first = next(m.id for m in current if m.id and m.string)
    monkeypatch.setattr(script, "MO", _compiled(tmp_path, script, drop=first, header="2.18.0"))
    (problem,) = script._mo_problems(current)
    assert "is stale (1 entries differ" in problem
    assert repr(first) in problem
