"""Regions: Kemendagri codes, names and hierarchy, read from ``data/regions/*.toml``.

The parent of a region is its code without the last dotted part (``36.73`` -> ``36``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Final

import attrs

from perlindungan._suggest import did_you_mean, suggestions
from perlindungan._toml import TomlDocument, read_toml_text
from perlindungan.errors import DataProblem, RegulationDataError, UnknownNameError

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

    def get(self, code_or_name: str) -> Region:
        """The region with this code or name; :class:`UnknownNameError` otherwise."""
        key = str(code_or_name).strip()
        if key in self.by_code:
            return self.by_code[key]
        wanted = _norm(key)
        for reg in self.by_code.values():
            if wanted in {_norm(reg.name), *(_norm(a) for a in reg.aliases)} or (
                reg.name_en and wanted == _norm(reg.name_en)
            ):
                return reg
        names = [*self.by_code, *(r.name for r in self.by_code.values())]
        raise UnknownNameError(
            f"unknown region {code_or_name!r}; {did_you_mean(key, names)}",
            field="region",
            value=code_or_name,
            suggestions=suggestions(key, names),
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
        for key in doc.data:
            if key != "region":
                problems.append(doc.problem(key, f"unknown key {key!r}; did you mean 'region'?"))
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
            )
    if problems:
        raise RegulationDataError(problems)
    return RegionRegistry(found)


@functools.cache
def regions() -> RegionRegistry:
    """The bundled region registry."""
    folder = resources.files("perlindungan") / "data" / "regions"
    docs = [
        read_toml_text(f.read_text(encoding="utf-8"), f"regions/{Path(f.name).name}")
        for f in sorted(folder.iterdir(), key=lambda f: f.name)
        if f.name.endswith(".toml")
    ]
    return load_regions(docs)


def region(code_or_name: str) -> Region:
    """A bundled region by Kemendagri code or name.

    >>> region("36.73").name
    'Kota Serang'
    >>> region("Kabupaten Sijunjung").code
    '13.03'
    >>> region("36.73").parent_code
    '36'

    """
    return regions().get(code_or_name)
