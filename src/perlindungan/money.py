"""Exact rupiah amounts.

:class:`Rupiah` wraps a :class:`~decimal.Decimal`. It is built from ``int``,
``Decimal`` or a numeric string; a ``float`` is refused because it cannot hold most
decimal fractions exactly. Arithmetic stays exact until :meth:`Rupiah.round` is called:
the library rounds each contribution line to whole rupiah, half up
(:data:`ROUNDING`), at one named point. No regulation states a rounding rule for
monthly contributions; this is the library's documented convention.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Final, SupportsIndex, overload

import attrs

from perlindungan._input.numbers import exact_number
from perlindungan.errors import InvalidInputError, MoneyTypeError

if TYPE_CHECKING:
    from babel.numbers import NumberPattern

__all__ = ["ROUNDING", "Rupiah", "as_decimal", "format_rupiah"]

#: The rounding mode used to turn an exact amount into whole rupiah.
ROUNDING: Final = decimal.ROUND_HALF_UP

_ONE: Final = Decimal(1)


def as_decimal(value: object, *, field: str = "value") -> Decimal:
    """Convert an exact number (int, Decimal, numeric str) to Decimal; refuse floats.

    The checks (finite, bounded, ASCII digits) are those of the input layer,
    :func:`perlindungan._input.numbers.exact_number`.

    >>> as_decimal("0.0024")
    Decimal('0.0024')
    """
    return exact_number(value, field=field)


def _convert(value: object) -> Decimal:
    return as_decimal(value, field="amount")


@attrs.frozen(order=True)
class Rupiah:
    """An exact amount of Indonesian rupiah.

    >>> Rupiah(5_000_000) * Decimal("0.0024")
    Rupiah('12000.0000')
    >>> (Rupiah(5_000_001) * Decimal("0.003")).round()
    Rupiah('15000')
    >>> str(Rupiah(16800))
    'Rp16.800'
    """

    amount: Decimal = attrs.field(converter=_convert)

    @classmethod
    def zero(cls) -> Rupiah:
        """Nothing."""
        return cls(0)

    # -- arithmetic -------------------------------------------------------------
    def __add__(self, other: object) -> Rupiah:
        if isinstance(other, Rupiah):
            return _exact(self.amount + other.amount)
        return NotImplemented

    def __radd__(self, other: object) -> Rupiah:
        # lets sum() start from 0
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Rupiah:
        if isinstance(other, Rupiah):
            return _exact(self.amount - other.amount)
        return NotImplemented

    def __neg__(self) -> Rupiah:
        return _exact(-self.amount)

    def __mul__(self, factor: object) -> Rupiah:
        if isinstance(factor, float):
            raise MoneyTypeError(
                f"Cannot multiply a rupiah amount by the float {factor!r}; use Decimal."
            )
        if isinstance(factor, Decimal) or (
            isinstance(factor, int) and not isinstance(factor, bool)
        ):
            return _exact(self.amount * factor)
        return NotImplemented

    __rmul__ = __mul__

    # -- rounding and conversion -------------------------------------------------
    def round(self) -> Rupiah:
        """Round to whole rupiah, half up (the library's convention, see module doc)."""
        return _exact(self.amount.quantize(_ONE, rounding=ROUNDING))

    @property
    def is_whole(self) -> bool:
        """True when the amount has no fraction of a rupiah."""
        return self.amount == self.amount.to_integral_value()

    def __int__(self) -> int:
        if not self.is_whole:
            raise InvalidInputError(
                f"{self!r} is not a whole number of rupiah; call .round() first.",
                field="amount",
                value=self.amount,
            )
        return int(self.amount)

    def __index__(self) -> int:
        return self.__int__()

    def __bool__(self) -> bool:
        return bool(self.amount)

    def __repr__(self) -> str:
        return f"Rupiah({str(self.amount)!r})"

    def __str__(self) -> str:
        return format_rupiah(self)

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self)
        return format_rupiah(self, locale=spec)

    @overload
    def __round__(self) -> int: ...
    @overload
    def __round__(self, ndigits: SupportsIndex) -> Rupiah: ...
    def __round__(self, ndigits: SupportsIndex | None = None) -> int | Rupiah:
        if ndigits is None:
            return int(self.round())
        return Rupiah(self.amount.quantize(Decimal(1).scaleb(-int(ndigits)), rounding=ROUNDING))


def _exact(amount: Decimal) -> Rupiah:
    # The result of arithmetic on two Rupiah/Decimal values is already a finite Decimal:
    # skip the converter (a measurable part of a quote's time, see docs/performance.md).
    result = object.__new__(Rupiah)
    object.__setattr__(result, "amount", amount)
    return result


def format_rupiah(amount: Rupiah | int | Decimal, *, locale: str = "id_ID") -> str:
    """Format an amount with babel, without the two decimals CLDR gives IDR.

    >>> format_rupiah(16800)
    'Rp16.800'
    >>> format_rupiah(16800, locale="en")
    'IDR16,800'
    """
    from babel.numbers import format_currency  # noqa: PLC0415  (keeps import time low)

    from perlindungan._i18n import babel_locale  # noqa: PLC0415

    value = amount.amount if isinstance(amount, Rupiah) else as_decimal(amount, field="amount")
    pattern = _pattern("¤#,##0" if value == value.to_integral_value() else "¤#,##0.00")
    return str(
        format_currency(
            value, "IDR", format=pattern, locale=babel_locale(locale), currency_digits=False
        )
    )


@cache
def _pattern(text: str) -> NumberPattern:
    # Parsed once: babel parses a pattern string again on every call.
    from babel.numbers import parse_pattern  # noqa: PLC0415

    return parse_pattern(text)
