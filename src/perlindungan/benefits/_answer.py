"""Answering a claim: the date check, and the rule of the claim's program."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from perlindungan._requests import request_fields
from perlindungan.benefits._claim import Claim, claim_from_dict
from perlindungan.benefits._jht import jht_benefit
from perlindungan.benefits._jkk import jkk_benefit
from perlindungan.benefits._jkm import jkm_death
from perlindungan.benefits._jkp import jkp_benefit
from perlindungan.benefits._jp import jp_benefit
from perlindungan.benefits._model import Benefit
from perlindungan.contributions import FIRST_DATE
from perlindungan.dates import DateLike, to_date
from perlindungan.errors import InvalidInputError
from perlindungan.programs import Program

__all__ = ["answer", "answer_request"]

_FIRST = FIRST_DATE

_RULES: Final = {
    Program.JKK: jkk_benefit,
    Program.JKM: jkm_death,
    Program.JHT: jht_benefit,
    Program.JP: jp_benefit,
    Program.JKP: jkp_benefit,
}


def answer(claim: object, on: DateLike) -> Benefit:
    """What :func:`perlindungan.benefits` answers (see there)."""
    day = to_date(on)
    if day < _FIRST:
        raise InvalidInputError(
            f"on must be {_FIRST.isoformat()} or later; got {day.isoformat()}.", field="on"
        )
    if not isinstance(claim, Claim):
        raise InvalidInputError("claim must be a Claim.", field="claim", value=claim)
    return _RULES[claim.program](claim, day)


_EXAMPLE = '{"on": "2025-03-01", "claim": {"program": "JKM", "event": "death"}}'


def answer_request(request: Mapping[str, Any] | str | bytes) -> Benefit:
    """What :func:`perlindungan.benefit_from_request` answers (see there)."""
    data = request_fields(request, kind="benefits", fields=("on", "claim"), example=_EXAMPLE)
    return answer(claim_from_dict(data["claim"]), on=data["on"])
