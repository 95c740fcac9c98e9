"""Parsing JSON requests of the CLI/JSON contracts exactly and strictly."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from perlindungan._input.jsondoc import load_json
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["parse_request", "request_fields"]


def parse_request(text: str | bytes, *, example: str) -> dict[str, Any]:
    """Parse a JSON object exactly and strictly (numbers with a fraction become Decimal;
    duplicate keys, deep nesting and oversized numbers are refused: see
    :mod:`perlindungan._input.jsondoc`).

    ``example`` is a valid request shown in the error message.
    """
    data = load_json(
        text, what="the request", example=Message("an object such as {example}", example=example)
    )
    if not isinstance(data, dict):
        raise InvalidInputError(
            Message("the request must be a JSON object such as {example}.", example=example),
            field="request",
        )
    return data


def _both(fields: tuple[str, ...]) -> Message:
    """The two top-level fields of a request, quoted: ``'on' and 'worker'``."""
    first, second = fields
    return Message("{first!r} and {second!r}", first=first, second=second)


def request_fields(
    request: Mapping[str, Any] | str | bytes, *, kind: str, fields: tuple[str, ...], example: str
) -> Mapping[str, Any]:
    """The request as a mapping that has exactly the top-level ``fields``."""
    data = parse_request(request, example=example) if isinstance(request, (str, bytes)) else request
    if not isinstance(data, Mapping):
        raise InvalidInputError(
            Message(
                "the request must be an object with {fields}.",
                fields=_both(fields),
            ),
            field="request",
        )
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise InvalidInputError(
            Message(
                "{field} is not a field of a {kind} request; use {fields}.",
                field=unknown[0],
                kind=kind,
                fields=_both(fields),
            ),
            field=unknown[0],
        )
    for key in fields:
        if key not in data:
            raise InvalidInputError(
                Message(
                    "{field} is required in a {kind} request, such as {example}.",
                    field=key,
                    kind=kind,
                    example=example,
                ),
                field=key,
            )
    return data
