"""Standard input for the readers that stream: copied, block by block, into an anonymous
temporary file, which they then read as they read a roster file.

A table on stdin (``--roster -``) has no size up front and cannot be read twice, and the
block readers (:mod:`~perlindungan._input.blocks`, :mod:`~perlindungan._input.record_blocks`)
look ahead (a CSV file's line ends are decided from the whole file) and report how much
has been read out of how much. :func:`spool_stdin` copies stdin into a temporary file
(deleted when it is closed, or when the process ends) in blocks of 1 MiB, so memory holds
one block whatever the length of the input, and hands it over as an open file. The copy
is bounded by :data:`~perlindungan._input.limits.MAX_ROSTER_BYTES` and refused as soon as
it passes it; a first line with no line end longer than
:data:`~perlindungan._input.limits.MAX_LINE_BYTES` (such as ``/dev/zero``) is refused as
soon as it is certain the reader would refuse it, with the reader's own message (the
same file and line), so an endless stream without line ends stops early. The bytes are
not decoded here: the reader decodes them as it decodes a file, so ``-`` and a path give
the same answer for the same bytes.
"""

from __future__ import annotations

import sys
import tempfile
from typing import BinaryIO, Final

from perlindungan._input.files import os_reason
from perlindungan._input.limits import MAX_LINE_BYTES, MAX_ROSTER_BYTES
from perlindungan._input.table_header import file_problem
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["STDIN_NAME", "spool_stdin"]

#: How a table read from stdin is named in messages.
STDIN_NAME: Final = "<stdin>"
_BLOCK: Final = 1 << 20
#: Bytes past ``line_limit`` by which the readers have certainly refused a first line
#: without a line end (two of the largest blocks they read at once).
_LOOK_AHEAD: Final = 2 * (1 << 23)  # blocks.BLOCK_BYTES


def spool_stdin(
    *,
    what: str,
    field: str,
    carriage_returns: bool = True,
    limit: int = MAX_ROSTER_BYTES,
    line_limit: int = MAX_LINE_BYTES,
) -> BinaryIO:
    """Standard input copied into an anonymous temporary file, positioned at its start.

    ``carriage_returns``: whether a carriage return may end a line for the reader (CSV:
    a file without any line feed has its lines ended by carriage returns; JSON lines: only
    line feeds end lines); it decides when a long run without a line end is certainly
    refused by the reader.
    """
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InvalidInputError(
            Message("cannot read {what} from stdin: it is closed.", what=_what(what)),
            field=field,
        )
    try:
        spool = tempfile.TemporaryFile(prefix="perlindungan-stdin-")  # noqa: SIM115 - handed over open
    except OSError as exc:
        raise _cannot_spool(what, field, exc) from None
    try:
        _copy(stream, spool, what, field, carriage_returns, limit, line_limit)
        spool.seek(0)
    except OSError as exc:
        spool.close()
        raise _cannot_spool(what, field, exc) from None
    except BaseException:
        spool.close()
        raise
    return spool


def _copy(
    stream: BinaryIO,
    spool: BinaryIO,
    what: str,
    field: str,
    carriage_returns: bool,
    limit: int,
    line_limit: int,
) -> None:
    size = 0
    ended = False  # a line end copied (a line feed, or a carriage return when they end lines)
    while True:
        block = stream.read(min(_BLOCK, limit + 1 - size))
        if not block:
            return
        size += len(block)
        if size > limit:
            raise InvalidInputError(
                Message(
                    "{what} on stdin is larger than {limit:,} bytes; refused.",
                    what=_what(what),
                    limit=limit,
                ),
                field=field,
            )
        spool.write(block)
        ended = ended or b"\n" in block or (carriage_returns and b"\r" in block)
        # no line end in the first line_limit bytes and two of the readers' blocks more:
        # every reader refuses line 1, whatever comes after (an endless stream stops here)
        if not ended and size > line_limit + _LOOK_AHEAD:
            raise file_problem(
                STDIN_NAME,
                1,
                Message("the line is longer than {limit:,} bytes; refused.", limit=line_limit),
                field,
            )


def _what(what: str) -> str:
    return what if isinstance(what, Message) else Message(what)


def _cannot_spool(what: str, field: str, exc: OSError) -> InvalidInputError:
    return InvalidInputError(
        Message(
            "cannot copy {what} from stdin to a temporary file: {reason}.",
            what=_what(what),
            reason=os_reason(exc),
        ),
        field=field,
    )
