"""Bring the Bahasa Indonesia catalogues of the documentation up to date with the pages.

    python scripts/update_docs_catalogs.py          # update docs/locale/id/LC_MESSAGES/*.po
    python scripts/update_docs_catalogs.py --check  # list what is untranslated; exit 1 if any

The English pages are the source. Sphinx's gettext builder extracts their text (paragraphs,
headings, list items, table cells; not code blocks) into templates; every page listed in
``TRANSLATED`` (docs/_ext/perlindungan_i18n.py) gets a catalogue ``<page>.po``. New text
is added untranslated; changed text is marked fuzzy with the old translation as a starting
point (a fuzzy entry is not used until the mark is removed); text no longer on the page is
dropped. Then translate the empty or fuzzy entries. The Indonesian build (tests/
test_docs_build.py) fails on any text left untranslated and names it.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LOCALE = DOCS / "locale" / "id" / "LC_MESSAGES"
# A fixed header date, so that an update changes a catalogue only when its text changes.
STAMP = _dt.datetime(2026, 1, 1, tzinfo=_dt.UTC)


def translated_pages() -> list[str]:
    """The pages translated into Bahasa Indonesia (``TRANSLATED`` of the docs extension)."""
    sys.path.insert(0, str(DOCS / "_ext"))
    module = importlib.import_module("perlindungan_i18n")
    return sorted(module.TRANSLATED)


def templates(folder: Path) -> dict[str, Catalog]:
    """Run Sphinx's gettext builder on the English pages; one template per page."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "gettext",
            "-D",
            "language=en",
            "-d",
            str(folder / "doctrees"),
            str(DOCS),
            str(folder / "pot"),
        ],
        check=True,
    )
    found = {}
    for pot in sorted((folder / "pot").glob("*.pot")):
        with pot.open("rb") as handle:
            found[pot.stem] = read_po(handle)
    return found


def problems(catalog: Catalog) -> list[str]:
    """The entries of a catalogue that are untranslated or fuzzy."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        if not message.string:
            out.append(f"untranslated: {message.id}")
        elif message.fuzzy:
            out.append(f"fuzzy (changed in English): {message.id}")
    return out


def main(argv: list[str]) -> int:
    """Update (or with ``--check`` only check) the catalogues; print what is left to do."""
    check = "--check" in argv
    with tempfile.TemporaryDirectory() as tmp:
        pots = templates(Path(tmp))
    left = 0
    for page in translated_pages():
        template = pots[page]
        path = LOCALE / f"{page}.po"
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale="id")
        else:
            catalog = Catalog(locale="id", project="perlindungan", charset="utf-8")
        catalog.update(template, update_header_comment=False)
        catalog.project, catalog.version, catalog.fuzzy = "perlindungan documentation", "", False
        catalog.creation_date = catalog.revision_date = STAMP
        todo = problems(catalog)
        stale = [m.id for m in catalog.obsolete.values()]
        for line in todo:
            print(f"{path.relative_to(ROOT)}: {line}")
        left += len(todo)
        if check:
            left += len(stale)
            for old in stale:
                print(f"{path.relative_to(ROOT)}: no longer on the page: {old}")
            continue
        catalog.obsolete.clear()
        LOCALE.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=0, omit_header=False, ignore_obsolete=True)
    print(f"{left} entries to translate" if left else "all pages translated")
    return 1 if check and left else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
