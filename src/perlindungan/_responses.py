"""The JSON text of a response: one builder for the command line and the HTTP API.

``perlindungan contributions --json`` prints exactly what ``POST /v1/contributions``
answers, because both call :func:`json_text`.
"""

from __future__ import annotations

import json

from perlindungan._serialise import json_default

__all__ = ["json_text"]


def json_text(data: object) -> str:
    """``data`` as indented JSON (UTF-8 text kept as is), ending with a newline.

    >>> print(json_text({"total": 16800}), end="")
    {
      "total": 16800
    }
    """
    return json.dumps(data, ensure_ascii=False, indent=2, default=json_default) + "\n"
