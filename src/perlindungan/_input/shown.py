"""How an offending value is quoted in a message: short, printable, never an error itself.

``repr`` of a received value can itself fail (an integer of more than 4,300 digits) or be
huge (a megabyte string); a message quotes at most :data:`SHOWN_CHARS` characters.
"""

from __future__ import annotations

from typing import Final

from perlindungan._message import Message

__all__ = ["SHOWN_CHARS", "shown"]

#: Most characters of a received value quoted in a message.
SHOWN_CHARS: Final = 60


def shown(value: object) -> str:
    """A short printable quote of ``value`` for an error message.

    >>> shown("abc")
    "'abc'"
    >>> shown(10**5000)
    'a whole number of about 5,001 digits'
    >>> shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (100 characters)"
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return Message(
            "a whole number of about {digits:,} digits",
            digits=int(value.bit_length() * 0.30103) + 1,
        )
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        quoted = f"{value[: SHOWN_CHARS - 2]!r}...'".replace("'...'", "...'")
        return Message("{quoted} ({length:,} characters)", quoted=quoted, length=len(value))
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # pragma: no cover - exotic objects
        return Message("a {kind}", kind=type(value).__name__)
    if len(text) > SHOWN_CHARS:
        return Message(
            "{text}... (a {kind})", text=text[: SHOWN_CHARS - 3], kind=type(value).__name__
        )
    return text
