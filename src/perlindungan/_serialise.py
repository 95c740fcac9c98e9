"""Turning the library's values into JSON: the ``json.dumps`` hook and Pydantic support.

:func:`json_default` is the ``default=`` hook of :func:`json.dumps`: a result object
becomes its ``to_dict()`` (the JSON contract), a :class:`~perlindungan.money.Rupiah` an
integer (a decimal string when it has sen), a ``Decimal`` a decimal string, a date its ISO
form, an enumeration its value. :class:`Serialisable` gives result classes the hooks
Pydantic (and so FastAPI) looks for, so an endpoint annotated ``-> Quote`` answers the
same JSON; Pydantic is imported only when Pydantic asks.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Any

__all__ = ["Serialisable", "json_default", "pydantic_schema"]


def json_default(value: object) -> object:
    """The ``default=`` hook for :func:`json.dumps`: library values in the JSON contract.

    >>> import json
    >>> from decimal import Decimal
    >>> from perlindungan import Rupiah, json_default
    >>> json.dumps({"total": Rupiah(774200), "rate": Decimal("0.0024")}, default=json_default)
    '{"total": 774200, "rate": "0.0024"}'
    """
    # import cycle: perlindungan.money imports this module
    from perlindungan.dates import Month  # noqa: PLC0415
    from perlindungan.money import Rupiah  # noqa: PLC0415

    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, Rupiah):
        return int(value.amount) if value.is_whole else str(value.amount)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Month):
        return str(value)
    if isinstance(value, (tuple, frozenset, set)):
        return list(value)
    msg = f"Object of type {type(value).__name__} is not JSON serializable"
    raise TypeError(msg)


def pydantic_schema(cls: type, validate: Callable[[Any], object]) -> Any:  # noqa: ANN401 - a pydantic_core CoreSchema, typed loosely to keep pydantic optional
    """A Pydantic core schema for ``cls``: instances pass, other input goes through
    ``validate`` (the constructor's rules); JSON output is :func:`json_default`."""
    from pydantic_core import core_schema  # noqa: PLC0415

    def check(value: object) -> object:
        return value if isinstance(value, cls) else validate(value)

    return core_schema.no_info_plain_validator_function(
        check,
        serialization=core_schema.plain_serializer_function_ser_schema(
            json_default, when_used="json"
        ),
    )


def _refuse(cls: type) -> Callable[[Any], object]:
    def validate(value: object) -> object:
        # a ValueError, which Pydantic reports as a validation error (a TypeError escapes)
        msg = f"expected a {cls.__name__}, got {type(value).__name__}"
        raise ValueError(msg)

    return validate


class Serialisable:
    """Mixin of result classes: ``json_default`` and Pydantic/FastAPI know them."""

    __slots__ = ()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: object, handler: object) -> Any:  # noqa: ANN401
        return pydantic_schema(cls, _refuse(cls))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: object, handler: object) -> dict[str, Any]:
        return {"type": "object", "title": cls.__name__, "description": "See to_dict()."}
