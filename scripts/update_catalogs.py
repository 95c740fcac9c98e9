"""Extract translatable messages, update the Indonesian catalogue and compile it.

    python scripts/update_catalogs.py          # update messages.pot, id .po and .mo
    python scripts/update_catalogs.py --check  # exit 1 if anything is stale or untranslated

Messages are English ids marked with ``N_()``, ``translate()``, ``t()`` or ``Message()``
(:mod:`perlindungan._message`) in the source.
New ids are added to ``locale/id/LC_MESSAGES/perlindungan.po`` untranslated; ids no longer
in the source are dropped. The ``--check`` mode is what the test suite runs.
"""

from __future__ import annotations

import ast
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "perlindungan"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "messages.pot"
PO = LOCALE / "id" / "LC_MESSAGES" / "perlindungan.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"N_": None, "translate": (1,), "t": (1,), "_": None, "Message": None}


def extract() -> Catalog:
    """Every message id marked in the package source."""
    catalog = Catalog(project="perlindungan", domain="perlindungan", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        if not isinstance(message, str) or not message:
            continue
        catalog.add(
            message,
            None,
            [(f"src/perlindungan/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    # babel's extractor does not look inside f-string expressions: add what it missed.
    for path, node in _marked_calls():
        literal = _literal(node)
        if literal is not None and literal not in catalog:
            catalog.add(literal, None, [(_relative(path), node.lineno)])
    return catalog


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _marked_calls() -> list[tuple[Path, ast.Call]]:
    """Every ``N_(...)``, ``translate(...)``, ``t(...)`` and ``Message(...)`` call in the
    package source."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"N_", "translate", "t", "Message"}
                and node.args
            ):
                found.append((path, node))
    return found


def _literal(node: ast.Call) -> str | None:
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value:
        return first.value
    return None


def unmarkable() -> list[str]:
    """Marked calls no catalogue can hold: ``N_`` of anything but a string literal, and
    ``translate``/``t``/``Message`` of an f-string or a concatenation (variables holding ids
    are fine)."""
    found = []
    for path, node in _marked_calls():
        if _literal(node) is not None:
            continue
        first = node.args[0]
        name = node.func.id if isinstance(node.func, ast.Name) else "?"
        if name == "N_" or isinstance(first, ast.JoinedStr | ast.BinOp):
            found.append(
                f"{_relative(path)}:{node.lineno}: {name}() needs a plain string literal as its "
                "first argument, not a computed value or an f-string"
            )
    return found


def _dump_po(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
    return buffer.getvalue()


def _dump_mo(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def updated_po(template: Catalog) -> Catalog:
    """The Indonesian catalogue with the template's ids, keeping existing translations."""
    old: Catalog | None = None
    if PO.exists():
        with PO.open("rb") as handle:
            old = read_po(handle, locale="id")
    catalog = Catalog(locale="id", project="perlindungan", domain="perlindungan", charset="utf-8")
    catalog.revision_date = catalog.creation_date = _FIXED_DATE
    for message in template:
        if not message.id:
            continue
        previous = old.get(message.id) if old is not None else None
        catalog.add(message.id, previous.string if previous is not None else "")
    return catalog


def problems() -> list[str]:
    """What is stale or missing; empty when the catalogues are up to date."""
    template = extract()
    found: list[str] = unmarkable()
    if not PO.exists():
        return [f"{PO} is missing; run scripts/update_catalogs.py"]
    current = _current()
    ids = {m.id for m in template if m.id}
    have = {m.id for m in current if m.id}
    found += [f"not in the .po file: {i!r}" for i in sorted(ids - have)]
    found += [f"obsolete in the .po file: {i!r}" for i in sorted(have - ids)]
    found += [f"no Indonesian translation: {m.id!r}" for m in current if m.id and not m.string]
    found += [f"fuzzy translation, review it: {m.id!r}" for m in current if m.id and m.fuzzy]
    found += [f"obsolete entry in the .po file: {i!r}" for i in sorted(current.obsolete)]
    found += _mo_problems(current)
    return found


def _current() -> Catalog:
    """The Indonesian catalogue as the .po file has it."""
    with PO.open("rb") as handle:
        return read_po(handle, locale="id")


def _entries(catalog: Catalog) -> dict[tuple[str | None, str], str]:
    """What a compiled catalogue serves: message id (and context) to translation.

    The comparison is by entry, never by the bytes of the file: the bytes carry the header
    that the Babel release writing them puts there (``Generated-By``), which a fresh install
    with a newer Babel changes while every translation stays the same.
    """
    entries: dict[tuple[str | None, str], str] = {}
    for message in catalog:
        # plural entries hold tuples; this project's catalogue has none, and str() keeps
        # a comparison of them exact all the same
        if message.id and message.string and not message.fuzzy:
            entries[message.context, str(message.id)] = str(message.string)
    return entries


def _mo_problems(current: Catalog) -> list[str]:
    if not MO.exists():
        return [f"{MO.name} is missing: run scripts/update_catalogs.py"]
    with MO.open("rb") as handle:
        compiled = read_mo(handle)
    want, have = _entries(current), _entries(compiled)
    if want == have:
        return []
    differing = sorted(str(key[1]) for key in want.keys() ^ have.keys())
    differing += sorted(str(k[1]) for k in want.keys() & have.keys() if want[k] != have[k])
    message = (
        f"{MO.name} is stale ({len(differing)} entries differ from the .po file, first "
        f"{differing[0]!r}): run scripts/update_catalogs.py"
    )
    return [message]


import datetime as _dt  # noqa: E402

_FIXED_DATE = _dt.datetime(2026, 1, 1, tzinfo=_dt.UTC)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    template = extract()
    template.revision_date = template.creation_date = _FIXED_DATE
    LOCALE.mkdir(parents=True, exist_ok=True)
    PO.parent.mkdir(parents=True, exist_ok=True)
    POT.write_bytes(_dump_po(template))
    catalog = updated_po(template)
    PO.write_bytes(_dump_po(catalog))
    MO.write_bytes(_dump_mo(catalog))
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"{len(catalog)} messages; {len(missing)} without an Indonesian translation")
    for message_id in missing:
        print(f"  untranslated: {message_id!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
