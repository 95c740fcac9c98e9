"""Region and RegionRegistry: codes, names, the hierarchy and lookups by code or name.

The registries themselves are built by :mod:`perlindungan.regional._regions` (the
bundled Kemendagri table with ``data/regions``, and user regions files).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from perlindungan._i18n import N_
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean_these
from perlindungan.errors import InvalidInputError, UnknownNameError
from perlindungan.regional._region_table import name_keys, norm, split_prefix, table_level

if TYPE_CHECKING:
    from perlindungan._toml import TomlDocument

__all__ = ["LEVEL_LABELS", "Region", "RegionRegistry", "code_key"]

#: The levels in words (translatable).
LEVEL_LABELS: Final[dict[str, str]] = {
    "province": N_("province"),
    "regency": N_("regency (kabupaten)"),
    "city": N_("city (kota)"),
    "district": N_("district (kecamatan)"),
    "village": N_("village (desa/kelurahan)"),
}
#: Most candidates listed in an "ambiguous" message.
_SHOWN: Final = 12


@attrs.frozen
class Region:
    """One region: ``Region(code="36.73", level="city", name="Kota Serang")``."""

    code: str
    level: str
    name: str
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    village_units: int | None = None
    village_units_status: str | None = None
    village_units_note: str | None = None
    source: str | None = None

    @property
    def parent(self) -> Region | None:
        """The region directly above (in the bundled registry), or None."""
        # import cycle: _regions imports this module
        from perlindungan.regional._regions import regions  # noqa: PLC0415

        return regions().parent(self.code)

    @property
    def parent_code(self) -> str | None:
        """The code of the region above, or None for a province."""
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    def is_within(self, other: str) -> bool:
        """True when this region is ``other`` (a code) or lies inside it."""
        return self.code == other or self.code.startswith(other + ".")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


def code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split("."))


def _dotted(text: str) -> str:
    """``3510`` -> ``35.10``; ``3510012001`` -> ``35.10.01.2001``; other text unchanged."""
    if text.isdigit() and len(text) in (4, 6, 10):
        return ".".join(p for p in (text[:2], text[2:4], text[4:6], text[6:]) if p)
    return text


class _LazyUnknownRegionError(UnknownNameError):
    """An unknown region; its suggestions are computed only when the message is read."""

    def __init__(self, value: str, compute: Callable[[], list[str]]) -> None:
        Exception.__init__(self, value)
        self.field = "region"
        self.value = value
        self._compute = compute
        self._found: list[str] | None = None

    def _close(self) -> list[str]:
        if self._found is None:
            self._found = self._compute()
        return self._found

    @property
    def suggestions(self) -> tuple[str, ...]:
        return tuple(self._close())

    @suggestions.setter
    def suggestions(self, value: tuple[str, ...]) -> None:
        self._found = list(value)

    @property
    def message(self) -> str:
        close = self._close()
        if close:
            hint = did_you_mean_these(close)
        else:
            hint = Message(
                "give a Kemendagri code such as 35.10 or a name such as 'Kabupaten Banyuwangi'; "
                "'perlindungan region search TEXT' finds it."
            )
        return Message("unknown region {value}; {hint}", value=repr(self.value), hint=hint)

    def __str__(self) -> str:
        return self.message


@attrs.frozen(eq=False)
class RegionRegistry:
    """All known regions (code -> name, plus regions with details), with lookups."""

    names: Mapping[str, str]
    details: Mapping[str, Region] = attrs.field(factory=dict)
    source: str | None = None
    _cache: dict[str, Any] = attrs.field(factory=dict, repr=False, alias="_cache")

    # --- by code ------------------------------------------------------------------------

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self.names

    def __len__(self) -> int:
        return len(self.names)

    def at(self, code: str) -> Region:
        """The region of a code (which must be known)."""
        made: dict[str, Region] = self._cache.setdefault("regions", {})
        if code not in made:
            made[code] = self.details.get(code) or Region(
                code=code,
                level=table_level(code),
                name=self.names[code],
                source=self.source,
            )
        return made[code]

    def count(self, level: str) -> int:
        """How many regions of one level are known."""
        return sum(1 for code in self.names if self.level_of(code) == level)

    def level_of(self, code: str) -> str:
        """The level of a known code."""
        found = self.details.get(code)
        return found.level if found else table_level(code)

    def parent(self, code: str) -> Region | None:
        """The known region directly above ``code``, or None."""
        up = code.rsplit(".", 1)[0] if "." in code else None
        return self.at(up) if up is not None and up in self.names else None

    def _children_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] | None = self._cache.get("children")
        if index is None:
            index = {}
            for code in self.names:  # in code order (see load_regions)
                if "." in code:
                    index.setdefault(code[: code.rindex(".")], []).append(code)
            self._cache["children"] = index
        return index

    def children(self, code: str) -> list[Region]:
        """Known regions directly below ``code``, in code order."""
        return [self.at(c) for c in self._children_index().get(code, [])]

    def descendants(self, code: str, level: str | None = None) -> list[Region]:
        """Known regions inside ``code`` (optionally of one level), in code order."""
        out: list[Region] = []
        for child in self.children(code):
            if level is None or child.level == level:
                out.append(child)
            out.extend(self.descendants(child.code, level))
        return sorted(out, key=lambda r: code_key(r.code))

    def chain(self, code: str) -> list[Region]:
        """The region and its ancestors, nearest first (only those that are known)."""
        out = []
        probe: str | None = code
        while probe:
            if probe in self.names:
                out.append(self.at(probe))
            probe = probe.rsplit(".", 1)[0] if "." in probe else None
        return out

    def describe(self, code: str) -> str:
        """``Genteng (35.10.09, Kabupaten Banyuwangi, Jawa Timur)``: name, code, parents."""
        found = self.chain(code)
        return f"{found[0].name} ({', '.join([code, *(r.name for r in found[1:])])})"

    # --- by name ------------------------------------------------------------------------

    def _name_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] | None = self._cache.get("names")
        if index is None:
            index = {}
            for code, name in self.names.items():
                level = self.level_of(code)
                keys = name_keys(name, level)
                extra = self.details.get(code)
                if extra is not None:
                    for other in (*extra.aliases, extra.name_en or ""):
                        if other:
                            keys |= name_keys(other, level)
                for key in keys:
                    index.setdefault(key, []).append(code)
            self._cache["names"] = index
        return index

    def find(
        self,
        name: str,
        *,
        within: str | None = None,
        level: str | Collection[str] | None = None,
    ) -> list[Region]:
        """Every region the name (or code) may mean, at the levels asked, in code order."""
        key = _dotted(str(name).strip())
        if key in self.names:
            hits = [key]
        else:
            wanted = norm(key)
            prefixed, rest = split_prefix(wanted)
            index = self._name_index()
            hits = list(index.get(wanted, []))
            if prefixed is not None:
                hits += [c for c in index.get(rest, []) if self.level_of(c) in prefixed]
        levels = {level} if isinstance(level, str) else set(level) if level else None
        return [
            self.at(c)
            for c in sorted(set(hits), key=code_key)
            if (within is None or c == within or c.startswith(within + "."))
            and (levels is None or self.level_of(c) in levels)
        ]

    def get(
        self,
        code_or_name: str,
        *,
        within: str | None = None,
        level: str | Collection[str] | None = None,
    ) -> Region:
        """The region with this code or name (case-insensitive, with or without a type
        prefix such as ``Kabupaten``/``Kab.``, ``Kota``, ``Kecamatan``, ``Desa``/``Nagari``).

        ``within`` (a code) limits the lookup to that region and what lies inside it;
        ``level`` to one level or several. When a name fits regions at several levels the
        highest level wins (``"Sijunjung"`` is the kabupaten, not the kecamatan or nagari of
        that name); several regions of that level with the name are ambiguous: the error
        lists them with their codes and parents.
        """
        hits = self.find(code_or_name, within=within, level=level)
        if hits:
            top = min(h.code.count(".") for h in hits)
            best = [h for h in hits if h.code.count(".") == top]
            if len(best) == 1:
                return best[0]
            shown = "; ".join(self.describe(r.code) for r in best[:_SHOWN])
            more = (
                Message("; and {count} more", count=len(best) - _SHOWN)
                if len(best) > _SHOWN
                else ""
            )
            raise InvalidInputError(
                Message(
                    "region name {value} is ambiguous: {count} regions have it: {shown}{more}; "
                    "give the code (or a prefix such as Kabupaten/Kota).",
                    value=repr(code_or_name),
                    count=len(best),
                    shown=shown,
                    more=more,
                ),
                field="region",
                value=code_or_name,
            )
        query = str(code_or_name)
        raise _LazyUnknownRegionError(query, lambda: self._suggest(query, within, level))

    def _suggest(
        self, query: str, within: str | None, level: str | Collection[str] | None
    ) -> list[str]:
        """The closest names at the level asked (by prefix or ``level``), inside ``within``."""
        prefixed, rest = split_prefix(norm(query))
        levels = {level} if isinstance(level, str) else set(level) if level else prefixed
        if levels is None and _dotted(query.strip()).replace(".", "").isdigit():
            return self._near_codes(_dotted(query.strip()))
        pool: dict[str, str] = {}
        codes = (
            [within, *(r.code for r in self.descendants(within))]
            if within is not None and within in self.names
            else self.names
        )
        for code in codes:
            if levels is None or self.level_of(code) in levels:
                for key in name_keys(self.names[code], self.level_of(code)):
                    pool.setdefault(key, self.names[code])
        close = difflib.get_close_matches(rest, list(pool), n=3, cutoff=0.75)
        return list(dict.fromkeys(pool[c] for c in close))

    def _near_codes(self, code: str) -> list[str]:
        """The known codes closest to an unknown one, among the codes of the same depth
        under its nearest known ancestor (a typo in a village code is looked for among that
        kecamatan's villages, not among the 83,000 villages of the country), or that
        ancestor when none is close. A code with no known ancestor is compared, cut to at
        most three parts, with the known codes of that depth (at most the kecamatan)."""
        depth = code.count(".")
        children = self._children_index()
        up = code
        while "." in up:
            up = up.rsplit(".", 1)[0]
            if up in self.names:
                pool = [up]
                while pool and pool[0].count(".") < depth:
                    pool = [c for parent in pool for c in children.get(parent, [])]
                return difflib.get_close_matches(code, pool, n=3) or [up]
        cut = ".".join(code.split(".")[:3])
        same = [c for c in self.names if c.count(".") == cut.count(".")]
        return difflib.get_close_matches(cut, same, n=3)

    def search(self, text: str, *, limit: int = 50) -> list[Region]:
        """Regions whose name contains ``text`` (normalised), highest levels first."""
        wanted = norm(text)
        levels, rest = split_prefix(wanted)
        hits = [
            code
            for key, codes in self._name_index().items()
            if rest in key
            for code in codes
            if levels is None or self.level_of(code) in levels
        ]
        ordered = sorted(set(hits), key=lambda c: (c.count("."), code_key(c)))
        return [self.at(c) for c in ordered[:limit]]

    def with_documents(self, docs: Iterable[TomlDocument]) -> RegionRegistry:
        """This registry with regions added or changed by region files (checked)."""
        # import cycle: _regions imports this module
        from perlindungan.regional._regions import load_regions  # noqa: PLC0415

        return load_regions(docs, base=self)
