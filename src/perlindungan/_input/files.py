"""Files and stdin from outside: regular files only, size checked while reading, UTF-8.

A FIFO, a device such as ``/dev/zero`` or a directory is refused before a byte is read
(reading one could block or never end); a file is read in blocks and refused as soon as
it passes its limit, so a file that grows while it is read is bounded too. Standard
input is read the same way and decoded exactly as a file is: ``-`` and a path give the
same answer for the same bytes.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from typing import TYPE_CHECKING, BinaryIO, Final

from perlindungan._i18n import N_
from perlindungan._input.limits import MAX_REQUEST_BYTES
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "decode_text",
    "open_regular",
    "os_reason",
    "read_bytes",
    "read_request_bytes",
    "read_text",
]

_BLOCK: Final = 1 << 20

#: The operating system's reasons that a person meets, in words the catalogue translates
#: (the system's own text, ``exc.strerror``, is English whatever the output language).
_OS_REASONS: Final = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.EEXIST: N_("a file is in the way where a folder is needed"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENAMETOOLONG: N_("the name is too long"),
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, as a :class:`Message` when it is a common reason."""
    known = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
    if known is not None:
        return Message(known)
    return str(exc.strerror or exc)


def _what(what: str) -> str:
    return what if isinstance(what, Message) else Message(what)


def _cannot_read(what: str, source: str | Path, reason: str, field: str) -> InvalidInputError:
    return InvalidInputError(
        Message(
            "cannot read {what} {source}: {reason}.",
            what=_what(what),
            source=repr(str(source)),
            reason=reason,
        ),
        field=field,
    )


def _read_limited(handle: BinaryIO, limit: int, what: str, field: str) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        block = handle.read(min(_BLOCK, limit + 1 - size))
        if not block:
            return b"".join(parts)
        parts.append(block)
        size += len(block)
        if size > limit:
            raise InvalidInputError(
                Message(
                    "{what} is larger than {limit:,} bytes; refused.", what=_what(what), limit=limit
                ),
                field=field,
            )


def _path(source: str | Path) -> Path:
    # pathlib (with urllib.parse and ipaddress) is imported when a file is read, not when
    # this module is: loading the bundled data needs neither, and the import is a
    # measured part of the import budget (docs/maintainers.md, "Import time").
    from pathlib import Path  # noqa: PLC0415

    return Path(source)


def read_bytes(source: str | Path, *, limit: int, what: str, field: str = "file") -> bytes:
    """The bytes of a regular file (or of stdin for ``"-"``), at most ``limit`` of them."""
    if str(source) == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # pragma: no cover - stdin replaced by a text object
            return sys.stdin.read().encode("utf-8")[: limit + 1]
        return _read_limited(stream, limit, what, field)
    path = _path(source)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > limit:
        raise InvalidInputError(
            Message(
                "{what} {source} is larger than {limit:,} bytes; refused.",
                what=_what(what),
                source=repr(str(source)),
                limit=limit,
            ),
            field=field,
        )
    with open_regular(path, what=what, field=field) as handle:
        return _read_limited(handle, limit, what, field)


def open_regular(source: str | Path, *, what: str, field: str = "file") -> BinaryIO:
    """A regular file opened for reading in binary; a FIFO, device or folder is refused
    before a byte is read."""
    path = _path(source)
    try:
        info = path.stat()
    except OSError as exc:
        raise _cannot_read(what, source, os_reason(exc), field) from None
    if not stat.S_ISREG(info.st_mode):
        kind = (
            Message("it is a folder (a FIFO, device or folder is refused); give a file")
            if stat.S_ISDIR(info.st_mode)
            else Message(
                "it is not a regular file (a FIFO, device or folder is refused); give a file"
            )
        )
        raise _cannot_read(what, source, kind, field)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise _cannot_read(what, source, os_reason(exc), field) from None
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # pragma: no cover - a race
        handle.close()
        raise _cannot_read(what, source, Message("it is not a regular file"), field)
    return handle


def decode_text(raw: bytes, *, what: str, field: str = "file", first_line: int = 1) -> str:
    """UTF-8 text of ``raw`` without a leading byte-order mark; other bytes are refused
    naming the line (``raw`` starts on line ``first_line`` of its file) and the byte.

    >>> decode_text(b"\\xef\\xbb\\xbfid\\n", what="roster")
    'id\\n'
    >>> decode_text(b"id\\n\\xff", what="roster")
    Traceback (most recent call last):
    ...
    perlindungan.errors.InvalidInputError: roster is not UTF-8 text: line 2 has the byte 0xff; save it as UTF-8.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + first_line
        raise InvalidInputError(
            Message(
                "{what} is not UTF-8 text: line {line} has the byte 0x{byte}; save it as UTF-8.",
                what=_what(what),
                line=line,
                byte=f"{raw[exc.start]:02x}",
            ),
            field=field,
        ) from None
    return text.removeprefix("\ufeff")


def read_text(source: str | Path, *, limit: int, what: str, field: str = "file") -> str:
    """The UTF-8 text of a regular file or stdin (``"-"``), bounded by ``limit`` bytes."""
    return decode_text(
        read_bytes(source, limit=limit, what=what, field=field), what=what, field=field
    )


def read_request_bytes(source: str | Path) -> bytes:
    """The bytes of a JSON request file, or of stdin for ``"-"``."""

    return read_bytes(source, limit=MAX_REQUEST_BYTES, what=N_("request file"), field="request")
