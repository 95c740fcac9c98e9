"""'Did you mean' suggestions for misspelt names."""

from __future__ import annotations

from collections.abc import Iterable

from perlindungan._message import Message

__all__ = ["did_you_mean", "did_you_mean_these", "suggestions"]


def suggestions(word: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """The closest valid names to ``word``."""
    # difflib is imported on first use: a misspelt name is an error path, and the import
    # is measurable in the import budget (docs/maintainers.md, "Import time").
    import difflib  # noqa: PLC0415

    return difflib.get_close_matches(str(word), list(choices), n=limit, cutoff=0.6)


def did_you_mean(word: str, choices: Iterable[str]) -> Message:
    """A sentence suggesting the closest names, or the list of valid names."""
    pool = sorted(choices)
    close = suggestions(word, pool)
    if close:
        return did_you_mean_these(close)
    if len(pool) <= 12:
        return Message("valid names: {names}.", names=", ".join(pool))
    return Message("see the documentation for the {count} valid names.", count=len(pool))


def did_you_mean_these(close: list[str]) -> Message:
    """``did you mean 'a' or 'b'?`` for one to three names (more are left out)."""
    quoted = [repr(c) for c in close[:3]]
    if len(quoted) == 1:
        return Message("did you mean {a}?", a=quoted[0])
    if len(quoted) == 2:
        return Message("did you mean {a} or {b}?", a=quoted[0], b=quoted[1])
    return Message("did you mean {a} or {b} or {c}?", a=quoted[0], b=quoted[1], c=quoted[2])
