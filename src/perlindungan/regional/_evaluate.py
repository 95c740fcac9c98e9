"""Per-person evaluation: eligible, not eligible or undetermined, with every reason."""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from perlindungan._i18n import N_, translate
from perlindungan._message import Message, localized
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError
from perlindungan.regional._conditions import ConditionResult, Outcome, evaluate_node
from perlindungan.regional._person import Person
from perlindungan.regional._program import Phase, RegionalScheme

__all__ = [
    "Decision",
    "Verdict",
    "decision_notes",
    "evaluate",
    "evaluate_one",
    "verdict_of",
    "with_nik_domicile",
]


class Verdict(enum.StrEnum):
    """The decision on one person."""

    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNDETERMINED = "undetermined"

    @property
    def label(self) -> str:
        """Translatable label."""
        return _LABELS[self]


_LABELS = {
    Verdict.ELIGIBLE: N_("eligible"),
    Verdict.NOT_ELIGIBLE: N_("not eligible"),
    Verdict.UNDETERMINED: N_("undetermined"),
}


@attrs.frozen
class Decision:
    """The decision on one person with each condition's result and the missing facts."""

    person: Person
    program_id: str
    on: _dt.date
    verdict: Verdict
    results: tuple[ConditionResult, ...]
    missing: tuple[str, ...] = ()
    phase: Phase | None = None
    #: Notes that do not change the verdict: a given birth date disagreeing with the NIK,
    #: a NIK first issued outside the program's region.
    notes: tuple[str, ...] = ()

    def reasons(self, locale: str = "id_ID") -> list[str]:
        """One line per condition: met / not met / unknown, with its citation."""
        marks = {
            Outcome.MET: translate(N_("met"), locale),
            Outcome.NOT_MET: translate(N_("not met"), locale),
            Outcome.UNKNOWN: translate(N_("unknown (missing: {fact})"), locale),
        }
        out = []
        for res in self.results:
            mark = marks[res.outcome].format(fact=res.missing)
            note = res.note_text(locale)
            if note:
                mark = f"{mark}: {note}"
            cite = f" [{res.condition.citation}]" if res.condition.citation else ""
            out.append(f"{res.condition.describe(locale)}: {mark}{cite}")
        out.extend(
            f"{translate(N_('note'), locale)}: {localized(note, locale)}" for note in self.notes
        )
        for fact in self.missing:
            if not any(r.missing == fact for r in self.results):
                out.append(
                    translate(N_("fact needed for the premium is missing: {fact}"), locale).format(
                        fact=fact
                    )
                )
        return out

    def to_dict(self, locale: str = "id_ID") -> dict[str, Any]:
        """JSON form."""
        return {
            "id": self.person.id,
            "program": self.program_id,
            "on": self.on.isoformat(),
            "verdict": self.verdict.value,
            "verdict_text": translate(self.verdict.label, locale),
            "missing": list(self.missing),
            "notes": [localized(note, locale) for note in self.notes],
            "phase": self.phase.name if self.phase else None,
            "conditions": [r.to_dict(locale) for r in self.results],
            "reasons": self.reasons(locale),
        }


def verdict_of(
    program: RegionalScheme,
    outcome: Outcome,
    results: Sequence[ConditionResult],
    *,
    activity_value_known: bool,
) -> tuple[Verdict, tuple[str, ...]]:
    """The verdict and the missing facts, from the eligibility outcome and its leaf results
    (shared by :func:`evaluate_one` and the columnar roster path)."""
    missing = [r.missing for r in results if r.outcome is Outcome.UNKNOWN and r.missing]
    if program.coverage.scheme == "construction" and not activity_value_known:
        missing.append("activity_value")
        if outcome is Outcome.MET:
            outcome = Outcome.UNKNOWN
    verdict = {
        Outcome.MET: Verdict.ELIGIBLE,
        Outcome.NOT_MET: Verdict.NOT_ELIGIBLE,
        Outcome.UNKNOWN: Verdict.UNDETERMINED,
    }[outcome]
    return verdict, tuple(dict.fromkeys(missing)) if verdict is Verdict.UNDETERMINED else ()


_N_DOMICILE = Message("domicile taken from the nik area code (scheme.nik_prefix_as_domicile)")
_N_KTP_REGION = Message("ktp_region taken from the nik area code (scheme.nik_prefix_as_domicile)")


def with_nik_domicile(program: RegionalScheme, person: Person) -> Person:
    """The person as the program sees them: when the program says
    ``nik_prefix_as_domicile = true``, a missing ``domicile`` and ``ktp_region`` are the
    NIK's area code, each with a note; otherwise the person unchanged (shared by
    :func:`evaluate_one` and the columnar roster path)."""
    nik = person.nik
    if not program.nik_prefix_as_domicile or nik is None:
        return person
    area = f"{nik[0:2]}.{nik[2:4]}.{nik[4:6]}"
    domicile = person.domicile if person.domicile is not None else area
    ktp_region = person.ktp_region if person.ktp_region is not None else area
    notes = person.notes + tuple(
        note
        for note, given in ((_N_DOMICILE, person.domicile), (_N_KTP_REGION, person.ktp_region))
        if given is None
    )
    if notes == person.notes:
        return person
    return attrs.evolve(person, domicile=domicile, ktp_region=ktp_region, notes=notes)


def evaluate_one(program: RegionalScheme, person: Person, on: _dt.date) -> Decision:
    """The decision on one person on a date."""
    given = person
    person = with_nik_domicile(program, person)
    results: list[ConditionResult] = []
    outcome = evaluate_node(program.eligibility, person, on, results)
    verdict, missing = verdict_of(
        program, outcome, results, activity_value_known=person.activity_value is not None
    )
    return Decision(
        person=person,
        program_id=program.id,
        on=on,
        verdict=verdict,
        results=tuple(results),
        missing=missing,
        phase=program.phase_of(person.role, person.sub_region),
        notes=decision_notes(program, person, nik_is_domicile=person is not given),
    )


def decision_notes(
    program: RegionalScheme, person: Person, *, nik_is_domicile: bool = False
) -> tuple[str, ...]:
    """The notes of a decision: the person's own notes, then where its NIK was first issued
    when outside the program's region, unless the program took its area code as the
    domicile (the conditions then decide on it) (shared by :func:`evaluate_one` and the
    columnar path)."""
    notes = list(person.notes)
    nik = person.nik
    if nik is not None and not nik_is_domicile:
        area = f"{nik[0:2]}.{nik[2:4]}.{nik[4:6]}"
        if not (area == program.region or area.startswith(program.region + ".")):
            notes.append(
                Message(
                    "nik first issued in {area}, outside {region} "
                    "(not the KTP domicile; not a condition)",
                    area=area,
                    region=program.region,
                )
            )
    return tuple(notes)


def evaluate(
    program: RegionalScheme, people: Iterable[Person], *, on: _dt.date | str
) -> list[Decision]:
    """Decisions for every person, in input order; ``on`` must be within the program's validity."""
    day = to_date(on, field="on")
    if not program.in_force(day):
        until = program.valid_until.isoformat() if program.valid_until else Message("open")
        raise InvalidInputError(
            Message(
                "scheme {id} is not in force on {day}; it runs from {valid_from} to {until}.",
                id=repr(program.id),
                day=day.isoformat(),
                valid_from=program.valid_from.isoformat(),
                until=until,
            ),
            field="on",
            value=day,
        )
    return [evaluate_one(program, p, day) for p in people]
