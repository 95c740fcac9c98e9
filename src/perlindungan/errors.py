"""The exception hierarchy.

Every exception the library raises on purpose derives from :class:`PerlindunganError`,
and each subclass also derives from the matching built-in (``ValueError``,
``LookupError``, ``TypeError``) so that callers can catch either.

A message always says what is wrong, where (field, file, row) and what a valid value
looks like. The offending input is kept on the exception as attributes.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import attrs

from perlindungan._message import Message, localized
from perlindungan._repr import attrs_repr

__all__ = [
    "DataProblem",
    "InvalidInputError",
    "MoneyTypeError",
    "NoValueInForceError",
    "PerlindunganError",
    "RegulationDataError",
    "UnknownNameError",
]


class PerlindunganError(Exception):
    """Root of every error raised by perlindungan.

    .. versionadded:: 0.1.0
    """


class InvalidInputError(PerlindunganError, ValueError):
    """An argument or request field is missing, malformed or out of range.

    ``field`` names the offending field (dotted for nested JSON, e.g. ``worker.wage``),
    ``value`` keeps what was received.

    .. versionadded:: 0.1.0
    """

    def __init__(self, message: str, *, field: str | None = None, value: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value

    @property
    def message(self) -> str:
        """The message without the exception class name (a
        :class:`~perlindungan._message.Message` when it can be shown in another language)."""
        first = self.args[0]
        return first if isinstance(first, str) else str(first)


class UnknownNameError(InvalidInputError, LookupError):
    """A name (category, program, payer, parameter, sector...) is not one of the known ones.

    ``suggestions`` lists the closest valid names.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: object = None,
        suggestions: Sequence[str] = (),
    ) -> None:
        super().__init__(message, field=field, value=value)
        self.suggestions = tuple(suggestions)


class MoneyTypeError(InvalidInputError, TypeError):
    """A rupiah amount was built from, or combined with, an unsupported type (a float).

    It is an :class:`InvalidInputError` (a float wage in a request is bad input, caught by
    ``except InvalidInputError``) and still a :class:`TypeError`.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       Also an :class:`InvalidInputError` (with ``field`` and ``value``).
    """


class NoValueInForceError(PerlindunganError, LookupError):
    """No value of a regulation parameter is known for the date asked.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        parameter: str,
        on: _dt.date,
        earliest: _dt.date | None,
        latest: _dt.date | None = None,
    ) -> None:
        self.parameter = parameter
        self.on = on
        self.earliest = earliest
        self.latest = latest
        msg: Message
        if earliest is None:
            msg = Message(
                "No value of {parameter} is known at all (asked for {on}).",
                parameter=repr(parameter),
                on=on.isoformat(),
            )
        elif on < earliest:
            msg = Message(
                "No value of {parameter} is in force on {on}; "
                "the earliest value known takes effect on {earliest}.",
                parameter=repr(parameter),
                on=on.isoformat(),
                earliest=earliest.isoformat(),
            )
        elif latest:
            msg = Message(
                "No value of {parameter} is in force on {on}; "
                "values are known from {earliest} until {latest}.",
                parameter=repr(parameter),
                on=on.isoformat(),
                earliest=earliest.isoformat(),
                latest=latest.isoformat(),
            )
        else:
            msg = Message(
                "No value of {parameter} is in force on {on}; values are known from {earliest}.",
                parameter=repr(parameter),
                on=on.isoformat(),
                earliest=earliest.isoformat(),
            )
        super().__init__(msg)


@attrs_repr
@attrs.frozen(repr=False)
class DataProblem:
    """One problem found in a data file: where it is and what is wrong."""

    file: str
    location: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return self.localized("en")

    def localized(self, locale: str) -> str:
        """The problem with its message in ``locale`` (the place stays as written)."""
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        message = localized(self.message, locale)
        return f"{where}: {self.location}: {message}" if self.location else f"{where}: {message}"


class RegulationDataError(PerlindunganError, ValueError):
    """A data file (regulation parameters, legal bases, programs) is invalid.

    All problems found in one load are reported together in ``problems``.

    .. versionadded:: 0.1.0
    """

    def __init__(self, problems: Sequence[DataProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in data files:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))
