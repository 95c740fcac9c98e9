"""Allocation of places among eligible people: deterministic and order-independent.

People are sorted by (1) the phase they enter in, (2) the program's role order,
(3) the ``then`` keys (``earliest_application``, ``oldest_first``, ``lowest_income``; an
unknown value sorts last), (4) the tie-break: SHA-256 of ``"<program id>:<person id>"``,
then the person id. Places are then given in that order while the total, role and
sub-region quotas allow. The result does not depend on the order or chunking of the roster.

When the phases carry places (``quota`` in each ``[[program.phases]]``), only the phases
started on the allocation date are open, and each person, in the same order, takes a place
in the first open phase (from the one they enter in) that still has a place and admits
their role and sub-region. The placement names that phase and the person's first covered
day: the phase's first day, or the program's when it is later.
"""

from __future__ import annotations

import datetime as _dt
import enum
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from perlindungan._i18n import N_, translate
from perlindungan.dates import age_on
from perlindungan.errors import InvalidInputError
from perlindungan.regional._apportion import sub_region_caps
from perlindungan.regional._evaluate import Decision, Verdict
from perlindungan.regional._program import Phase, Quota, RegionalProgram, older_than

__all__ = ["Allocation", "Placement", "Status", "allocate", "resolve_sub_region", "tie_break"]


class Status(enum.StrEnum):
    """What allocation did with one person."""

    ADMITTED = "admitted"
    WAITLISTED = "waitlisted"
    NOT_YET = "phase_not_started"
    NOT_CONSIDERED = "not_considered"

    @property
    def label(self) -> str:
        """Translatable label."""
        return _LABELS[self]


_LABELS = {
    Status.ADMITTED: N_("admitted"),
    Status.WAITLISTED: N_("waitlisted: quota full"),
    Status.NOT_YET: N_("waiting: phase not started"),
    Status.NOT_CONSIDERED: N_("not considered: not eligible or undetermined"),
}


@attrs.frozen
class Placement:
    """The allocation outcome of one decision, with its rank among the eligible."""

    decision: Decision
    status: Status
    rank: int | None = None
    reason: str | None = None
    sub_region: str | None = None
    #: The phase the person was admitted into (None when not admitted or no phases).
    phase: Phase | None = None
    #: The person's first covered day when admitted.
    start: _dt.date | None = None

    @property
    def phase_name(self) -> str | None:
        """The phase of the placement, else the phase the person enters in."""
        ph = self.phase or self.decision.phase
        return ph.name if ph else None

    def to_dict(self, locale: str = "id_ID") -> dict[str, Any]:
        """JSON form."""
        return {
            "id": self.decision.person.id,
            "status": self.status.value,
            "status_text": translate(self.status.label, locale),
            "rank": self.rank,
            "reason": translate(self.reason, locale) if self.reason else None,
            "phase": self.phase_name,
            "start": self.start.isoformat() if self.start else None,
            "sub_region": self.sub_region,
        }


@attrs.frozen
class Allocation:
    """Placements in input order."""

    program_id: str
    on: _dt.date
    placements: tuple[Placement, ...]

    @property
    def admitted(self) -> list[Placement]:
        """The admitted placements, in input order."""
        return [p for p in self.placements if p.status is Status.ADMITTED]

    def counts(self) -> dict[str, int]:
        """How many of each status."""
        found = Counter(p.status.value for p in self.placements)
        return {s.value: found.get(s.value, 0) for s in Status}


def tie_break(program_id: str, person_id: str) -> str:
    """The documented tie-break: SHA-256 hex of ``"<program id>:<person id>"``."""
    return hashlib.sha256(f"{program_id}:{person_id}".encode()).hexdigest()


def resolve_sub_region(program: RegionalProgram, value: str | None) -> str | None:
    """The quota key of a roster ``sub_region``: the Kemendagri code when the value is the
    code or name of a kecamatan or village unit inside the program's region, else the text.

    >>> from perlindungan.regional import program
    >>> p = program("sijunjung-nagari-100")
    >>> resolve_sub_region(p, "nagari silokek"), resolve_sub_region(p, "RT 07")
    ('13.03.04.2003', 'RT 07')

    """
    if value is None:
        return None
    try:
        found = program.region_registry().get(value, within=program.region)
    except InvalidInputError:
        return value
    return found.code if found.level in ("district", "village") else value


def _cap(quota: Quota, raw: str | None, sub: str) -> int | None:
    if raw is not None and raw in quota.sub_region_quotas:
        return quota.sub_region_quotas[raw]
    return quota.cap_for_sub_region(sub)


def _key(program: RegionalProgram, d: Decision) -> tuple[Any, ...]:
    p = d.person
    phase_index = program.phases.index(d.phase) if d.phase in program.phases else 0
    roles = program.priority.roles
    role_rank = roles.index(p.role) if p.role in roles else len(roles)
    parts: list[Any] = [phase_index, role_rank]
    for name in program.priority.then:
        if name == "earliest_application":
            v = p.application_date
            parts.append((v is None, v.toordinal() if v else 0))
        elif name == "oldest_first":
            v = p.birth_date
            parts.append((v is None, v.toordinal() if v else 0))
        elif name == "lowest_income":
            parts.append((p.income is None, p.income if p.income is not None else 0))
        elif name == "lowest_dtsen_decile":
            parts.append((p.dtsen_decile is None, p.dtsen_decile or 0))
        elif name == "disability_first":
            parts.append(0 if p.disability else 1)  # unknown sorts with "no"
        else:  # older_than_<age>: those older than the age first
            age = older_than(name)
            older = (
                p.birth_date is not None and age is not None and age_on(p.birth_date, d.on) > age
            )
            parts.append(0 if older else 1)
    return (*parts, tie_break(program.id, p.id), p.id, repr(p))


def _open_phase(program: RegionalProgram, d: Decision, used: Counter[int]) -> Phase | None:
    """The first started phase, from the person's own, with a free place that admits them;
    its use is counted."""
    first = program.phases.index(d.phase) if d.phase in program.phases else 0
    for index in range(first, len(program.phases)):
        ph = program.phases[index]
        if ph.start > d.on or not program.fits(ph, d.person.role, d.person.sub_region):
            continue
        if used[index] < (ph.places or 0):
            used[index] += 1
            return ph
    return None


def allocate(
    program: RegionalProgram, decisions: Sequence[Decision] | Iterable[Decision]
) -> Allocation:
    """Give the program's places to eligible people; see the module text for the order."""
    decisions = list(decisions)
    on = decisions[0].on if decisions else program.valid_from
    placed: dict[int, Placement] = {}
    eligible: list[tuple[tuple[Any, ...], int]] = []
    for i, d in enumerate(decisions):
        if d.verdict is not Verdict.ELIGIBLE:
            placed[i] = Placement(d, Status.NOT_CONSIDERED)
        elif program.phases and (d.phase is None or d.phase.start > d.on):
            placed[i] = Placement(
                d, Status.NOT_YET, reason=N_("the person's phase has not started")
            )
        else:
            eligible.append((_key(program, d), i))
    eligible.sort()
    quota = program.quota
    total = 0
    by_role: Counter[str] = Counter()
    by_sub: Counter[str] = Counter()
    split = sub_region_caps(program, (decisions[i] for _, i in eligible))
    sub_capped = quota.per_sub_region is not None or bool(quota.sub_region_quotas) or bool(split)
    phase_used: Counter[int] = Counter()
    for rank, (_, i) in enumerate(eligible, start=1):
        d = decisions[i]
        role, sub = d.person.role or "", resolve_sub_region(program, d.person.sub_region)
        reason = None
        if quota.total is not None and total >= quota.total:
            reason = N_("the total quota is full")
        elif role in quota.per_role and by_role[role] >= quota.per_role[role]:
            reason = N_("the quota of the person's role is full")
        elif sub_capped and sub is None:
            reason = N_("the sub-region is unknown, so its quota cannot be checked")
        elif (
            sub is not None
            and (
                cap := split.get(sub, 0)
                if split is not None
                else _cap(quota, d.person.sub_region, sub)
            )
            is not None
            and by_sub[sub] >= cap
        ):
            reason = N_("the quota of the person's sub-region is full")
        phase = d.phase
        if reason is None and program.phased_places:
            phase = _open_phase(program, d, phase_used)
            if phase is None:
                reason = N_("the places of the phases started are full")
        if reason is not None:
            placed[i] = Placement(d, Status.WAITLISTED, rank, reason, sub)
            continue
        total += 1
        by_role[role] += 1
        if sub is not None:
            by_sub[sub] += 1
        start = max(phase.start, program.valid_from) if phase else program.valid_from
        placed[i] = Placement(d, Status.ADMITTED, rank, sub_region=sub, phase=phase, start=start)
    return Allocation(program.id, on, tuple(placed[i] for i in range(len(decisions))))
