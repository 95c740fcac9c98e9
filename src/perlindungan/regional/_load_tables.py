"""Reading a program file's coverage, funding, priority, grants and targets tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan.programs import Program
from perlindungan.regional._load_reader import KEYS, Reader, region_code
from perlindungan.regional._program import (
    FUNDERS,
    PRIORITY_KEYS,
    Coverage,
    Funding,
    GrantTier,
    Target,
    older_than,
)
from perlindungan.regional._regions import RegionRegistry

__all__ = ["coverage", "funding", "grants", "priority_keys", "targets"]


def priority_keys(r: Reader, value: object) -> tuple[str, ...]:
    """Priority keys: the fixed ones and ``older_than_<age>``."""
    out = []
    for i, key in enumerate(r.names("program.priority.then", value)):
        if key in PRIORITY_KEYS or older_than(key) is not None:
            out.append(key)
        else:
            r.add(
                f"program.priority.then[{i}]",
                Message(
                    "unknown priority key {key}; {hint} valid keys: {names}, older_than_<age> (e.g. older_than_55).",
                    key=repr(key),
                    hint=did_you_mean(key, PRIORITY_KEYS),
                    names=", ".join(PRIORITY_KEYS),
                ),
            )
    return tuple(out)


def coverage(r: Reader, raw: Mapping[str, Any]) -> Coverage | None:
    path = "program.coverage"
    r.keys(path, raw, KEYS["coverage"])
    progs = r.names(f"{path}.programs", raw.get("programs"), [p.value for p in Program])
    scheme = raw.get("scheme")
    if scheme not in ("bpu", "construction"):
        r.add(
            f"{path}.scheme",
            Message(
                "unknown scheme {scheme}; valid names: bpu, construction.", scheme=repr(scheme)
            ),
        )
        return None
    income = None
    if scheme == "bpu":
        value = raw.get("income", "minimum")
        if value != "minimum":
            income = r.rupiah(f"{path}.income", value)
    elif "income" in raw:
        r.add(f"{path}.income", Message('only used with scheme = "bpu"; remove it'))
    example = None
    if "example_activity_value" in raw:
        if scheme != "construction":
            r.add(
                f"{path}.example_activity_value", Message('only used with scheme = "construction"')
            )
        example = r.rupiah(f"{path}.example_activity_value", raw["example_activity_value"])
    return Coverage(
        programs=tuple(Program(p) for p in progs if p in Program.__members__),
        scheme=str(scheme),
        income=income,
        example_activity_value=example,
        status=r.status(f"{path}.status", raw.get("status", "announced")),
    )


def funding(r: Reader, raw: Mapping[str, Any], registry: RegionRegistry) -> Funding | None:
    path = "program.funding"
    r.keys(path, raw, KEYS["funding"])
    payer = raw.get("payer")
    if not isinstance(payer, str) or payer not in FUNDERS:
        r.add(
            f"{path}.payer",
            Message(
                "unknown payer {payer}; {hint}",
                payer=repr(payer),
                hint=did_you_mean(str(payer), FUNDERS),
            ),
        )
        return None
    budget_of = None
    if "budget_of" in raw:
        budget_of = region_code(r, f"{path}.budget_of", raw["budget_of"], registry)
    elif payer in ("regional_budget", "village_budget", "dbhcht"):
        r.add(
            path,
            Message(
                "missing required key 'budget_of' (the region whose {payer} pays)", payer=payer
            ),
        )
    return Funding(
        str(payer), budget_of, r.status(f"{path}.status", raw.get("status", "announced"))
    )


def targets(r: Reader, raw: object) -> tuple[Target, ...]:
    out = []
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        path = f"program.targets[{i}]"
        if r.table(path, item) is None:
            continue
        r.keys(path, item, KEYS["targets"])
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


def grants(r: Reader, raw: object) -> tuple[GrantTier, ...]:
    out = []
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        path = f"program.grants[{i}]"
        if r.table(path, item) is None:
            continue
        r.keys(path, item, KEYS["grants"])
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
