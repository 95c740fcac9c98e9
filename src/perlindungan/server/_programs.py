"""Routes of the regional programs: list, show, evaluate a roster, budget."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from perlindungan.server._routes import body_text, json_response
from perlindungan.server._schemas import ERROR_RESPONSES, ROSTER_BODY

__all__ = ["router"]

router = APIRouter(tags=["regional programs"])


def _locale(request: Request) -> str:
    from perlindungan.server._app import locale_of  # noqa: PLC0415

    return locale_of(request.headers.get("accept-language"))


def _conditions(node: Any, locale: str) -> Any:  # noqa: ANN401 - a tree of conditions
    if node.leaf is not None:
        return {"condition": node.leaf.key, "text": node.leaf.describe(locale)}
    return {node.op: [_conditions(child, locale) for child in node.children]}


def _summary(program: Any, locale: str) -> dict[str, Any]:  # noqa: ANN401
    return {
        "id": program.id,
        "name": program.name(locale),
        "names": {"id": program.name_id, "en": program.name_en},
        "region": program.region,
        "valid_from": program.valid_from.isoformat(),
        "valid_until": None if program.valid_until is None else program.valid_until.isoformat(),
        "status": program.status,
        "confidence": program.confidence,
    }


@router.get("/v1/programs", summary="The bundled regional programs")
def list_programs(request: Request) -> Response:
    """Id, name (in the ``Accept-Language``), region, validity, status of each program."""
    from perlindungan.regional import bundled_programs  # noqa: PLC0415

    locale = _locale(request)
    return json_response([_summary(p, locale) for p in bundled_programs()], locale=locale)


@router.get(
    "/v1/programs/{program_id}",
    summary="One regional program as declared",
    responses=ERROR_RESPONSES,
)
def get_program(program_id: str, request: Request) -> Response:
    """Who qualifies, what is covered, who pays, quotas and phases."""
    from perlindungan.regional import program  # noqa: PLC0415
    from perlindungan.server._routes import _plain  # noqa: PLC0415

    locale = _locale(request)
    found = program(program_id)
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


@router.post(
    "/v1/programs/{program_id}/evaluate",
    summary="Run a roster against a program",
    openapi_extra=ROSTER_BODY,
    responses=ERROR_RESPONSES,
)
async def evaluate(
    program_id: str,
    request: Request,
    on: Annotated[
        str | None, Query(description="date (YYYY-MM-DD); default: the program's start")
    ] = None,
    mask_nik: Annotated[
        bool,
        Query(
            description=(
                "mask every NIK in the answer (ids, messages) as 351016**********: the "
                "area code kept, birth date and serial hidden (UU 27/2022)"
            )
        ),
    ] = False,
) -> Response:
    """Every row's decision and allocation, row errors in place, the budget: what
    ``perlindungan program evaluate --format json`` gives (``--mask-nik``: ``mask_nik=true``)."""
    from perlindungan.dates import to_date  # noqa: PLC0415
    from perlindungan.regional import program, run_roster  # noqa: PLC0415
    from perlindungan.regional._roster import read_roster_text  # noqa: PLC0415

    locale = _locale(request)
    found = program(program_id)
    kind = request.headers.get("content-type", "text/csv").split(";")[0].strip().lower()
    text = body_text(await request.body(), "roster")
    jsonl = kind in {"application/x-ndjson", "application/jsonl", "application/json-lines"}
    rows = list(read_roster_text(text, jsonl=jsonl))
    day = to_date(on, field="on") if on else found.valid_from
    result = run_roster(found, rows, on=day)
    if mask_nik:
        from perlindungan.regional._nik import mask_niks_in  # noqa: PLC0415

        return json_response(mask_niks_in(result.to_dict(locale)), locale=locale)
    return json_response(result.to_dict(locale), locale=locale)


@router.get(
    "/v1/programs/{program_id}/budget",
    summary="The planned budget of a program",
    responses=ERROR_RESPONSES,
)
def get_budget(
    program_id: str,
    request: Request,
    on: Annotated[
        str | None, Query(description="date (YYYY-MM-DD); default: the program's start")
    ] = None,
    participants: Annotated[
        int | None, Query(ge=0, description="default: the declared quota")
    ] = None,
) -> Response:
    """Premiums per month, one-off and per year, per payer and per phase."""
    from perlindungan.dates import to_date  # noqa: PLC0415
    from perlindungan.regional import planned_budget, program  # noqa: PLC0415

    found = program(program_id)
    day = to_date(on, field="on") if on else found.valid_from
    budget = planned_budget(found, on=day, participants=participants)
    return json_response(budget.to_dict(), locale=_locale(request))
