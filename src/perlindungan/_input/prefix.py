"""An error about a field of a nested object, renamed for where the field sits.

``income`` checked inside a request's ``worker`` object is reported as ``worker.income``
(or ``claims[3].worker.income``): the field and the message name the full path. A
:class:`~perlindungan._message.Message` stays one, so that the message is still shown in
the language asked (it used to become plain English text here).
"""

from __future__ import annotations

from perlindungan._message import Message
from perlindungan.errors import InvalidInputError, MoneyTypeError, UnknownNameError

__all__ = ["with_prefix"]


def with_prefix(exc: InvalidInputError, prefix: str) -> InvalidInputError:
    """``exc`` with its field (and the field named in its message) under ``prefix``.

    >>> from perlindungan._message import localized
    >>> error = with_prefix(InvalidInputError(Message("{field} is required", field="id"),
    ...                                       field="id"), "worker.")
    >>> error.field, str(error), localized(error.message, "id_ID")
    ('worker.id', 'worker.id is required', 'worker.id wajib diisi')
    """
    if not prefix or exc.field is None or exc.field.startswith(prefix):
        return exc
    message = _prefixed(exc.message, exc.field, prefix)
    if isinstance(exc, UnknownNameError):
        return UnknownNameError(
            message, field=f"{prefix}{exc.field}", value=exc.value, suggestions=exc.suggestions
        )
    kind = MoneyTypeError if isinstance(exc, MoneyTypeError) else InvalidInputError
    return kind(message, field=f"{prefix}{exc.field}", value=exc.value)


def _prefixed(message: str, field: str, prefix: str) -> str:
    if isinstance(message, Message) and message.params.get("field") == field:
        return Message(message.template, **{**message.params, "field": prefix + field})
    return message.replace(f"{field} ", f"{prefix}{field} ", 1)
