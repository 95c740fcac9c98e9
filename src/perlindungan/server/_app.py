"""The application: routes, errors as JSON, request size limits and the language."""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from perlindungan._i18n import N_, translate
from perlindungan._input.shown import shown
from perlindungan._message import Message, localized
from perlindungan._version import __version__
from perlindungan.errors import (
    InvalidInputError,
    MoneyTypeError,
    NoValueInForceError,
    PerlindunganError,
    UnknownNameError,
)

__all__ = [
    "DEFAULT_MAX_REQUEST_BYTES",
    "DEFAULT_MAX_UPLOAD_BYTES",
    "ErrorBody",
    "create_app",
    "error_response",
    "locale_of",
    "message_of",
    "serve",
]

#: Largest body of a one-request call (contributions, benefits): 64 KiB.
DEFAULT_MAX_REQUEST_BYTES: Final = 64 * 1024
#: Largest upload (a batch of rows, a roster): 32 MiB.
DEFAULT_MAX_UPLOAD_BYTES: Final = 32 * 1024 * 1024
#: Paths that take uploads (the larger limit).
_UPLOAD_PATHS: Final = ("/v1/batch/", "/evaluate")

_TITLES: Final = {
    400: N_("The request is not valid."),
    404: N_("Not found."),
    405: N_("Method not allowed."),
    413: N_("The request body is too large."),
    415: N_("Unsupported content type."),
    422: N_("No value is known for that date."),
    500: N_("Internal error."),
}

Scope = MutableMapping[str, Any]
AsgiMessage = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[AsgiMessage]]
Send = Callable[[AsgiMessage], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ErrorBody = dict[str, Any]


def locale_of(accept_language: str | None) -> str:
    """``id_ID`` or ``en`` from an ``Accept-Language`` header (by q-value; default id).

    >>> locale_of("en-GB,en;q=0.9,id;q=0.8"), locale_of("id"), locale_of(None)
    ('en', 'id_ID', 'id_ID')
    """
    candidates: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        lang = tag.strip().lower().replace("_", "-").split("-")[0]
        if lang not in {"id", "en"}:
            continue
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if quality > 0:
            candidates.append((quality, -position, lang))
    return "en" if candidates and max(candidates)[2] == "en" else "id_ID"


def _body(status: int, code: str, message: str, field: str | None, locale: str) -> bytes:
    error: ErrorBody = {
        "code": code,
        "field": field,
        "message": message,
        "title": translate(_TITLES.get(status, _TITLES[400]), locale),
    }
    return (json.dumps({"error": error}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def error_response(
    status: int, code: str, message: str, field: str | None, locale: str
) -> Response:
    """A JSON error: ``{"error": {"code", "field", "message", "title"}}``."""
    return Response(
        _body(status, code, message, field, locale),
        status_code=status,
        media_type="application/json",
        headers={"Content-Language": "en" if locale == "en" else "id"},
    )


def _code(exc: PerlindunganError) -> tuple[int, str]:
    if isinstance(exc, NoValueInForceError):
        return 422, "no_value_in_force"
    if isinstance(exc, MoneyTypeError):
        return 400, "money_type"
    if isinstance(exc, UnknownNameError):
        return 400, "unknown_name"
    return 400, "invalid_input"


async def _library_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PerlindunganError)
    status, code = _code(exc)
    field = getattr(exc, "field", None)
    if isinstance(exc, UnknownNameError) and exc.value in request.path_params.values():
        status, code = 404, "not_found"  # the resource named in the path does not exist
    if isinstance(exc, NoValueInForceError):
        field = "on"
    locale = locale_of(request.headers.get("accept-language"))
    return error_response(status, code, message_of(exc, locale), field, locale)


def message_of(exc: PerlindunganError, locale: str) -> str:
    """The error's message in ``locale``, as the command line prints it (one line; a data
    file's problems one per line)."""
    problems = getattr(exc, "problems", None)
    if problems:
        head = Message("{count:,} problems in data files:", count=len(problems))
        return "\n".join(
            [localized(head, locale), *(f"  - {p.localized(locale)}" for p in problems)]
        )
    message = (
        exc.message
        if isinstance(exc, InvalidInputError)
        else (exc.args[0] if exc.args else str(exc))
    )
    return " ".join(localized(message, locale).split())


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    location = [str(part) for part in first.get("loc", ()) if part not in {"query", "path"}]
    field = ".".join(location) or None
    locale = locale_of(request.headers.get("accept-language"))
    reason = first.get("msg")  # pydantic's own words, in English
    message = (
        Message("{field}: {reason}", field=field or "request", reason=reason)
        if reason
        else Message("{field}: invalid value", field=field or "request")
    )
    return error_response(400, "invalid_input", localized(message, locale), field, locale)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    return error_response(
        exc.status_code,
        code,
        str(exc.detail),
        None,
        locale_of(request.headers.get("accept-language")),
    )


async def _too_deep(request: Request, _exc: Exception) -> Response:
    locale = locale_of(request.headers.get("accept-language"))
    message = Message(
        "the request is nested too deeply; a request is an object of at most a few levels, "
        "such as {example}.",
        example='{"on": "2025-03-01", "worker": {"category": "bpu", "income": 1000000}}',
    )
    return error_response(400, "invalid_input", localized(message, locale), "request", locale)


async def _out_of_range(request: Request, exc: Exception) -> Response:
    locale = locale_of(request.headers.get("accept-language"))
    message = Message(
        "a number in the request is out of range ({kind}); amounts are rupiah such as "
        "5000000, counts whole numbers such as 24.",
        kind=type(exc).__name__,
    )
    return error_response(400, "invalid_input", localized(message, locale), "request", locale)


async def _internal_error(request: Request, exc: Exception) -> Response:  # pragma: no cover
    locale = locale_of(request.headers.get("accept-language"))
    message = Message(
        "{kind}: this is a bug in perlindungan; please report it with the request.",
        kind=type(exc).__name__,
    )
    return error_response(500, "internal", localized(message, locale), None, locale)


class _TooLargeError(Exception):
    pass


class BodyLimit:
    """ASGI middleware: refuse a body larger than the limit (413), before or while reading."""

    def __init__(self, app: ASGIApp, *, request_bytes: int, upload_bytes: int) -> None:
        self.app = app
        self.request_bytes = request_bytes
        self.upload_bytes = upload_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        limit = self.upload_bytes if any(p in path for p in _UPLOAD_PATHS) else self.request_bytes
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        locale = locale_of(headers.get("accept-language"))
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self._refuse(limit, locale, scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> AsgiMessage:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLargeError
            return message

        async def tracked(message: AsgiMessage) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLargeError:
            if not started:
                await self._refuse(limit, locale, scope, receive, send)

    @staticmethod
    async def _refuse(limit: int, locale: str, scope: Scope, receive: Receive, send: Send) -> None:
        message = Message(
            "the request body is larger than {limit:,} bytes; send fewer rows per request "
            "(or raise the server's limit: PERLINDUNGAN_MAX_UPLOAD_BYTES, "
            "PERLINDUNGAN_MAX_REQUEST_BYTES).",
            limit=limit,
        )
        response = error_response(
            413,
            "too_large",
            localized(message, locale),
            "request",
            locale,
        )
        await response(scope, receive, send)


def _limit(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise InvalidInputError(
            Message(
                "{name} must be a whole number of bytes such as 65536, got {value}.",
                name=name,
                value=shown(raw),
            ),
            field=name,
        )
    return int(raw)


def create_app(
    *, max_request_bytes: int | None = None, max_upload_bytes: int | None = None
) -> FastAPI:
    """The ASGI application (``uvicorn --factory perlindungan.server:create_app``).

    Limits default to the environment variables ``PERLINDUNGAN_MAX_REQUEST_BYTES`` and
    ``PERLINDUNGAN_MAX_UPLOAD_BYTES``, else :data:`DEFAULT_MAX_REQUEST_BYTES` and
    :data:`DEFAULT_MAX_UPLOAD_BYTES`.
    """
    # import cycle: the routers import this module's helpers
    from perlindungan.server._routes import router  # noqa: PLC0415
    from perlindungan.server._schemes import router as schemes_router  # noqa: PLC0415

    app = FastAPI(
        title="perlindungan",
        version=__version__,
        summary="BPJS Ketenagakerjaan contributions, benefits and regional schemes.",
        description=(
            "The JSON contract of the `perlindungan` command line over HTTP. "
            "`POST /v1/contributions` answers exactly what `perlindungan contributions "
            '--json` prints for the same request. Errors are `{"error": {"code", '
            '"field", "message", "title"}}` with a 4xx status; `Accept-Language` '
            "(`id` or `en`) chooses the language of titles and of scheme texts."
        ),
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url="/redoc",
    )
    app.include_router(router)
    app.include_router(schemes_router)
    app.add_exception_handler(PerlindunganError, _library_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RecursionError, _too_deep)
    app.add_exception_handler(ArithmeticError, _out_of_range)  # decimal overflow and the like
    app.add_exception_handler(Exception, _internal_error)
    app.add_middleware(
        BodyLimit,
        request_bytes=max_request_bytes
        or _limit("PERLINDUNGAN_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES),
        upload_bytes=max_upload_bytes
        or _limit("PERLINDUNGAN_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES),
    )
    return app


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    timeout_keep_alive: int = 5,
    log_level: str = "info",
) -> None:
    """Run the API with uvicorn (blocking)."""
    import uvicorn  # noqa: PLC0415

    uvicorn.run(
        "perlindungan.server:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        timeout_keep_alive=timeout_keep_alive,
        log_level=log_level,
    )
