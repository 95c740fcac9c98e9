"""Regional schemes: who a city or regency enrols, who pays, quotas, phases and budget.

A *scheme* (skema daerah) is what a province, city or regency declares: who it enrols in
the national BPJS Ketenagakerjaan *programs* (JKK, JKM, JHT, JP, JKP; see
:class:`perlindungan.Program`), who pays and how many places there are. Policy teams
declare a scheme in a TOML file (see ``docs/regional-schemes.md``); this package loads it
strictly, evaluates people, allocates places and computes the budget with the
contributions engine.

>>> from perlindungan import regional
>>> p = regional.scheme("kota-jambi-rentan-2025")
>>> p.quota.total, p.funding.payer.value
(4316, 'regional_budget')
>>> int(regional.planned_budget(p, on="2025-06-01").yearly)
870105600

"""

from __future__ import annotations

import datetime as _dt
import importlib
import sys
import warnings
from typing import TYPE_CHECKING, Final

from perlindungan._message import Message
from perlindungan._suggest import did_you_mean, suggestions
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError, UnknownNameError
from perlindungan.regional._conditions import CONDITIONS, ConditionResult, Outcome
from perlindungan.regional._load import (
    MAX_NESTING,
    bundled_schemes,
    check_overlaps,
    load_scheme,
    load_scheme_text,
)
from perlindungan.regional._person import (
    DOCUMENTS,
    FACTS,
    ROLE_ALIASES,
    ROLES,
    Person,
    canonical_role,
)
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._regions import Region, region, regions

if TYPE_CHECKING:
    from perlindungan.regional._allocate import (
        Allocation,
        Placement,
        Status,
        allocate,
        resolve_sub_region,
        tie_break,
    )
    from perlindungan.regional._budget import (
        Budget,
        BudgetLine,
        budget,
        planned_budget,
        premium,
    )
    from perlindungan.regional._coverage import RegionCoverage, SchemePart, region_coverage
    from perlindungan.regional._dask_files import evaluate_dask_files
    from perlindungan.regional._dask_roster import evaluate_dask
    from perlindungan.regional._evaluate import Decision, Verdict, evaluate
    from perlindungan.regional._period import (
        Assumptions,
        MonthLine,
        PeriodBudget,
        period_budget,
    )
    from perlindungan.regional._roster import (
        RosterRow,
        RowError,
        person_from_dict,
        read_roster,
        read_roster_text,
    )
    from perlindungan.regional._run import RunResult, run_roster
    from perlindungan.regional._scenario import (
        Comparison,
        Scenario,
        Setting,
        compare,
        load_scenario,
    )
    from perlindungan.regional._statistics import Statistic, statistics
    from perlindungan.regional._stream import StreamSummary, evaluate_roster_file

__all__ = [
    "CONDITIONS",
    "DOCUMENTS",
    "FACTS",
    "MAX_NESTING",
    "ROLES",
    "ROLE_ALIASES",
    "Allocation",
    "Assumptions",
    "Budget",
    "BudgetLine",
    "Comparison",
    "ConditionResult",
    "Decision",
    "MonthLine",
    "Outcome",
    "PeriodBudget",
    "Person",
    "Placement",
    "Region",
    "RegionCoverage",
    "RegionalScheme",
    "RosterRow",
    "RowError",
    "RunResult",
    "Scenario",
    "SchemePart",
    "Setting",
    "Statistic",
    "Status",
    "StreamSummary",
    "Verdict",
    "allocate",
    "budget",
    "bundled_roster",
    "bundled_schemes",
    "check_overlaps",
    "compare",
    "evaluate",
    "evaluate_dask",
    "evaluate_dask_files",
    "evaluate_roster_file",
    "load_scenario",
    "load_scheme",
    "load_scheme_text",
    "period_budget",
    "person_from_dict",
    "planned_budget",
    "premium",
    "read_roster",
    "read_roster_text",
    "region",
    "region_coverage",
    "regions",
    "resolve_sub_region",
    "run_roster",
    "scheme",
    "schemes_for",
    "statistics",
    "tie_break",
]


# What is needed to load and look up the bundled schemes and regions is imported above;
# evaluating, allocating, budgeting and rosters are imported on first use, so that loading
# all bundled data stays fast (see docs/performance.md).
_LAZY: dict[str, str] = {
    "Allocation": "_allocate",
    "Placement": "_allocate",
    "Status": "_allocate",
    "allocate": "_allocate",
    "resolve_sub_region": "_allocate",
    "tie_break": "_allocate",
    "Budget": "_budget",
    "BudgetLine": "_budget",
    "budget": "_budget",
    "planned_budget": "_budget",
    "premium": "_budget",
    "Assumptions": "_period",
    "MonthLine": "_period",
    "PeriodBudget": "_period",
    "period_budget": "_period",
    "Decision": "_evaluate",
    "Verdict": "_evaluate",
    "evaluate": "_evaluate",
    "RosterRow": "_roster",
    "RowError": "_roster",
    "person_from_dict": "_roster",
    "read_roster": "_roster",
    "read_roster_text": "_roster",
    "RunResult": "_run",
    "Comparison": "_scenario",
    "Scenario": "_scenario",
    "Setting": "_scenario",
    "compare": "_scenario",
    "load_scenario": "_scenario",
    "SchemePart": "_coverage",
    "RegionCoverage": "_coverage",
    "region_coverage": "_coverage",
    "Statistic": "_statistics",
    "statistics": "_statistics",
    "run_roster": "_run",
    "StreamSummary": "_stream",
    "evaluate_roster_file": "_stream",
    "evaluate_dask": "_dask_roster",
    "evaluate_dask_files": "_dask_files",
}


#: Old names of the regional concept (a "program" before it was called a scheme, to keep
#: it apart from the national BPJS programs): they still work, with a DeprecationWarning.
_DEPRECATED: Final[dict[str, str]] = {
    "ProgramPart": "SchemePart",
    "RegionalProgram": "RegionalScheme",
    "bundled_programs": "bundled_schemes",
    "load_program": "load_scheme",
    "load_program_text": "load_scheme_text",
    "program": "scheme",
    "programs_for": "schemes_for",
}


def __getattr__(name: str) -> object:
    if name in _DEPRECATED:
        new = _DEPRECATED[name]
        warnings.warn(
            f"perlindungan.regional.{name} is deprecated; use perlindungan.regional.{new} "
            "(a regional enrolment scheme is now called a scheme, apart from the national "
            "BPJS programs)",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(sys.modules[__name__], new)
    if name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def scheme(scheme_id: str) -> RegionalScheme:
    """A bundled scheme by id."""
    return _scheme(scheme_id, "scheme")


def _scheme(scheme_id: str, field: str) -> RegionalScheme:
    """A bundled scheme by id; an unknown id is an error on ``field`` (the HTTP API's old
    routes name their path parameter ``program``)."""
    found = {p.id: p for p in bundled_schemes()}
    if scheme_id in found:
        return found[scheme_id]
    raise UnknownNameError(
        Message(
            "unknown scheme {value}; {hint}",
            value=repr(scheme_id),
            hint=did_you_mean(scheme_id, found),
        ),
        field=field,
        value=scheme_id,
        suggestions=suggestions(scheme_id, found),
    )


def schemes_for(region_code: str, role: str, *, on: _dt.date | str) -> list[RegionalScheme]:
    """The schemes that apply to a role in a region on a date.

    A scheme of a province applies to its kabupaten/kota unless the nearer region has its
    own scheme for the same role: the nearest region with a scheme wins.

    >>> [p.id for p in schemes_for("36.73", "tagana_volunteer", on="2026-03-01")]
    ['banten-tagana']
    >>> [p.id for p in schemes_for("13.03", "pekerja_rentan", on="2025-01-01")]
    ['sijunjung-apbd-2022', 'sijunjung-nagari-100']

    """
    day = to_date(on, field="on")
    role = canonical_role(role) or role
    for reg in regions().chain(region(region_code).code):
        hits = [
            p
            for p in bundled_schemes()
            if p.region == reg.code and role in p.groups and p.in_force(day)
        ]
        if hits:
            return hits
    return []


def bundled_roster(scheme_id: str) -> list[RosterRow]:
    """The synthetic roster bundled for an example scheme (``data/rosters/<id>.csv``)."""
    from importlib import resources  # noqa: PLC0415

    # the roster reader is imported on first use, like _LAZY
    from perlindungan.regional._roster import read_roster_text  # noqa: PLC0415

    scheme(scheme_id)
    f = resources.files("perlindungan") / "data" / "rosters" / f"{scheme_id}.csv"
    if not f.is_file():
        raise InvalidInputError(
            Message(
                "no roster is bundled for {scheme}; give one with --roster FILE.",
                scheme=repr(scheme_id),
            ),
            field="roster",
        )
    return list(read_roster_text(f.read_text(encoding="utf-8")))


if TYPE_CHECKING:
    # The old names, typed for type checkers; at run time ``__getattr__`` gives the same
    # objects with a DeprecationWarning.
    ProgramPart = SchemePart
    RegionalProgram = RegionalScheme
    bundled_programs = bundled_schemes
    load_program = load_scheme
    load_program_text = load_scheme_text
    program = scheme
    programs_for = schemes_for
