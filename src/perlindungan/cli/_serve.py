"""``perlindungan serve``: the HTTP API (needs ``pip install -e ".[serve]"``)."""

from __future__ import annotations

import argparse

from perlindungan._i18n import N_
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

NAME = "serve"
HELP = N_(
    "Serve the HTTP API (the JSON contract of this command line, an OpenAPI document at "
    '/openapi.json, docs at /docs). Needs: pip install -e ".[serve]".'
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of the command."""
    parser.add_argument("--host", default="127.0.0.1", help=N_("address to listen on (127.0.0.1)"))
    parser.add_argument("--port", type=int, default=8000, help=N_("port to listen on (8000)"))
    parser.add_argument(
        "--workers", type=int, default=1, help=N_("worker processes (1; see docs/http-api.md)")
    )
    parser.add_argument(
        "--timeout-keep-alive",
        type=int,
        default=5,
        help=N_("seconds an idle connection is kept (5)"),
    )
    parser.add_argument("--log-level", default="info", help=N_("uvicorn log level (info)"))


def run(args: argparse.Namespace) -> int:
    """Run the server until interrupted."""
    if not 0 <= args.port <= 65535:
        raise InvalidInputError(
            Message("--port must be from 0 to 65535, such as 8000; got {port}.", port=args.port),
            field="port",
        )
    if args.workers < 1:
        raise InvalidInputError(
            Message("--workers must be 1 or more; got {workers}.", workers=args.workers),
            field="workers",
        )
    try:
        # the server is the fastapi extra
        from perlindungan.server import serve  # noqa: PLC0415
    except ImportError as exc:
        raise InvalidInputError(
            Message(
                "perlindungan serve needs the serve extra: {install} ({name} is missing).",
                install='pip install -e ".[serve]"',
                name=exc.name,
            ),
            field="serve",
        ) from None
    serve(
        host=args.host,
        port=args.port,
        workers=args.workers,
        timeout_keep_alive=args.timeout_keep_alive,
        log_level=args.log_level,
    )
    return 0
