"""JSON from outside, read strictly and within bounds.

* bytes are decoded as UTF-8 exactly as :mod:`perlindungan._input.files` decodes a file
  (a byte-order mark is dropped; anything not UTF-8 is refused with its byte offset), so
  stdin and a file give the same answer;
* a key repeated in one object is refused (JSON parsers differ on which value wins);
* numbers with a fraction or an exponent become :class:`~decimal.Decimal`; integers of
  more than :data:`~perlindungan._input.limits.MAX_NUMBER_CHARS` digits, ``NaN`` and
  ``Infinity`` are refused before they are converted;
* nesting deeper than :data:`~perlindungan._input.limits.MAX_DEPTH` and lone surrogate
  escapes (``"\\ud800"``, text no output can encode) are refused.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from perlindungan._i18n import N_
from perlindungan._input.files import decode_text
from perlindungan._input.limits import MAX_DEPTH, MAX_NUMBER_CHARS, MAX_REQUEST_BYTES
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError

__all__ = ["load_json"]


class _RefusedError(ValueError):
    """A problem found while parsing (converted to InvalidInputError by load_json)."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _RefusedError(
                Message("the key {key} is given twice in one object", key=repr(key))
            )
        out[key] = value
    return out


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _RefusedError(
            Message(
                "a number of {length:,} digits is too long (at most {limit})",
                length=len(text),
                limit=MAX_NUMBER_CHARS,
            )
        )
    return int(text)


def _float(text: str) -> Decimal:
    if len(text) > MAX_NUMBER_CHARS:
        raise _RefusedError(
            Message(
                "a number of {length:,} characters is too long (at most {limit})",
                length=len(text),
                limit=MAX_NUMBER_CHARS,
            )
        )
    return Decimal(text)


def _constant(text: str) -> object:
    raise _RefusedError(Message("{text} is not a number JSON allows", text=text))


def _check(data: object, where: str) -> None:
    """Depth and text checks, without recursion."""
    stack: list[tuple[object, str, int]] = [(data, where, 1)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict):
            if depth > MAX_DEPTH:
                raise _RefusedError(_deep())
            for key, item in value.items():
                _text(key, path)
                stack.append((item, f"{path}.{key}" if path else key, depth + 1))
        elif isinstance(value, list):
            if depth > MAX_DEPTH:
                raise _RefusedError(_deep())
            stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str):
            _text(value, path)


def _text(value: str, path: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _RefusedError(
            Message(
                "{path} holds a lone surrogate escape (such as \\ud800), not text",
                path=path or Message("a key"),
            )
        ) from None


def _deep() -> Message:
    return Message("nesting is deeper than {limit} levels", limit=MAX_DEPTH)


def load_json(
    source: str | bytes,
    *,
    what: str = N_("the request"),
    example: str = "",
    field: str = "request",
    limit: int = MAX_REQUEST_BYTES,
) -> Any:  # noqa: ANN401 - JSON is any JSON value
    """The JSON value of ``source`` (at most ``limit`` bytes or characters);
    :class:`InvalidInputError` says what is wrong.

    >>> load_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    perlindungan.errors.InvalidInputError: the request is not accepted: the key 'a' is given twice in one object.
    """
    what = what if isinstance(what, Message) else Message(what)
    hint = Message("; expected {example}", example=example) if example else ""
    if len(source) > limit:
        raise InvalidInputError(
            Message(
                "{what} is larger than {limit:,} bytes; refused.",
                what=what,
                limit=limit,
            ),
            field=field,
        )
    text = decode_text(source, what=what, field=field) if isinstance(source, bytes) else source
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_int=_int,
            parse_float=_float,
            parse_constant=_constant,
        )
        _check(data, "")
    except _RefusedError as exc:
        reason = exc.args[0] if exc.args else str(exc)
        raise InvalidInputError(
            Message("{what} is not accepted: {reason}{hint}.", what=what, reason=reason, hint=hint),
            field=field,
        ) from None
    except RecursionError:
        raise InvalidInputError(
            Message(
                "{what} is not accepted: {reason}{hint}.", what=what, reason=_deep(), hint=hint
            ),
            field=field,
        ) from None
    except json.JSONDecodeError as exc:
        raise InvalidInputError(
            Message(
                "{what} is not valid JSON ({reason}: line {line} column {column}){hint}.",
                what=what,
                reason=exc.msg,
                line=exc.lineno,
                column=exc.colno,
                hint=hint,
            ),
            field=field,
        ) from None
    return data
