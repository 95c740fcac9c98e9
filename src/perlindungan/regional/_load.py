"""Strict loading of program files: every problem is reported with file, line and a fix.

Program files are untrusted data. Nothing in them is ever evaluated; their size is bounded
by :func:`perlindungan._toml.read_toml_text` and their nesting by :data:`MAX_NESTING`.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from perlindungan._input.files import read_bytes
from perlindungan._input.limits import (
    MAX_COUNT,
    MAX_ID_CHARS,
    MAX_PROGRAM_BYTES,
    MAX_TEXT_CHARS,
)
from perlindungan._input.shown import shown
from perlindungan._input.text import ID_GRAMMAR, hidden_character
from perlindungan._suggest import did_you_mean
from perlindungan._toml import TomlDocument, bundled_documents, read_toml_text
from perlindungan.errors import DataProblem, InvalidInputError, RegulationDataError
from perlindungan.legal import Citation, LegalBasis
from perlindungan.money import Rupiah
from perlindungan.parameters import parameters
from perlindungan.programs import Program
from perlindungan.regional._apportion import SPLITS
from perlindungan.regional._conditions import RegionResolver, parse_node, program_amount
from perlindungan.regional._person import canonical_role, unknown_role
from perlindungan.regional._program import (
    FUNDERS,
    PHASE_QUOTAS,
    PRIORITY_KEYS,
    STATUSES,
    Coverage,
    Funding,
    GrantTier,
    Phase,
    Priority,
    Quota,
    RegionalProgram,
    Target,
    older_than,
)
from perlindungan.regional._regions import RegionRegistry, regions, regions_from_file

__all__ = ["MAX_NESTING", "check_overlaps", "load_program", "load_program_text"]

#: Deepest nesting of tables and lists accepted anywhere in a program file.
MAX_NESTING: Final = 12

_KEYS: Final[dict[str, frozenset[str]]] = {
    "program": frozenset(
        {
            "id",
            "name_id",
            "name_en",
            "region",
            "valid_from",
            "valid_until",
            "status",
            "confidence",
            "basis",
            "sources",
            "note",
            "groups",
            "alongside",
            "eligibility",
            "coverage",
            "funding",
            "quota",
            "priority",
            "phases",
            "grants",
            "targets",
            "regions_file",
            "nik_prefix_as_domicile",
        }
    ),
    "coverage": frozenset(
        {"programs", "scheme", "income", "example_activity_value", "status", "note"}
    ),
    "funding": frozenset({"payer", "budget_of", "status", "note"}),
    "quota": frozenset(
        {
            "total",
            "per_role",
            "per_sub_region",
            "sub_regions",
            "sub_region_quotas",
            "phase_quotas",
            "sub_region_split",
            "sub_region_weights",
            "status",
            "note",
        }
    ),
    "priority": frozenset({"roles", "then", "status", "note"}),
    "phases": frozenset(
        {"name", "from", "roles", "sub_regions", "sub_region_count", "quota", "status", "note"}
    ),
    "grants": frozenset({"name", "households_at_most", "amount", "status", "note"}),
    "targets": frozenset({"year", "count", "status", "note"}),
}
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


class _Reader:
    """Typed access to a table that records problems instead of raising."""

    def __init__(self, doc: TomlDocument, problems: list[DataProblem]) -> None:
        self.doc = doc
        self.problems = problems

    def add(self, path: str, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    def keys(self, path: str, table: Mapping[str, Any], allowed: frozenset[str]) -> None:
        for key in table:
            if key not in allowed:
                self.add(f"{path}.{key}", f"unknown key {key!r}; {did_you_mean(key, allowed)}")

    def text(self, path: str, value: object) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.add(path, f"must be text in quotes, got {shown(value)}")
            return None
        hidden = hidden_character(value)
        if hidden is not None:
            self.add(path, f"contains {hidden}; remove it")
            return None
        if len(value) > MAX_TEXT_CHARS:
            self.add(path, f"is longer than {MAX_TEXT_CHARS:,} characters")
            return None
        return value

    def identifier(self, path: str, value: object) -> str | None:
        text = self.text(path, value)
        if text is None:
            return None
        if not ID_GRAMMAR.fullmatch(text) or len(text) > MAX_ID_CHARS:
            self.add(
                path,
                f"must be lowercase ASCII words (a-z, 0-9) joined by '-', at most "
                f"{MAX_ID_CHARS} characters, such as 'kota-jambi-rentan-2025'; got {shown(text)}",
            )
            return None
        return text

    def date(self, path: str, value: object) -> _dt.date | None:
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return value
        self.add(path, f"must be a date such as 2025-05-22 (no quotes), got {value!r}")
        return None

    def count(self, path: str, value: object) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            self.add(path, f"must be a whole number from 0 to {MAX_COUNT:,}, got {shown(value)}")
            return None
        return value

    def rupiah(self, path: str, value: object) -> Rupiah | None:
        amount = program_amount(value)
        if amount is None:
            self.add(path, f"must be an amount in rupiah such as 100000000, got {shown(value)}")
            return None
        return amount

    def status(self, path: str, value: object) -> str:
        if value not in STATUSES:
            self.add(path, f"unknown status {value!r}; {did_you_mean(str(value), STATUSES)}")
            return "illustrative"
        return str(value)

    def names(
        self, path: str, value: object, vocabulary: Iterable[str] | None = None
    ) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(path, f"must be a list of names in quotes, got {value!r}")
            return ()
        if vocabulary is not None:
            vocab = list(vocabulary)
            for i, v in enumerate(value):
                if v not in vocab:
                    self.add(f"{path}[{i}]", f"unknown name {v!r}; {did_you_mean(v, vocab)}")
        return tuple(value)

    def table(self, path: str, value: object) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(path, f"must be a table [{path}], got {value!r}")
            return None
        return value


def _resolver(registry: RegionRegistry) -> RegionResolver:
    """Resolves a program file's region (a code or a name) in ``registry``."""

    def resolve(value: str) -> tuple[str | None, str | None]:
        try:
            return registry.get(value).code, None
        except InvalidInputError as exc:
            return None, exc.message

    return resolve


def _region_code(r: _Reader, path: str, value: object, registry: RegionRegistry) -> str | None:
    text = r.text(path, value)
    if text is None:
        return None
    code, why = _resolver(registry)(text)
    if why is not None:
        r.add(path, why)
    return code


def _citations(
    r: _Reader, path: str, value: object, bases: Mapping[str, LegalBasis]
) -> tuple[Citation, ...]:
    out = []
    for i, item in enumerate(r.names(path, value)):
        basis_id, _, article = item.partition(" ")
        if basis_id not in bases:
            r.add(
                f"{path}[{i}]", f"unknown legal basis {basis_id!r}; {did_you_mean(basis_id, bases)}"
            )
            continue
        out.append(Citation(bases[basis_id], article or None))
    return tuple(out)


def _roles(r: _Reader, path: str, value: object, allowed: Sequence[str] | None) -> tuple[str, ...]:
    """Role ids (aliases and words accepted) as canonical ids, each checked."""
    out = []
    for i, given in enumerate(r.names(path, value)):
        role = canonical_role(given)
        if role is None:
            r.add(f"{path}[{i}]", unknown_role(given))
        elif allowed is not None and role not in allowed:
            r.add(
                f"{path}[{i}]",
                f"role {given!r} is not one of the program's groups ({', '.join(allowed)})",
            )
        else:
            out.append(role)
    return tuple(out)


def _priority_keys(r: _Reader, value: object) -> tuple[str, ...]:
    """Priority keys: the fixed ones and ``older_than_<age>``."""
    out = []
    for i, key in enumerate(r.names("program.priority.then", value)):
        if key in PRIORITY_KEYS or older_than(key) is not None:
            out.append(key)
        else:
            r.add(
                f"program.priority.then[{i}]",
                f"unknown priority key {key!r}; {did_you_mean(key, PRIORITY_KEYS)} "
                f"valid keys: {', '.join(PRIORITY_KEYS)}, older_than_<age> (e.g. older_than_55).",
            )
    return tuple(out)


def _coverage(r: _Reader, raw: Mapping[str, Any]) -> Coverage | None:
    path = "program.coverage"
    r.keys(path, raw, _KEYS["coverage"])
    progs = r.names(f"{path}.programs", raw.get("programs"), [p.value for p in Program])
    scheme = raw.get("scheme")
    if scheme not in ("bpu", "construction"):
        r.add(f"{path}.scheme", f"unknown scheme {scheme!r}; valid names: bpu, construction.")
        return None
    income = None
    if scheme == "bpu":
        value = raw.get("income", "minimum")
        if value != "minimum":
            income = r.rupiah(f"{path}.income", value)
    elif "income" in raw:
        r.add(f"{path}.income", 'only used with scheme = "bpu"; remove it')
    example = None
    if "example_activity_value" in raw:
        if scheme != "construction":
            r.add(f"{path}.example_activity_value", 'only used with scheme = "construction"')
        example = r.rupiah(f"{path}.example_activity_value", raw["example_activity_value"])
    return Coverage(
        programs=tuple(Program(p) for p in progs if p in Program.__members__),
        scheme=str(scheme),
        income=income,
        example_activity_value=example,
        status=r.status(f"{path}.status", raw.get("status", "announced")),
    )


def _funding(r: _Reader, raw: Mapping[str, Any], registry: RegionRegistry) -> Funding | None:
    path = "program.funding"
    r.keys(path, raw, _KEYS["funding"])
    payer = raw.get("payer")
    if payer not in FUNDERS:
        r.add(f"{path}.payer", f"unknown payer {payer!r}; {did_you_mean(str(payer), FUNDERS)}")
        return None
    budget_of = None
    if "budget_of" in raw:
        budget_of = _region_code(r, f"{path}.budget_of", raw["budget_of"], registry)
    elif payer in ("regional_budget", "village_budget", "dbhcht"):
        r.add(path, f"missing required key 'budget_of' (the region whose {payer} pays)")
    return Funding(
        str(payer), budget_of, r.status(f"{path}.status", raw.get("status", "announced"))
    )


def _quota(r: _Reader, raw: Mapping[str, Any], groups: Sequence[str]) -> Quota:
    path = "program.quota"
    r.keys(path, raw, _KEYS["quota"])
    total = r.count(f"{path}.total", raw["total"]) if "total" in raw else None
    per_role: dict[str, int] = {}
    for given, n in (r.table(f"{path}.per_role", raw.get("per_role", {})) or {}).items():
        role = canonical_role(given) or given
        if role not in groups:
            r.add(
                f"{path}.per_role.{role}",
                f"role {role!r} is not one of the program's groups; {did_you_mean(role, groups)}",
            )
        c = r.count(f"{path}.per_role.{role}", n)
        if c is not None:
            per_role[role] = c
    per_sub = (
        r.count(f"{path}.per_sub_region", raw["per_sub_region"])
        if "per_sub_region" in raw
        else None
    )
    units = r.count(f"{path}.sub_regions", raw["sub_regions"]) if "sub_regions" in raw else None
    listed: dict[str, int] = {}
    for name, n in (
        r.table(f"{path}.sub_region_quotas", raw.get("sub_region_quotas", {})) or {}
    ).items():
        c = r.count(f"{path}.sub_region_quotas.{name}", n)
        if c is not None:
            listed[name] = c
    if total is not None:
        if sum(per_role.values()) > total:
            r.add(
                f"{path}.per_role",
                f"role quotas add up to {sum(per_role.values()):,}, more than the total of {total:,}",
            )
        if sum(listed.values()) > total:
            r.add(
                f"{path}.sub_region_quotas",
                f"sub-region quotas add up to {sum(listed.values()):,}, more than the total of {total:,}",
            )
        if per_sub is not None and units is not None and per_sub * units > total:
            r.add(
                f"{path}.per_sub_region",
                f"{per_sub:,} per sub-region x {units:,} sub-regions = {per_sub * units:,}, more than the total of {total:,}",
            )
    how = raw.get("phase_quotas")
    if how is not None and how not in PHASE_QUOTAS:
        r.add(
            f"{path}.phase_quotas",
            f"unknown way of counting {how!r}; {did_you_mean(str(how), PHASE_QUOTAS)}",
        )
    split, weights = _split(r, raw, total, listed, per_sub)
    return Quota(
        total,
        per_role,
        per_sub,
        units,
        listed,
        r.status(f"{path}.status", raw.get("status", "announced")),
        how,
        split,
        weights,
    )


def _split(
    r: _Reader,
    raw: Mapping[str, Any],
    total: int | None,
    listed: Mapping[str, int],
    per_sub: int | None,
) -> tuple[str | None, dict[str, int]]:
    """``sub_region_split`` and ``sub_region_weights`` (see perlindungan.regional._apportion)."""
    path = "program.quota"
    split = raw.get("sub_region_split")
    weights: dict[str, int] = {}
    for name, n in (
        r.table(f"{path}.sub_region_weights", raw.get("sub_region_weights", {})) or {}
    ).items():
        c = r.count(f"{path}.sub_region_weights.{name}", n)
        if c is not None:
            weights[name] = c
    if split is None:
        if weights:
            r.add(f"{path}.sub_region_weights", 'only used with sub_region_split = "weights"')
        return None, weights
    if split not in SPLITS:
        r.add(
            f"{path}.sub_region_split",
            f"unknown split {split!r}; valid names: {', '.join(SPLITS)}.",
        )
        return None, weights
    if total is None:
        r.add(f"{path}.sub_region_split", "needs a total to split")
    if listed or per_sub is not None:
        r.add(
            f"{path}.sub_region_split",
            "give either a split or sub_region_quotas / per_sub_region, not both",
        )
    if split == "weights" and not any(weights.values()):
        r.add(f"{path}.sub_region_weights", "give a weight above 0 for at least one sub-region")
    if split == "eligible" and weights:
        r.add(f"{path}.sub_region_weights", 'only used with sub_region_split = "weights"')
    return str(split), weights


def _phases(
    r: _Reader, raw: object, groups: Sequence[str], start: _dt.date | None, end: _dt.date | None
) -> tuple[Phase, ...]:
    if not isinstance(raw, list):
        r.add("program.phases", "must be a list of [[program.phases]] tables")
        return ()
    out: list[Phase] = []
    for i, item in enumerate(raw):
        path = f"program.phases[{i}]"
        if r.table(path, item) is None:
            continue
        r.keys(path, item, _KEYS["phases"])
        name = r.text(f"{path}.name", item.get("name"))
        begin = r.date(f"{path}.from", item.get("from"))
        if name is None or begin is None:
            continue
        if out and begin <= out[-1].start:
            r.add(
                f"{path}.from",
                f"phases out of order: {begin} is not after the previous phase's {out[-1].start}",
            )
        if start is not None and (begin < start or (end is not None and begin > end)):
            r.add(
                f"{path}.from",
                f"date {begin} is outside the program's validity ({start} to {end or 'open'})",
            )
        roles = _roles(r, f"{path}.roles", item.get("roles", []), groups)
        subs = r.names(f"{path}.sub_regions", item.get("sub_regions", []))
        count = (
            r.count(f"{path}.sub_region_count", item["sub_region_count"])
            if "sub_region_count" in item
            else None
        )
        places = r.count(f"{path}.quota", item["quota"]) if "quota" in item else None
        out.append(
            Phase(
                name,
                begin,
                roles,
                subs,
                count,
                r.status(f"{path}.status", item.get("status", "illustrative")),
                item.get("note"),
                places,
            )
        )
    return tuple(out)


def _phase_places(r: _Reader, phases: tuple[Phase, ...], quota: Quota) -> tuple[Phase, ...]:
    """Phases with their *added* places, read as ``quota.phase_quotas`` declares.

    Counts are never guessed: phases with places need ``phase_quotas = "added"`` or
    ``"cumulative"``, and then every phase needs a ``quota``.
    """
    given = [ph for ph in phases if ph.places is not None]
    how = quota.phase_quotas
    if how is not None and how not in PHASE_QUOTAS:
        return phases  # reported where it is read
    if not given:
        if how is not None:
            r.add(
                "program.quota.phase_quotas",
                "no phase has a 'quota'; remove phase_quotas or give each phase its places",
            )
        return phases
    if how is None:
        r.add(
            "program.quota",
            "phases have a 'quota': say how they count with phase_quotas = \"added\" "
            '(each phase\'s new places) or "cumulative" (places reached by each phase)',
        )
        return phases
    if len(given) != len(phases):
        first = next(i for i, ph in enumerate(phases) if ph.places is None)
        r.add(
            f"program.phases[{first}]",
            f"missing 'quota': give a 'quota' to every phase or to none (phase_quotas = {how!r})",
        )
        return phases
    out = []
    before = 0
    for i, ph in enumerate(phases):
        n = ph.places or 0
        if how == "cumulative":
            if n < before:
                r.add(
                    f"program.phases[{i}].quota",
                    f"cumulative places go down from {before:,} to {n:,}; each phase's quota "
                    "must be the places reached by its end, at least the previous one",
                )
                return phases
            n, before = n - before, n
        out.append(attrs.evolve(ph, places=n))
    opened = sum(ph.places or 0 for ph in out)
    if quota.total is not None and opened > quota.total:
        r.add(
            "program.quota.total",
            f"the phases open {opened:,} places, more than the total quota of {quota.total:,}",
        )
    return tuple(out)


def _targets(r: _Reader, raw: object) -> tuple[Target, ...]:
    out = []
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        path = f"program.targets[{i}]"
        if r.table(path, item) is None:
            continue
        r.keys(path, item, _KEYS["targets"])
        year = r.count(f"{path}.year", item.get("year"))
        count = r.count(f"{path}.count", item.get("count"))
        if year is not None and count is not None:
            out.append(
                Target(
                    year,
                    count,
                    r.status(f"{path}.status", item.get("status", "announced")),
                    item.get("note"),
                )
            )
    return tuple(out)


def _grants(r: _Reader, raw: object) -> tuple[GrantTier, ...]:
    out = []
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        path = f"program.grants[{i}]"
        if r.table(path, item) is None:
            continue
        r.keys(path, item, _KEYS["grants"])
        name = r.text(f"{path}.name", item.get("name"))
        limit = (
            r.count(f"{path}.households_at_most", item["households_at_most"])
            if "households_at_most" in item
            else None
        )
        amount = r.rupiah(f"{path}.amount", item.get("amount"))
        if name is not None and amount is not None:
            out.append(
                GrantTier(
                    name, limit, amount, r.status(f"{path}.status", item.get("status", "announced"))
                )
            )
    return tuple(out)


def _registry(
    r: _Reader, raw: Mapping[str, Any], base: Path | None, given: RegionRegistry | None
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
        r.add("program.regions_file", f"regions file {name!r}: {exc}")
        return regions()


def _program(
    doc: TomlDocument,
    problems: list[DataProblem],
    folder: Path | None = None,
    registry: RegionRegistry | None = None,
) -> RegionalProgram | None:
    r = _Reader(doc, problems)
    for key in doc.data:
        if key != "program":
            r.add(key, f"unknown key {key!r}; did you mean 'program'?")
    raw = r.table("program", doc.data.get("program"))
    if raw is None:
        return None
    r.keys("program", raw, _KEYS["program"])
    missing = [k for k in _REQUIRED if k not in raw]
    for k in missing:
        r.add("program", f"missing required key {k!r}")
    if missing:
        return None
    bases = parameters().bases
    known = _registry(r, raw, folder, registry)
    pid = r.identifier("program.id", raw["id"])
    name_id = r.text("program.name_id", raw["name_id"])
    name_en = r.text("program.name_en", raw["name_en"])
    region = _region_code(r, "program.region", raw["region"], known)
    start = r.date("program.valid_from", raw["valid_from"])
    end = r.date("program.valid_until", raw["valid_until"]) if "valid_until" in raw else None
    if start and end and end < start:
        r.add("program.valid_until", f"{end} is before valid_from {start}")
    status = r.status("program.status", raw["status"])
    confidence = raw["confidence"]
    if confidence not in _CONFIDENCE:
        r.add(
            "program.confidence",
            f"unknown confidence {confidence!r}; valid names: {', '.join(_CONFIDENCE)}.",
        )
    citations = _citations(r, "program.basis", raw.get("basis", []), bases)
    sources = r.names("program.sources", raw.get("sources", []))
    if not citations and not sources:
        r.add("program", "give a legal basis ('basis') or at least one source ('sources')")
    groups = _roles(r, "program.groups", raw["groups"], None)
    eligibility = parse_node(
        doc,
        "program.eligibility",
        raw["eligibility"],
        bases,
        _resolver(known),
        problems,
        registry=None if known is regions() else known,
    )
    coverage = (
        _coverage(r, raw["coverage"]) if r.table("program.coverage", raw["coverage"]) else None
    )
    funding = (
        _funding(r, raw["funding"], known) if r.table("program.funding", raw["funding"]) else None
    )
    quota_raw = r.table("program.quota", raw.get("quota", {})) or {}
    quota = _quota(r, quota_raw, groups)
    if region and quota.sub_regions is not None:
        # checked where the region data declares its village units (a quota's sub-regions
        # may be RT or other units elsewhere)
        villages = known.descendants(region, "village")
        if known.at(region).village_units is not None and len(villages) != quota.sub_regions:
            r.add(
                "program.quota.sub_regions",
                f"{quota.sub_regions:,} sub-regions, but region {region} has "
                f"{len(villages):,} village units in the region data",
            )
    prio_raw = r.table("program.priority", raw.get("priority", {})) or {}
    r.keys("program.priority", prio_raw, _KEYS["priority"])
    priority = Priority(
        _roles(r, "program.priority.roles", prio_raw.get("roles", []), groups),
        _priority_keys(r, prio_raw.get("then", [])),
        r.status("program.priority.status", prio_raw.get("status", "illustrative")),
    )
    phases = _phase_places(r, _phases(r, raw.get("phases", []), groups, start, end), quota)
    grants = _grants(r, raw.get("grants", []))
    if not isinstance(raw.get("targets", []), list):
        r.add("program.targets", "must be a list of [[program.targets]] tables")
    targets = _targets(r, raw.get("targets", []))
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
    return RegionalProgram(
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


def load_program_text(
    text: str, name: str = "<text>", *, regions: RegionRegistry | None = None
) -> RegionalProgram:
    """A program from the text of a program file; :class:`RegulationDataError` lists every
    problem. ``regions`` (e.g. from :func:`regions_from_file`) replaces the bundled ones."""
    return _load_document(read_toml_text(text, name), registry=regions)


def _load_document(
    doc: TomlDocument, folder: Path | None = None, registry: RegionRegistry | None = None
) -> RegionalProgram:
    if _depth(doc.data, MAX_NESTING):
        raise RegulationDataError(
            [DataProblem(doc.name, "", f"nesting is deeper than {MAX_NESTING} levels; refused.")]
        )
    problems: list[DataProblem] = []
    program = _program(doc, problems, folder, registry)
    if problems or program is None:
        raise RegulationDataError(problems)
    return program


def load_program(path: str | Path, *, regions: RegionRegistry | None = None) -> RegionalProgram:
    """A program from a file path (a regular file of at most 2 MB, UTF-8); a ``regions``
    file it declares is read relative to it."""
    p = Path(path)
    raw = read_bytes(p, limit=MAX_PROGRAM_BYTES, what="program file", field="file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RegulationDataError([DataProblem(p.name, "", "not UTF-8 text; refused.")]) from None
    return _load_document(read_toml_text(text, p.name), p.parent, regions)


def _overlap(a: RegionalProgram, b: RegionalProgram) -> bool:
    if a.region != b.region or a.id in b.alongside or b.id in a.alongside:
        return False
    if not set(a.groups) & set(b.groups):
        return False
    a_end = a.valid_until or _dt.date.max
    b_end = b.valid_until or _dt.date.max
    return a.valid_from <= b_end and b.valid_from <= a_end


def check_overlaps(programs: Sequence[RegionalProgram]) -> list[DataProblem]:
    """Problems for programs of the same region, group and dates (unless declared alongside)."""
    out = []
    for i, a in enumerate(programs):
        if any(other.id == a.id for other in programs[:i]):
            out.append(DataProblem(a.file, "program.id", f"program id {a.id!r} is used twice"))
        for b in programs[:i]:
            if b.id != a.id and _overlap(a, b):
                shared = ", ".join(sorted(set(a.groups) & set(b.groups)))
                out.append(
                    DataProblem(
                        a.file,
                        "program",
                        f"overlaps program {b.id!r} ({b.file}) for region {a.region}, groups {shared} "
                        f"and dates; list it in 'alongside' if both apply",
                    )
                )
    return out


@functools.cache
def bundled_programs() -> tuple[RegionalProgram, ...]:
    """The example programs bundled with the package, checked together."""
    progs = []
    problems: list[DataProblem] = []
    for doc in bundled_documents("programs"):
        try:
            progs.append(_load_document(doc))
        except RegulationDataError as exc:
            problems.extend(exc.problems)
    problems.extend(check_overlaps(progs))
    if problems:
        raise RegulationDataError(problems)
    return tuple(progs)
