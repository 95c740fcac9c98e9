"""Coverage of a region on a date: its baseline statistics and every scheme in force.

Rules (the library's, stated in ``docs/regional-schemes.md``):

* The baseline is the latest figure of each measure dated (``as_of``) on or before the day.
* A scheme in force in the region (or in one of its sub-regions) adds its people (the
  places open that day: the phases' places, else the total quota) when it started *after*
  the baseline's BPU participants were counted; one that started before is already in that
  count and is listed as such. A scheme with no published count adds nobody and says so.
* A scheme of a higher region (a province scheme reaching a regency) is listed with its
  province-wide count, which is not added: it is not split by regency.
* Covered people = baseline BPU participants + people added. Coverage of vulnerable workers
  = covered / vulnerable workers; coverage of potential workers = (all participants + people
  added) / potential workers, where potential workers, when not given, are all participants
  divided by the reported share of potential. Shares are rounded half up to 0.1%.
* The target is the region's target for the day's year (else the next one); the distance is
  the target minus the covered people.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from perlindungan.dates import to_date
from perlindungan.regional._load import bundled_schemes
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._regions import regions
from perlindungan.regional._statistics import Statistic, statistics

__all__ = ["RegionCoverage", "SchemePart", "region_coverage"]

_SHARE = Decimal("0.001")


def _share(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(_SHARE, rounding=ROUND_HALF_UP)


@attrs.frozen
class SchemePart:
    """One scheme in force and what it adds to the region's coverage."""

    program_id: str
    name_id: str
    name_en: str
    region: str
    payer: str
    start: _dt.date
    people: int | None  # None: no published count
    reach: str  # "region", "sub_region" or "higher_region"
    in_baseline: bool
    #: The scheme's declared targets: (year, count).
    targets: tuple[tuple[int, int], ...] = ()
    #: The people per role when the quota is split by role: (role, places).
    per_role: tuple[tuple[str, int], ...] = ()

    @property
    def adds(self) -> int:
        """People this scheme adds to the region's covered people."""
        if self.reach == "higher_region" or self.in_baseline or self.people is None:
            return 0
        return self.people

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "program": self.program_id,
            "region": self.region,
            "payer": self.payer,
            "start": self.start.isoformat(),
            "people": self.people,
            "reach": self.reach,
            "in_baseline": self.in_baseline,
            "adds": self.adds,
            "targets": [{"year": y, "count": n} for y, n in self.targets],
            "per_role": dict(self.per_role),
        }


@attrs.frozen
class RegionCoverage:
    """A region's coverage on a day (a province's includes its regencies and cities)."""

    code: str
    name: str
    on: _dt.date
    baseline: tuple[Statistic, ...]
    parts: tuple[SchemePart, ...]
    sub_regions: tuple[RegionCoverage, ...] = ()

    def stat(self, measure: str) -> Statistic | None:
        """The baseline figure of a measure (not a target), or None."""
        for s in self.baseline:
            if s.measure == measure:
                return s
        return None

    @property
    def target(self) -> Statistic | None:
        """The target for the day's year, else the nearest later one."""
        targets = [
            s
            for s in self.baseline
            if s.measure == "target_participants" and (s.year or 0) >= self.on.year
        ]
        return min(targets, key=lambda s: s.year or 0) if targets else None

    def all_parts(self) -> list[SchemePart]:
        """Own parts and the sub-regions' (each scheme once)."""
        out = {p.program_id: p for p in self.parts}
        for sub in self.sub_regions:
            for p in sub.all_parts():
                out.setdefault(p.program_id, p)
        return list(out.values())

    def funded_per_payer(self) -> dict[str, int]:
        """People funded per payer by the schemes in force in the region (schemes of a
        higher region and schemes with no published count are left out)."""
        out: dict[str, int] = {}
        for p in self.all_parts():
            if p.reach != "higher_region" and p.people is not None:
                out[p.payer] = out.get(p.payer, 0) + p.people
        return out

    @property
    def added(self) -> int:
        """People added by schemes started after the baseline."""
        return sum(p.adds for p in self.all_parts())

    @property
    def base_participants(self) -> int:
        """Baseline BPU participants: the region's figure, else its sub-regions' together
        (0 when none is recorded)."""
        base = self.stat("participants_bpu")
        if base is not None:
            return int(base.value)
        return sum(sub.base_participants for sub in self.sub_regions)

    @property
    def covered(self) -> int:
        """Baseline BPU participants plus people added."""
        return self.base_participants + self.added

    @property
    def share_of_vulnerable(self) -> Decimal | None:
        """Covered people / vulnerable workers."""
        vuln = self.stat("vulnerable_workers")
        return _share(self.covered, vuln.value) if vuln else None

    @property
    def potential(self) -> Decimal | None:
        """Potential workers: given, or all participants / the reported share."""
        given = self.stat("potential_workers")
        if given is not None:
            return Decimal(given.value)
        total, share = self.stat("participants_total"), self.stat("coverage_of_potential")
        if total is None or share is None or not share.value:
            return None
        return (Decimal(total.value) / Decimal(share.value)).quantize(
            Decimal(1), rounding=ROUND_HALF_UP
        )

    @property
    def share_of_potential(self) -> Decimal | None:
        """(All participants + people added) / potential workers (None when unknown)."""
        total, potential = self.stat("participants_total"), self.potential
        if total is None or potential is None:
            return None
        return _share(int(total.value) + self.added, potential)

    @property
    def distance(self) -> int | None:
        """Target minus covered people (None without a target)."""
        target = self.target
        return int(target.value) - self.covered if target else None

    def to_dict(self) -> dict[str, Any]:
        """JSON form; shares as text fractions."""
        target = self.target

        def dec(v: Decimal | None) -> str | None:
            return None if v is None else str(v)

        return {
            "region": self.code,
            "name": self.name,
            "on": self.on.isoformat(),
            "baseline": [s.to_dict() for s in self.baseline],
            "programs": [p.to_dict() for p in self.parts],
            "funded_per_payer": self.funded_per_payer(),
            "base_participants": self.base_participants,
            "added": self.added,
            "covered": self.covered,
            "share_of_vulnerable": dec(self.share_of_vulnerable),
            "potential": dec(self.potential),
            "share_of_potential": dec(self.share_of_potential),
            "target": target.to_dict() if target else None,
            "distance_to_target": self.distance,
            "sub_regions": [s.to_dict() for s in self.sub_regions],
        }


def _baseline(code: str, on: _dt.date) -> tuple[Statistic, ...]:
    latest: dict[tuple[str, int | None], Statistic] = {}
    for s in statistics():
        if s.region != code or s.as_of > on:
            continue
        key = (s.measure, s.year if s.measure == "target_participants" else None)
        if key not in latest or latest[key].as_of <= s.as_of:
            latest[key] = s
    return tuple(sorted(latest.values(), key=lambda s: (s.measure, s.year or 0)))


def _part(p: RegionalScheme, on: _dt.date, reach: str, base: Statistic | None) -> SchemePart:
    return SchemePart(
        program_id=p.id,
        name_id=p.name_id,
        name_en=p.name_en,
        region=p.region,
        payer=p.funding.payer.value,
        start=p.valid_from,
        people=p.places_by(on),
        reach=reach,
        in_baseline=base is not None and p.valid_from <= base.as_of,
        targets=tuple((t.year, t.count) for t in p.targets),
        per_role=() if p.phased_places else tuple(p.quota.per_role.items()),
    )


def region_coverage(code_or_name: str, *, on: _dt.date | str) -> RegionCoverage:
    """The coverage of a region on a day; see the module text for the rules.

    >>> c = region_coverage("13.03", on="2023-10-02")
    >>> c.covered, c.distance
    (23343, 6657)

    """
    day = to_date(on, field="on")
    reg = regions().get(code_or_name)
    return _coverage(reg.code, reg.name, day, with_higher=True)


def _coverage(code: str, name: str, day: _dt.date, *, with_higher: bool) -> RegionCoverage:
    baseline = _baseline(code, day)
    base = next((s for s in baseline if s.measure == "participants_bpu"), None)
    higher = {r.code for r in regions().chain(code)[1:]} if with_higher else set()
    parts = []
    subs: dict[str, list[RegionalScheme]] = {}
    for p in bundled_schemes():
        if not p.in_force(day):
            continue
        if p.region == code:
            parts.append(_part(p, day, "region", base))
        elif p.region in higher:
            parts.append(_part(p, day, "higher_region", base))
        elif p.region.startswith(code + "."):
            subs.setdefault(p.region, []).append(p)
    children = []
    stat_regions = {s.region for s in statistics() if s.region.startswith(code + ".")}
    for child in sorted(set(subs) | stat_regions):
        if child.count(".") == code.count(".") + 1 or child in subs:
            child_name = regions().get(child).name
            children.append(_coverage(child, child_name, day, with_higher=False))
    return RegionCoverage(code, name, day, baseline, tuple(parts), tuple(children))
