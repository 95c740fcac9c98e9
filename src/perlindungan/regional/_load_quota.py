"""Reading a program file's quota and phases: totals, per-role and per-sub-region places,
how a total is split, and the places each phase opens."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan.regional._apportion import SPLITS
from perlindungan.regional._load_reader import KEYS, Reader
from perlindungan.regional._load_reader import roles as read_roles
from perlindungan.regional._person import canonical_role
from perlindungan.regional._program import PHASE_QUOTAS, Phase, Quota

__all__ = ["phase_places", "phases", "quota"]


def quota(r: Reader, raw: Mapping[str, Any], groups: Sequence[str]) -> Quota:
    path = "program.quota"
    r.keys(path, raw, KEYS["quota"])
    total = r.count(f"{path}.total", raw["total"]) if "total" in raw else None
    per_role: dict[str, int] = {}
    for given, n in (r.table(f"{path}.per_role", raw.get("per_role", {})) or {}).items():
        role = canonical_role(given) or given
        if role not in groups:
            r.add(
                f"{path}.per_role.{role}",
                Message(
                    "role {role} is not one of the program's groups; {hint}",
                    role=repr(role),
                    hint=did_you_mean(role, groups),
                ),
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
                Message(
                    "role quotas add up to {sum:,}, more than the total of {total:,}",
                    sum=sum(per_role.values()),
                    total=total,
                ),
            )
        if sum(listed.values()) > total:
            r.add(
                f"{path}.sub_region_quotas",
                Message(
                    "sub-region quotas add up to {sum:,}, more than the total of {total:,}",
                    sum=sum(listed.values()),
                    total=total,
                ),
            )
        if per_sub is not None and units is not None and per_sub * units > total:
            r.add(
                f"{path}.per_sub_region",
                Message(
                    "{per_sub:,} per sub-region x {units:,} sub-regions = {value:,}, more than the total of {total:,}",
                    per_sub=per_sub,
                    units=units,
                    value=per_sub * units,
                    total=total,
                ),
            )
    how = raw.get("phase_quotas")
    if how is not None and how not in PHASE_QUOTAS:
        r.add(
            f"{path}.phase_quotas",
            Message(
                "unknown way of counting {how}; {hint}",
                how=repr(how),
                hint=did_you_mean(str(how), PHASE_QUOTAS),
            ),
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
    r: Reader,
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
            r.add(
                f"{path}.sub_region_weights", Message('only used with sub_region_split = "weights"')
            )
        return None, weights
    if split not in SPLITS:
        r.add(
            f"{path}.sub_region_split",
            Message(
                "unknown split {split}; valid names: {names}.",
                split=repr(split),
                names=", ".join(SPLITS),
            ),
        )
        return None, weights
    if total is None:
        r.add(f"{path}.sub_region_split", Message("needs a total to split"))
    if listed or per_sub is not None:
        r.add(
            f"{path}.sub_region_split",
            Message("give either a split or sub_region_quotas / per_sub_region, not both"),
        )
    if split == "weights" and not any(weights.values()):
        r.add(
            f"{path}.sub_region_weights",
            Message("give a weight above 0 for at least one sub-region"),
        )
    if split == "eligible" and weights:
        r.add(f"{path}.sub_region_weights", Message('only used with sub_region_split = "weights"'))
    return str(split), weights


def phases(
    r: Reader, raw: object, groups: Sequence[str], start: _dt.date | None, end: _dt.date | None
) -> tuple[Phase, ...]:
    if not isinstance(raw, list):
        r.add("program.phases", Message("must be a list of [[program.phases]] tables"))
        return ()
    out: list[Phase] = []
    for i, item in enumerate(raw):
        path = f"program.phases[{i}]"
        if r.table(path, item) is None:
            continue
        r.keys(path, item, KEYS["phases"])
        name = r.text(f"{path}.name", item.get("name"))
        begin = r.date(f"{path}.from", item.get("from"))
        if name is None or begin is None:
            continue
        if out and begin <= out[-1].start:
            r.add(
                f"{path}.from",
                Message(
                    "phases out of order: {begin} is not after the previous phase's {start}",
                    begin=begin,
                    start=out[-1].start,
                ),
            )
        if start is not None and (begin < start or (end is not None and begin > end)):
            r.add(
                f"{path}.from",
                Message(
                    "date {begin} is outside the program's validity ({start} to {value})",
                    begin=begin,
                    start=start,
                    value=end or "open",
                ),
            )
        roles = read_roles(r, f"{path}.roles", item.get("roles", []), groups)
        subs = r.names(f"{path}.sub_regions", item.get("sub_regions", []))
        count = (
            r.count(f"{path}.sub_region_count", item["sub_region_count"])
            if "sub_region_count" in item
            else None
        )
        places = r.count(f"{path}.quota", item["quota"]) if "quota" in item else None
        words = {k: r.text(f"{path}.{k}", item[k]) for k in ("name_id", "name_en") if k in item}
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
                name_id=words.get("name_id"),
                name_en=words.get("name_en"),
            )
        )
    return tuple(out)


def phase_places(r: Reader, phases: tuple[Phase, ...], quota: Quota) -> tuple[Phase, ...]:
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
                Message(
                    "no phase has a 'quota'; remove phase_quotas or give each phase its places"
                ),
            )
        return phases
    if how is None:
        r.add(
            "program.quota",
            Message(
                "phases have a 'quota': say how they count with phase_quotas = \"added\" "
                '(each phase\'s new places) or "cumulative" (places reached by each phase)'
            ),
        )
        return phases
    if len(given) != len(phases):
        first = next(i for i, ph in enumerate(phases) if ph.places is None)
        r.add(
            f"program.phases[{first}]",
            Message(
                "missing 'quota': give a 'quota' to every phase or to none (phase_quotas = {how})",
                how=repr(how),
            ),
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
                    Message(
                        "cumulative places go down from {before:,} to {n:,}; each phase's quota must be the places reached by its end, at least the previous one",
                        before=before,
                        n=n,
                    ),
                )
                return phases
            n, before = n - before, n
        out.append(attrs.evolve(ph, places=n))
    opened = sum(ph.places or 0 for ph in out)
    if quota.total is not None and opened > quota.total:
        r.add(
            "program.quota.total",
            Message(
                "the phases open {opened:,} places, more than the total quota of {total:,}",
                opened=opened,
                total=quota.total,
            ),
        )
    return tuple(out)
