"""Routes of the regional schemes: list, show, evaluate a roster, budget.

Each route answers under ``/v1/schemes`` and, deprecated (marked so in the OpenAPI
document), under its old path ``/v1/programs``: the same JSON for the same request.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from perlindungan._i18n import N_
from perlindungan.dates import to_date
from perlindungan.regional import _scheme, bundled_schemes, planned_budget, run_roster
from perlindungan.regional._nik import mask_niks_in
from perlindungan.regional._roster import read_roster_text
from perlindungan.server._app import locale_of
from perlindungan.server._routes import MaskNik, _plain, body_text, json_response
from perlindungan.server._schemas import ERROR_RESPONSES, ROSTER_BODY

__all__ = ["router"]

router = APIRouter(tags=["regional schemes"])


def _locale(request: Request) -> str:
    return locale_of(request.headers.get("accept-language"))


def _conditions(node: Any, locale: str) -> Any:  # noqa: ANN401 - a tree of conditions
    if node.leaf is not None:
        return {"condition": node.leaf.key, "text": node.leaf.describe(locale)}
    return {node.op: [_conditions(child, locale) for child in node.children]}


def _summary(scheme: Any, locale: str) -> dict[str, Any]:  # noqa: ANN401
    return {
        "id": scheme.id,
        "name": scheme.name(locale),
        "names": {"id": scheme.name_id, "en": scheme.name_en},
        "region": scheme.region,
        "valid_from": scheme.valid_from.isoformat(),
        "valid_until": None if scheme.valid_until is None else scheme.valid_until.isoformat(),
        "status": scheme.status,
        "confidence": scheme.confidence,
    }


_OLD = "deprecated: the old path of {new}; same answer"
_On = Annotated[str | None, Query(description="date (YYYY-MM-DD); default: the scheme's start")]
_Participants = Annotated[int | None, Query(ge=0, description="default: the declared quota")]
_MaskNik = MaskNik


def _found(scheme_id: str, field: str) -> Any:  # noqa: ANN401 - a RegionalScheme

    return _scheme(scheme_id, field)


def _list(request: Request) -> Response:
    locale = _locale(request)
    return json_response([_summary(p, locale) for p in bundled_schemes()], locale=locale)


def _detail(scheme_id: str, field: str, request: Request) -> Response:
    locale = _locale(request)
    found = _found(scheme_id, field)
    detail = _summary(found, locale) | {
        "basis": [c.to_dict() for c in found.citations],
        "sources": list(found.sources),
        "groups": list(found.groups),
        "eligibility": _conditions(found.eligibility, locale),
        "coverage": _plain(found.coverage),
        "funding": _plain(found.funding),
        "quota": _plain(found.quota),
        "priority": _plain(found.priority),
        "phases": _plain(found.phases),
        "grants": _plain(found.grants),
        "note": found.note,
    }
    return json_response(detail, locale=locale)


async def _evaluate(
    scheme_id: str, field: str, request: Request, on: str | None, mask_nik: bool = False
) -> Response:

    locale = _locale(request)
    found = _found(scheme_id, field)
    kind = request.headers.get("content-type", "text/csv").split(";")[0].strip().lower()
    text = body_text(await request.body(), N_("roster"))
    jsonl = kind in {"application/x-ndjson", "application/jsonl", "application/json-lines"}
    rows = list(read_roster_text(text, jsonl=jsonl))
    day = to_date(on, field="on") if on else found.valid_from
    result = run_roster(found, rows, on=day)
    if mask_nik:
        return json_response(mask_niks_in(result.to_dict(locale)), locale=locale)
    return json_response(result.to_dict(locale), locale=locale)


def _budget(
    scheme_id: str, field: str, request: Request, on: str | None, participants: int | None
) -> Response:
    found = _found(scheme_id, field)
    day = to_date(on, field="on") if on else found.valid_from
    budget = planned_budget(found, on=day, participants=participants)
    return json_response(budget.to_dict(), locale=_locale(request))


@router.get("/v1/schemes", summary="The bundled regional schemes")
def list_schemes(request: Request) -> Response:
    """Id, name (in the ``Accept-Language``), region, validity, status of each scheme."""
    return _list(request)


@router.get(
    "/v1/schemes/{scheme_id}",
    summary="One regional scheme as declared",
    responses=ERROR_RESPONSES,
)
def get_scheme(scheme_id: str, request: Request) -> Response:
    """Who qualifies, what is covered, who pays, quotas and phases."""
    return _detail(scheme_id, "scheme", request)


@router.post(
    "/v1/schemes/{scheme_id}/evaluate",
    summary="Run a roster against a scheme",
    openapi_extra=ROSTER_BODY,
    responses=ERROR_RESPONSES,
)
async def evaluate(
    scheme_id: str, request: Request, on: _On = None, mask_nik: _MaskNik = False
) -> Response:
    """Every row's decision and allocation, row errors in place, the budget: what
    ``perlindungan scheme evaluate --format json`` gives (``--mask-nik``: ``mask_nik=true``)."""
    return await _evaluate(scheme_id, "scheme", request, on, mask_nik)


@router.get(
    "/v1/schemes/{scheme_id}/budget",
    summary="The planned budget of a scheme",
    responses=ERROR_RESPONSES,
)
def get_budget(
    scheme_id: str, request: Request, on: _On = None, participants: _Participants = None
) -> Response:
    """Premiums per month, one-off and per year, per payer and per phase."""
    return _budget(scheme_id, "scheme", request, on, participants)


# The old paths (deprecated): the same answers; an unknown id names the field "program".


@router.get("/v1/programs", summary=_OLD.format(new="/v1/schemes"), deprecated=True)
def list_programs(request: Request) -> Response:
    """Deprecated: use ``GET /v1/schemes``."""
    return _list(request)


@router.get(
    "/v1/programs/{program_id}",
    summary=_OLD.format(new="/v1/schemes/{scheme_id}"),
    responses=ERROR_RESPONSES,
    deprecated=True,
)
def get_program(program_id: str, request: Request) -> Response:
    """Deprecated: use ``GET /v1/schemes/{scheme_id}``."""
    return _detail(program_id, "program", request)


@router.post(
    "/v1/programs/{program_id}/evaluate",
    summary=_OLD.format(new="/v1/schemes/{scheme_id}/evaluate"),
    openapi_extra=ROSTER_BODY,
    responses=ERROR_RESPONSES,
    deprecated=True,
)
async def evaluate_program(
    program_id: str, request: Request, on: _On = None, mask_nik: _MaskNik = False
) -> Response:
    """Deprecated: use ``POST /v1/schemes/{scheme_id}/evaluate``."""
    return await _evaluate(program_id, "program", request, on, mask_nik)


@router.get(
    "/v1/programs/{program_id}/budget",
    summary=_OLD.format(new="/v1/schemes/{scheme_id}/budget"),
    responses=ERROR_RESPONSES,
    deprecated=True,
)
def get_program_budget(
    program_id: str, request: Request, on: _On = None, participants: _Participants = None
) -> Response:
    """Deprecated: use ``GET /v1/schemes/{scheme_id}/budget``."""
    return _budget(program_id, "program", request, on, participants)
