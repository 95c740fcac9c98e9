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
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any, Final

import attrs

from perlindungan._i18n import N_, translate
from perlindungan.errors import InvalidInputError

__all__ = [
    "FORMAT",
    "KINDS",
    "VERSION",
    "Case",
    "Mismatch",
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

Implementation = Callable[[dict[str, Any]], Mapping[str, Any]]


class Rejected(Exception):  # noqa: N818 - it is an outcome, not a failure of the runner
    """Raised by :func:`command` when the program refuses a request (non-zero exit)."""


@attrs.frozen
class Case:
    """One conformance vector: a request and the expected part of the response."""

    name: str
    kind: str
    source: str
    request: dict[str, Any] = attrs.field(eq=False)
    expected: dict[str, Any] = attrs.field(eq=False)

    def check(self, response: Mapping[str, Any]) -> list[Mismatch]:
        """The mismatches between a response and this case's expectation (empty: passes)."""
        return check(self, response)


@attrs.frozen
class Mismatch:
    """One expected figure the implementation did not produce."""

    case: str
    field: str
    expected: object
    actual: object
    basis: str

    def __str__(self) -> str:
        return (
            f"{self.case}: {self.field}: expected {self.expected}, got {self.actual} "
            f"(basis: {self.basis})"
        )


@attrs.frozen
class Result:
    """The outcome of one case."""

    case: Case
    mismatches: tuple[Mismatch, ...]

    @property
    def ok(self) -> bool:
        """True when the response matched every expected figure."""
        return not self.mismatches


@attrs.frozen
class Report:
    """The outcome of a run over many cases."""

    results: tuple[Result, ...]

    @property
    def failed(self) -> int:
        """Number of cases with at least one mismatch."""
        return sum(not r.ok for r in self.results)

    @property
    def ok(self) -> bool:
        """True when every case passed."""
        return self.failed == 0

    @property
    def mismatches(self) -> list[Mismatch]:
        """Every mismatch, case by case."""
        return [m for r in self.results for m in r.mismatches]

    def render(self, locale: str = "en") -> str:
        """A readable report: one line per mismatch, then a summary."""
        lines = [f"FAIL {m}" for m in self.mismatches]
        summary = translate(N_("{passed} of {total} conformance cases passed"), locale)
        lines.append(
            summary.format(passed=len(self.results) - self.failed, total=len(self.results))
        )
        return "\n".join(lines)


def case_id(case: Case) -> str:
    """A test id for a case, for ``pytest.mark.parametrize(..., ids=case_id)``."""
    return f"{case.kind}: {case.name}"


@cache
def _load(kind: str) -> tuple[Case, ...]:
    if kind not in KINDS:
        raise InvalidInputError(
            f"unknown conformance kind {kind!r}; use one of {', '.join(KINDS)}.", field="kind"
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
        )
        for c in document["cases"]
    )


def cases(kind: str | None = None) -> list[Case]:
    """The bundled vectors of one kind (``contributions`` or ``benefits``), or of every kind.

    Downstream suites parametrise over them in one line::

        @pytest.mark.parametrize("case", cases("contributions"), ids=case_id)
    """
    kinds = KINDS if kind is None else (kind,)
    return [case for k in kinds for case in _load(k)]


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _same(expected: object, actual: object) -> bool:
    e, a = _number(expected), _number(actual)
    if e is not None and a is not None:
        return e == a
    return expected == actual


def check(case: Case, response: Mapping[str, Any]) -> list[Mismatch]:
    """Compare a response mapping with the fields present in ``case.expected``."""
    if case.kind == "contributions":
        return _check_contributions(case, response)
    return _check_benefits(case, response)


def _check_contributions(case: Case, response: Mapping[str, Any]) -> list[Mismatch]:
    want = case.expected
    out: list[Mismatch] = []
    if want.get("rejected"):
        return [Mismatch(case.name, "rejected", "refusal", "a response", case.source)]
    totals = response.get("totals") or {}
    for payer, amount in want.get("totals", {}).items():
        if not _same(amount, totals.get(payer)):
            basis = want.get("totals_basis", {}).get(payer, case.source)
            out.append(Mismatch(case.name, f"totals.{payer}", amount, totals.get(payer), basis))
    lines = [
        (str(ln.get("program")), str(ln.get("payer")), ln.get("amount"))
        for ln in response.get("lines") or []
    ]
    remaining = list(lines)
    for line in want.get("lines", []):
        match = next(
            (
                got
                for got in remaining
                if got[:2] == (line["program"], line["payer"]) and _same(line["amount"], got[2])
            ),
            None,
        )
        if match is None:
            actual = [g[2] for g in remaining if g[:2] == (line["program"], line["payer"])]
            field = f"lines[{line['program']}, {line['payer']}]"
            out.append(
                Mismatch(case.name, field, line["amount"], actual or "no line", line["basis"])
            )
        else:
            remaining.remove(match)
    if want.get("all_lines") and remaining and not out:
        out.append(Mismatch(case.name, "lines", "no other line", remaining, case.source))
    for program in want.get("absent", []):
        present = [g for g in lines if g[0] == program]
        if present:
            out.append(Mismatch(case.name, f"absent[{program}]", "no line", present, case.source))
    return out


def _check_benefits(case: Case, response: Mapping[str, Any]) -> list[Mismatch]:
    want = case.expected
    out: list[Mismatch] = []
    basis = str(want.get("basis") or case.source)
    for field in ("eligible", "monthly", "missing"):
        if field in want and response.get(field) != want[field]:
            out.append(Mismatch(case.name, field, want[field], response.get(field), basis))
    if "total" in want and not _same(want["total"], response.get("total")):
        out.append(Mismatch(case.name, "total", want["total"], response.get("total"), basis))
    got = {c.get("name"): c.get("amount") for c in response.get("components") or []}
    for part in want.get("components", []):
        if not _same(part["amount"], got.get(part["name"])):
            field = f"components.{part['name']}"
            out.append(
                Mismatch(case.name, field, part["amount"], got.get(part["name"]), part["basis"])
            )
    return out


def _one(case: Case, implementation: Implementation) -> Result:
    try:
        response = implementation(case.request)
    except Exception as exc:  # noqa: BLE001 - any failure of the implementation is reported
        if case.expected.get("rejected"):
            return Result(case, ())
        problem = " ".join(str(exc).split()) or type(exc).__name__
        return Result(case, (Mismatch(case.name, "response", "a response", problem, case.source),))
    if case.expected.get("rejected") and "error" in response:
        return Result(case, ())
    return Result(case, tuple(check(case, response)))


def run(
    implementation: Implementation,
    *,
    kind: str | None = None,
    selected: Iterable[Case] | None = None,
    jobs: int = 1,
) -> Report:
    """Run ``implementation`` (request mapping -> response mapping) over the vectors.

    A case whose ``expected`` says ``"rejected": true`` passes when the implementation
    raises or answers a mapping with an ``error`` key. ``jobs`` runs cases in threads.
    """
    todo = list(selected) if selected is not None else cases(kind)
    if jobs <= 1:
        return Report(tuple(_one(c, implementation) for c in todo))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return Report(tuple(pool.map(lambda c: _one(c, implementation), todo)))


def library(kind: str) -> Implementation:
    """This library as an implementation of ``kind``: the reference the vectors came from."""
    from perlindungan.benefits import benefit_from_request  # noqa: PLC0415
    from perlindungan.contributions import quote_from_request  # noqa: PLC0415

    if kind == "contributions":
        return lambda request: quote_from_request(request).to_dict()
    if kind == "benefits":
        return lambda request: benefit_from_request(request).to_dict()
    raise InvalidInputError(
        f"unknown conformance kind {kind!r}; use one of {', '.join(KINDS)}.", field="kind"
    )


def command(argv: str | Sequence[str], *, timeout: float = 60) -> Implementation:
    """A program as an implementation: it reads the JSON request on stdin, prints the response.

    ``argv`` is a command line (split like a POSIX shell, never run by a shell) or a list.
    A non-zero exit status means the program rejected the request (:class:`Rejected`).
    """
    args = shlex.split(argv) if isinstance(argv, str) else list(argv)
    if not args:
        raise InvalidInputError("the conformance command is empty.", field="command")
    if shutil.which(args[0]) is None:
        raise InvalidInputError(
            f"conformance command not found: {args[0]!r}; give a program on PATH or its path.",
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
