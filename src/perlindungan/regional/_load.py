"""Strict loading of program files: every problem is reported with file, line and a fix.

Program files are untrusted data. Nothing in them is ever evaluated; their size is bounded
by :func:`perlindungan._toml.read_toml_text` and their nesting by :data:`MAX_NESTING`.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from perlindungan._i18n import N_
from perlindungan._input.files import read_bytes
from perlindungan._input.limits import MAX_PROGRAM_BYTES
from perlindungan._message import Message
from perlindungan._toml import TomlDocument, bundled_documents, read_toml_text
from perlindungan.errors import DataProblem, InvalidInputError, RegulationDataError
from perlindungan.parameters import parameters
from perlindungan.regional import _load_quota, _load_reader, _load_tables
from perlindungan.regional._condition_parse import parse_node
from perlindungan.regional._program import Priority, RegionalScheme
from perlindungan.regional._regions import RegionRegistry, regions, regions_from_file
from perlindungan.regional._scheme_key import TOP, keyed

__all__ = ["MAX_NESTING", "check_overlaps", "load_scheme", "load_scheme_text"]

#: Deepest nesting of tables and lists accepted anywhere in a program file.
MAX_NESTING: Final = 12

_REQUIRED: Final = (
    "id",
    "name_id",
    "name_en",
    "region",
    "valid_from",
    "status",
    "confidence",
    "groups",
    "eligibility",
    "coverage",
    "funding",
)
_CONFIDENCE: Final = ("C2", "C1", "D", "M")


def _depth(value: object, limit: int, level: int = 0) -> bool:
    """True when ``value`` nests deeper than ``limit``."""
    if level > limit:
        return True
    if isinstance(value, dict):
        return any(_depth(v, limit, level + 1) for v in value.values())
    if isinstance(value, list):
        return any(_depth(v, limit, level + 1) for v in value)
    return False


def _registry(
    r: _load_reader.Reader, raw: Mapping[str, Any], base: Path | None, given: RegionRegistry | None
) -> RegionRegistry:
    """The regions a program is checked against: ``given``, else a ``regions`` file the
    program declares in ``regions_file`` (relative to the program file), else the bundled ones."""
    if given is not None:
        return given
    if "regions_file" not in raw:
        return regions()
    name = r.text("program.regions_file", raw["regions_file"])
    if name is None:
        return regions()
    path = (base / name) if base is not None and not Path(name).is_absolute() else Path(name)
    try:
        return regions_from_file(path)
    except (InvalidInputError, RegulationDataError) as exc:
        reason: str = exc.message if isinstance(exc, InvalidInputError) else ""
        if isinstance(exc, RegulationDataError) and exc.problems:
            first = exc.problems[0]
            where = f"{first.file}:{first.line}" if first.line is not None else first.file
            where += f": {first.location}" if first.location else ""
            reason = Message("{where}: {message}", where=where, message=first.message)
        r.add(
            "program.regions_file",
            Message("regions file {name}: {reason}", name=repr(name), reason=reason),
        )
        return regions()


def _program(
    doc: TomlDocument,
    problems: list[DataProblem],
    folder: Path | None = None,
    registry: RegionRegistry | None = None,
) -> RegionalScheme | None:
    r = _load_reader.Reader(doc, problems)
    for key in doc.data:
        if key != "program":
            r.add(key, Message("unknown key {key}; did you mean 'program'?", key=repr(key)))
    raw = r.table("program", doc.data.get("program"))
    if raw is None:
        return None
    r.keys("program", raw, _load_reader.KEYS["program"])
    missing = [k for k in _REQUIRED if k not in raw]
    for k in missing:
        r.add("program", Message("missing required key {k}", k=repr(k)))
    if missing:
        return None
    bases = parameters().bases
    known = _registry(r, raw, folder, registry)
    pid = r.identifier("program.id", raw["id"])
    name_id = r.text("program.name_id", raw["name_id"])
    name_en = r.text("program.name_en", raw["name_en"])
    region = _load_reader.region_code(r, "program.region", raw["region"], known)
    start = r.date("program.valid_from", raw["valid_from"])
    end = r.date("program.valid_until", raw["valid_until"]) if "valid_until" in raw else None
    if start and end and end < start:
        r.add(
            "program.valid_until",
            Message("{end} is before valid_from {start}", end=end, start=start),
        )
    status = r.status("program.status", raw["status"])
    confidence = raw["confidence"]
    if confidence not in _CONFIDENCE:
        r.add(
            "program.confidence",
            Message(
                "unknown confidence {confidence}; valid names: {names}.",
                confidence=repr(confidence),
                names=", ".join(_CONFIDENCE),
            ),
        )
    citations = _load_reader.citations(r, "program.basis", raw.get("basis", []), bases)
    sources = r.names("program.sources", raw.get("sources", []))
    if not citations and not sources:
        r.add("program", Message("give a legal basis ('basis') or at least one source ('sources')"))
    groups = _load_reader.roles(r, "program.groups", raw["groups"], None)
    eligibility = parse_node(
        doc,
        "program.eligibility",
        raw["eligibility"],
        bases,
        _load_reader.resolver(known),
        problems,
        registry=None if known is regions() else known,
    )
    coverage = (
        _load_tables.coverage(r, raw["coverage"])
        if r.table("program.coverage", raw["coverage"])
        else None
    )
    funding = (
        _load_tables.funding(r, raw["funding"], known)
        if r.table("program.funding", raw["funding"])
        else None
    )
    quota_raw = r.table("program.quota", raw.get("quota", {})) or {}
    quota = _load_quota.quota(r, quota_raw, groups)
    if region and quota.sub_regions is not None:
        # checked where the region data declares its village units (a quota's sub-regions
        # may be RT or other units elsewhere)
        villages = known.descendants(region, "village")
        if known.at(region).village_units is not None and len(villages) != quota.sub_regions:
            r.add(
                "program.quota.sub_regions",
                Message(
                    "{sub_regions:,} sub-regions, but region {region} has {count:,} village units in the region data",
                    sub_regions=quota.sub_regions,
                    region=region,
                    count=len(villages),
                ),
            )
    prio_raw = r.table("program.priority", raw.get("priority", {})) or {}
    r.keys("program.priority", prio_raw, _load_reader.KEYS["priority"])
    priority = Priority(
        _load_reader.roles(r, "program.priority.roles", prio_raw.get("roles", []), groups),
        _load_tables.priority_keys(r, prio_raw.get("then", [])),
        r.status("program.priority.status", prio_raw.get("status", "illustrative")),
    )
    phases = _load_quota.phase_places(
        r, _load_quota.phases(r, raw.get("phases", []), groups, start, end), quota
    )
    grants = _load_tables.grants(r, raw.get("grants", []))
    if not isinstance(raw.get("targets", []), list):
        r.add("program.targets", Message("must be a list of [[program.targets]] tables"))
    targets = _load_tables.targets(r, raw.get("targets", []))
    alongside = r.names("program.alongside", raw.get("alongside", []))
    nik_domicile = raw.get("nik_prefix_as_domicile", False)
    if not isinstance(nik_domicile, bool):
        r.add(
            "program.nik_prefix_as_domicile",
            f"must be true or false (no quotes), got {nik_domicile!r}",
        )
    if len(problems) or None in (
        pid,
        name_id,
        name_en,
        region,
        start,
        eligibility,
        coverage,
        funding,
    ):
        return None
    assert pid
    assert name_id
    assert name_en
    assert region
    assert start
    assert eligibility
    assert coverage
    assert funding
    return RegionalScheme(
        id=pid,
        name_id=name_id,
        name_en=name_en,
        region=region,
        valid_from=start,
        valid_until=end,
        status=status,
        confidence=str(confidence),
        citations=citations,
        sources=sources,
        groups=groups,
        eligibility=eligibility,
        coverage=coverage,
        funding=funding,
        quota=quota,
        priority=priority,
        phases=phases,
        grants=grants,
        alongside=alongside,
        note=raw.get("note"),
        file=doc.name,
        targets=targets,
        regions=None if known is regions() else known,
        nik_prefix_as_domicile=nik_domicile is True,
    )


def load_scheme_text(
    text: str, name: str = "<text>", *, regions: RegionRegistry | None = None
) -> RegionalScheme:
    """A program from the text of a program file; :class:`RegulationDataError` lists every
    problem. ``regions`` (e.g. from :func:`regions_from_file`) replaces the bundled ones."""
    return _load_document(read_toml_text(text, name), registry=regions)


def _load_document(
    doc: TomlDocument, folder: Path | None = None, registry: RegionRegistry | None = None
) -> RegionalScheme:
    if _depth(doc.data, MAX_NESTING):
        raise RegulationDataError(
            [
                DataProblem(
                    doc.name,
                    "",
                    Message(
                        "nesting is deeper than {max_nesting} levels; refused.",
                        max_nesting=MAX_NESTING,
                    ),
                )
            ]
        )
    problems: list[DataProblem] = []
    program = _program(keyed(doc, problems), problems, folder, registry)
    if problems or program is None:
        raise RegulationDataError(problems)
    return program


def load_scheme(path: str | Path, *, regions: RegionRegistry | None = None) -> RegionalScheme:
    """A program from a file path (a regular file of at most 2 MB, UTF-8); a ``regions``
    file it declares is read relative to it."""
    p = Path(path)
    raw = read_bytes(p, limit=MAX_PROGRAM_BYTES, what=N_("scheme file"), field="file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RegulationDataError(
            [DataProblem(p.name, "", Message("not UTF-8 text; refused."))]
        ) from None
    return _load_document(read_toml_text(text, p.name), p.parent, regions)


def _overlap(a: RegionalScheme, b: RegionalScheme) -> bool:
    if a.region != b.region or a.id in b.alongside or b.id in a.alongside:
        return False
    if not set(a.groups) & set(b.groups):
        return False
    a_end = a.valid_until or _dt.date.max
    b_end = b.valid_until or _dt.date.max
    return a.valid_from <= b_end and b.valid_from <= a_end


def check_overlaps(programs: Sequence[RegionalScheme]) -> list[DataProblem]:
    """Problems for schemes of the same region, group and dates (unless declared alongside)."""
    out = []
    for i, a in enumerate(programs):
        if any(other.id == a.id for other in programs[:i]):
            out.append(
                DataProblem(
                    a.file, f"{TOP}.id", Message("scheme id {id} is used twice", id=repr(a.id))
                )
            )
        for b in programs[:i]:
            if b.id != a.id and _overlap(a, b):
                shared = ", ".join(sorted(set(a.groups) & set(b.groups)))
                out.append(
                    DataProblem(
                        a.file,
                        TOP,
                        Message(
                            "overlaps scheme {id} ({file}) for region {region}, groups {shared} and dates; list it in 'alongside' if both apply",
                            id=repr(b.id),
                            file=b.file,
                            region=a.region,
                            shared=shared,
                        ),
                    )
                )
    return out


@functools.cache
def bundled_schemes() -> tuple[RegionalScheme, ...]:
    """The example schemes bundled with the package, checked together."""
    progs = []
    problems: list[DataProblem] = []
    for doc in bundled_documents("schemes"):
        try:
            progs.append(_load_document(doc))
        except RegulationDataError as exc:
            problems.extend(exc.problems)
    problems.extend(check_overlaps(progs))
    if problems:
        raise RegulationDataError(problems)
    return tuple(progs)
