"""Reading eligibility conditions from a program file: the all / any / not tree and each
condition's typed value, every problem recorded with its place."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

from perlindungan._input.limits import MAX_COUNT
from perlindungan._input.numbers import exact_number
from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan._toml import TomlDocument
from perlindungan.errors import DataProblem, InvalidInputError
from perlindungan.legal import Citation, LegalBasis, is_no_article
from perlindungan.money import Rupiah
from perlindungan.regional._conditions import CONDITIONS, Condition, Node
from perlindungan.regional._person import DOCUMENTS, canonical_role, unknown_role
from perlindungan.regional._regions import RegionRegistry
from perlindungan.workers import Category

__all__ = ["MAX_DEPTH", "RegionResolver", "no_article_message", "parse_node", "program_amount"]

#: Deepest all/any/not nesting accepted in a program file.
MAX_DEPTH: Final = 8

_LEAF_EXTRA: Final = frozenset({"basis", "article", "snapshot"})
_TREE: Final = ("all", "any", "not")
_MONTH: Final = re.compile(r"20[0-9]{2}-(0[1-9]|1[0-2])")

#: Resolves a region code or name of a program file: (code, None) or (None, why not).
RegionResolver = Callable[[str], tuple[str | None, str | None]]


def _problem(doc: TomlDocument, path: str, message: str, problems: list[DataProblem]) -> None:
    problems.append(doc.problem(path, message))


def no_article_message(article: object) -> Message:
    return Message(
        "{article} is not an article: leave it out when the instrument has none to cite",
        article=shown(article),
    )


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
            return None, Message('must be a role or a list of roles, e.g. ["guru_ngaji"]')
        canonical = [canonical_role(v) for v in items]
        for v, c in zip(items, canonical, strict=True):
            if c is None:
                return None, unknown_role(v)
        return tuple(c for c in canonical if c is not None), None
    if kind == "region":
        if not isinstance(value, str):
            return None, Message('must be a region code or name in quotes, e.g. "35.10"')
        return known_regions(value)
    if kind == "decile":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
            return None, Message(
                "must be a DTSEN decile from 1 to 10, got {value}", value=repr(value)
            )
        return value, None
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
            return None, Message(
                "must be a whole number from 0 to {max_count:,}, got {value}",
                max_count=MAX_COUNT,
                value=shown(value),
            )
        return value, None
    if kind == "rupiah":
        amount = program_amount(value)
        if amount is None:
            return None, Message(
                "must be an amount in rupiah such as 2000000, got {value}", value=shown(value)
            )
        return amount, None
    if kind == "true":
        if value is not True:
            return None, Message("must be true, got {value}", value=repr(value))
        return True, None
    if kind == "document":
        if not isinstance(value, str):
            return None, Message("must be a document name in quotes")
        if value not in DOCUMENTS:
            return None, Message(
                "unknown document {value}; {hint}",
                value=repr(value),
                hint=did_you_mean(value, DOCUMENTS),
            )
        return value, None
    if kind == "categories":
        items = [value] if isinstance(value, str) else value
        names = [c.value for c in Category]
        if not isinstance(items, list) or not items:
            return None, Message('must be a category or a list of categories, e.g. ["BPU"]')
        for v in items:
            if v not in names:
                return None, Message(
                    "unknown category {v}; {hint}", v=repr(v), hint=did_you_mean(str(v), names)
                )
        return tuple(items), None
    # names
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(v, str) for v in items):
        return None, Message("must be a name or a list of names")
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
            doc,
            path,
            Message(
                "conditions are nested more than {max_depth} levels deep; refused",
                max_depth=MAX_DEPTH,
            ),
            problems,
        )
        return None
    if not isinstance(raw, dict):
        _problem(
            doc,
            path,
            Message('must be a table such as {{ role = ["guru_ngaji"] }} or {{ all = [...] }}'),
            problems,
        )
        return None
    tree_keys = [k for k in raw if k in _TREE]
    if tree_keys:
        if len(raw) != 1:
            _problem(
                doc,
                path,
                Message("{tree_keys} must be alone in its table", tree_keys=repr(tree_keys[0])),
                problems,
            )
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
            _problem(
                doc, f"{path}.{op}", Message("must be a non-empty list of conditions"), problems
            )
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
                Message(
                    "unknown condition {k}; {hint}",
                    k=repr(k),
                    hint=did_you_mean(k, [*CONDITIONS, *_TREE]),
                ),
                problems,
            )
            return None
    if len(keys) != 1:
        _problem(doc, path, Message("a condition table must hold exactly one condition"), problems)
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
                Message(
                    "unknown legal basis {basis_id}; {hint}",
                    basis_id=repr(basis_id),
                    hint=did_you_mean(str(basis_id), bases),
                ),
                problems,
            )
            return None
        article = raw.get("article")
        if article is not None and is_no_article(str(article)):
            _problem(doc, f"{path}.article", no_article_message(article), problems)
            return None
        citation = Citation(bases[basis_id], str(article) if article is not None else None)
    snapshot = raw.get("snapshot")
    if key == "dtsen_decile_at_most":
        if not isinstance(snapshot, str) or not _MONTH.fullmatch(snapshot):
            _problem(
                doc,
                f"{path}.snapshot",
                Message(
                    'give the DTSEN snapshot month the deciles are from, e.g. snapshot = "2026-01"'
                ),
                problems,
            )
            return None
    elif snapshot is not None:
        _problem(doc, f"{path}.snapshot", Message("only used with dtsen_decile_at_most"), problems)
        return None
    return Node("leaf", leaf=Condition(key, value, citation, snapshot=snapshot, regions=registry))
