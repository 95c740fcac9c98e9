"""A pytest plugin that parametrises tests over the conformance vectors.

Installed with perlindungan, pytest loads it by itself (a ``pytest11`` entry point); in a
suite that disables plugin autoloading, enable it in ``conftest.py`` with one line,
``pytest_plugins = ["perlindungan.conformance.pytest_plugin"]``. Then ask for a fixture and
run your implementation through the case::

    def test_my_payroll(contributions_case):
        assert contributions_case.run(my_payroll.quote) == []

``case.run`` handles refusals: a case whose right answer is a refusal passes when your
callable raises (or answers ``{"error": ...}``). Fixtures: ``contributions_case``,
``benefits_case`` and ``conformance_case`` (every kind); each test runs once per vector
with the case's short id (``relief-03``). Keep only the categories you implement with
``pytest --conformance-category pu`` (repeatable, or ``pu,bpu``) or the ini option
``conformance_categories = pu bpu``.
"""

from __future__ import annotations

import pytest

from perlindungan.conformance import Case, case_id, cases

__all__ = ["FIXTURES", "pytest_addoption", "pytest_generate_tests"]

#: Fixture name -> kind of vector (None: every kind).
FIXTURES: dict[str, str | None] = {
    "contributions_case": "contributions",
    "benefits_case": "benefits",
    "conformance_case": None,
}


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--conformance-category`` and the ini option ``conformance_categories``."""
    group = parser.getgroup("perlindungan", "perlindungan conformance vectors")
    group.addoption(
        "--conformance-category",
        action="append",
        default=None,
        dest="conformance_categories",
        help="run only the conformance cases of these worker categories (pu, bpu, "
        "construction, migrant); repeatable or comma-separated",
    )
    parser.addini(
        "conformance_categories",
        type="args",
        default=[],
        help="worker categories of the conformance cases to run (default: every category)",
    )


def _chosen(config: pytest.Config) -> list[str] | None:
    given = config.getoption("conformance_categories", default=None)
    if given:
        return list(given)
    from_ini = config.getini("conformance_categories")
    return list(from_ini) if from_ini else None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise every test that asks for one of :data:`FIXTURES`."""
    for name, kind in FIXTURES.items():
        if name in metafunc.fixturenames:
            found: list[Case] = cases(kind, categories=_chosen(metafunc.config))
            metafunc.parametrize(name, found, ids=[case_id(c) for c in found])
