"""The ``repr`` of the package's attrs classes on the import path, shared, not compiled.

attrs compiles a ``__repr__`` for every class it makes. For the classes that
``import perlindungan`` and a contribution create, compiling those was about 7% of the
import budget (docs/maintainers.md, "Import time"), so they are made with ``repr=False``
and decorated with :func:`attrs_repr`, one function that prints exactly what attrs prints:
``Name(field=value, ...)`` in field order, fields with ``repr=False`` left out, a field's
own repr callable used, and ``...`` for an object met again inside itself
(``tests/test_repr.py`` compares it with the repr attrs generates for every such class).
"""

from __future__ import annotations

import threading
from typing import TypeVar

import attrs

__all__ = ["attrs_repr"]

_C = TypeVar("_C", bound=type)

#: The ids of the objects being printed in this thread (an object inside itself: ``...``).
_printing = threading.local()


def _repr(self: attrs.AttrsInstance) -> str:
    seen: set[int] | None = getattr(_printing, "ids", None)
    if seen is None:
        seen = _printing.ids = set()
    if id(self) in seen:
        return "..."
    seen.add(id(self))
    try:
        parts = []
        for field in attrs.fields(type(self)):
            if field.repr is False:
                continue
            value = (
                getattr(self, field.name)
                if field.init
                else getattr(self, field.name, attrs.NOTHING)
            )
            text = repr(value) if field.repr is True else field.repr(value)
            parts.append(f"{field.name}={text}")
        return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        seen.discard(id(self))


def attrs_repr(cls: _C) -> _C:
    """Give ``cls`` (an attrs class made with ``repr=False``) the repr attrs would make."""
    cls.__repr__ = _repr  # type: ignore[assignment,method-assign]  # the method attrs would add
    return cls
