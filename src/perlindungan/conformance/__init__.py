"""Conformance vectors: the project's golden cases as a data set any payroll system can run.

The vectors live in ``perlindungan/data/conformance/v1/`` as JSON, one file per kind
(``contributions.json``, ``benefits.json``). Each case is a *request* in the JSON contract of
the command line (``{"on", "worker"}`` or ``{"on", "claim"}``) and the *expected* part of the
response: totals per payer, lines by (program, payer) with their legal basis, programs that
must be absent; for benefits the eligibility, the total and the components. Only the fields
present in ``expected`` are compared, so an implementation may return more.

Run an implementation, a callable from request to response mapping, over the vectors:

>>> from perlindungan.conformance import cases, library, run
>>> report = run(library("contributions"), kind="contributions")
>>> report.ok, report.failed
(True, 0)
>>> len(cases("benefits")) > 10
True

Or a program that reads a request on stdin and prints the response (``perlindungan
conformance run --command "..."``). Every mismatch names the case and the legal basis of the
expected figure.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import shlex
import shutil
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any, Final

from perlindungan._input.shown import shown
from perlindungan._message import Message
from perlindungan.benefits import benefit_from_request
from perlindungan.conformance._check import check
from perlindungan.conformance._model import (
    Case,
    Implementation,
    Mismatch,
    Rejected,
    Report,
    Result,
)
from perlindungan.contributions import quote_from_request
from perlindungan.errors import InvalidInputError
from perlindungan.workers import Category

__all__ = [
    "FORMAT",
    "KINDS",
    "VERSION",
    "Case",
    "Implementation",
    "Mismatch",
    "Rejected",
    "Report",
    "Result",
    "case_id",
    "cases",
    "check",
    "command",
    "library",
    "run",
]

#: Name of the data set format, in every file's ``format`` field.
FORMAT: Final = "perlindungan-conformance"
#: Version of the data set; a change that breaks readers gets a new directory ``v2``.
VERSION: Final = 1
#: Kinds of vector: one file each.
KINDS: Final = ("contributions", "benefits")


def case_id(case: Case) -> str:
    """A short test id for a case (``relief-03``), for ``pytest.mark.parametrize(...,
    ids=case_id)``; the case's name and rule are in every mismatch."""
    return case.id or case.name


@cache
def _load(kind: str) -> tuple[Case, ...]:
    if kind not in KINDS:
        raise InvalidInputError(
            Message(
                "unknown conformance kind {kind}; use one of {kinds}.",
                kind=shown(kind),
                kinds=", ".join(KINDS),
            ),
            field="kind",
        )
    path = resources.files("perlindungan") / "data" / "conformance" / f"v{VERSION}" / f"{kind}.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT
    assert document["version"] == VERSION
    return tuple(
        Case(
            name=c["name"],
            kind=kind,
            source=c["source"],
            request=c["request"],
            expected=c["expected"],
            id=c.get("id", ""),
        )
        for c in document["cases"]
    )


def _categories(categories: Iterable[str] | str | None) -> frozenset[str] | None:
    if categories is None:
        return None

    names = [categories] if isinstance(categories, str) else list(categories)
    chosen = frozenset(
        n.strip().lower() for name in names for n in str(name).split(",") if n.strip()
    )
    known = [c.value for c in Category]
    unknown = sorted(chosen - set(known))
    if unknown:
        raise InvalidInputError(
            Message(
                "unknown category {name}; use {known} (several: 'pu,bpu').",
                name=shown(unknown[0]),
                known=", ".join(known),
            ),
            field="categories",
            value=unknown[0],
        )
    return chosen


def cases(kind: str | None = None, *, categories: Iterable[str] | str | None = None) -> list[Case]:
    """The bundled vectors of one kind (``contributions`` or ``benefits``), or of every kind.

    ``categories`` keeps the cases about those worker categories (``["pu"]``, or
    ``"pu,bpu"``): a vendor that implements only wage earners runs only theirs. A benefit
    claim that names no category concerns every category and is kept.

    Downstream suites parametrise over them in one line::

        @pytest.mark.parametrize("case", cases("contributions", categories=["pu"]), ids=case_id)
        def test_my_payroll(case):
            assert case.run(my_payroll.quote) == []
    """
    kinds = KINDS if kind is None else (kind,)
    chosen = _categories(categories)
    return [
        case
        for k in kinds
        for case in _load(k)
        if chosen is None or case.category is None or case.category in chosen
    ]


def _one(case: Case, implementation: Implementation) -> Result:
    return Result(case, tuple(case.run(implementation)))


def run(
    implementation: Implementation,
    *,
    kind: str | None = None,
    selected: Iterable[Case] | None = None,
    categories: Iterable[str] | str | None = None,
    jobs: int = 1,
) -> Report:
    """Run ``implementation`` (request mapping -> response mapping) over the vectors.

    A case whose ``expected`` says ``"rejected": true`` passes when the implementation
    raises or answers a mapping with an ``error`` key. ``categories`` filters as in
    :func:`cases`. ``jobs`` runs cases in threads.
    """
    todo = list(selected) if selected is not None else cases(kind, categories=categories)
    if jobs <= 1:
        return Report(tuple(_one(c, implementation) for c in todo))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return Report(tuple(pool.map(lambda c: _one(c, implementation), todo)))


def library(kind: str) -> Implementation:
    """This library as an implementation of ``kind``: the reference the vectors came from."""

    if kind == "contributions":
        return lambda request: quote_from_request(request).to_dict()
    if kind == "benefits":
        return lambda request: benefit_from_request(request).to_dict()
    raise InvalidInputError(
        Message(
            "unknown conformance kind {kind}; use one of {kinds}.",
            kind=shown(kind),
            kinds=", ".join(KINDS),
        ),
        field="kind",
    )


def command(argv: str | Sequence[str], *, timeout: float = 60) -> Implementation:
    """A program as an implementation: it reads the JSON request on stdin, prints the response.

    ``argv`` is a command line (split like a POSIX shell, never run by a shell) or a list.
    A non-zero exit status means the program rejected the request (:class:`Rejected`).
    """
    try:
        args = shlex.split(argv) if isinstance(argv, str) else list(argv)
    except ValueError as exc:  # an unclosed quote
        raise InvalidInputError(
            Message(
                "the conformance command {command} cannot be split like a shell command line "
                "({reason}); close its quotes.",
                command=shown(argv),
                reason=str(exc),
            ),
            field="command",
        ) from None
    if not args:
        raise InvalidInputError(Message("the conformance command is empty."), field="command")
    if shutil.which(args[0]) is None:
        raise InvalidInputError(
            Message(
                "conformance command not found: {name}; give a program on PATH or its path.",
                name=shown(args[0]),
            ),
            field="command",
        )

    def call(request: dict[str, Any]) -> Mapping[str, Any]:
        done = subprocess.run(  # noqa: S603 - the user's own command, without a shell
            args,
            input=json.dumps(request),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        if done.returncode != 0:
            raise Rejected(done.stderr.strip() or f"exit status {done.returncode}")
        answer = json.loads(done.stdout)
        if not isinstance(answer, Mapping):
            raise TypeError("the command did not print a JSON object")
        return answer

    return call
