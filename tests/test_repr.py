"""The shared repr of the attrs classes on the import path (``perlindungan._repr``) prints
exactly what the repr attrs generates prints, for every class that uses it."""

from __future__ import annotations

import datetime as _dt
import sys
from collections.abc import Callable, Iterator

import attrs
import pytest
from attr import _make  # the repr attrs generates, to compare with (attrs is pinned)

import perlindungan as pl
from perlindungan import _repr
from perlindungan._toml import bundled_documents
from perlindungan.contributions._non_wage_earner_terms import non_wage_earner_terms
from perlindungan.contributions._terms import CapTerms, relief_terms
from perlindungan.contributions._wage_earner_terms import employer_relief, wage_earner_terms
from perlindungan.errors import DataProblem, RegulationDataError


def _classes_with_the_shared_repr() -> set[type]:
    found = set()
    for name, module in list(sys.modules.items()):
        if name == "perlindungan" or name.startswith("perlindungan."):
            for value in vars(module).values():
                if isinstance(value, type) and vars(value).get("__repr__") is _repr._repr:
                    found.add(value)
    return found


def _attrs_repr(cls: type) -> Callable[[object], str]:
    script, globs = _make._make_repr_script(attrs.fields(cls), None)
    exec(script, globs)  # noqa: S102 (the code attrs itself would compile)
    function: Callable[[object], str] = globs["__repr__"]
    return function


def _samples() -> Iterator[object]:
    on = _dt.date(2025, 6, 1)
    employer = pl.Employer(sector="textile_apparel", workers=120)
    workers: list[pl.Worker] = [
        pl.WageEarner(wage=12_000_000, risk_class=3, birth_date="1962-05-17", employer=employer),
        pl.NonWageEarner(income=1_000_000, with_jht=True, sector="textile_apparel"),
        pl.ConstructionProject(contract_value=250_000_000),
        pl.ConstructionWorker(wage=4_000_000),
        pl.MigrantWorker(contract_months=24, jht_amount=50_000),
    ]
    yield employer
    for worker in workers:
        yield worker
        quote = pl.contributions(worker, on="2021-06-01" if worker is workers[1] else on)
        yield quote
        for line in quote.lines:
            yield line
            yield from (x for x in (line.cap, line.relief) if x is not None)
            yield from line.bands
            yield from line.recomposition
            yield from line.citations
        yield from quote.notes
    parameters = pl.parameters()
    yield parameters
    for name in ("pu.jkk.rate_by_risk_class", "construction.jkk.bands", "pu.jp.wage_cap"):
        if name in parameters:
            parameter = parameters[name]
            yield parameter
            yield from parameter.values
            yield parameter.values[0].citations[0].basis
            for value in parameter.values:
                if isinstance(value.value, tuple):
                    yield from value.value
    terms = wage_earner_terms(on)
    yield terms
    yield from terms.jkk
    yield terms.jkm
    yield CapTerms.read("pu.jp.wage_cap", on)
    yield relief_terms("pp49_2020", "PP 49/2020", "jkk", _dt.date(2020, 9, 1))
    yield employer_relief(on)
    yield non_wage_earner_terms(_dt.date(2021, 6, 1))
    yield bundled_documents("legal_bases")[0]
    yield DataProblem(file="parameters/pu.toml", location="pu.jkk", message="x", line=3)


def test_every_class_with_the_shared_repr_prints_what_attrs_would() -> None:
    seen: set[type] = set()
    for sample in _samples():
        if sample is None or not attrs.has(type(sample)):
            continue
        cls = type(sample)
        if vars(cls).get("__repr__") is not _repr._repr:
            continue
        seen.add(cls)
        assert repr(sample) == _attrs_repr(cls)(sample), cls
    missing = {c.__qualname__ for c in _classes_with_the_shared_repr() - seen}
    assert not missing, f"no sample of {sorted(missing)}: add one to _samples()"


def test_an_object_inside_itself_prints_as_dots() -> None:
    params: dict[str, object] = {}
    note = pl.contributions(
        pl.WageEarner(wage=5_000_000, risk_class=1, birth_date="1950-01-01"), on="2025-06-01"
    ).notes[0]
    looped = attrs.evolve(note, params=params)
    params["again"] = looped
    assert repr(looped).startswith("Note(code=")
    assert "params={'again': ...}" in repr(looped)
    # and the guard is released: the next repr is complete again
    params.clear()
    assert "params={}" in repr(looped)


def test_a_repr_of_a_problem_in_an_error() -> None:
    problem = DataProblem(file="a.toml", location="x.y", message="bad", line=None)
    assert repr(problem) == "DataProblem(file='a.toml', location='x.y', message='bad', line=None)"
    error = RegulationDataError([problem])
    assert error.problems == (problem,)


@pytest.mark.parametrize("cls", sorted(_classes_with_the_shared_repr(), key=str))
def test_made_without_a_generated_repr(cls: type) -> None:
    assert attrs.has(cls)
    assert vars(cls)["__repr__"] is _repr._repr
