"""Eligibility conditions: a closed, typed vocabulary combined with all / any / not.

Each condition gives a three-valued :class:`Outcome`: met, not met, or unknown when the
fact it needs is missing (the missing fact is named in the result).
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from perlindungan._i18n import N_, translate
from perlindungan._input.limits import MAX_COUNT
from perlindungan._input.numbers import exact_number
from perlindungan._input.shown import shown
from perlindungan._suggest import did_you_mean
from perlindungan._toml import TomlDocument
from perlindungan.dates import age_on
from perlindungan.errors import DataProblem, InvalidInputError
from perlindungan.legal import Citation, LegalBasis
from perlindungan.money import Rupiah, format_rupiah
from perlindungan.regional._person import (
    DOCUMENTS,
    ROLES,
    Person,
    canonical_role,
    unknown_role,
)
from perlindungan.regional._regions import RegionRegistry, regions
from perlindungan.workers import Category

__all__ = [
    "CONDITIONS",
    "Condition",
    "ConditionResult",
    "Node",
    "Outcome",
    "condition_result",
    "evaluate_node",
    "leaves",
    "parse_node",
    "walk",
]

#: Deepest all/any/not nesting accepted in a program file.
MAX_DEPTH: Final = 8


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

_LEAF_EXTRA: Final = frozenset({"basis", "article", "snapshot"})
_TREE: Final = ("all", "any", "not")


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


def _problem(doc: TomlDocument, path: str, message: str, problems: list[DataProblem]) -> None:
    problems.append(doc.problem(path, message))


#: A translatable note: template and its values.
Note = tuple[str, tuple[tuple[str, str], ...]]

_N_UNKNOWN_REGION = N_("unknown region {value}")
_N_LARGER = N_("region {region} is larger than {code}")
_N_AMBIGUOUS = N_("region name {value} is ambiguous: {regions}")

#: Resolves a region code or name of a program file: (code, None) or (None, why not).
RegionResolver = Callable[[str], tuple[str | None, str | None]]


def program_amount(value: object) -> Rupiah | None:
    """A rupiah amount of a program file (int or decimal, finite, 0 to MAX_AMOUNT), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    try:
        amount = exact_number(value, field="amount")
    except InvalidInputError:
        return None
    return None if amount < 0 else Rupiah(amount)


def _check_value(kind: str, value: object, known_regions: RegionResolver) -> tuple[Any, str | None]:
    """The typed value, or None and the reason it is refused."""
    if kind == "roles":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
            return None, 'must be a role or a list of roles, e.g. ["guru_ngaji"]'
        canonical = [canonical_role(v) for v in items]
        for v, c in zip(items, canonical, strict=True):
            if c is None:
                return None, unknown_role(v)
        return tuple(c for c in canonical if c is not None), None
    if kind == "region":
        if not isinstance(value, str):
            return None, 'must be a region code or name in quotes, e.g. "35.10"'
        return known_regions(value)
    if kind == "decile":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
            return None, f"must be a DTSEN decile from 1 to 10, got {value!r}"
        return value, None
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
            return None, f"must be a whole number from 0 to {MAX_COUNT:,}, got {shown(value)}"
        return value, None
    if kind == "rupiah":
        amount = program_amount(value)
        if amount is None:
            return None, f"must be an amount in rupiah such as 2000000, got {shown(value)}"
        return amount, None
    if kind == "true":
        if value is not True:
            return None, f"must be true, got {value!r}"
        return True, None
    if kind == "document":
        if not isinstance(value, str):
            return None, "must be a document name in quotes"
        if value not in DOCUMENTS:
            return None, f"unknown document {value!r}; {did_you_mean(value, DOCUMENTS)}"
        return value, None
    if kind == "categories":
        items = [value] if isinstance(value, str) else value
        names = [c.value for c in Category]
        if not isinstance(items, list) or not items:
            return None, 'must be a category or a list of categories, e.g. ["BPU"]'
        for v in items:
            if v not in names:
                return None, f"unknown category {v!r}; {did_you_mean(str(v), names)}"
        return tuple(items), None
    # names
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
        return None, "must be a name or a list of names"
    return tuple(items), None


def parse_node(
    doc: TomlDocument,
    path: str,
    raw: object,
    bases: Mapping[str, LegalBasis],
    known_regions: RegionResolver,
    problems: list[DataProblem],
    depth: int = 0,
    *,
    registry: RegionRegistry | None = None,
) -> Node | None:
    """A condition tree from its TOML form; problems are appended, None if invalid."""
    if depth > MAX_DEPTH:
        _problem(
            doc, path, f"conditions are nested more than {MAX_DEPTH} levels deep; refused", problems
        )
        return None
    if not isinstance(raw, dict):
        _problem(
            doc,
            path,
            'must be a table such as { role = ["guru_ngaji"] } or { all = [...] }',
            problems,
        )
        return None
    tree_keys = [k for k in raw if k in _TREE]
    if tree_keys:
        if len(raw) != 1:
            _problem(doc, path, f"{tree_keys[0]!r} must be alone in its table", problems)
            return None
        op = tree_keys[0]
        inner = raw[op]
        if op == "not":
            child = parse_node(
                doc,
                f"{path}.not",
                inner,
                bases,
                known_regions,
                problems,
                depth + 1,
                registry=registry,
            )
            return None if child is None else Node("not", (child,))
        if not isinstance(inner, list) or not inner:
            _problem(doc, f"{path}.{op}", "must be a non-empty list of conditions", problems)
            return None
        kids = [
            parse_node(
                doc,
                f"{path}.{op}[{i}]",
                c,
                bases,
                known_regions,
                problems,
                depth + 1,
                registry=registry,
            )
            for i, c in enumerate(inner)
        ]
        if any(k is None for k in kids):
            return None
        return Node(op, tuple(k for k in kids if k is not None))
    keys = [k for k in raw if k not in _LEAF_EXTRA]
    for k in keys:
        if k not in CONDITIONS:
            _problem(
                doc,
                f"{path}.{k}",
                f"unknown condition {k!r}; {did_you_mean(k, [*CONDITIONS, *_TREE])}",
                problems,
            )
            return None
    if len(keys) != 1:
        _problem(doc, path, "a condition table must hold exactly one condition", problems)
        return None
    key = keys[0]
    value, why = _check_value(CONDITIONS[key].kind, raw[key], known_regions)
    if why is not None:
        _problem(doc, f"{path}.{key}", why, problems)
        return None
    citation = None
    if "basis" in raw:
        basis_id = raw["basis"]
        if not isinstance(basis_id, str) or basis_id not in bases:
            _problem(
                doc,
                f"{path}.basis",
                f"unknown legal basis {basis_id!r}; {did_you_mean(str(basis_id), bases)}",
                problems,
            )
            return None
        article = raw.get("article")
        citation = Citation(bases[basis_id], str(article) if article is not None else None)
    snapshot = raw.get("snapshot")
    if key == "dtsen_decile_at_most":
        if not isinstance(snapshot, str) or not _MONTH.fullmatch(snapshot):
            _problem(
                doc,
                f"{path}.snapshot",
                'give the DTSEN snapshot month the deciles are from, e.g. snapshot = "2026-01"',
                problems,
            )
            return None
    elif snapshot is not None:
        _problem(doc, f"{path}.snapshot", "only used with dtsen_decile_at_most", problems)
        return None
    return Node("leaf", leaf=Condition(key, value, citation, snapshot=snapshot, regions=registry))


_MONTH: Final = re.compile(r"20[0-9]{2}-(0[1-9]|1[0-2])")


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
