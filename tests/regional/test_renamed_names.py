"""The regional concept is a *scheme*; its old names (``program``) still work and warn."""

from __future__ import annotations

import importlib

import pytest

from perlindungan import regional
from perlindungan.errors import UnknownNameError
from perlindungan.regional import Scenario

OLD_TO_NEW = {
    "ProgramPart": "SchemePart",
    "RegionalProgram": "RegionalScheme",
    "bundled_programs": "bundled_schemes",
    "load_program": "load_scheme",
    "load_program_text": "load_scheme_text",
    "program": "scheme",
    "programs_for": "schemes_for",
}


@pytest.mark.parametrize(("old", "new"), OLD_TO_NEW.items())
def test_an_old_name_warns_and_is_the_new_object(old: str, new: str) -> None:
    with pytest.warns(DeprecationWarning, match=rf"regional\.{old} is deprecated; use .*\.{new}"):
        value = getattr(regional, old)
    assert value is getattr(regional, new)


@pytest.mark.parametrize("old", OLD_TO_NEW)
def test_from_import_of_an_old_name_warns(old: str) -> None:
    module = importlib.import_module("perlindungan.regional")
    with pytest.warns(DeprecationWarning, match="is deprecated; use perlindungan.regional"):
        exec(f"from perlindungan.regional import {old}", {})  # noqa: S102 - a fixed name
    assert old not in module.__all__


def test_all_lists_the_new_names_sorted_and_not_the_old() -> None:
    assert set(OLD_TO_NEW.values()) <= set(regional.__all__)
    assert not set(OLD_TO_NEW) & set(regional.__all__)
    assert "scheme" in dir(regional)


def test_old_names_give_the_same_results() -> None:
    with pytest.warns(DeprecationWarning, match="is deprecated; use perlindungan.regional"):
        old = regional.program("kota-serang-2026")
    assert old is regional.scheme("kota-serang-2026")
    assert isinstance(old, regional.RegionalScheme)
    with pytest.warns(DeprecationWarning, match="is deprecated; use perlindungan.regional"):
        hits = regional.programs_for("36.73", "tagana_volunteer", on="2026-03-01")
    assert hits == regional.schemes_for("36.73", "tagana_volunteer", on="2026-03-01")


def test_an_unknown_scheme_names_the_field_scheme() -> None:
    with pytest.raises(UnknownNameError) as info:
        regional.scheme("kota-serang-2025")
    assert "unknown scheme 'kota-serang-2025'" in str(info.value)
    assert info.value.field == "scheme"


def test_scenario_and_setting_old_method_names_warn() -> None:
    s = Scenario.of("quota.total=13000")
    base = regional.scheme("kota-serang-2026")
    with pytest.warns(DeprecationWarning, match="Scenario.program is deprecated"):
        old = s.program(base)
    assert old == s.scheme(base)
    assert old.quota.total == 13_000
    with pytest.warns(DeprecationWarning, match="Setting.program_value is deprecated"):
        value = s.settings[0].program_value()
    assert value == s.settings[0].scheme_value() == 13_000
