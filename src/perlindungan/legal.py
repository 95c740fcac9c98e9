"""Legal bases: the instruments every figure is tied to.

The catalogue lives in ``data/legal_bases/*.toml``; parameter values refer to it by id
(``pp-45-2015``) and add the article (``Pasal 29 ayat (2)``).
"""

from __future__ import annotations

import datetime as _dt
from typing import Final

import attrs

from perlindungan._repr import attrs_repr

__all__ = ["KINDS", "Citation", "LegalBasis"]

#: The kinds of instrument the catalogue knows, with their usual abbreviation.
KINDS: Final[dict[str, str]] = {
    "UU": "Undang-Undang",
    "PP": "Peraturan Pemerintah",
    "Perpres": "Peraturan Presiden",
    "Inpres": "Instruksi Presiden",
    "Permenaker": "Peraturan Menteri Ketenagakerjaan",
    "Permendagri": "Peraturan Menteri Dalam Negeri",
    "PMK": "Peraturan Menteri Keuangan",
    "Surat BPJS": "Surat Direksi BPJS Ketenagakerjaan",
    "Perdir BPJS": "Peraturan Direksi BPJS Ketenagakerjaan",
    "Perda": "Peraturan Daerah",
    "Pergub": "Peraturan Gubernur",
    "Perwal": "Peraturan Wali Kota",
    "Perbup": "Peraturan Bupati",
    "Kepgub": "Keputusan Gubernur",
    "Perkades": "Peraturan Kepala Desa / Wali Nagari",
    "MoU": "Nota Kesepahaman",
    "Library": "perlindungan convention",
}


@attrs_repr
@attrs.frozen(repr=False)
class LegalBasis:
    """One legal instrument, e.g. PP 45/2015."""

    id: str
    kind: str
    number: str
    year: int
    title: str
    url: str | None = None
    in_force: _dt.date | None = None
    note: str | None = None

    @property
    def short(self) -> str:
        """The usual short citation: ``PP 45/2015``, ``Surat BPJS B/726/022025``."""
        if self.kind == "Surat BPJS":
            return f"Surat BPJS Ketenagakerjaan {self.number}"
        if self.kind == "Perdir BPJS":
            return f"Perdir BPJS Ketenagakerjaan {self.number}"
        if self.kind == "Library":
            return self.title
        return f"{self.kind} {self.number}/{self.year}"

    def __str__(self) -> str:
        return self.short


def is_no_article(text: str) -> bool:
    """True for text that names no article: blank, or only dashes such as ``"-"``.

    The data leaves ``article`` out when an instrument has none to cite (a BPJS
    announcement, a statistic, one of the library's conventions); the loaders refuse such a
    placeholder, and a :class:`Citation` built with one keeps no article, so that no
    dangling ``-`` is ever printed.
    """
    return not text.strip(" \t\n-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


def _article(value: str | None) -> str | None:
    if value is None or is_no_article(value):
        return None
    return value.strip()


@attrs_repr
@attrs.frozen(repr=False)
class Citation:
    """A legal basis plus the article relied on (``None`` when there is none to cite)."""

    basis: LegalBasis
    article: str | None = attrs.field(default=None, converter=_article)

    def __str__(self) -> str:
        return f"{self.basis.short} {self.article}" if self.article else self.basis.short

    def to_dict(self) -> dict[str, object]:
        """JSON form: ``{"id", "citation", "article", "url"}``."""
        return {
            "id": self.basis.id,
            "citation": str(self),
            "instrument": self.basis.short,
            "article": self.article,
            "title": self.basis.title,
            "url": self.basis.url,
        }
