"""Text from outside: identifiers by a grammar, display text without hidden characters,
and cells made safe for spreadsheets.

* An **identifier** of a program (``kota-jambi-rentan-2025``) is lowercase ASCII words
  (letters and digits) joined by ``-``, at most :data:`MAX_ID_CHARS` characters.
* A **key** (a person id in a roster, a region code) is printable text without spaces
  around it, without control, format or bidirectional-override characters, at most
  :data:`MAX_ID_CHARS` characters.
* **Display text** (a name, a sub-region) refuses control and bidirectional-override
  characters (they can make a name read differently from what it is) and drops
  zero-width spaces and byte-order marks; at most :data:`MAX_TEXT_CHARS` characters.
* :func:`spreadsheet_safe` puts a ``'`` before a cell that a spreadsheet would read as a
  formula (``=``, ``+``, ``-``, ``@``, tab, carriage return), as OWASP recommends for CSV
  injection, on every output cell that came from input.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from perlindungan._input.limits import MAX_ID_CHARS, MAX_TEXT_CHARS
from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = [
    "ID_GRAMMAR",
    "display_text",
    "hidden_character",
    "identifier",
    "key_text",
    "spreadsheet_safe",
]

#: The grammar of program identifiers.
ID_GRAMMAR: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_BIDI: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")


def hidden_character(text: str) -> Message | None:
    """A description of the first control or bidirectional character of ``text``.

    >>> hidden_character("ok")
    >>> hidden_character("a\\u202eb")
    'a bidirectional control character (U+202E) at position 2'
    """
    for position, char in enumerate(text, start=1):
        if char in _BIDI:
            return Message(
                "a bidirectional control character (U+{code}) at position {position}",
                code=f"{ord(char):04X}",
                position=position,
            )
        category = unicodedata.category(char)
        if category in {"Cc", "Cs", "Co", "Cn"} or char in "\u2028\u2029":
            return Message(
                "a control character (U+{code}) at position {position}",
                code=f"{ord(char):04X}",
                position=position,
            )
    return None


def identifier(value: object, *, field: str, example: str = "kota-jambi-rentan-2025") -> str:
    """``value`` if it is a valid identifier, else :class:`InvalidInputError`.

    >>> identifier("kota-serang-2026", field="program.id")
    'kota-serang-2026'
    >>> identifier("../etc", field="program.id")
    Traceback (most recent call last):
    ...
    perlindungan.errors.InvalidInputError: program.id must be lowercase ASCII words (a-z, 0-9) joined by '-', at most 64 characters, such as 'kota-jambi-rentan-2025'; got '../etc'.
    """
    if not isinstance(value, str) or len(value) > MAX_ID_CHARS or not ID_GRAMMAR.fullmatch(value):
        raise InvalidInputError(
            Message(
                "{field} must be lowercase ASCII words (a-z, 0-9) joined by '-', at most "
                "{limit} characters, such as {example}; got {value}.",
                field=field,
                limit=MAX_ID_CHARS,
                example=repr(example),
                value=shown(value),
            ),
            field=field,
            value=value,
        )
    return value


def key_text(value: object, *, field: str) -> str:
    """A person id or code: printable, no hidden characters, at most 64 characters."""
    text = display_text(value, field=field, limit=MAX_ID_CHARS)
    if not text:
        raise InvalidInputError(
            Message("{field} is required", field=field), field=field, value=value
        )
    return text


def display_text(value: object, *, field: str, limit: int = MAX_TEXT_CHARS) -> str:
    """Display text stripped of surrounding spaces, zero-width spaces and byte-order
    marks; control and bidirectional-override characters refused.

    >>> display_text(" Siti\\u200b Aminah ", field="name")
    'Siti Aminah'
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidInputError(
            Message(
                "{field} must be text, got {kind} {value}.",
                field=field,
                kind=type(value).__name__,
                value=shown(value),
            ),
            field=field,
            value=value,
        )
    if isinstance(value, int):
        if value.bit_length() > 64:
            raise InvalidInputError(
                Message("{field} must be text, got {value}.", field=field, value=shown(value)),
                field=field,
                value=value,
            )
        value = str(value)
    text = value
    if "\u200b" in text or "\ufeff" in text:  # zero-width space, byte-order mark: dropped
        text = text.replace("\u200b", "").replace("\ufeff", "")
    text = text.strip()
    if len(text) > limit:
        raise InvalidInputError(
            Message(
                "{field} is too long: at most {limit:,} characters, got {length:,}.",
                field=field,
                limit=limit,
                length=len(text),
            ),
            field=field,
            value=shown(value),
        )
    if not text.isascii() or not text.isprintable():
        hidden = hidden_character(text)
        if hidden is not None:
            raise InvalidInputError(
                Message(
                    "{field} contains {hidden}; remove it. Got {value}.",
                    field=field,
                    hidden=hidden,
                    value=shown(value),
                ),
                field=field,
                value=value,
            )
    return text


def spreadsheet_safe(cell: object) -> object:
    """The cell with a leading ``'`` when a spreadsheet would read it as a formula.

    >>> spreadsheet_safe("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> spreadsheet_safe("-5"), spreadsheet_safe(5)
    ("'-5", 5)
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA):
        return "'" + cell
    return cell
