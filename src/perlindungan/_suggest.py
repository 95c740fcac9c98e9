"""'Did you mean' suggestions for misspelt names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["did_you_mean", "suggestions"]


def suggestions(word: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """The closest valid names to ``word``."""
    return difflib.get_close_matches(str(word), list(choices), n=limit, cutoff=0.6)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A sentence suggesting the closest names, or the list of valid names."""
    pool = sorted(choices)
    close = suggestions(word, pool)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    if len(pool) <= 12:
        return "valid names: " + ", ".join(pool) + "."
    return f"see the documentation for the {len(pool)} valid names."
