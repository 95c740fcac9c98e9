"""Messages that can be shown in either language: English text that remembers its id.

A :class:`Message` is a ``str`` (the English text, so ``str(exc)``, ``exc.message``,
comparisons and doctests read as before) that also keeps its catalogue id (the English
template with ``{name}`` placeholders) and its arguments. Whoever shows it to a person
(the CLI's exit-2 line, ``program check``, a report's row errors, the ``error`` column of
``decisions.csv``) calls :func:`localized` with the output's locale, and gets the
catalogue's translation with the same arguments::

    >>> m = Message("{field} is required", field="id")
    >>> m, localized(m, "en")
    ('id is required', 'id is required')
    >>> localized(m, "id_ID")
    'id wajib diisi'

Arguments are shown as given, except that an argument that is itself a :class:`Message`
is localized too, and a number with the ``,`` format (``{count:,}``) is grouped the
locale's way (``1,000,000`` in English, ``1.000.000`` in Indonesian). Message ids are
extracted for the catalogue by ``scripts/update_catalogs.py`` from ``Message("...")``
calls (a plain string literal; a variable holding an id marked with ``N_`` elsewhere also
works).
"""

from __future__ import annotations

import string
from decimal import Decimal
from typing import Any, Self

from perlindungan._i18n import babel_locale, language_of, translate

__all__ = ["Message", "localized"]


class Message(str):  # noqa: SLOT000 - str subtypes cannot have non-empty __slots__
    """English text that can be shown in another language (see the module)."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, /, **params: object) -> Self:
        text = template.format(**params)
        self = super().__new__(cls, text)
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled (a row error sent to a worker process) with its id and arguments
        return (_rebuild, (self.template, self.params))

    def localized(self, locale: str) -> str:
        """The text in ``locale`` (English for ``en``)."""
        if language_of(locale) == "en":
            return str(self)
        return _Formatter(locale).vformat(translate(self.template, locale), (), self.params)


def _rebuild(template: str, params: dict[str, object]) -> Message:
    return Message(template, **params)


class _Formatter(string.Formatter):
    def __init__(self, locale: str) -> None:
        super().__init__()
        self.locale = locale

    def format_field(self, value: Any, format_spec: str) -> str:  # noqa: ANN401 - as in string.Formatter
        if isinstance(value, Message):
            value = value.localized(self.locale)
        if (
            format_spec == ","
            and isinstance(value, int | Decimal)
            and not isinstance(value, bool)
            and language_of(self.locale) != "en"
        ):
            from babel.numbers import format_decimal  # noqa: PLC0415

            return str(format_decimal(value, locale=babel_locale(self.locale)))
        return str(format(value, format_spec))


def localized(text: object, locale: str) -> str:
    """``text`` in ``locale`` when it is a :class:`Message`; any other text as it is."""
    if isinstance(text, Message):
        return text.localized(locale)
    return str(text)
