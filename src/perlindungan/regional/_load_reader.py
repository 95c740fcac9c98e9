"""Reading a program file's tables: typed values, each problem recorded with its place.

:class:`Reader` never raises; it records a :class:`DataProblem` (file, line, field, fix) and
returns ``None`` (or a safe default), so a file's problems are all reported at once.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from perlindungan._input.limits import MAX_COUNT, MAX_ID_CHARS, MAX_TEXT_CHARS
from perlindungan._input.shown import shown
from perlindungan._input.text import ID_GRAMMAR, hidden_character
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan._toml import TomlDocument
from perlindungan.errors import DataProblem, InvalidInputError
from perlindungan.legal import Citation, LegalBasis, is_no_article
from perlindungan.money import Rupiah
from perlindungan.regional._condition_parse import (
    RegionResolver,
    no_article_message,
    program_amount,
)
from perlindungan.regional._person import canonical_role, unknown_role
from perlindungan.regional._program import STATUSES
from perlindungan.regional._regions import RegionRegistry

__all__ = ["KEYS", "Reader", "citations", "region_code", "resolver", "roles"]

#: The keys each table of a program file accepts.
KEYS: Final[dict[str, frozenset[str]]] = {
    "program": frozenset(
        {
            "id",
            "name_id",
            "name_en",
            "region",
            "valid_from",
            "valid_until",
            "status",
            "confidence",
            "basis",
            "sources",
            "note",
            "groups",
            "alongside",
            "eligibility",
            "coverage",
            "funding",
            "quota",
            "priority",
            "phases",
            "grants",
            "targets",
            "regions_file",
            "nik_prefix_as_domicile",
        }
    ),
    "coverage": frozenset(
        {"programs", "scheme", "income", "example_activity_value", "status", "note"}
    ),
    "funding": frozenset({"payer", "budget_of", "status", "note"}),
    "quota": frozenset(
        {
            "total",
            "per_role",
            "per_sub_region",
            "sub_regions",
            "sub_region_quotas",
            "phase_quotas",
            "sub_region_split",
            "sub_region_weights",
            "status",
            "note",
        }
    ),
    "priority": frozenset({"roles", "then", "status", "note"}),
    "phases": frozenset(
        {
            "name",
            "name_id",
            "name_en",
            "from",
            "roles",
            "sub_regions",
            "sub_region_count",
            "quota",
            "status",
            "note",
        }
    ),
    "grants": frozenset({"name", "households_at_most", "amount", "status", "note"}),
    "targets": frozenset({"year", "count", "status", "note"}),
}


class Reader:
    """Typed access to a table that records problems instead of raising."""

    def __init__(self, doc: TomlDocument, problems: list[DataProblem]) -> None:
        self.doc = doc
        self.problems = problems

    def add(self, path: str, message: str) -> None:
        self.problems.append(self.doc.problem(path, message))

    def keys(self, path: str, table: Mapping[str, Any], allowed: frozenset[str]) -> None:
        for key in table:
            if key not in allowed:
                self.add(
                    f"{path}.{key}",
                    Message(
                        "unknown key {key}; {hint}", key=repr(key), hint=did_you_mean(key, allowed)
                    ),
                )

    def text(self, path: str, value: object) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.add(path, Message("must be text in quotes, got {value}", value=shown(value)))
            return None
        hidden = hidden_character(value)
        if hidden is not None:
            self.add(path, Message("contains {hidden}; remove it", hidden=hidden))
            return None
        if len(value) > MAX_TEXT_CHARS:
            self.add(
                path,
                Message(
                    "is longer than {max_text_chars:,} characters", max_text_chars=MAX_TEXT_CHARS
                ),
            )
            return None
        return value

    def identifier(self, path: str, value: object) -> str | None:
        text = self.text(path, value)
        if text is None:
            return None
        if not ID_GRAMMAR.fullmatch(text) or len(text) > MAX_ID_CHARS:
            self.add(
                path,
                Message(
                    "must be lowercase ASCII words (a-z, 0-9) joined by '-', at most {max_id_chars} characters, such as 'kota-jambi-rentan-2025'; got {value}",
                    max_id_chars=MAX_ID_CHARS,
                    value=shown(text),
                ),
            )
            return None
        return text

    def date(self, path: str, value: object) -> _dt.date | None:
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return value
        self.add(
            path,
            Message(
                "must be a date such as 2025-05-22 (no quotes), got {value}", value=repr(value)
            ),
        )
        return None

    def count(self, path: str, value: object) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            self.add(
                path,
                Message(
                    "must be a whole number from 0 to {max_count:,}, got {value}",
                    max_count=MAX_COUNT,
                    value=shown(value),
                ),
            )
            return None
        return value

    def rupiah(self, path: str, value: object) -> Rupiah | None:
        amount = program_amount(value)
        if amount is None:
            self.add(
                path,
                Message(
                    "must be an amount in rupiah such as 100000000, got {value}", value=shown(value)
                ),
            )
            return None
        return amount

    def status(self, path: str, value: object) -> str:
        if value not in STATUSES:
            self.add(
                path,
                Message(
                    "unknown status {value}; {hint}",
                    value=repr(value),
                    hint=did_you_mean(str(value), STATUSES),
                ),
            )
            return "illustrative"
        return str(value)

    def names(
        self, path: str, value: object, vocabulary: Iterable[str] | None = None
    ) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(
                path, Message("must be a list of names in quotes, got {value}", value=repr(value))
            )
            return ()
        if vocabulary is not None:
            vocab = list(vocabulary)
            for i, v in enumerate(value):
                if v not in vocab:
                    self.add(
                        f"{path}[{i}]",
                        Message("unknown name {v}; {hint}", v=repr(v), hint=did_you_mean(v, vocab)),
                    )
        return tuple(value)

    def table(self, path: str, value: object) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(
                path, Message("must be a table [{path}], got {value}", path=path, value=repr(value))
            )
            return None
        return value


def resolver(registry: RegionRegistry) -> RegionResolver:
    """Resolves a program file's region (a code or a name) in ``registry``."""

    def resolve(value: str) -> tuple[str | None, str | None]:
        try:
            return registry.get(value).code, None
        except InvalidInputError as exc:
            return None, exc.message

    return resolve


def region_code(r: Reader, path: str, value: object, registry: RegionRegistry) -> str | None:
    text = r.text(path, value)
    if text is None:
        return None
    code, why = resolver(registry)(text)
    if why is not None:
        r.add(path, why)
    return code


def citations(
    r: Reader, path: str, value: object, bases: Mapping[str, LegalBasis]
) -> tuple[Citation, ...]:
    out = []
    for i, item in enumerate(r.names(path, value)):
        basis_id, _, article = item.partition(" ")
        if basis_id not in bases:
            r.add(
                f"{path}[{i}]",
                Message(
                    "unknown legal basis {basis_id}; {hint}",
                    basis_id=repr(basis_id),
                    hint=did_you_mean(basis_id, bases),
                ),
            )
            continue
        if article and is_no_article(article):
            r.add(f"{path}[{i}]", no_article_message(article))  # the basis itself is fine
        out.append(Citation(bases[basis_id], article or None))
    return tuple(out)


def roles(r: Reader, path: str, value: object, allowed: Sequence[str] | None) -> tuple[str, ...]:
    """Role ids (aliases and words accepted) as canonical ids, each checked."""
    out = []
    for i, given in enumerate(r.names(path, value)):
        role = canonical_role(given)
        if role is None:
            r.add(f"{path}[{i}]", unknown_role(given))
        elif allowed is not None and role not in allowed:
            r.add(
                f"{path}[{i}]",
                Message(
                    "role {given} is not one of the program's groups ({names})",
                    given=repr(given),
                    names=", ".join(allowed),
                ),
            )
        else:
            out.append(role)
    return tuple(out)
