"""Cases, mismatches and reports of the conformance vectors."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from perlindungan._i18n import N_, translate
from perlindungan._message import Message, localized
from perlindungan.conformance._check import check

__all__ = ["Case", "Implementation", "Mismatch", "Rejected", "Report", "Result"]

Implementation = Callable[[dict[str, Any]], Mapping[str, Any]]


class Rejected(Exception):  # noqa: N818 - it is an outcome, not a failure of the runner
    """Raised by :func:`perlindungan.conformance.command` when the program refuses a request
    (non-zero exit)."""


@attrs.frozen
class Case:
    """One conformance vector: a request and the expected part of the response.

    ``id`` is short and stable (``relief-03``, ``ex08-jp-180-months``): the pytest id.
    ``category`` is the worker category the case is about (``pu``, ``bpu``,
    ``construction``, ``migrant``), None for a benefit claim that names none.
    """

    name: str
    kind: str
    source: str
    request: dict[str, Any] = attrs.field(eq=False)
    expected: dict[str, Any] = attrs.field(eq=False)
    id: str = ""

    @property
    def category(self) -> str | None:
        """The worker category of the request (None when the request names none)."""
        part = self.request.get("worker" if self.kind == "contributions" else "claim")
        value = part.get("category") if isinstance(part, Mapping) else None
        return None if value is None else str(value).lower()

    @property
    def rule(self) -> str:
        """The rule the case tests: its source (the hand computation and the article)."""
        return self.source

    @property
    def rejected(self) -> bool:
        """True when the right answer is a refusal."""
        return bool(self.expected.get("rejected"))

    def check(self, response: Mapping[str, Any]) -> list[Mismatch]:
        """The mismatches between a response and this case (empty: it passes).

        A refusal written as a response, ``{"error": ...}``, passes a case whose answer is a
        refusal and is a mismatch (showing the error) for any other case.
        """

        return check(self, response)

    def run(self, implementation: Implementation) -> list[Mismatch]:
        """Call ``implementation(request)`` and check its answer; empty when it passes.

        Raising is how a Python implementation refuses: an exception passes a case whose
        answer is a refusal, and is a mismatch (with its message) for any other case. This
        makes the one-line pytest recipe right for every case::

            assert case.run(my_payroll.quote) == []
        """
        try:
            response = implementation(self.request)
        except Exception as exc:  # noqa: BLE001 - any refusal or failure is an outcome
            if self.rejected:
                return []
            problem = " ".join(str(exc).split()) or type(exc).__name__
            refusal = Message("refused: {error}", error=problem)
            return [self.mismatch("response", Message("a response"), refusal, self.rule)]
        return self.check(response)

    def mismatch(self, field: str, expected: object, actual: object, basis: str) -> Mismatch:
        """A mismatch of this case, carrying its request."""
        return Mismatch(
            self.name, field, expected, actual, basis, request=self.request, rule=self.rule
        )


@attrs.frozen
class Mismatch:
    """One expected figure the implementation did not produce.

    ``basis`` cites what the expected figure rests on, the most specific rule first (a
    relief scheme, a cap, then the rate's article); ``rule`` is the case's own source (the
    rule it tests); ``request`` is the request that was sent.
    """

    case: str
    field: str
    expected: object
    actual: object
    basis: str
    request: Mapping[str, Any] | None = attrs.field(default=None, eq=False)
    rule: str = attrs.field(default="", eq=False)

    def __str__(self) -> str:
        return self.localized("en")

    def localized(self, locale: str) -> str:
        """The mismatch as one line in ``locale`` (``str()`` is English); the figures,
        fields and citations are shown as they are."""
        return localized(
            Message(
                "{case}: {field}: expected {expected}, got {actual} (basis: {basis})",
                case=self.case,
                field=self.field,
                expected=_shown(self.expected),
                actual=_shown(self.actual),
                basis=self.basis,
            ),
            locale,
        )

    def request_text(self) -> str:
        """The request as one line of JSON."""
        return json.dumps(self.request, ensure_ascii=False, sort_keys=True)


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
        """A readable report: one line per mismatch and the request of each failed case,
        then a summary."""
        lines: list[str] = []
        request, rule = translate(N_("request"), locale), translate(N_("rule tested"), locale)
        for result in self.results:
            if result.ok:
                continue
            lines.extend(f"FAIL {m.localized(locale)}" for m in result.mismatches)
            lines.append(f"     {rule}: {result.case.rule}")
            lines.append(f"     {request}: {result.mismatches[0].request_text()}")
        summary = translate(N_("{passed} of {total} conformance cases passed"), locale)
        lines.append(
            summary.format(passed=len(self.results) - self.failed, total=len(self.results))
        )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: counts and every mismatch with its case, rule and request."""
        return {
            "passed": len(self.results) - self.failed,
            "failed": self.failed,
            "mismatches": [
                {
                    "case": m.case,
                    "field": m.field,
                    "expected": m.expected,
                    "actual": m.actual,
                    "basis": m.basis,
                    "rule": m.rule,
                    "request": m.request,
                }
                for m in self.mismatches
            ],
        }


def _shown(value: object) -> object:
    """A figure as ``str()`` shows it; a :class:`Message` is kept, to be localized."""
    return value if isinstance(value, Message) else str(value)
