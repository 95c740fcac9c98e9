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


def request_fields(
    request: Mapping[str, Any] | str | bytes, *, kind: str, fields: tuple[str, ...], example: str
) -> Mapping[str, Any]:
    """The request as a mapping that has exactly the top-level ``fields``."""
    data = parse_request(request, example=example) if isinstance(request, (str, bytes)) else request
    if not isinstance(data, Mapping):
        raise InvalidInputError(
            f"the request must be an object with {' and '.join(map(repr, fields))}.",
            field="request",
        )
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise InvalidInputError(
            f"{unknown[0]} is not a field of a {kind} request; use "
            f"{' and '.join(map(repr, fields))}.",
            field=unknown[0],
        )
    for key in fields:
        if key not in data:
            raise InvalidInputError(
                f"{key} is required in a {kind} request, such as {example}.", field=key
            )
    return data
