"""The HTTP API: the JSON contract of the command line over HTTP, with an OpenAPI document.

``pip install -e ".[serve]"`` brings FastAPI (routes, validation of query
parameters, the OpenAPI document and the interactive docs) and uvicorn (the ASGI server).
FastAPI was chosen because it generates the OpenAPI 3.1 document and the docs pages from
the routes themselves, so the document cannot drift from the code; Starlette underneath is
a maintained, small ASGI toolkit, and uvicorn is the ASGI server FastAPI documents for
production (behind gunicorn or a process manager, see ``docs/http-api.md``).

Request bodies are never parsed by the framework: ``POST /v1/contributions`` reads the
raw bytes and hands them to the same parser the command line uses
(:func:`perlindungan.contributions.parse_request`, exact decimals), and answers the same
JSON text (:func:`perlindungan._responses.json_text`), so the answer equals
``perlindungan contributions --json`` byte for byte.

>>> from perlindungan.server import create_app
>>> app = create_app()
>>> sorted(app.openapi()["paths"])[:3]
['/v1/batch/contributions', '/v1/benefits', '/v1/contributions']
"""

from __future__ import annotations

from perlindungan.server._app import (
    DEFAULT_MAX_REQUEST_BYTES,
    DEFAULT_MAX_UPLOAD_BYTES,
    create_app,
    serve,
)

__all__ = ["DEFAULT_MAX_REQUEST_BYTES", "DEFAULT_MAX_UPLOAD_BYTES", "create_app", "serve"]
