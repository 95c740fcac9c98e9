"""A regional scheme as declared in a scheme file: frozen, validated data."""

from __future__ import annotations

import datetime as _dt
from typing import Final

import attrs

from perlindungan._i18n import N_, translate
from perlindungan.legal import Citation
from perlindungan.money import Rupiah
from perlindungan.programs import Payer, Program
from perlindungan.regional._conditions import Node
from perlindungan.regional._regions import RegionRegistry
from perlindungan.regional._regions import regions as bundled_regions

__all__ = [
    "FUNDERS",
    "PHASE_QUOTAS",
    "PRIORITY_KEYS",
    "STATUSES",
    "Coverage",
    "Funding",
    "GrantTier",
    "Phase",
    "Priority",
    "Quota",
    "RegionalScheme",
    "Target",
    "older_than",
]

#: Status of a declared part: how firmly the sources support it.
STATUSES: Final = ("enacted", "announced", "derived", "illustrative")

#: Who pays, as written in a program file, and the payer of the contribution lines.
FUNDERS: Final[dict[str, Payer]] = {
    "regional_budget": Payer.REGIONAL_BUDGET,
    "village_budget": Payer.VILLAGE_BUDGET,
    "dbhcht": Payer.REGIONAL_BUDGET,
    "csr": Payer.OTHER,
}

#: How the places of phases are counted: each phase's own new places ("added") or the
#: places reached by the end of each phase ("cumulative"). A program file must say which.
PHASE_QUOTAS: Final = ("added", "cumulative")

#: Priority keys applied in order after the role order (ties end with the hash tie-break).
PRIORITY_KEYS: Final = (
    "earliest_application",
    "oldest_first",
    "lowest_income",
    "lowest_dtsen_decile",
    "disability_first",
)


def older_than(key: str) -> int | None:
    """The age of an ``older_than_<age>`` priority key (people older than it first)."""
    prefix = "older_than_"
    if key.startswith(prefix) and key[len(prefix) :].isdigit():
        return int(key[len(prefix) :])
    return None


@attrs.frozen
class Coverage:
    """What is covered and the basis of the premium."""

    programs: tuple[Program, ...]
    scheme: str  # "bpu" or "construction"
    income: Rupiah | None = None  # None with scheme "bpu" means the BPU minimum
    example_activity_value: Rupiah | None = None
    status: str = "announced"


@attrs.frozen
class Funding:
    """Who pays: the funder keyword, its payer and the region whose budget it is."""

    funder: str
    budget_of: str | None
    status: str = "announced"

    @property
    def payer(self) -> Payer:
        """The payer the contribution lines are moved to."""
        return FUNDERS[self.funder]

    def describe(self, locale: str = "id_ID", registry: RegionRegistry | None = None) -> str:
        """Who pays in words: ``APBD Kabupaten Banyuwangi`` (id), ``regional budget (APBD)
        of Kabupaten Banyuwangi`` (en)."""
        known = registry if registry is not None else bundled_regions()
        region = self.budget_of or ""
        if self.budget_of is not None and self.budget_of in known:
            region = known.at(self.budget_of).name
        return translate(_FUNDER_WORDS[self.funder], locale).format(region=region).strip()


_FUNDER_WORDS: Final = {
    "regional_budget": N_("regional budget (APBD) of {region}"),
    "village_budget": N_("village budgets (APB Desa/Nagari) in {region}"),
    "dbhcht": N_("tobacco excise revenue share (DBHCHT) of {region}"),
    "csr": N_("CSR funds"),
}


@attrs.frozen
class Quota:
    """Places: in total, per role, per sub-region (same cap each, or listed)."""

    total: int | None = None
    per_role: dict[str, int] = attrs.field(factory=dict)
    per_sub_region: int | None = None
    sub_regions: int | None = None
    sub_region_quotas: dict[str, int] = attrs.field(factory=dict)
    status: str = "announced"
    #: How the phases' ``quota`` keys were written ("added" or "cumulative"); None when
    #: the phases carry no places.
    phase_quotas: str | None = None
    #: How ``total`` is split among sub-regions: "weights" (``sub_region_weights``) or
    #: "eligible" (eligible people per sub-region), rounded by largest remainder.
    sub_region_split: str | None = None
    sub_region_weights: dict[str, int] = attrs.field(factory=dict)

    def cap_for_sub_region(self, name: str) -> int | None:
        """The cap of one sub-region, or None when unlimited."""
        if name in self.sub_region_quotas:
            return self.sub_region_quotas[name]
        return self.per_sub_region


@attrs.frozen
class Priority:
    """Order of allocation when applicants exceed places."""

    roles: tuple[str, ...] = ()
    then: tuple[str, ...] = ()
    status: str = "illustrative"


@attrs.frozen
class Phase:
    """A phase: from a date, the roles and sub-regions that enter (empty = all), and the
    places it adds (``places``; None when the program's phases carry no places).

    ``places`` is always the number of *new* places of this phase, whatever way the
    program file wrote them (see :data:`PHASE_QUOTAS`).
    """

    name: str
    start: _dt.date
    roles: tuple[str, ...] = ()
    sub_regions: tuple[str, ...] = ()
    sub_region_count: int | None = None
    status: str = "illustrative"
    note: str | None = None
    places: int | None = None
    #: The phase in words, in Bahasa Indonesia and in English (``name`` is its code).
    name_id: str | None = attrs.field(default=None, kw_only=True)
    name_en: str | None = attrs.field(default=None, kw_only=True)

    def label(self, locale: str = "id_ID", number: int | None = None) -> str:
        """The phase in words: ``name_id`` / ``name_en``; without them ``tahap 2`` /
        ``phase 2`` when its ``number`` (1-based) is given, else its code."""
        words = self.name_en if locale.startswith("en") else self.name_id
        if words:
            return words
        if number is not None:
            return translate(_L_PHASE_NUMBER, locale).format(number=number)
        return self.name


_L_PHASE_NUMBER: Final = N_("phase {number}")
_L_NO_PHASE: Final = N_("no phase")
_L_ALL_PHASES: Final = N_("all phases")


@attrs.frozen
class Target:
    """A declared target: how many people by a year (announced, not a quota)."""

    year: int
    count: int
    status: str = "announced"
    note: str | None = None


@attrs.frozen
class GrantTier:
    """A grant to an RT by its size in households (Kampung Bahagia)."""

    name: str
    households_at_most: int | None
    amount: Rupiah
    status: str = "announced"


@attrs.frozen
class RegionalScheme:
    """One regional scheme (skema daerah), loaded and checked from a scheme file.

    What a province, city or regency declares: who it enrols in which national programs
    (``coverage.programs``), who pays, the quotas and the phases.
    """

    id: str
    name_id: str
    name_en: str
    region: str
    valid_from: _dt.date
    valid_until: _dt.date | None
    status: str
    confidence: str
    citations: tuple[Citation, ...]
    sources: tuple[str, ...]
    groups: tuple[str, ...]
    eligibility: Node
    coverage: Coverage
    funding: Funding
    quota: Quota
    priority: Priority
    phases: tuple[Phase, ...]
    grants: tuple[GrantTier, ...] = ()
    alongside: tuple[str, ...] = ()
    note: str | None = None
    file: str = "<text>"
    targets: tuple[Target, ...] = ()
    #: The regions the program was checked against when not the bundled ones.
    regions: RegionRegistry | None = attrs.field(default=None, eq=False, repr=False)
    #: The program accepts a NIK's area code (the kecamatan where it was first issued) as
    #: the domicile and KTP region of a person whose roster gives neither
    #: (``nik_prefix_as_domicile = true``); by default it never stands in for them.
    nik_prefix_as_domicile: bool = False

    def region_registry(self) -> RegionRegistry:
        """The regions of this scheme: a user regions file's, or the bundled ones."""
        return self.regions if self.regions is not None else bundled_regions()

    def name(self, locale: str = "id_ID") -> str:
        """The scheme's name in Bahasa Indonesia (default) or English."""
        return self.name_en if locale.startswith("en") else self.name_id

    def phase_label(self, code: str | None, locale: str = "id_ID") -> str:
        """A phase code of an output (``launch``; ``-`` or empty: none) in words."""
        for number, phase in enumerate(self.phases, start=1):
            if phase.name == code:
                return phase.label(locale, number)
        if not code or code == "-":
            return translate(_L_ALL_PHASES if self.phases else _L_NO_PHASE, locale)
        return code

    def payer_label(self, code: str, locale: str = "id_ID") -> str:
        """A payer code of an output in words: the program's funder with its region
        (``APBD Kota Jambi``), any other payer by its label."""
        if code == self.funding.payer.value:
            return self.funding.describe(locale, self.region_registry())
        try:
            return translate(Payer(code).label, locale)
        except ValueError:
            return code

    def in_force(self, on: _dt.date) -> bool:
        """True when ``on`` falls within the program's validity."""
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)

    def phase_of(self, role: str | None, sub_region: str | None) -> Phase | None:
        """The first phase in which this role and sub-region enter (None: no phase fits)."""
        for phase in self.phases:
            if self.fits(phase, role, sub_region):
                return phase
        return None

    @property
    def phased_places(self) -> bool:
        """True when the phases carry places (people are admitted phase by phase)."""
        return any(ph.places is not None for ph in self.phases)

    def phases_started(self, on: _dt.date) -> tuple[Phase, ...]:
        """The phases that have started by ``on`` (inclusive)."""
        return tuple(ph for ph in self.phases if ph.start <= on)

    def places_by(self, on: _dt.date) -> int | None:
        """Places open by ``on``: the phases' places added up (capped by the total quota),
        or the total quota when the phases carry none (None: no total declared)."""
        if not self.phased_places:
            return self.quota.total
        opened = sum(ph.places or 0 for ph in self.phases_started(on))
        return opened if self.quota.total is None else min(opened, self.quota.total)

    def fits(self, phase: Phase, role: str | None, sub_region: str | None) -> bool:
        """True when this role and sub-region may enter ``phase``."""
        if phase.roles and role not in phase.roles:
            return False
        return not (phase.sub_regions and sub_region not in phase.sub_regions)

    def grant_for(self, households: int) -> GrantTier | None:
        """The grant tier of an RT of this many households."""
        for tier in self.grants:
            if tier.households_at_most is None or households <= tier.households_at_most:
                return tier
        return None
