"""Eligibility conditions: a closed, typed vocabulary combined with all / any / not.

Each condition gives a three-valued :class:`Outcome`: met, not met, or unknown when the
fact it needs is missing (the missing fact is named in the result).
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
from collections.abc import Callable
from typing import Any, Final

import attrs

from perlindungan._i18n import N_, translate
from perlindungan.dates import age_on
from perlindungan.legal import Citation
from perlindungan.money import format_rupiah
from perlindungan.regional._person import DOCUMENTS, ROLES, Person
from perlindungan.regional._regions import RegionRegistry, regions

__all__ = [
    "CONDITIONS",
    "Condition",
    "ConditionResult",
    "Node",
    "Outcome",
    "condition_result",
    "evaluate_node",
    "leaves",
    "walk",
]


class Outcome(enum.StrEnum):
    """Three-valued result of a condition."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


@attrs.frozen
class Spec:
    """One kind of condition: the value type it takes, the fact it reads, its text."""

    kind: str
    fact: str
    text: str


#: The closed vocabulary: condition key -> (value kind, fact read, English description).
CONDITIONS: Final[dict[str, Spec]] = {
    "role": Spec("roles", "role", N_("role is one of: {value}")),
    "domicile_in": Spec("region", "domicile", N_("lives in region {value}")),
    "ktp_region_in": Spec("region", "ktp_region", N_("holds a KTP of region {value}")),
    "age_at_least": Spec("int", "birth_date", N_("is at least {value} years old")),
    "age_at_most": Spec("int", "birth_date", N_("is at most {value} years old")),
    "category": Spec("categories", "category", N_("worker category is one of: {value}")),
    "income_at_most": Spec("rupiah", "income", N_("declared income is at most {value}")),
    "not_covered_as_pu": Spec(
        "true", "covered_as_pu", N_("is not already covered as a wage earner (PU)")
    ),
    "has_document": Spec("document", "documents", N_("holds the document: {value}")),
    "membership_months_at_least": Spec(
        "int", "membership_months", N_("has at least {value} months of membership")
    ),
    "sub_region_in": Spec("names", "sub_region", N_("sub-region is one of: {value}")),
    "not_bpjs_active": Spec(
        "true",
        "bpjs_active_until",
        N_("is not an active BPJS Ketenagakerjaan participant on the day"),
    ),
    "dtsen_decile_at_most": Spec(
        "decile", "dtsen_decile", N_("DTSEN decile is at most {value} (snapshot {snapshot})")
    ),
    "has_disability": Spec("true", "disability", N_("has a disability")),
    "occupation": Spec("names", "occupation", N_("occupation is one of: {value}")),
}


@attrs.frozen
class Condition:
    """A leaf: one condition from :data:`CONDITIONS` with its value and citation."""

    key: str
    value: Any
    citation: Citation | None = None
    #: The DTSEN snapshot month (``YYYY-MM``) a decile condition relies on.
    snapshot: str | None = None
    #: The regions a region fact is resolved in (None: the bundled ones).
    regions: RegionRegistry | None = attrs.field(default=None, eq=False, repr=False)

    def describe(self, locale: str = "id_ID") -> str:
        """The condition in words."""
        spec = CONDITIONS[self.key]
        value = self.value
        if spec.kind == "roles":
            shown = ", ".join(translate(ROLES[v], locale) for v in value)
        elif spec.kind == "document":
            shown = translate(DOCUMENTS[value], locale)
        elif spec.kind == "rupiah":
            shown = format_rupiah(value, locale=locale)
        elif spec.kind == "region" and isinstance(value, str):
            known = self.regions if self.regions is not None else regions()
            shown = f"{known.at(value).name} ({value})" if value in known else value
        elif isinstance(value, tuple):
            shown = ", ".join(str(v) for v in value)
        else:
            shown = str(value)
        return translate(spec.text, locale).format(value=shown, snapshot=self.snapshot or "-")


@attrs.frozen
class Node:
    """An ``all`` / ``any`` / ``not`` node over children, or a leaf condition."""

    op: str
    children: tuple[Node, ...] = ()
    leaf: Condition | None = None


@attrs.frozen
class ConditionResult:
    """The outcome of one leaf for one person, with the missing fact if unknown."""

    condition: Condition
    outcome: Outcome
    missing: str | None = None
    #: Why a fact could not be used although given (e.g. an ambiguous region name): a
    #: translatable template and its values.
    note: Note | None = None

    def note_text(self, locale: str = "id_ID") -> str | None:
        """The note in words, or None."""
        if self.note is None:
            return None
        template, values = self.note
        return translate(template, locale).format(**dict(values))

    def to_dict(self, locale: str = "id_ID") -> dict[str, Any]:
        """JSON form."""
        return {
            "condition": self.condition.key,
            "text": self.condition.describe(locale),
            "outcome": self.outcome.value,
            "missing": self.missing,
            "note": self.note_text(locale),
            "citation": str(self.condition.citation) if self.condition.citation else None,
            "snapshot": self.condition.snapshot,
        }


#: A translatable note: template and its values.
Note = tuple[str, tuple[tuple[str, str], ...]]

_N_UNKNOWN_REGION = N_("unknown region {value}")
_N_LARGER = N_("region {region} is larger than {code}")
_N_AMBIGUOUS = N_("region name {value} is ambiguous: {regions}")


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").split())


def _within(code: str, region_code: str) -> bool:
    return code == region_code or code.startswith(region_code + ".")


@functools.lru_cache(maxsize=65_536)
def region_outcome(
    registry: RegionRegistry | None, fact: str, region_code: str
) -> tuple[Outcome, Note | None]:
    """Whether a roster's region cell (a code or a name) lies in ``region_code``.

    A name is looked up at every level (the highest level wins, as in
    :meth:`RegionRegistry.get`). A name several regions share is met when all of them lie
    in the region, not met when none does, and unknown otherwise; a region larger than the
    one asked (``35.10`` for a kecamatan of it) and an unknown name are unknown, with a note.
    Cached per distinct value.
    """
    reg = registry if registry is not None else regions()
    hits = reg.find(fact)
    if not hits:
        return Outcome.UNKNOWN, (_N_UNKNOWN_REGION, (("value", repr(fact)),))
    top = min(h.code.count(".") for h in hits)
    best = [h.code for h in hits if h.code.count(".") == top]
    inside = [_within(code, region_code) for code in best]
    if all(inside):
        return Outcome.MET, None
    if len(best) == 1 and _within(region_code, best[0]):
        return Outcome.UNKNOWN, (
            _N_LARGER,
            (("region", reg.describe(best[0])), ("code", region_code)),
        )
    if not any(inside) and not any(_within(region_code, code) for code in best):
        return Outcome.NOT_MET, None
    shown = "; ".join(reg.describe(code) for code in best[:5])
    return Outcome.UNKNOWN, (_N_AMBIGUOUS, (("value", repr(fact)), ("regions", shown)))


def condition_result(cond: Condition, person: Person, on: _dt.date) -> ConditionResult:
    """The outcome of one leaf for one person: the only place a condition is decided (the
    columnar roster path calls it once per distinct value of the fact it reads)."""
    spec = CONDITIONS[cond.key]
    fact = getattr(person, spec.fact)
    if fact is None:
        return ConditionResult(cond, Outcome.UNKNOWN, missing=spec.fact)
    key, value = cond.key, cond.value
    ok: bool
    if key in {"domicile_in", "ktp_region_in"}:
        outcome, note = region_outcome(cond.regions, str(fact), value)
        missing = spec.fact if outcome is Outcome.UNKNOWN else None
        return ConditionResult(cond, outcome, missing=missing, note=note)
    if key == "role":
        ok = fact in value
    elif key == "age_at_least":
        ok = age_on(fact, on) >= value
    elif key == "age_at_most":
        ok = age_on(fact, on) <= value
    elif key in {"category", "sub_region_in"}:
        ok = fact in value
    elif key == "occupation":
        ok = _fold(fact) in {_fold(v) for v in value}
    elif key == "not_bpjs_active":
        ok = fact < on
    elif key == "dtsen_decile_at_most":
        ok = fact <= value
    elif key == "has_disability":
        ok = bool(fact)
    elif key == "income_at_most":
        ok = fact <= value
    elif key == "not_covered_as_pu":
        ok = not fact
    elif key == "has_document":
        ok = value in fact
    else:  # membership_months_at_least
        ok = fact >= value
    return ConditionResult(cond, Outcome.MET if ok else Outcome.NOT_MET)


def evaluate_node(
    node: Node, person: Person, on: _dt.date, results: list[ConditionResult]
) -> Outcome:
    """The outcome of ``node``; every leaf result is appended to ``results``."""
    return walk(node, lambda cond: condition_result(cond, person, on), results)


def leaves(node: Node) -> list[Condition]:
    """The leaf conditions in the order :func:`walk` evaluates them (every leaf, always)."""
    if node.leaf is not None:
        return [node.leaf]
    return [leaf for child in node.children for leaf in leaves(child)]


def walk(
    node: Node, leaf: Callable[[Condition], ConditionResult], results: list[ConditionResult]
) -> Outcome:
    """Combine leaf results (from ``leaf``) through all / any / not; every leaf result is
    appended to ``results`` in the order of :func:`leaves`."""
    if node.leaf is not None:
        res = leaf(node.leaf)
        results.append(res)
        return res.outcome
    outcomes = [walk(child, leaf, results) for child in node.children]
    if node.op == "not":
        inner = outcomes[0]
        return {
            Outcome.MET: Outcome.NOT_MET,
            Outcome.NOT_MET: Outcome.MET,
            Outcome.UNKNOWN: Outcome.UNKNOWN,
        }[inner]
    decisive, other = (
        (Outcome.NOT_MET, Outcome.MET) if node.op == "all" else (Outcome.MET, Outcome.NOT_MET)
    )
    if decisive in outcomes:
        return decisive
    if Outcome.UNKNOWN in outcomes:
        return Outcome.UNKNOWN
    return other
