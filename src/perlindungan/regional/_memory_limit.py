"""The allocation engine of the chunked roster path and its memory limit: how much memory
DuckDB may use before it spills to disk (``memory_limit``), as the user gives it
(``--memory-limit 2GB``).

A size is a whole number and a unit, as DuckDB reads it: ``KB``, ``MB``, ``GB``, ``TB``
(powers of 1000) or ``KiB``, ``MiB``, ``GiB``, ``TiB`` (powers of 1024), in any case, with
nothing else (no space, no fraction: DuckDB reads ``1.5GB`` as zero bytes). Below
:data:`MIN_MEMORY_BYTES` DuckDB cannot sort a batch, so a smaller size is refused up
front rather than failing mid-roster.
"""

from __future__ import annotations

import re
from typing import Final

from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["DEFAULT_MEMORY_LIMIT", "MIN_MEMORY_BYTES", "engine_limit", "memory_limit_of"]

#: DuckDB's memory limit when none is given.
DEFAULT_MEMORY_LIMIT: Final = "256MB"
#: The smallest memory limit accepted (64 MB).
MIN_MEMORY_BYTES: Final = 64 * 1000**2
_UNITS: Final = {
    "kb": ("KB", 1000),
    "mb": ("MB", 1000**2),
    "gb": ("GB", 1000**3),
    "tb": ("TB", 1000**4),
    "kib": ("KiB", 1024),
    "mib": ("MiB", 1024**2),
    "gib": ("GiB", 1024**3),
    "tib": ("TiB", 1024**4),
}
_SIZE: Final = re.compile(r"([0-9]{1,9})([A-Za-z]{2,3})")


def memory_limit_of(value: object, *, field: str = "memory_limit") -> str:
    """The memory limit ``value`` (such as ``"512MB"`` or ``"2GiB"``) as DuckDB takes it;
    anything else is refused naming a valid value.

    >>> memory_limit_of("2gb"), memory_limit_of("512MiB")
    ('2GB', '512MiB')
    >>> memory_limit_of("1.5GB")
    Traceback (most recent call last):
    ...
    perlindungan.errors.InvalidInputError: memory_limit must be a size such as 512MB or 2GB (a whole number, then KB, MB, GB or TB, or KiB, MiB, GiB or TiB), at least 64MB, got '1.5GB'.
    """
    found = _SIZE.fullmatch(value) if isinstance(value, str) else None
    unit = _UNITS.get(found.group(2).lower()) if found else None
    if found is None or unit is None or int(found.group(1)) * unit[1] < MIN_MEMORY_BYTES:
        raise InvalidInputError(
            Message(
                "{field} must be a size such as 512MB or 2GB (a whole number, then KB, MB, "
                "GB or TB, or KiB, MiB, GiB or TiB), at least 64MB, got {value}.",
                field=field,
                value=shown(value),
            ),
            field=field,
        )
    return f"{int(found.group(1))}{unit[0]}"


def engine_limit(engine: str, memory_limit: str | None) -> str:
    """Check the engine (one of :data:`~perlindungan.regional._ranking_duckdb.ENGINES`;
    ``duckdb`` installed when asked for) and the memory limit given for it (none for
    ``memory``); the memory limit DuckDB gets."""
    # the engines live with the DuckDB ranking, which takes its default limit from here
    from perlindungan.regional._ranking_duckdb import ENGINES, duckdb_module  # noqa: PLC0415

    if engine not in ENGINES:
        raise InvalidInputError(
            f"engine must be one of {', '.join(ENGINES)}, got {engine!r}.", field="engine"
        )
    if memory_limit is not None and engine == "memory":
        raise InvalidInputError(
            Message(
                "memory_limit applies to the duckdb and auto engines (DuckDB's memory), "
                "not to engine 'memory'."
            ),
            field="memory_limit",
        )
    if engine == "duckdb":
        duckdb_module()
    return DEFAULT_MEMORY_LIMIT if memory_limit is None else memory_limit_of(memory_limit)
