"""Region statistics: dated, cited figures (participants, potential and vulnerable workers,
targets) from ``data/statistics/*.toml``.

Each figure says who gave it (``said_by``): ``official_quoted`` (inside quotation marks),
``official_reported`` (an official's words retold by the reporter) or ``journalist`` (the
reporter's own sentence). Outputs mark every figure that is not an official's quotation.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from perlindungan._i18n import N_
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan._toml import TomlDocument, bundled_documents
from perlindungan.errors import DataProblem, RegulationDataError
from perlindungan.regional._program import STATUSES
from perlindungan.regional._regions import regions

__all__ = ["MEASURES", "SAID_BY", "Statistic", "load_statistics", "statistics"]

#: The measures a statistic may have, with a translatable label.
MEASURES: Final[dict[str, str]] = {
    "participants_pu": N_("participants: wage earners (PU)"),
    "participants_bpu": N_("participants: non-wage earners (BPU)"),
    "participants_total": N_("participants: all"),
    "potential_workers": N_("potential workers"),
    "vulnerable_workers": N_("vulnerable workers"),
    "uncovered_workers": N_("workers not yet covered"),
    "coverage_of_potential": N_("coverage of potential workers"),
    "target_participants": N_("target: participants"),
}
#: Who gave a figure, with a translatable mark shown beside it.
SAID_BY: Final[dict[str, str]] = {
    "official_quoted": N_("official, quoted"),
    "official_reported": N_("official, in the reporter's words"),
    "journalist": N_("journalist's figure"),
    "official_document": N_("official document"),
}
_QUALIFIERS: Final = ("exact", "about", "more_than", "less_than")
_KEYS: Final = frozenset(
    {
        "region",
        "measure",
        "value",
        "qualifier",
        "year",
        "as_of",
        "reported",
        "said_by",
        "source",
        "status",
        "confidence",
        "note",
    }
)


@attrs.frozen
class Statistic:
    """One dated, cited figure about a region."""

    region: str
    measure: str
    value: int | Decimal
    as_of: _dt.date
    said_by: str
    source: str
    status: str = "announced"
    confidence: str = "C1"
    qualifier: str = "exact"
    year: int | None = None
    reported: _dt.date | None = None
    note: str | None = None
    file: str = "<text>"

    @property
    def journalists(self) -> bool:
        """True when the figure is not an official's own words or document."""
        return self.said_by not in ("official_quoted", "official_document")

    def to_dict(self) -> dict[str, Any]:
        """JSON form (a share as text, e.g. ``"0.41"``)."""
        return {
            "region": self.region,
            "measure": self.measure,
            "value": self.value if isinstance(self.value, int) else str(self.value),
            "qualifier": self.qualifier,
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "reported": self.reported.isoformat() if self.reported else None,
            "said_by": self.said_by,
            "journalists_figure": self.journalists,
            "source": self.source,
            "status": self.status,
            "confidence": self.confidence,
            "note": self.note,
        }


def _one(doc: TomlDocument, i: int, item: object, problems: list[DataProblem]) -> Statistic | None:
    path = f"statistic[{i}]"

    def add(key: str, message: str) -> None:
        problems.append(doc.problem(f"{path}.{key}" if key else path, message))

    if not isinstance(item, dict):
        add("", Message("must be a [[statistic]] table"))
        return None
    for key in item:
        if key not in _KEYS:
            add(
                key,
                Message("unknown key {key}; {hint}", key=repr(key), hint=did_you_mean(key, _KEYS)),
            )
    for key in ("region", "measure", "value", "as_of", "said_by", "source"):
        if key not in item:
            add("", Message("missing required key {key}", key=repr(key)))
    if any(k not in item for k in ("region", "measure", "value", "as_of", "said_by", "source")):
        return None
    if item["region"] not in regions():
        add("region", Message("unknown region code {value}", value=repr(item["region"])))
    if item["measure"] not in MEASURES:
        add(
            "measure",
            Message(
                "unknown measure {value}; {hint}",
                value=repr(item["measure"]),
                hint=did_you_mean(str(item["measure"]), MEASURES),
            ),
        )
    if item["said_by"] not in SAID_BY:
        add(
            "said_by",
            Message(
                "unknown source kind {value}; {hint}",
                value=repr(item["said_by"]),
                hint=did_you_mean(str(item["said_by"]), SAID_BY),
            ),
        )
    value = item["value"]
    share = item["measure"] == "coverage_of_potential"
    if share and not (isinstance(value, Decimal) and 0 <= value <= 1):
        add(
            "value",
            Message(
                "a share must be a fraction from 0 to 1 such as 0.41, got {value}",
                value=repr(value),
            ),
        )
    if not share and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        add("value", Message("must be a whole number of 0 or more, got {value}", value=repr(value)))
    for key in ("as_of", "reported"):
        v = item.get(key)
        if key in item and (not isinstance(v, _dt.date) or isinstance(v, _dt.datetime)):
            add(key, Message("must be a date such as 2023-08-31 (no quotes), got {v}", v=repr(v)))
    if item.get("qualifier", "exact") not in _QUALIFIERS:
        add(
            "qualifier",
            Message(
                "unknown qualifier {value}; valid: {names}",
                value=repr(item["qualifier"]),
                names=", ".join(_QUALIFIERS),
            ),
        )
    if item.get("status", "announced") not in STATUSES:
        add(
            "status",
            Message(
                "unknown status {value}; {hint}",
                value=repr(item["status"]),
                hint=did_you_mean(str(item["status"]), STATUSES),
            ),
        )
    year = item.get("year")
    if item["measure"] == "target_participants" and not isinstance(year, int):
        add("year", Message("a target needs the year it is for, e.g. year = 2023"))
    if problems:
        return None
    return Statistic(
        region=item["region"],
        measure=item["measure"],
        value=value,
        as_of=item["as_of"],
        said_by=item["said_by"],
        source=str(item["source"]),
        status=item.get("status", "announced"),
        confidence=str(item.get("confidence", "C1")),
        qualifier=item.get("qualifier", "exact"),
        year=year,
        reported=item.get("reported"),
        note=item.get("note"),
        file=doc.name,
    )


def load_statistics(docs: Iterable[TomlDocument]) -> tuple[Statistic, ...]:
    """Statistics from TOML documents; :class:`RegulationDataError` lists every problem."""
    out = []
    problems: list[DataProblem] = []
    for doc in docs:
        for key in doc.data:
            if key != "statistic":
                problems.append(
                    doc.problem(
                        key, Message("unknown key {key}; did you mean 'statistic'?", key=repr(key))
                    )
                )
        items = doc.data.get("statistic", [])
        for i, item in enumerate(items if isinstance(items, list) else [items]):
            found: list[DataProblem] = []
            stat = _one(doc, i, item, found)
            problems.extend(found)
            if stat is not None:
                out.append(stat)
    if problems:
        raise RegulationDataError(problems)
    return tuple(out)


@functools.cache
def statistics() -> tuple[Statistic, ...]:
    """The bundled region statistics."""
    return load_statistics(bundled_documents("statistics"))
