"""The bundled Kemendagri code table and the name rules of region lookups.

``data/regions/kemendagri.tsv.gz`` holds every province, kabupaten/kota, kecamatan and
desa/kelurahan (one ``code<TAB>name`` line each; ``#`` lines give the edition, source,
licence and counts). It is read on first use only (about 91,600 lines), never at import.

Name rules: a name is compared case-insensitively with dots read as spaces. A type prefix
(``Provinsi``, ``Kabupaten``/``Kab.``, ``Kota``, ``Kecamatan``/``Kec.``/``Distrik``,
``Desa``/``Kelurahan``/``Nagari``/``Gampong``/...) limits a lookup to that level;
without one the name is looked up at every level.
"""

from __future__ import annotations

import functools
import gzip
from typing import Final

from perlindungan import _toml

__all__ = [
    "LEVELS",
    "PREFIXES",
    "TableInfo",
    "bundled_table",
    "level_of_code",
    "name_keys",
    "norm",
    "split_prefix",
    "table_level",
]

#: Region levels, from the top down.
LEVELS: Final[tuple[str, ...]] = ("province", "regency", "city", "district", "village")

#: Type prefixes (normalised, longest first) and the levels they stand for.
PREFIXES: Final[tuple[tuple[str, frozenset[str]], ...]] = tuple(
    sorted(
        (
            ("provinsi", frozenset({"province"})),
            ("prov", frozenset({"province"})),
            ("kabupaten administrasi", frozenset({"regency"})),
            ("kabupaten", frozenset({"regency"})),
            ("kab", frozenset({"regency"})),
            ("kota administrasi", frozenset({"city"})),
            ("kota adm", frozenset({"city"})),
            ("kota", frozenset({"city"})),
            ("kecamatan", frozenset({"district"})),
            ("kec", frozenset({"district"})),
            ("distrik", frozenset({"district"})),
            ("desa adat", frozenset({"village"})),
            ("desa", frozenset({"village"})),
            ("kelurahan", frozenset({"village"})),
            ("kel", frozenset({"village"})),
            ("nagari", frozenset({"village"})),
            ("gampong", frozenset({"village"})),
            ("pekon", frozenset({"village"})),
            ("lembang", frozenset({"village"})),
        ),
        key=lambda item: -len(item[0]),
    )
)

_FILE: Final = "kemendagri.tsv.gz"
_BY_LENGTH: Final = {2: "province", 5: "regency", 8: "district", 13: "village"}


def table_level(code: str) -> str:
    """The level of a code known to be well formed (fast: by its length)."""
    level = _BY_LENGTH[len(code)]
    if level == "regency" and code[3:5] >= "71":
        return "city"
    return level


def norm(name: str) -> str:
    """A name as compared: lower case, dots as spaces, single spaces."""
    return " ".join(name.lower().replace(".", " ").split())


_FIRST_WORDS: Final = frozenset(prefix.split()[0] for prefix, _ in PREFIXES)


def split_prefix(normalised: str) -> tuple[frozenset[str] | None, str]:
    """The levels named by a leading type prefix and the rest (``None``: no prefix)."""
    if normalised.partition(" ")[0] not in _FIRST_WORDS:
        return None, normalised
    for prefix, levels in PREFIXES:
        if normalised.startswith(prefix + " ") and len(normalised) > len(prefix) + 1:
            return levels, normalised[len(prefix) + 1 :]
    return None, normalised


def name_keys(name: str, level: str) -> set[str]:
    """The keys a region's own name is found under: the name, and without its prefix
    when that prefix is of the region's own level (``Kabupaten Bogor`` -> ``bogor``)."""
    full = norm(name)
    levels, rest = split_prefix(full)
    return {full, rest} if levels is not None and level in levels else {full}


def level_of_code(code: str) -> str | None:
    """The level a Kemendagri code has by its shape (``35.10`` is a regency, ``35.78`` a
    city: kota codes are 71-99), or None when the code is not of that shape."""
    parts = code.split(".")
    if not all(p.isdigit() for p in parts):
        return None
    widths = tuple(len(p) for p in parts)
    if widths == (2,):
        return "province"
    if widths == (2, 2):
        return "city" if int(parts[1]) >= 71 else "regency"
    if widths == (2, 2, 2):
        return "district"
    if widths == (2, 2, 2, 4):
        return "village"
    return None


class TableInfo:
    """The ``#`` header of the table: edition, source, licence, counts (as written)."""

    def __init__(self, header: dict[str, str]) -> None:
        self.header = dict(header)

    @property
    def edition(self) -> str:
        """The Kepmendagri edition the codes are from."""
        return self.header.get("edition", "")

    @property
    def source(self) -> str:
        """Where the table was taken from."""
        return self.header.get("source", "")

    @property
    def licence(self) -> str:
        """The licence of the table's data."""
        return self.header.get("licence", "")

    def describe(self) -> str:
        """One line: edition and source."""
        return f"{self.edition}; {self.source}"


def _read_bytes() -> bytes:
    path = _toml.DATA / "regions" / _FILE
    if path.is_file():
        return path.read_bytes()
    from importlib import resources  # noqa: PLC0415

    return (resources.files("perlindungan") / "data" / "regions" / _FILE).read_bytes()


@functools.cache
def bundled_table() -> tuple[dict[str, str], TableInfo]:
    """Code -> name of every region in the bundled table, and the table's header."""
    text = gzip.decompress(_read_bytes()).decode("utf-8")
    header: dict[str, str] = {}
    lines = text.splitlines()
    body = 0
    while body < len(lines) and lines[body].startswith("#"):
        key, sep, value = lines[body][1:].partition(":")
        if sep:
            header[key.strip()] = value.strip()
        body += 1
    names = dict(line.split("\t", 1) for line in lines[body:])
    return names, TableInfo(header)
