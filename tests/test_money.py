"""Rupiah: exact amounts, floats refused, half-up rounding to whole rupiah."""

from __future__ import annotations

import array
import collections
import operator
from decimal import Decimal
from typing import Any, cast

import pytest

from perlindungan import InvalidInputError, MoneyTypeError, Rupiah, format_rupiah
from perlindungan.money import as_decimal


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (5_000_000, Decimal(5_000_000)),
        ("0.0024", Decimal("0.0024")),
        ("1_000", Decimal(1000)),
        (Decimal("12.50"), Decimal("12.50")),
    ],
)
def test_as_decimal_accepts_exact_numbers(raw: object, expected: Decimal) -> None:
    assert as_decimal(raw) == expected


@pytest.mark.parametrize("raw", ["lima juta", "", "NaN", "Infinity", True, None, [1]])
def test_as_decimal_refuses_non_numbers(raw: object) -> None:
    with pytest.raises(InvalidInputError, match="wage") as info:
        as_decimal(raw, field="wage")
    assert info.value.field == "wage"


def test_floats_are_refused() -> None:
    with pytest.raises(MoneyTypeError, match="float"):
        Rupiah(0.1)
    with pytest.raises(MoneyTypeError):
        Rupiah(100) * 0.5
    with pytest.raises(TypeError):
        as_decimal(1.5)


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [
        ("0.5", 1),
        ("1.5", 2),
        ("2.5", 3),
        ("3004.5", 3005),
        ("2.49", 2),
        ("-0.5", -1),
        ("37055.5", 37056),
        ("100000.01", 100000),
    ],
)
def test_round_is_half_up_to_whole_rupiah(amount: str, rounded: int) -> None:
    assert Rupiah(amount).round() == Rupiah(rounded)
    assert Rupiah(amount).round().is_whole


def test_int_only_when_whole() -> None:
    assert int(Rupiah("12000.000")) == 12000
    with pytest.raises(InvalidInputError, match=r"round\(\)"):
        int(Rupiah("0.5"))
    assert round(Rupiah("1.5")) == 2


def test_arithmetic() -> None:
    assert Rupiah(10) + Rupiah(5) == Rupiah(15)
    assert Rupiah(10) - Rupiah(15) == Rupiah(-5)
    assert Rupiah(5_000_000) * Decimal("0.0024") == Rupiah(12_000)
    assert 3 * Rupiah(13_500) == Rupiah(40_500)
    assert sum([Rupiah(1), Rupiah(2)]) == Rupiah(3)
    assert Rupiah(1) < Rupiah(2)
    assert not Rupiah.zero()


def test_format() -> None:
    assert format_rupiah(16800) == "Rp16.800"
    assert format_rupiah(16800, locale="en") == "IDR16,800"
    assert format_rupiah(Rupiah("0.5"), locale="en") == "IDR0.50"
    assert str(Rupiah(1_000_000)) == "Rp1.000.000"


def test_arithmetic_with_plain_numbers_on_either_side() -> None:
    assert 100 - Rupiah(30) == Rupiah(70)
    assert Decimal("0.5") + Rupiah(1) == Rupiah("1.5")
    assert -Rupiah(5) == Rupiah(-5)
    assert +Rupiah(5) == Rupiah(5)
    assert Rupiah(2) <= 2
    assert Rupiah(3) >= Decimal(3)
    assert Rupiah(3) > 2
    assert Rupiah(3) != 4
    assert round(Rupiah("1.255"), 2) == Rupiah("1.26")  # half up, as everywhere


@pytest.mark.parametrize("other", ["5", None, True, [5]])
def test_an_unrelated_value_is_never_equal_and_cannot_be_ordered_or_added(other: object) -> None:
    amount = Rupiah(5)
    assert amount != other
    assert not amount == other  # noqa: SIM201 - __eq__ itself is under test
    for compare in (
        lambda: amount < other,
        lambda: amount <= other,
        lambda: amount > other,
        lambda: amount >= other,
        lambda: amount + other,
        lambda: amount - other,
        lambda: other - amount,
    ):
        with pytest.raises(TypeError):
            compare()


def test_a_rupiah_amount_is_not_multiplied_by_a_flag() -> None:
    with pytest.raises(TypeError):
        _ = Rupiah(5) * True


def test_float_operands_are_refused_naming_the_action() -> None:
    with pytest.raises(MoneyTypeError, match=r"Cannot compare a rupiah amount and the float 1\.5"):
        _ = Rupiah(1) < 1.5
    with pytest.raises(MoneyTypeError, match="Cannot subtract a rupiah amount and the float"):
        _ = 2.5 - Rupiah(1)
    with pytest.raises(MoneyTypeError, match="cannot become a float"):
        float(Rupiah(1))


def _repeat(sequence: object, amount: object) -> object:
    return operator.mul(sequence, amount)


@pytest.mark.parametrize(
    ("other", "shown"),
    [
        ("5", "the str '5'"),
        (b"5", "the bytes b'5'"),
        (bytearray(b"5"), "the bytearray"),
        ([1], r"a sequence \(list\)"),
        ((1,), r"a sequence \(tuple\)"),
        (range(2), r"a sequence \(range\)"),
        (collections.deque([1]), r"a sequence \(deque\)"),
        (array.array("i", [1]), r"a sequence \(array\)"),
        (memoryview(b"ab"), r"a sequence \(memoryview\)"),
    ],
)
def test_text_and_sequences_are_refused_in_arithmetic_saying_what_is_allowed(
    other: object, shown: str
) -> None:
    # Rupiah(5) * "5" was "55555": Python repeated the text, the amount being an index.
    amount = Rupiah(5)
    for action, allowed, compute in (
        ("multiply", "use an int or a Decimal factor", lambda: _repeat(amount, other)),
        ("multiply", "use an int or a Decimal factor", lambda: _repeat(other, amount)),
        ("add", "use another Rupiah, an int or a Decimal", lambda: amount + other),
        ("add", "use another Rupiah, an int or a Decimal", lambda: other + amount),
        ("subtract", "use another Rupiah, an int or a Decimal", lambda: amount - other),
        ("subtract", "use another Rupiah, an int or a Decimal", lambda: other - amount),
    ):
        with pytest.raises(
            MoneyTypeError, match=f"Cannot {action} a rupiah amount and {shown}"
        ) as info:
            compute()  # type: ignore[no-untyped-call]
        assert allowed in str(info.value)
        assert isinstance(info.value, TypeError)
        assert isinstance(info.value, InvalidInputError)
        assert info.value.field == "amount"


def test_in_place_repetition_is_refused() -> None:
    text, items, amount = "5", [1], cast("Any", Rupiah(2))
    with pytest.raises(MoneyTypeError):
        text *= amount
    with pytest.raises(MoneyTypeError):
        items *= amount
    assert (text, items) == ("5", [1])


def test_an_amount_is_not_an_index() -> None:
    # No __index__: an amount is neither a list index, a range bound nor a hex number.
    amount: Any = Rupiah(1)
    with pytest.raises(TypeError, match="indices must be integers"):
        operator.getitem(["a", "b"], amount)
    with pytest.raises(TypeError, match="cannot be interpreted as an integer"):
        range(amount)
    with pytest.raises(TypeError, match="cannot be interpreted as an integer"):
        hex(amount)
    with pytest.raises(TypeError, match="cannot be interpreted as an integer"):
        operator.index(amount)
    assert int(Rupiah(5)) == 5  # whole rupiah still become an int explicitly
    assert Rupiah(5) * 2 == 2 * Rupiah(5) == Rupiah(10)
    assert Rupiah(5) * Decimal("0.5") == Rupiah("2.5")
