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
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, Final, SupportsIndex, TypeAlias, overload

import attrs

from perlindungan._i18n import babel_locale
from perlindungan._input.numbers import exact_number
from perlindungan._input.shown import shown
from perlindungan._serialise import pydantic_schema
from perlindungan.errors import InvalidInputError, MoneyTypeError

if TYPE_CHECKING:
    from babel.numbers import NumberPattern

__all__ = ["ROUNDING", "Amount", "Rupiah", "as_decimal", "format_rupiah"]

#: The rounding mode used to turn an exact amount into whole rupiah.
ROUNDING: Final = decimal.ROUND_HALF_UP

_ONE: Final = Decimal(1)

#: What an amount of rupiah may be given as: exact numbers only (a float is refused, by
#: mypy through this type and at run time with MoneyTypeError).
Amount: TypeAlias = "Rupiah | Decimal | int | str"


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


@attrs.frozen(eq=False, order=False)
class Rupiah:
    """An exact amount of Indonesian rupiah.

    >>> Rupiah(5_000_000) * Decimal("0.0024")
    Rupiah('12000.0000')
    >>> (Rupiah(5_000_001) * Decimal("0.003")).round()
    Rupiah('15000')
    >>> str(Rupiah(16800))
    'Rp16.800'

    It works with exact numbers as a number does: it compares, adds and subtracts
    exactly with ``int`` and :class:`~decimal.Decimal` (and another ``Rupiah``), and
    hashes like the equal ``Decimal``. A ``float`` is refused everywhere, in comparisons
    and in ``float()`` too, with :class:`~perlindungan.errors.MoneyTypeError`, because
    the constructors refuse it: no comparison is ever silently ``False``. Text, bytes and
    sequences are refused in arithmetic with the same error (an amount is never a count of
    repetitions: ``Rupiah(5) * "5"`` is not ``"55555"``), and an amount is not an index.

    >>> Rupiah(774200) == 774200, Rupiah(5) > 0, Rupiah(5) + Decimal("0.5")
    (True, True, Rupiah('5.5'))
    >>> format(Rupiah(1234567), ","), f"{Rupiah(1234567):>12,.2f}"
    ('1,234,567', '1,234,567.00')
    """

    amount: Decimal = attrs.field(converter=_convert)

    @classmethod
    def zero(cls) -> Rupiah:
        """Nothing."""
        return cls(0)

    # -- comparison -------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        value = _operand(other, "compare")
        if value is None:
            return NotImplemented
        return self.amount == value

    def __ne__(self, other: object) -> bool:
        value = _operand(other, "compare")
        if value is None:
            return NotImplemented
        return self.amount != value

    def __hash__(self) -> int:
        return hash(self.amount)

    def __lt__(self, other: object) -> bool:
        value = _operand(other, "compare")
        if value is None:
            return NotImplemented
        return self.amount < value

    def __le__(self, other: object) -> bool:
        value = _operand(other, "compare")
        if value is None:
            return NotImplemented
        return self.amount <= value

    def __gt__(self, other: object) -> bool:
        value = _operand(other, "compare")
        if value is None:
            return NotImplemented
        return self.amount > value

    def __ge__(self, other: object) -> bool:
        value = _operand(other, "compare")
        if value is None:
            return NotImplemented
        return self.amount >= value

    # -- arithmetic -------------------------------------------------------------
    def __add__(self, other: object) -> Rupiah:
        value = _operand(other, "add")
        if value is None:
            return NotImplemented
        return _exact(self.amount + value)

    __radd__ = __add__

    def __sub__(self, other: object) -> Rupiah:
        value = _operand(other, "subtract")
        if value is None:
            return NotImplemented
        return _exact(self.amount - value)

    def __rsub__(self, other: object) -> Rupiah:
        value = _operand(other, "subtract")
        if value is None:
            return NotImplemented
        return _exact(value - self.amount)

    def __neg__(self) -> Rupiah:
        return _exact(-self.amount)

    def __pos__(self) -> Rupiah:
        return self

    def __abs__(self) -> Rupiah:
        return _exact(abs(self.amount))

    def __mul__(self, factor: object) -> Rupiah:
        if isinstance(factor, float):
            raise MoneyTypeError(
                f"Cannot multiply a rupiah amount by the float {factor!r}; use Decimal.",
                field="factor",
                value=factor,
            )
        if isinstance(factor, Decimal) or (
            isinstance(factor, int) and not isinstance(factor, bool)
        ):
            return _exact(self.amount * factor)
        _refuse_text_or_sequence(factor, "multiply", "an int or a Decimal factor")
        return NotImplemented

    __rmul__ = __mul__

    # -- rounding and conversion -------------------------------------------------
    def round(self) -> Rupiah:
        """Round to whole rupiah, half up (the library's convention, see module doc)."""
        return _exact(self.amount.quantize(_ONE, ROUNDING))  # positional: faster than rounding=

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

    def __float__(self) -> float:
        raise MoneyTypeError(
            f"{self!r} cannot become a float: floats cannot hold rupiah amounts exactly. "
            "Use .amount (a Decimal) or int() for whole rupiah.",
            field="amount",
            value=self.amount,
        )

    def __bool__(self) -> bool:
        return bool(self.amount)

    def __repr__(self) -> str:
        return f"Rupiah({str(self.amount)!r})"

    def __str__(self) -> str:
        return format_rupiah(self)

    def __format__(self, spec: str) -> str:
        """An empty spec gives ``str()``; a locale (``"en"``, ``"id_ID"``) formats with
        babel in that locale; any other spec is a standard format spec applied to the
        exact :class:`~decimal.Decimal` amount (``","``, ``",.2f"``, ``">15,"``)."""
        if not spec:
            return str(self)
        if _is_locale(spec):
            return format_rupiah(self, locale=spec)
        try:
            return format(self.amount, spec)
        except ValueError as exc:
            raise InvalidInputError(
                f"invalid format spec {spec!r} for a rupiah amount ({exc}); use a standard "
                "spec such as ',' or ',.2f', or a locale such as 'en' or 'id_ID'.",
                field="format_spec",
                value=spec,
            ) from None

    @overload
    def __round__(self) -> int: ...
    @overload
    def __round__(self, ndigits: SupportsIndex) -> Rupiah: ...
    def __round__(self, ndigits: SupportsIndex | None = None) -> int | Rupiah:
        if ndigits is None:
            return int(self.round())
        return Rupiah(self.amount.quantize(Decimal(1).scaleb(-int(ndigits)), rounding=ROUNDING))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: object, handler: object) -> object:
        """Pydantic (and FastAPI) support: validated like the constructor, serialised as
        in the JSON contract (see :func:`perlindungan.json_default`)."""

        return pydantic_schema(cls, Rupiah)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: object, handler: object) -> dict[str, Any]:
        """In JSON: whole rupiah as an integer, an amount with sen as a decimal string."""
        return {
            "anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}],
            "title": "Rupiah",
        }


def _is_locale(spec: str) -> bool:
    head = spec.replace("-", "_").split("_")[0]
    return len(head) >= 2 and head.isalpha() and head.lower() in {"id", "en"}


def _operand(other: object, action: str) -> Decimal | None:
    """The Decimal value of an exact operand, None for an unrelated type; floats refused."""
    if isinstance(other, Rupiah):
        return other.amount
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int) and not isinstance(other, bool):
        return Decimal(other)
    if isinstance(other, float):
        raise MoneyTypeError(
            f"Cannot {action} a rupiah amount and the float {other!r}: floats cannot hold "
            "rupiah amounts exactly; use int or Decimal.",
            field="amount",
            value=other,
        )
    if action != "compare":
        _refuse_text_or_sequence(other, action, "another Rupiah, an int or a Decimal")
    return None


def _refuse_text_or_sequence(other: object, action: str, allowed: str) -> None:
    """Text, bytes and sequences are refused with a MoneyTypeError that says what is
    allowed: ``Rupiah(5) * "5"`` would otherwise be Python's string repetition."""
    if isinstance(other, str | bytes | bytearray):
        raise MoneyTypeError(
            f"Cannot {action} a rupiah amount and the {type(other).__name__} {shown(other)}: "
            f"use {allowed} (text such as '5000' becomes an amount with Rupiah('5000') or "
            "Decimal('5000') first).",
            field="amount",
            value=other,
        )
    if isinstance(other, memoryview | Sequence):
        raise MoneyTypeError(
            f"Cannot {action} a rupiah amount and a sequence ({type(other).__name__}): use {allowed} "
            "(a rupiah amount is a number, not a count of repetitions).",
            field="amount",
            value=type(other).__name__,
        )


def _exact(amount: Decimal) -> Rupiah:
    # The result of arithmetic on two Rupiah/Decimal values is already a finite Decimal:
    # skip the converter (a measurable part of a quote's time, see docs/performance.md).
    result = object.__new__(Rupiah)
    object.__setattr__(result, "amount", amount)
    return result


#: ``Rupiah`` of a Decimal that is already checked (the result of arithmetic on checked
#: amounts and rates, or a value :func:`as_decimal` returned), without checking it again.
#: Not for input from outside: that goes through ``Rupiah(...)``.
checked_rupiah: Final = _exact


def format_rupiah(amount: Rupiah | int | Decimal, *, locale: str = "id_ID") -> str:
    """Format an amount with babel, without the two decimals CLDR gives IDR.

    >>> format_rupiah(16800)
    'Rp16.800'
    >>> format_rupiah(16800, locale="en")
    'IDR16,800'
    """
    from babel.numbers import format_currency  # noqa: PLC0415  (keeps import time low)

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
