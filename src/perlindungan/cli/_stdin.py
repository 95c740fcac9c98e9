"""Reading a JSON request for a command: a file, ``-`` for stdin, or stdin when piped."""

from __future__ import annotations

import sys

from perlindungan._input.files import read_request_bytes
from perlindungan.errors import InvalidInputError

__all__ = ["piped_request", "read_source"]


def read_source(source: str) -> bytes:
    """The bytes of a request file, or of stdin for ``-`` (decoded later, as a file is):
    a regular file only, bounded while read (see :mod:`perlindungan._input.files`)."""
    return read_request_bytes(source)


def piped_request() -> bytes | None:
    """The request piped on stdin when neither flags nor a file were given, else None.

    A terminal, a closed stdin, an unreadable one or an empty pipe mean "nothing piped":
    the command then asks for its flags as before. A piped request larger than the limit
    is refused (:class:`~perlindungan.errors.InvalidInputError`), not taken for nothing.
    """
    stream = sys.stdin
    try:
        if stream is None or stream.isatty():
            return None
    except ValueError:  # closed
        return None
    try:
        data = read_request_bytes("-")
    except InvalidInputError:
        raise  # too large: say so (it is a ValueError too)
    except (OSError, ValueError):  # closed, or not readable (such as under a test runner)
        return None
    return data if data.strip() else None
