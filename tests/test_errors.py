"""The exception hierarchy: every library error is also the matching built-in."""

from __future__ import annotations

import datetime as _dt

import pytest

from perlindungan import (
    InvalidInputError,
    MoneyTypeError,
    NoValueInForceError,
    PerlindunganError,
    RegulationDataError,
    UnknownNameError,
    errors,
)
from perlindungan.errors import DataProblem


@pytest.mark.parametrize(
    ("cls", "builtins"),
    [
        (InvalidInputError, (ValueError,)),
        (UnknownNameError, (ValueError, LookupError, InvalidInputError)),
        (MoneyTypeError, (TypeError,)),
        (NoValueInForceError, (LookupError,)),
        (RegulationDataError, (ValueError,)),
    ],
)
def test_each_error_is_also_the_builtin(cls: type[Exception], builtins: tuple[type, ...]) -> None:
    assert issubclass(cls, PerlindunganError)
    for builtin in builtins:
        assert issubclass(cls, builtin)


def test_every_public_error_derives_from_the_root() -> None:
    for name in errors.__all__:
        obj = getattr(errors, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, PerlindunganError), name


def test_invalid_input_keeps_field_and_value() -> None:
    exc = InvalidInputError("worker.wage must be positive", field="worker.wage", value=-1)
    assert exc.field == "worker.wage"
    assert exc.value == -1
    assert exc.message == "worker.wage must be positive"


def test_unknown_name_keeps_suggestions() -> None:
    exc = UnknownNameError("x", field="category", value="pux", suggestions=["pu", "bpu"])
    assert exc.suggestions == ("pu", "bpu")


def test_no_value_in_force_messages() -> None:
    before = NoValueInForceError("pu.jp.wage_cap", _dt.date(2015, 1, 1), _dt.date(2015, 7, 1))
    assert "'pu.jp.wage_cap'" in str(before)
    assert "2015-01-01" in str(before)
    assert "2015-07-01" in str(before)
    after = NoValueInForceError(
        "pu.jp.wage_cap", _dt.date(2027, 3, 1), _dt.date(2015, 7, 1), _dt.date(2027, 2, 28)
    )
    assert "until 2027-02-28" in str(after)
    assert NoValueInForceError("x", _dt.date(2020, 1, 1), None).earliest is None


def test_regulation_data_error_lists_every_problem() -> None:
    problems = [
        DataProblem("parameters/x.toml", "a.values[0].vaule", "unknown key", 7),
        DataProblem("parameters/x.toml", "", "bad TOML"),
    ]
    exc = RegulationDataError(problems)
    assert exc.problems == tuple(problems)
    text = str(exc)
    assert text.startswith("2 problems in data files:")
    assert "parameters/x.toml:7: a.values[0].vaule: unknown key" in text
    assert "parameters/x.toml: bad TOML" in text
