"""Numbers from outside: exact, finite, bounded, in plain ASCII notation.

One place decides what a number is, for every entry point: the JSON contract, roster
and payroll cells, batch columns, program files and the Python constructors. Floats are
refused (they cannot hold rupiah exactly); so are NaN, infinities, booleans, digits of
other scripts (``"²"``, ``"٣"``), and values beyond the limits of
:mod:`perlindungan._input.limits`, which are checked before any arithmetic, so that
``10**40``, ``"1e999999999"`` or a 5,000-digit integer is a clear error, not an
interpreter exception or an hour of work.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Final

from perlindungan._input.limits import (
    MAX_AMOUNT,
    MAX_FRACTION_DIGITS,
    MAX_NUMBER_CHARS,
)
from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan.errors import InvalidInputError, MoneyTypeError

__all__ = ["exact_number", "whole_number"]

_SMALLEST: Final = Decimal(1).scaleb(-MAX_FRACTION_DIGITS)


def _text_number(text: str, field: str, value: object) -> Decimal:
    cleaned = text.strip().replace("_", "")
    if len(cleaned) > MAX_NUMBER_CHARS or not cleaned.isascii():
        raise InvalidInputError(
            Message(
                "{field} must be a number written with the digits 0-9 such as 5000000, "
                "got {value}.",
                field=field,
                value=shown(value),
            ),
            field=field,
            value=value,
        )
    try:
        return Decimal(cleaned)
    except decimal.InvalidOperation:
        raise InvalidInputError(
            Message(
                "{field} must be a number such as 5000000, got {value}.",
                field=field,
                value=shown(value),
            ),
            field=field,
            value=value,
        ) from None


def _too_large(field: str, maximum: Decimal | int, value: object) -> InvalidInputError:
    return InvalidInputError(
        Message(
            "{field} is too large: at most {maximum:,}, got {value}.",
            field=field,
            maximum=maximum,
            value=shown(value),
        ),
        field=field,
        value=value,
    )


def exact_number(value: object, *, field: str, maximum: Decimal | int = MAX_AMOUNT) -> Decimal:
    """``value`` as a finite :class:`~decimal.Decimal` of at most ``maximum`` in size.

    Accepts ``int``, ``Decimal`` and numeric text (``"5000000"``, ``"0.0024"``,
    ``"5_000_000"``); refuses floats (:class:`~perlindungan.errors.MoneyTypeError`),
    booleans, NaN, infinities, more than :data:`MAX_FRACTION_DIGITS` decimals and
    magnitudes above ``maximum``.

    >>> exact_number("0.0024", field="rate")
    Decimal('0.0024')
    >>> exact_number("1e999999999", field="wage")
    Traceback (most recent call last):
    ...
    perlindungan.errors.InvalidInputError: wage is too large: at most 1,000,000,000,000,000, got '1e999999999'.
    """
    if isinstance(value, bool):
        raise InvalidInputError(
            Message(
                "{field} must be a number, got a boolean ({value}).", field=field, value=repr(value)
            ),
            field=field,
            value=value,
        )
    if isinstance(value, int):
        if -maximum <= value <= maximum:
            return Decimal(value)
        raise _too_large(field, maximum, value)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, float):
        raise MoneyTypeError(
            Message(
                "{field} must be an exact number (int, Decimal or a numeric string such as "
                '"8000000.50"), not the float {value}: floats cannot hold rupiah amounts '
                "exactly.",
                field=field,
                value=repr(value),
            ),
            field=field,
            value=value,
        )
    elif isinstance(value, str):
        result = _text_number(value, field, value)
    else:
        raise InvalidInputError(
            Message(
                "{field} must be a number (int, Decimal or numeric string), got {kind} {value}.",
                field=field,
                kind=type(value).__name__,
                value=shown(value),
            ),
            field=field,
            value=value,
        )
    if not result.is_finite():
        raise InvalidInputError(
            Message(
                "{field} must be a finite number, got {value}.", field=field, value=shown(value)
            ),
            field=field,
            value=value,
        )
    if result and (result.adjusted() > 18 or abs(result) > maximum):
        raise _too_large(field, maximum, value)
    # more than MAX_FRACTION_DIGITS decimals (trailing zeros aside): refused. The common
    # whole amount skips the check; quantize is exact within the 28-digit context here.
    if result != result.to_integral_value() and result != result.quantize(_SMALLEST):
        raise InvalidInputError(
            Message(
                "{field} has more than {digits} digits after the decimal point, got {value}.",
                field=field,
                digits=MAX_FRACTION_DIGITS,
                value=shown(value),
            ),
            field=field,
            value=value,
        )
    return result


def whole_number(
    value: object, *, field: str, maximum: int, minimum: int = 0, what: str = ""
) -> int:
    """``value`` as an ``int`` from ``minimum`` to ``maximum``.

    Accepts ``int``, an integral ``Decimal`` and text of ASCII digits; ``what`` says what
    the number counts in the message (``"months"``).

    >>> whole_number("24", field="contract_months", maximum=1200, minimum=1, what="months")
    24
    >>> whole_number(Decimal("1e9999999"), field="membership_months", maximum=1200)
    Traceback (most recent call last):
    ...
    perlindungan.errors.InvalidInputError: membership_months must be a whole number from 0 to 1,200, got Decimal('1E+9999999').
    """
    if what:
        problem = Message(
            "{field} must be a whole number of {what} from {minimum:,} to {maximum:,}, got {value}.",
            field=field,
            what=what if isinstance(what, Message) else Message(what),
            minimum=minimum,
            maximum=maximum,
            value=shown(value),
        )
    else:
        problem = Message(
            "{field} must be a whole number from {minimum:,} to {maximum:,}, got {value}.",
            field=field,
            minimum=minimum,
            maximum=maximum,
            value=shown(value),
        )
    if isinstance(value, (bool, float)):
        raise InvalidInputError(problem, field=field, value=value)
    number: int
    if isinstance(value, int):
        number = value
    elif isinstance(value, Decimal):
        if not value.is_finite() or value.adjusted() > 18 or value != value.to_integral_value():
            raise InvalidInputError(problem, field=field, value=value)
        number = int(value)
    elif isinstance(value, str):
        text = value.strip().replace("_", "")
        digits = text[1:] if text[:1] in "+-" else text
        if not (digits.isascii() and digits.isdigit()) or len(digits) > 19:
            raise InvalidInputError(problem, field=field, value=value)
        number = int(text)
    else:
        raise InvalidInputError(problem, field=field, value=value)
    if not minimum <= number <= maximum:
        raise InvalidInputError(problem, field=field, value=value)
    return number
