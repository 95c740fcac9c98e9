"""Strict loading of the bundled regulation data.

Reads ``data/legal_bases/*.toml`` and every ``data/parameters/*.toml``, checks each
entry and collects every problem before raising one :class:`RegulationDataError`.
Checks: unknown or missing keys (with suggestions), values of the wrong type for the
parameter's unit, ``since`` dates that do not go strictly upward, legal bases missing
from the catalogue, unknown statuses and confidence marks, and names outside the
namespace a file is named for (:mod:`perlindungan._namespaces`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from perlindungan._entry_checks import check_keys, convert_value, is_date
from perlindungan._namespaces import in_namespace
from perlindungan._suggest import did_you_mean
from perlindungan._toml import TomlDocument, bundled_documents, read_toml
from perlindungan.errors import DataProblem, RegulationDataError
from perlindungan.legal import KINDS, Citation, LegalBasis, is_no_article
from perlindungan.parameters import (
    CONFIDENCES,
    STATUSES,
    UNITS,
    DatedValue,
    Parameter,
    ParameterSet,
)

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["load_bases", "load_bundled", "load_parameter_files"]

_BASIS_KEYS = {"kind", "number", "year", "title", "url", "in_force", "note"}
_BASIS_REQUIRED = {"kind", "number", "year", "title"}
_PARAM_KEYS = {"unit", "label_en", "label_id", "known_until", "values"}
_PARAM_REQUIRED = {"unit", "label_en", "label_id", "values"}
_ENTRY_KEYS = {
    "since",
    "value",
    "until",
    "basis",
    "article",
    "also",
    "status",
    "confidence",
    "note",
}
_ENTRY_REQUIRED = {"since", "value", "basis", "confidence"}
_CITE_KEYS = {"basis", "article"}


def load_bases(doc: TomlDocument, problems: list[DataProblem]) -> dict[str, LegalBasis]:
    """The legal-basis catalogue from a parsed ``legal_bases.toml``."""
    bases: dict[str, LegalBasis] = {}
    for basis_id, table in doc.data.items():
        if not isinstance(table, dict):
            problems.append(doc.problem(basis_id, "must be a table [id] with kind, number, ..."))
            continue
        before = len(problems)
        check_keys(doc, basis_id, table, _BASIS_KEYS, _BASIS_REQUIRED, problems)
        kind = table.get("kind")
        if kind is not None and kind not in KINDS:
            problems.append(
                doc.problem(
                    f"{basis_id}.kind", f"unknown kind {kind!r}; {did_you_mean(str(kind), KINDS)}"
                )
            )
        year = table.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            problems.append(
                doc.problem(f"{basis_id}.year", f"must be a year such as 2015, got {year!r}")
            )
        in_force = table.get("in_force")
        if in_force is not None and not is_date(in_force):
            problems.append(
                doc.problem(f"{basis_id}.in_force", "must be a date such as 2015-07-01")
            )
        if len(problems) != before:
            continue
        bases[basis_id] = LegalBasis(
            id=basis_id,
            kind=str(table["kind"]),
            number=str(table["number"]),
            year=int(table["year"]),
            title=str(table["title"]),
            url=table.get("url"),
            in_force=in_force,
            note=table.get("note"),
        )
    return bases


def _citations(
    doc: TomlDocument,
    path: str,
    entry: dict[str, Any],
    bases: dict[str, LegalBasis],
    problems: list[DataProblem],
    broken: frozenset[str] = frozenset(),
) -> tuple[Citation, ...]:
    raw: list[tuple[str, object, object]] = [(path, entry.get("basis"), entry.get("article"))]
    also = entry.get("also", [])
    if not isinstance(also, list):
        problems.append(
            doc.problem(f"{path}.also", "must be a list of {basis = ..., article = ...}")
        )
        also = []
    for index, extra in enumerate(also):
        where = f"{path}.also[{index}]"
        if not isinstance(extra, dict):
            problems.append(doc.problem(where, "must be {basis = ..., article = ...}"))
            continue
        check_keys(doc, where, extra, _CITE_KEYS, {"basis"}, problems)
        raw.append((where, extra.get("basis"), extra.get("article")))
    citations: list[Citation] = []
    for where, basis_id, article in raw:
        if basis_id is None:
            continue
        if not isinstance(basis_id, str) or not basis_id.strip():
            problems.append(
                doc.problem(f"{where}.basis", "a value needs a legal basis id, e.g. 'pp-45-2015'")
            )
            continue
        if basis_id in broken:
            problems.append(
                doc.problem(
                    f"{where}.basis",
                    f"legal basis {basis_id!r} has problems of its own in the legal_bases files "
                    "(reported above); fix them first",
                )
            )
            continue
        if basis_id not in bases:
            problems.append(
                doc.problem(
                    f"{where}.basis",
                    f"legal basis {basis_id!r} is not in legal_bases.toml; {did_you_mean(basis_id, bases)}",
                )
            )
            continue
        if article is not None and not isinstance(article, str):
            problems.append(
                doc.problem(f"{where}.article", "must be text such as 'Pasal 29 ayat (2)'")
            )
            continue
        if article is not None and is_no_article(article):
            problems.append(
                doc.problem(
                    f"{where}.article",
                    f"{article!r} is not an article: leave 'article' out when the instrument "
                    "has none to cite, and say why in a comment",
                )
            )
            continue
        citations.append(Citation(bases[basis_id], article))
    return tuple(citations)


def _load_parameter(
    doc: TomlDocument,
    name: str,
    table: dict[str, Any],
    bases: dict[str, LegalBasis],
    problems: list[DataProblem],
    broken: frozenset[str] = frozenset(),
) -> Parameter[object] | None:
    before = len(problems)
    check_keys(doc, name, table, _PARAM_KEYS, _PARAM_REQUIRED, problems)
    unit = table.get("unit")
    if unit is not None and unit not in UNITS:
        problems.append(
            doc.problem(f"{name}.unit", f"unknown unit {unit!r}; {did_you_mean(str(unit), UNITS)}")
        )
        unit = None
    known_until = table.get("known_until")
    if known_until is not None and not is_date(known_until):
        problems.append(doc.problem(f"{name}.known_until", "must be a date such as 2027-02-28"))
    raw_values = table.get("values", [])
    if not isinstance(raw_values, list) or not raw_values:
        problems.append(
            doc.problem(f"{name}.values", "must be a non-empty list of [[...values]] entries")
        )
        raw_values = []
    entries: list[DatedValue[object]] = []
    previous: _dt.date | None = None
    for index, entry in enumerate(raw_values):
        path = f"{name}.values[{index}]"
        if not isinstance(entry, dict):
            problems.append(doc.problem(path, "must be a table with since, value, basis, ..."))
            continue
        check_keys(doc, path, entry, _ENTRY_KEYS, _ENTRY_REQUIRED, problems)
        since = entry.get("since")
        if since is not None and not is_date(since):
            problems.append(
                doc.problem(f"{path}.since", f"must be a date such as 2015-07-01, got {since!r}")
            )
            since = None
        if since is not None and previous is not None and since <= previous:
            problems.append(
                doc.problem(
                    f"{path}.since",
                    f"dates must go strictly upward: {since.isoformat()} is not after "
                    f"{previous.isoformat()}",
                )
            )
        if since is not None:
            previous = since
        until = entry.get("until")
        if until is not None and (not is_date(until) or (since is not None and until < since)):
            problems.append(doc.problem(f"{path}.until", "must be a date on or after 'since'"))
        status = entry.get("status", "enacted")
        if status not in STATUSES:
            problems.append(
                doc.problem(
                    f"{path}.status",
                    f"unknown status {status!r}; {did_you_mean(str(status), STATUSES)}",
                )
            )
        confidence = entry.get("confidence")
        if confidence is not None and confidence not in CONFIDENCES:
            problems.append(
                doc.problem(
                    f"{path}.confidence",
                    f"unknown confidence {confidence!r}; {did_you_mean(str(confidence), CONFIDENCES)}",
                )
            )
        value: object = None
        if "value" in entry and unit is not None:
            value, error = convert_value(unit, entry["value"])
            if error:
                problems.append(doc.problem(f"{path}.value", error))
        citations = _citations(doc, path, entry, bases, problems, broken)
        if len(problems) == before:
            entries.append(
                DatedValue(
                    value=value,
                    since=since,  # type: ignore[arg-type]  # checked above
                    citations=citations,
                    status=status,
                    confidence=str(confidence),
                    note=entry.get("note"),
                    until=until,
                )
            )
    if len(problems) != before or unit is None:
        return None
    return Parameter(
        name=name,
        unit=unit,
        label_en=str(table["label_en"]),
        label_id=str(table["label_id"]),
        values=tuple(entries),
        known_until=known_until,
        file=doc.name,
    )


def _walk(
    doc: TomlDocument,
    prefix: str,
    table: dict[str, Any],
    bases: dict[str, LegalBasis],
    found: dict[str, Parameter[object]],
    problems: list[DataProblem],
    broken: frozenset[str] = frozenset(),
) -> None:
    for key, child in table.items():
        path = f"{prefix}.{key}" if prefix else key
        if not isinstance(child, dict):
            problems.append(
                doc.problem(
                    path,
                    f"unexpected key {key!r} outside a parameter; a parameter is a table with "
                    "unit, label_en, label_id and [[values]]",
                )
            )
            continue
        if "values" in child or "unit" in child:
            if path in found:
                problems.append(
                    doc.problem(
                        path, f"parameter {path!r} is defined twice (also in {found[path].file})"
                    )
                )
                continue
            param = _load_parameter(doc, path, child, bases, problems, broken)
            if param is not None:
                found[path] = param
        else:
            _walk(doc, path, child, bases, found, problems, broken)


def load_parameter_files(
    documents: Iterable[TomlDocument],
    bases: dict[str, LegalBasis],
    broken: frozenset[str] = frozenset(),
) -> tuple[dict[str, Parameter[object]], list[DataProblem]]:
    """Parameters from parsed files, with every problem found.

    ``broken`` names legal bases that exist but failed their own checks, so that citing
    them is reported as such rather than as a missing basis.
    """
    found: dict[str, Parameter[object]] = {}
    problems: list[DataProblem] = []
    for doc in documents:
        _walk(doc, "", in_namespace(doc, problems), bases, found, problems, broken)
    return found, problems


def load_from(
    bases_docs: Iterable[TomlDocument], documents: Iterable[TomlDocument]
) -> ParameterSet:
    """Build a :class:`ParameterSet` from parsed documents; raise on any problem."""
    problems: list[DataProblem] = []
    bases: dict[str, LegalBasis] = {}
    defined: set[str] = set()
    for bases_doc in bases_docs:
        defined.update(bases_doc.data)
        for basis_id, basis in load_bases(bases_doc, problems).items():
            if basis_id in bases:
                problems.append(
                    bases_doc.problem(basis_id, f"legal basis {basis_id!r} is defined twice")
                )
            bases[basis_id] = basis
    found, more = load_parameter_files(documents, bases, frozenset(defined - set(bases)))
    problems.extend(more)
    if problems:
        raise RegulationDataError(problems)
    return ParameterSet(by_name=found, bases=bases)


def load_directory(directory: Path) -> ParameterSet:
    """Load ``legal_bases/*.toml`` and ``parameters/*.toml`` from a directory."""
    bases_docs = [
        read_toml(path, name=f"legal_bases/{path.name}")
        for path in sorted((directory / "legal_bases").glob("*.toml"))
    ]
    docs = [
        read_toml(path, name=f"parameters/{path.name}")
        for path in sorted((directory / "parameters").glob("*.toml"))
    ]
    return load_from(bases_docs, docs)


def load_bundled() -> ParameterSet:
    """The data bundled with the package."""
    return load_from(bundled_documents("legal_bases"), bundled_documents("parameters"))
