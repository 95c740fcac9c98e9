"""Benefits (manfaat): who is entitled, and what is paid, for JKK, JKM, JHT, JP and JKP.

>>> from perlindungan import Claim, benefits
>>> answer = benefits(Claim(program="JKM", event="death"), on="2024-06-01")
>>> answer.eligible, int(answer.total)
(True, 42000000)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from perlindungan._requests import request_fields
from perlindungan.benefits._claim import (
    EVENTS,
    Child,
    Claim,
    Contribution,
    YearWage,
    claim_from_dict,
)
from perlindungan.benefits._jht import jht_benefit
from perlindungan.benefits._jkk import jkk_benefit
from perlindungan.benefits._jkm import jkm_death
from perlindungan.benefits._jkp import jkp_benefit
from perlindungan.benefits._jp import jp_benefit
from perlindungan.benefits._model import Benefit, Component
from perlindungan.contributions import FIRST_DATE
from perlindungan.dates import DateLike, to_date
from perlindungan.errors import InvalidInputError
from perlindungan.programs import Program

__all__ = [
    "EVENTS",
    "Benefit",
    "Child",
    "Claim",
    "Component",
    "Contribution",
    "YearWage",
    "benefit_from_request",
    "benefits",
]

_FIRST = FIRST_DATE


def benefits(claim: Claim, *, on: DateLike) -> Benefit:
    """Whether ``claim`` is payable on ``on``, and what is paid, component by component."""
    day = to_date(on)
    if day < _FIRST:
        raise InvalidInputError(
            f"on must be {_FIRST.isoformat()} or later; got {day.isoformat()}.", field="on"
        )
    if not isinstance(claim, Claim):
        raise InvalidInputError("claim must be a Claim.", field="claim", value=claim)
    rule = {
        Program.JKK: jkk_benefit,
        Program.JKM: jkm_death,
        Program.JHT: jht_benefit,
        Program.JP: jp_benefit,
        Program.JKP: jkp_benefit,
    }[claim.program]
    return rule(claim, day)


_EXAMPLE = '{"on": "2025-03-01", "claim": {"program": "JKM", "event": "death"}}'


def benefit_from_request(request: Mapping[str, Any] | str | bytes) -> Benefit:
    """Answer a request of the JSON contract: ``{"on": ..., "claim": {...}}``."""
    data = request_fields(request, kind="benefits", fields=("on", "claim"), example=_EXAMPLE)
    return benefits(claim_from_dict(data["claim"]), on=data["on"])
