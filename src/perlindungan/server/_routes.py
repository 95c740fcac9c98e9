"""Routes for one request (contributions, benefits), batches, parameters and health."""

from __future__ import annotations

from typing import Annotated, Any

import attrs
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from perlindungan._i18n import N_
from perlindungan._input.jsondoc import load_json
from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan._responses import json_text
from perlindungan._version import __version__
from perlindungan.batch import contributions_batch
from perlindungan.batch._chunks import roster_from_text
from perlindungan.benefits import benefit_from_request
from perlindungan.contributions import parse_request, quote_from_request
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError
from perlindungan.parameters import parameter, parameters
from perlindungan.regional._nik import mask_niks_in
from perlindungan.server._app import error_response, locale_of
from perlindungan.server._schemas import (
    BATCH_BODY,
    BENEFITS_BODY,
    CONTRIBUTIONS_BODY,
    ERROR_RESPONSES,
)

__all__ = ["MaskNik", "body_text", "json_response", "router"]

router = APIRouter()

#: The examples of the error messages (kept out of the catalogue's ids).
_ROWS_EXAMPLE = '[{"category": "bpu", "income": 1000000}]'
_BATCH_EXAMPLE = '{"on": "2025-06-01", "rows": [{"category": "bpu", "income": 1000000}]}'
_PYARROW_INSTALL = 'pip install -e ".[serve,batch]"'

_JSON_ANSWER = {"description": "The JSON response.", "content": {"application/json": {}}}

#: ``?mask_nik=true``: what ``--mask-nik`` does on the command line.
MaskNik = Annotated[
    bool,
    Query(
        description=(
            "mask every NIK in the answer (ids, messages) as 351016**********: the area code "
            "kept, birth date and serial hidden (UU 27/2022); what --mask-nik does"
        )
    ),
]


def json_response(data: object, *, locale: str | None = None) -> Response:
    """The same JSON text the command line prints."""
    headers = {} if locale is None else {"Content-Language": "en" if locale == "en" else "id"}
    return Response(json_text(data), media_type="application/json", headers=headers)


def body_text(body: bytes, what: str) -> str:
    """A body as UTF-8 text (a BOM is dropped), or an error naming the request."""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            Message(
                "the {what} is not UTF-8 text (byte {byte}).", what=Message(what), byte=exc.start
            ),
            field="request",
        ) from None


@router.get("/v1/health", tags=["service"], summary="Is the service up?")
def health() -> dict[str, str]:
    """``{"status": "ok", "version": ...}``."""
    return {"status": "ok", "version": __version__}


@router.post(
    "/v1/contributions",
    tags=["contributions"],
    summary="Contributions (iuran) of one worker",
    openapi_extra=CONTRIBUTIONS_BODY,
    responses={200: _JSON_ANSWER, **ERROR_RESPONSES},
)
async def post_contributions(request: Request) -> Response:
    """Exactly ``perlindungan contributions --json`` for the same request."""

    quote = quote_from_request(parse_request(await request.body()))
    return json_response(quote.to_dict())


@router.post(
    "/v1/benefits",
    tags=["benefits"],
    summary="Benefits (manfaat) of a claim",
    openapi_extra=BENEFITS_BODY,
    responses={200: _JSON_ANSWER, **ERROR_RESPONSES},
)
async def post_benefits(request: Request) -> Response:
    """Exactly ``perlindungan benefits --json`` for the same request."""

    return json_response(benefit_from_request(await request.body()).to_dict())


def _columns_from_rows(rows: object) -> dict[str, list[Any]]:
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise InvalidInputError(
            Message("rows must be a list of objects such as {example}.", example=_ROWS_EXAMPLE),
            field="rows",
        )
    names: list[str] = []
    for row in rows:
        names.extend(k for k in row if k not in names)
    return {name: [row.get(name) for row in rows] for name in names}


def _table_from_parquet(body: bytes) -> object:
    try:
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the test extra installs pyarrow
        raise InvalidInputError(
            Message("Parquet needs pyarrow on the server: {install}.", install=_PYARROW_INSTALL),
            field="content-type",
        ) from None
    try:
        return pq.read_table(pa.BufferReader(body))
    except (pa.ArrowException, OSError) as exc:
        raise InvalidInputError(
            Message("the body is not a Parquet file ({reason}).", reason=str(exc)), field="request"
        ) from None


@router.post(
    "/v1/batch/contributions",
    tags=["contributions"],
    summary="Contributions of many rows (JSON, CSV or Parquet)",
    openapi_extra=BATCH_BODY,
    responses={200: _JSON_ANSWER, **ERROR_RESPONSES},
)
async def post_batch(
    request: Request,
    on: Annotated[str | None, Query(description="date for rows without an on column")] = None,
    columns: Annotated[str | None, Query(description="output columns, comma-separated")] = None,
    mask_nik: MaskNik = False,
) -> Response:
    """One output row per input row (a refused row carries its error), totals per column."""

    body = await request.body()
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    chosen = [c.strip() for c in columns.split(",") if c.strip()] if columns else None
    data: object
    if kind in {"application/json", ""}:
        # the input layer's strict JSON (a repeated key, NaN, a 5,000-digit number and a
        # lone surrogate are refused as in a single request); the app bounds the body
        text = body_text(body, N_("request"))
        parsed = load_json(text, example=_BATCH_EXAMPLE, limit=len(text))
        if not isinstance(parsed, dict) or "rows" not in parsed:
            raise InvalidInputError(
                Message(
                    "the request must be an object with rows, such as {example}.",
                    example=_BATCH_EXAMPLE,
                ),
                field="rows",
            )
        unknown = sorted(set(parsed) - {"on", "rows", "columns"})
        if unknown:
            raise InvalidInputError(
                Message(
                    "{name} is not a field of a batch request; use on, rows and columns.",
                    name=shown(unknown[0]),
                ),
                field=unknown[0],
            )
        on = parsed.get("on", on)
        chosen = parsed.get("columns", chosen)
        data = _columns_from_rows(parsed["rows"])
    elif kind in {"text/csv", "application/csv"}:
        # read as a roster file is: the input layer's rules, the payroll reader's cells
        data = roster_from_text(body_text(body, N_("CSV")))
    elif kind in {"application/vnd.apache.parquet", "application/x-parquet"}:
        data = _table_from_parquet(body)
    else:
        return _unsupported(kind, request)
    answer = contributions_batch(data, on=on, columns=chosen).to_dict()
    if mask_nik:
        answer = mask_niks_in(answer)
    return json_response(answer)


def _unsupported(kind: str, request: Request) -> Response:
    return error_response(
        415,
        "unsupported_media_type",
        f"Content-Type {kind!r} is not read here; send application/json, text/csv or "
        "application/vnd.apache.parquet.",
        "content-type",
        locale_of(request.headers.get("accept-language")),
    )


def _plain(value: object) -> object:
    if attrs.has(type(value)) and not hasattr(value, "to_dict"):
        names = [f.name for f in attrs.fields(type(value))]  # type: ignore[arg-type]
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


@router.get("/v1/parameters", tags=["regulation"], summary="Names of the regulation parameters")
def list_parameters() -> Response:
    """Every parameter name, with its unit and labels."""

    return json_response(
        [
            {"name": p.name, "unit": p.unit, "labels": {"id": p.label_id, "en": p.label_en}}
            for p in parameters().values()
        ]
    )


@router.get(
    "/v1/parameters/{name}",
    tags=["regulation"],
    summary="A regulation parameter's value on a date, with its legal basis",
    responses={200: _JSON_ANSWER, **ERROR_RESPONSES},
)
def get_parameter(
    name: str,
    on: Annotated[str, Query(description="the date (YYYY-MM-DD)", examples=["2025-06-01"])],
) -> Response:
    """The value in force on ``on``, since when, until when, basis, status and confidence."""
    found = parameter(name)
    day = to_date(on, field="on")
    value = found.at(day)
    return json_response(
        {
            "name": found.name,
            "unit": found.unit,
            "labels": {"id": found.label_id, "en": found.label_en},
            "on": day.isoformat(),
            "value": _plain(value.value),
            "since": value.since.isoformat(),
            "until": None if value.until is None else value.until.isoformat(),
            "basis": value.cite(),
            "citations": [c.to_dict() for c in value.citations],
            "status": value.status,
            "confidence": value.confidence,
            "note": value.note,
            "known_until": None if found.known_until is None else found.known_until.isoformat(),
        }
    )
