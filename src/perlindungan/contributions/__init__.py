"""Contributions (iuran): what is due for a worker for a month, line by line.

>>> from perlindungan import WageEarner, contributions
>>> quote = contributions(
...     WageEarner(wage=10_000_000, risk_class=3, birth_date="1990-05-17"), on="2024-06-01"
... )
>>> {payer.value: int(amount) for payer, amount in quote.totals().items()}
{'employer': 689000, 'worker': 300000, 'government': 11000}
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from perlindungan._requests import parse_request as _parse
from perlindungan._requests import request_fields
from perlindungan.contributions._model import (
    BandPart,
    Cap,
    Line,
    Note,
    Quote,
    Recomposition,
    Relief,
)
from perlindungan.contributions._wage_earner import wage_earner_lines
from perlindungan.dates import DateLike, to_date
from perlindungan.errors import InvalidInputError
from perlindungan.workers import (
    ConstructionProject,
    ConstructionWorker,
    MigrantWorker,
    NonWageEarner,
    WageEarner,
    Worker,
    worker_from_dict,
)

__all__ = [
    "FIRST_DATE",
    "BandPart",
    "Cap",
    "Line",
    "Note",
    "Quote",
    "Recomposition",
    "Relief",
    "contribution_date",
    "contributions",
    "quote_from_request",
]

#: The first date the library computes contributions for (PP 44/45/46/2015 in force).
FIRST_DATE = _dt.date(2015, 7, 1)


def contribution_date(on: DateLike) -> _dt.date:
    """``on`` as a date, refused before :data:`FIRST_DATE` with a message naming it."""
    day = to_date(on)
    if day < FIRST_DATE:
        raise InvalidInputError(
            f"on must be {FIRST_DATE.isoformat()} or later (PP 44/2015, 45/2015 and 46/2015 "
            f"took effect then); got {day.isoformat()}.",
            field="on",
            value=day,
        )
    return day


def contributions(worker: Worker, *, on: DateLike) -> Quote:
    """The contributions due for ``worker`` for the month containing ``on``.

    Monthly lines are for the contribution month of ``on``; one-off lines (construction
    projects, migrant-worker packages) are for a registration on ``on``. Parameters are
    read on ``on`` itself, so a rate that changes mid-month (JKP on 7 February 2025)
    follows the exact date.
    """
    day = contribution_date(on)
    # The rules of the other categories are imported on their first quote: a wage earner's
    # contribution needs none of them, and importing them is a measured part of the import
    # budget (docs/maintainers.md, "Import time").
    if isinstance(worker, WageEarner):
        lines, notes = wage_earner_lines(worker, day)
    elif isinstance(worker, NonWageEarner):
        from perlindungan.contributions._non_wage_earner import (  # noqa: PLC0415
            non_wage_earner_lines,
        )

        lines, notes = non_wage_earner_lines(worker, day)
    elif isinstance(worker, (ConstructionProject, ConstructionWorker)):
        from perlindungan.contributions._construction import construction_lines  # noqa: PLC0415

        lines, notes = construction_lines(worker, day)
    elif isinstance(worker, MigrantWorker):
        from perlindungan.contributions._migrant import migrant_lines  # noqa: PLC0415

        lines, notes = migrant_lines(worker, day)
    else:
        raise InvalidInputError(
            f"worker must be a WageEarner, NonWageEarner, ConstructionProject, "
            f"ConstructionWorker or MigrantWorker; got {type(worker).__name__}.",
            field="worker",
            value=worker,
        )
    return Quote(worker, day, tuple(lines), tuple(notes))


_EXAMPLE = '{"on": "2025-03-01", "worker": {"category": "bpu", "income": 1000000}}'


def parse_request(text: str | bytes) -> dict[str, Any]:
    """Parse a JSON contributions request exactly (fractions become Decimal)."""
    return _parse(text, example=_EXAMPLE)


def quote_from_request(request: Mapping[str, Any] | str | bytes) -> Quote:
    """Answer a request of the JSON contract: ``{"on": ..., "worker": {...}}``."""
    data = request_fields(request, kind="contributions", fields=("on", "worker"), example=_EXAMPLE)
    return contributions(worker_from_dict(data["worker"]), on=data["on"])
