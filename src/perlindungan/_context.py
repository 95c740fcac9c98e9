"""The scenario overlay in force in the current context, and caches that respect it.

A what-if scenario overrides law parameters without changing the bundled data: the
overlay (see :mod:`perlindungan._overlay`) is held in a :mod:`contextvars` variable, read
by :meth:`perlindungan.parameters.Parameter.at`. Every cache of values derived from
parameters must be keyed by the overlay too, or a scenario's values would leak into the
baseline: use :func:`overlay_cache` instead of :func:`functools.lru_cache` for them.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TYPE_CHECKING, ParamSpec, Protocol, TypeVar

if TYPE_CHECKING:
    from perlindungan.parameters import DatedValue

__all__ = ["OVERLAY", "EntrySource", "overlay_cache"]

P = ParamSpec("P")
R = TypeVar("R")


class EntrySource(Hashable, Protocol):
    """What an overlay offers (hashable, so caches can key on it): the overriding entry of
    a parameter on a day, or None."""

    def entry(self, name: str, on: _dt.date) -> DatedValue[object] | None:
        """The overriding entry, or None."""


#: The overlay in force in this context (None: the bundled law only).
OVERLAY: ContextVar[EntrySource | None] = ContextVar("perlindungan_overlay", default=None)


def overlay_cache(maxsize: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Like ``functools.lru_cache(maxsize)``, with the active overlay as part of the key."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.lru_cache(maxsize=maxsize)
        def keyed(layer: Hashable, args: tuple[Hashable, ...], kwargs: tuple[Hashable, ...]) -> R:
            del layer  # only a key: the function reads the overlay through the parameters
            return function(*args, **dict(kwargs))  # type: ignore[arg-type]

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            return keyed(OVERLAY.get(), args, tuple(sorted(kwargs.items())))

        wrapper.cache_clear = keyed.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
