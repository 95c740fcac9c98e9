"""Regions: Kemendagri codes, names and hierarchy, read from ``data/regions/*.toml``.

The parent of a region is its code without the last dotted part (``36.73`` -> ``36``).
Below the kabupaten/kota the files list kecamatan (``district``) and desa/kelurahan/nagari
(``village``) with the source of the codes (a file-level ``source`` key).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Final

import attrs

from perlindungan._suggest import did_you_mean, suggestions
from perlindungan._toml import TomlDocument, bundled_documents
from perlindungan.errors import (
    DataProblem,
    InvalidInputError,
    RegulationDataError,
    UnknownNameError,
)

__all__ = ["LEVELS", "Region", "RegionRegistry", "region", "regions"]

#: Region levels, from the top down.
LEVELS: Final[tuple[str, ...]] = ("province", "regency", "city", "district", "village")

_KEYS: Final = frozenset(
    {
        "code",
        "level",
        "name",
        "name_en",
        "aliases",
        "village_units",
        "village_units_status",
        "village_units_note",
    }
)


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
        """The known region directly above (in the bundled registry), or None."""
        code = self.parent_code
        return regions().by_code.get(code) if code else None

    @property
    def parent_code(self) -> str | None:
        """The code of the region above, or None for a province."""
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    def is_within(self, other: str) -> bool:
        """True when this region is ``other`` (a code) or lies inside it."""
        return self.code == other or self.code.startswith(other + ".")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


def _norm(name: str) -> str:
    return " ".join(name.lower().replace(".", " ").split())


@attrs.frozen
class RegionRegistry:
    """All known regions, with lookups by code or name."""

    by_code: dict[str, Region]

    def get(self, code_or_name: str, *, within: str | None = None) -> Region:
        """The region with this code or name (case-insensitive, aliases too).

        ``within`` (a code) limits a name lookup to that region and what lies inside it.
        When a name fits regions at several levels the highest level wins (``"Sijunjung"``
        is the kabupaten, not the kecamatan or nagari of that name); two regions of the
        same level with the name are ambiguous.
        """
        key = str(code_or_name).strip()
        if key in self.by_code and (within is None or self.by_code[key].is_within(within)):
            return self.by_code[key]
        wanted = _norm(key)
        pool = [r for r in self.by_code.values() if within is None or r.is_within(within)]
        hits = [
            reg
            for reg in pool
            if wanted in {_norm(reg.name), *(_norm(a) for a in reg.aliases)}
            or (reg.name_en and wanted == _norm(reg.name_en))
        ]
        if hits:
            top = min(h.code.count(".") for h in hits)
            best = sorted((h for h in hits if h.code.count(".") == top), key=lambda r: r.code)
            if len(best) == 1:
                return best[0]
            raise InvalidInputError(
                f"region name {code_or_name!r} is ambiguous: "
                f"{', '.join(str(r) for r in best)}; give the code instead.",
                field="region",
                value=code_or_name,
            )
        names = list(dict.fromkeys([*(r.code for r in pool), *(r.name for r in pool)]))
        raise UnknownNameError(
            f"unknown region {code_or_name!r}; {did_you_mean(key, names)}",
            field="region",
            value=code_or_name,
            suggestions=suggestions(key, names),
        )

    def parent(self, code: str) -> Region | None:
        """The known region directly above ``code``, or None."""
        return self.by_code.get(code.rsplit(".", 1)[0]) if "." in code else None

    def descendants(self, code: str, level: str | None = None) -> list[Region]:
        """Known regions inside ``code`` (optionally of one level), in code order."""
        return sorted(
            (
                r
                for r in self.by_code.values()
                if r.code.startswith(code + ".") and (level is None or r.level == level)
            ),
            key=lambda r: r.code,
        )

    def chain(self, code: str) -> list[Region]:
        """The region and its ancestors, nearest first (only those that are known)."""
        out = []
        probe: str | None = code
        while probe:
            if probe in self.by_code:
                out.append(self.by_code[probe])
            probe = probe.rsplit(".", 1)[0] if "." in probe else None
        return out

    def children(self, code: str) -> list[Region]:
        """Known regions directly below ``code``."""
        return [r for r in self.by_code.values() if r.parent_code == code]

    def __contains__(self, code: object) -> bool:
        return code in self.by_code


def load_regions(docs: Iterable[TomlDocument]) -> RegionRegistry:
    """Regions from parsed files; every problem is collected and raised together."""
    problems: list[DataProblem] = []
    found: dict[str, Region] = {}
    for doc in docs:
        entries = doc.data.get("region", [])
        source = doc.data.get("source")
        for key in doc.data:
            if key not in ("region", "source"):
                problems.append(
                    doc.problem(
                        key, f"unknown key {key!r}; {did_you_mean(key, ('region', 'source'))}"
                    )
                )
        if source is not None and not isinstance(source, str):
            problems.append(doc.problem("source", "must be text in quotes"))
            source = None
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            path = f"region[{index}]"
            bad = [k for k in entry if k not in _KEYS]
            for k in bad:
                problems.append(
                    doc.problem(f"{path}.{k}", f"unknown key {k!r}; {did_you_mean(k, _KEYS)}")
                )
            code, level, name = entry.get("code"), entry.get("level"), entry.get("name")
            if not isinstance(code, str) or not all(p.isdigit() for p in code.split(".")):
                problems.append(doc.problem(f"{path}.code", 'must be a code such as "36.73"'))
                continue
            if level not in LEVELS:
                problems.append(
                    doc.problem(
                        f"{path}.level",
                        f"unknown level {level!r}; {did_you_mean(str(level), LEVELS)}",
                    )
                )
                continue
            if not isinstance(name, str):
                problems.append(doc.problem(f"{path}.name", "must be a name in quotes"))
                continue
            parent = code.rsplit(".", 1)[0] if "." in code else None
            if level in ("district", "village") and parent is not None and parent not in found:
                problems.append(
                    doc.problem(f"{path}.code", f"parent region {parent} of {code} is not listed")
                )
                continue
            if code in found:
                problems.append(doc.problem(f"{path}.code", f"region {code} is listed twice"))
                continue
            found[code] = Region(
                code=code,
                level=str(level),
                name=name,
                name_en=entry.get("name_en"),
                aliases=tuple(entry.get("aliases", ())),
                village_units=entry.get("village_units"),
                village_units_status=entry.get("village_units_status"),
                village_units_note=entry.get("village_units_note"),
                source=source,
            )
    registry = RegionRegistry(found)
    for reg in found.values():
        villages = registry.descendants(reg.code, "village")
        if reg.village_units is not None and villages and len(villages) != reg.village_units:
            problems.append(
                DataProblem(
                    "regions",
                    reg.code,
                    f"village_units of {reg} is {reg.village_units}, "
                    f"but {len(villages)} village units are listed",
                )
            )
    if problems:
        raise RegulationDataError(problems)
    return registry


@functools.cache
def regions() -> RegionRegistry:
    """The bundled region registry."""
    return load_regions(bundled_documents("regions"))


def region(code_or_name: str, *, within: str | None = None) -> Region:
    """A bundled region by Kemendagri code or name (``within`` limits a name lookup).

    >>> region("36.73").name
    'Kota Serang'
    >>> region("Kabupaten Sijunjung").code
    '13.03'
    >>> region("36.73").parent_code
    '36'
    >>> region("13.03.10.2004").name, region("13.03.10.2004").parent.name
    ('Desa Kampung Baru', 'Kupitan')
    >>> region("sijunjung", within="13.03.04").code
    '13.03.04'
    >>> region("Sijunjung", within="13.03.04.2009").code
    '13.03.04.2009'
    >>> len(regions().descendants("13.03", "village"))
    62

    """
    return regions().get(code_or_name, within=within)
