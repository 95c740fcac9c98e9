"""Allocation of places among eligible people: deterministic and order-independent.

People are sorted by (1) the phase they enter in, (2) the scheme's role order,
(3) the ``then`` keys (``earliest_application``, ``oldest_first``, ``lowest_income``; an
unknown value sorts last), (4) the tie-break: SHA-256 of ``"<scheme id>:<person id>"``,
then the person id. Places are then given in that order while the total, role and
sub-region quotas allow. The result does not depend on the order or chunking of the roster.

When the phases carry places (``quota`` in each ``[[scheme.phases]]``), only the phases
started on the allocation date are open, and each person, in the same order, takes a place
in the first open phase (from the one they enter in) that still has a place and admits
their role and sub-region. The placement names that phase and the person's first covered
day: the phase's first day, or the scheme's when it is later.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

import attrs

from perlindungan._i18n import N_, translate
from perlindungan.dates import age_on
from perlindungan.errors import InvalidInputError
from perlindungan.money import Rupiah
from perlindungan.regional._apportion import sub_region_caps
from perlindungan.regional._evaluate import Decision, Verdict
from perlindungan.regional._program import Phase, Quota, RegionalScheme, older_than
from perlindungan.regional._region_registry import RegionRegistry

__all__ = [
    "NOT_YET_REASON",
    "PHASES_FULL",
    "THEN_FACTS",
    "Allocation",
    "Placement",
    "Placer",
    "QuotaCounter",
    "Status",
    "allocate",
    "first_day",
    "open_phase",
    "order_parts",
    "resolve_sub_region",
    "tie_break",
    "tie_break_digests",
]


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


#: Why an eligible person whose phase has not started is not placed.
NOT_YET_REASON: Final = N_("the person's phase has not started")

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
    """The documented tie-break: SHA-256 hex of ``"<scheme id>:<person id>"``."""
    return hashlib.sha256(f"{program_id}:{person_id}".encode()).hexdigest()


def tie_break_digests(program_id: str, person_ids: list[str]) -> list[bytes]:
    """:func:`tie_break` of many ids at once, as raw digests (the scheme's prefix hashed
    once): what the columnar and Dask engines sort by."""
    base = hashlib.sha256(f"{program_id}:".encode())
    digests = []
    for ident in person_ids:
        h = base.copy()
        h.update(ident.encode())
        digests.append(h.digest())
    return digests


def resolve_sub_region(program: RegionalScheme, value: str | None) -> str | None:
    """The quota key of a roster ``sub_region``: the Kemendagri code when the value is the
    code or name of a kecamatan or village unit inside the scheme's region, else the text.

    >>> from perlindungan.regional import scheme
    >>> p = scheme("sijunjung-nagari-100")
    >>> resolve_sub_region(p, "nagari silokek"), resolve_sub_region(p, "RT 07")
    ('13.03.04.2003', 'RT 07')

    """
    if value is None:
        return None
    return _resolved(program.region_registry(), program.region, value)


@functools.lru_cache(maxsize=65_536)
def _resolved(registry: RegionRegistry, region: str, value: str) -> str:
    """:func:`resolve_sub_region`, once per distinct value: a value that is no region
    (``RT 07``) is looked up, and its "did you mean" message built, only once."""
    try:
        found = registry.get(value, within=region)
    except InvalidInputError:
        return value
    return found.code if found.level in ("district", "village") else value


def _cap(quota: Quota, raw: str | None, sub: str) -> int | None:
    if raw is not None and raw in quota.sub_region_quotas:
        return quota.sub_region_quotas[raw]
    return quota.cap_for_sub_region(sub)


#: The fact each ``then`` key of a scheme's priority reads.
THEN_FACTS: Final = {
    "earliest_application": "application_date",
    "oldest_first": "birth_date",
    "lowest_income": "income",
}


def _day_part(v: _dt.date | None) -> tuple[bool, int]:
    return (v is None, v.toordinal() if v else 0)


def _income_part(v: Rupiah | None) -> tuple[bool, Any]:
    return (v is None, v if v is not None else 0)


def _older_first(age: int | None, on: _dt.date) -> Callable[[_dt.date | None], int]:
    def part(v: _dt.date | None) -> int:
        # a birth date after the allocation date gives no age: not older
        return 0 if v is not None and age is not None and v <= on and age_on(v, on) > age else 1

    return part


def order_parts(program: RegionalScheme, on: _dt.date) -> list[tuple[str, Callable[[Any], Any]]]:
    """The allocation order before the tie-break, as ``(fact, part of its value)`` pairs
    compared in turn: the phase (``"phase"``), the role order, then the ``then`` keys (an
    unknown value sorts last). The columnar roster path applies each part once per distinct
    value."""
    phases, roles = program.phases, program.priority.roles
    parts: list[tuple[str, Callable[[Any], Any]]] = [
        ("phase", lambda ph: phases.index(ph) if ph in phases else 0),
        ("role", lambda role: roles.index(role) if role in roles else len(roles)),
    ]
    for name in program.priority.then:
        if name in THEN_FACTS:
            fact = THEN_FACTS[name]
            parts.append((fact, _income_part if fact == "income" else _day_part))
        elif name == "lowest_dtsen_decile":
            parts.append(("dtsen_decile", lambda v: (v is None, v or 0)))
        elif name == "disability_first":
            parts.append(("disability", lambda v: 0 if v else 1))  # unknown sorts with "no"
        else:  # older_than_<age>: those older than the age on the allocation date first
            parts.append(("birth_date", _older_first(older_than(name), on)))
    return parts


def _key(
    program: RegionalScheme, parts: list[tuple[str, Callable[[Any], Any]]], d: Decision
) -> tuple[Any, ...]:
    p = d.person
    values = [fn(d.phase if fact == "phase" else getattr(p, fact)) for fact, fn in parts]
    return (*values, tie_break(program.id, p.id), p.id, repr(p))


@attrs.define
class QuotaCounter:
    """Places taken so far, in total, per role and per sub-region; says why the next
    person in the order cannot be admitted (None: admit)."""

    quota: Quota
    split: dict[str, int] | None = None  # caps apportioned from the total, by resolved key
    total: int = 0
    by_role: Counter[str] = attrs.field(factory=Counter)
    by_sub: Counter[str] = attrs.field(factory=Counter)

    @property
    def sub_capped(self) -> bool:
        """True when some sub-region has a cap."""
        return (
            self.quota.per_sub_region is not None
            or bool(self.quota.sub_region_quotas)
            or bool(self.split)
        )

    def total_full(self) -> bool:
        """True when the total quota is full (everyone after is refused for it)."""
        return self.quota.total is not None and self.total >= self.quota.total

    def refusal(self, role: str, raw_sub: str | None, sub: str | None) -> str | None:
        """Why a person of this role and sub-region (raw roster text, resolved key) cannot
        take a place now, or None."""
        quota = self.quota
        if self.total_full():
            return N_("the total quota is full")
        if role in quota.per_role and self.by_role[role] >= quota.per_role[role]:
            return N_("the quota of the person's role is full")
        if self.sub_capped and sub is None:
            return N_("the sub-region is unknown, so its quota cannot be checked")
        if (
            sub is not None
            and (
                cap := self.split.get(sub, 0)
                if self.split is not None
                else _cap(quota, raw_sub, sub)
            )
            is not None
            and self.by_sub[sub] >= cap
        ):
            return N_("the quota of the person's sub-region is full")
        return None

    def admit(self, role: str, sub: str | None) -> None:
        """Count one admitted person."""
        self.total += 1
        self.by_role[role] += 1
        if sub is not None:
            self.by_sub[sub] += 1


def first_day(program: RegionalScheme, phase: Phase | None) -> _dt.date:
    """The first covered day of a person admitted into ``phase``: the phase's first day, or
    the scheme's when it is later."""
    return max(phase.start, program.valid_from) if phase else program.valid_from


#: Why an eligible person is waitlisted when every started phase's places are taken.
PHASES_FULL: Final = N_("the places of the phases started are full")


def open_phase(
    program: RegionalScheme,
    on: _dt.date,
    first: int,
    role: str,
    raw_sub: str | None,
    used: Counter[int],
) -> int:
    """The index of the first phase started by ``on``, from the person's own (``first``),
    with a free place that admits their role and sub-region (raw roster text); -1: none."""
    for index in range(first, len(program.phases)):
        ph = program.phases[index]
        if ph.start > on or not program.fits(ph, role or None, raw_sub):
            continue
        if used[index] < (ph.places or 0):
            return index
    return -1


@attrs.define
class Placer:
    """The placement rule, one person at a time in the allocation order: the quotas
    (:class:`QuotaCounter`), then, when the phases carry places, the first started phase
    from the person's own with a free place that admits them. The per-person
    :func:`allocate` and the columnar roster path place with it."""

    program: RegionalScheme
    on: _dt.date
    counter: QuotaCounter
    used: Counter[int] = attrs.field(factory=Counter)

    def refusal(
        self, role: str, raw_sub: str | None, sub: str | None, first: int
    ) -> tuple[str | None, int]:
        """Why a person of this role, sub-region (raw text, resolved key) and phase index
        (``first``; -1: none) cannot be admitted now (None: admit), and the index of the
        phase they would be admitted into (their own when the phases carry no places)."""
        reason = self.counter.refusal(role, raw_sub, sub)
        if reason is not None or not self.program.phased_places:
            return reason, first
        index = open_phase(self.program, self.on, max(first, 0), role, raw_sub, self.used)
        return (PHASES_FULL, first) if index < 0 else (None, index)

    def admit(self, role: str, sub: str | None, phase: int) -> None:
        """Count one person admitted into phase index ``phase``."""
        self.counter.admit(role, sub)
        if self.program.phased_places:
            self.used[phase] += 1


def allocate(
    program: RegionalScheme, decisions: Sequence[Decision] | Iterable[Decision]
) -> Allocation:
    """Give the scheme's places to eligible people; see the module text for the order."""
    decisions = list(decisions)
    on = decisions[0].on if decisions else program.valid_from
    placed: dict[int, Placement] = {}
    eligible: list[tuple[tuple[Any, ...], int]] = []
    parts = order_parts(program, on)
    for i, d in enumerate(decisions):
        if d.verdict is not Verdict.ELIGIBLE:
            placed[i] = Placement(d, Status.NOT_CONSIDERED)
        elif program.phases and (d.phase is None or d.phase.start > d.on):
            placed[i] = Placement(d, Status.NOT_YET, reason=NOT_YET_REASON)
        else:
            eligible.append((_key(program, parts, d), i))
    eligible.sort()
    subs = [resolve_sub_region(program, decisions[i].person.sub_region) for _, i in eligible]
    split = sub_region_caps(program, Counter(s for s in subs if s is not None))
    placer = Placer(program, on, QuotaCounter(program.quota, split=split))
    phases = program.phases
    for rank, ((_, i), sub) in enumerate(zip(eligible, subs, strict=True), start=1):
        d = decisions[i]
        role = d.person.role or ""
        first = phases.index(d.phase) if d.phase in phases else -1
        reason, index = placer.refusal(role, d.person.sub_region, sub, first)
        if reason is not None:
            placed[i] = Placement(d, Status.WAITLISTED, rank, reason, sub)
            continue
        placer.admit(role, sub, index)
        phase = phases[index] if program.phased_places else d.phase
        placed[i] = Placement(
            d, Status.ADMITTED, rank, sub_region=sub, phase=phase, start=first_day(program, phase)
        )
    return Allocation(program.id, on, tuple(placed[i] for i in range(len(decisions))))
