"""A pytest plugin that parametrises tests over the conformance vectors.

Enable it in your ``conftest.py`` (one line) and ask for a fixture::

    pytest_plugins = ["perlindungan.conformance.pytest_plugin"]

    def test_my_payroll(contributions_case):
        response = my_payroll.quote(contributions_case.request)
        assert contributions_case.check(response) == []

Fixtures: ``contributions_case``, ``benefits_case`` and ``conformance_case`` (every kind);
each test runs once per vector, with the case name as its id. Without the plugin, one line
does the same: ``@pytest.mark.parametrize("case", cases("contributions"), ids=case_id)``.
"""

from __future__ import annotations

import pytest

from perlindungan.conformance import Case, case_id, cases

__all__ = ["FIXTURES", "pytest_generate_tests"]

#: Fixture name -> kind of vector (None: every kind).
FIXTURES: dict[str, str | None] = {
    "contributions_case": "contributions",
    "benefits_case": "benefits",
    "conformance_case": None,
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise every test that asks for one of :data:`FIXTURES`."""
    for name, kind in FIXTURES.items():
        if name in metafunc.fixturenames:
            found: list[Case] = cases(kind)
            metafunc.parametrize(name, found, ids=[case_id(c) for c in found])
