"""Regions: every Kemendagri code and name, the hierarchy, and lookups by code or name.

The codes and names come from the bundled Kemendagri table (see
:mod:`perlindungan.regional._region_table`); ``data/regions/*.toml`` adds English names,
aliases and village counts to some of them. A user regions file (same TOML form) adds
regions that are new or changed since the table's edition; the same checks apply.

The parent of a region is its code without the last dotted part (``36.73`` -> ``36``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan._toml import TomlDocument, bundled_documents, read_toml
from perlindungan.errors import DataProblem, RegulationDataError
from perlindungan.regional._region_registry import LEVEL_LABELS, Region, RegionRegistry, code_key
from perlindungan.regional._region_table import LEVELS, bundled_table, level_of_code

__all__ = [
    "LEVELS",
    "LEVEL_LABELS",
    "Region",
    "RegionRegistry",
    "load_regions",
    "region",
    "regions",
    "regions_from_file",
]

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


def _entry(
    doc: TomlDocument,
    path: str,
    entry: dict[str, Any],
    known: Callable[[str], bool],
    problems: list[DataProblem],
) -> Region | None:
    for k in entry:
        if k not in _KEYS:
            problems.append(
                doc.problem(
                    f"{path}.{k}",
                    Message("unknown key {key}; {hint}", key=repr(k), hint=did_you_mean(k, _KEYS)),
                )
            )
    code, level, name = entry.get("code"), entry.get("level"), entry.get("name")
    if not isinstance(code, str) or level_of_code(code) is None:
        problems.append(
            doc.problem(f"{path}.code", Message('must be a code such as "35", "35.10", "35.10.01"'))
        )
        return None
    if level not in LEVELS:
        problems.append(
            doc.problem(
                f"{path}.level",
                Message(
                    "unknown level {level}; {hint}",
                    level=repr(level),
                    hint=did_you_mean(str(level), LEVELS),
                ),
            )
        )
        return None
    shape = level_of_code(code)
    if shape != level and {shape, level} != {"regency", "city"}:
        problems.append(
            doc.problem(
                f"{path}.level",
                Message(
                    "code {code} is a {shape}, not a {level}", code=code, shape=shape, level=level
                ),
            )
        )
        return None
    if not isinstance(name, str) or not name.strip():
        problems.append(doc.problem(f"{path}.name", Message("must be a name in quotes")))
        return None
    parent = code.rsplit(".", 1)[0] if "." in code else None
    if level in ("district", "village") and parent is not None and not known(parent):
        problems.append(
            doc.problem(
                f"{path}.code",
                Message("parent region {parent} of {code} is not listed", parent=parent, code=code),
            )
        )
        return None
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        problems.append(
            doc.problem(f"{path}.aliases", Message("must be a list of names in quotes"))
        )
        aliases = []
    return Region(
        code=code,
        level=str(level),
        name=name,
        name_en=entry.get("name_en"),
        aliases=tuple(aliases),
        village_units=entry.get("village_units"),
        village_units_status=entry.get("village_units_status"),
        village_units_note=entry.get("village_units_note"),
        source=doc.data.get("source") if isinstance(doc.data.get("source"), str) else None,
    )


def load_regions(
    docs: Iterable[TomlDocument], *, base: RegionRegistry | None = None
) -> RegionRegistry:
    """Regions from parsed files (on top of ``base``); every problem is raised together."""
    problems: list[DataProblem] = []
    found: dict[str, Region] = {}
    for doc in docs:
        for key in doc.data:
            if key not in ("region", "source"):
                problems.append(
                    doc.problem(
                        key,
                        Message(
                            "unknown key {key}; {hint}",
                            key=repr(key),
                            hint=did_you_mean(key, ("region", "source")),
                        ),
                    )
                )
        if "source" in doc.data and not isinstance(doc.data["source"], str):
            problems.append(doc.problem("source", Message("must be text in quotes")))
        entries = doc.data.get("region", [])
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            path = f"region[{index}]"
            if not isinstance(entry, dict):
                problems.append(doc.problem(path, Message("must be a [[region]] table")))
                continue
            reg = _entry(
                doc, path, entry, lambda c: c in found or (base is not None and c in base), problems
            )
            if reg is None:
                continue
            if reg.code in found:
                problems.append(
                    doc.problem(
                        f"{path}.code", Message("region {code} is listed twice", code=reg.code)
                    )
                )
                continue
            found[reg.code] = reg
    names = dict(base.names) if base is not None else {}
    names.update({code: reg.name for code, reg in found.items()})
    if any(code not in (base.names if base is not None else {}) for code in found):
        names = dict(sorted(names.items(), key=lambda item: code_key(item[0])))
    details = {**(base.details if base is not None else {}), **found}
    registry = RegionRegistry(names, details, base.source if base is not None else None)
    for reg in found.values():
        if reg.village_units is not None:
            villages = registry.descendants(reg.code, "village")
            if villages and len(villages) != reg.village_units:
                problems.append(
                    DataProblem(
                        "regions",
                        reg.code,
                        Message(
                            "village_units of {reg} is {village_units}, but {count} village units are listed",
                            reg=reg,
                            village_units=reg.village_units,
                            count=len(villages),
                        ),
                    )
                )
    if problems:
        raise RegulationDataError(problems)
    return registry


@functools.cache
def regions() -> RegionRegistry:
    """The bundled registry: the Kemendagri table with the details of ``data/regions``."""
    names, info = bundled_table()
    return load_regions(
        bundled_documents("regions"), base=RegionRegistry(names, {}, info.describe())
    )


def regions_from_file(path: str | Path) -> RegionRegistry:
    """The bundled regions with those of a user regions file added or changed."""
    return regions().with_documents([read_toml(Path(path))])


def region(code_or_name: str, *, within: str | None = None) -> Region:
    """A bundled region by Kemendagri code or name (``within`` limits a name lookup).

    >>> region("36.73").name
    'Kota Serang'
    >>> region("Kabupaten Sijunjung").code
    '13.03'
    >>> region("Kab. Banyuwangi").code, region("Banyuwangi").code, region("3510").code
    ('35.10', '35.10', '35.10')
    >>> region("Kecamatan Banyuwangi").code
    '35.10.16'
    >>> region("13.03.10.2004").name, region("13.03.10.2004").parent.name
    ('Desa Kampung Baru', 'Kupitan')
    >>> region("sijunjung", within="13.03.04").code
    '13.03.04'
    >>> len(regions().descendants("13.03", "village"))
    62

    """
    return regions().get(code_or_name, within=within)
