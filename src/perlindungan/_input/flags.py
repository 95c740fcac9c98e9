"""Yes/no values: one vocabulary for every table cell, strict booleans in the Python API.

A table cell (roster, payroll CSV, batch column read from text) is a flag when it reads,
in any letter case and without surrounding spaces, as one of :data:`TRUE_WORDS` or
:data:`FALSE_WORDS`. The Python API and the JSON contract take only ``True`` and
``False``: ``Claim(citizen="no")`` is an error, never a true value.
"""

from __future__ import annotations

from typing import Final

from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["FALSE_WORDS", "TRUE_WORDS", "flag", "flag_cell", "flag_word"]

#: Cell texts read as true.
TRUE_WORDS: Final = frozenset({"true", "ya", "yes", "y", "1"})
#: Cell texts read as false.
FALSE_WORDS: Final = frozenset({"false", "tidak", "no", "n", "0"})


def flag_word(text: str) -> bool | None:
    """The flag a cell text means, or None when it is not a flag word.

    >>> flag_word(" Ya "), flag_word("0"), flag_word("maybe")
    (True, False, None)
    """
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def flag(value: object, *, field: str) -> bool:
    """A boolean of the Python API or JSON contract: exactly ``True`` or ``False``.

    >>> flag("no", field="claim.citizen")
    Traceback (most recent call last):
    ...
    perlindungan.errors.InvalidInputError: claim.citizen must be true or false (a boolean), got 'no'.
    """
    if isinstance(value, bool):
        return value
    raise InvalidInputError(
        Message(
            "{field} must be true or false (a boolean), got {value}.",
            field=field,
            value=shown(value),
        ),
        field=field,
        value=value,
    )


def flag_cell(value: object, *, field: str) -> bool:
    """A flag from a table cell: a boolean, or a flag word."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        result = flag_word(value)
        if result is not None:
            return result
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise InvalidInputError(
        Message(
            "{field} must be true or false (in a table cell also ya/tidak, yes/no, 1/0), "
            "got {value}.",
            field=field,
            value=shown(value),
        ),
        field=field,
        value=value,
    )
