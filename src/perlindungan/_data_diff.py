"""What changed in the bundled law between two dates (``perlindungan data diff``).

Every parameter whose value in force on the first date differs from its value on the
second, with each step in between and the instrument behind it; and every relief scheme
(a ``flag`` parameter such as ``relief.pp7_2025.in_force``) that starts or ends in
between. Flags are reported as relief events only, not as parameter changes. A value
that is not known on a date (before the first entry, or after ``known_until``) is
``None``.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterator
from typing import Final

import attrs

from perlindungan._i18n import N_, translate
from perlindungan._law_values import json_value, provenance_text, value_text
from perlindungan._message import Message
from perlindungan.contributions._explain import format_date
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError, NoValueInForceError
from perlindungan.parameters import DatedValue, Parameter, parameters

__all__ = ["DataDiff", "ParameterChange", "ReliefChange", "ValueStep", "data_diff"]

_EVENTS: Final = {
    "starts": N_("starts on {date}"),
    "ends": N_("ends on {date} (last contribution month: {month})"),
}


@attrs.frozen
class ValueStep:
    """One value that took effect between the two dates."""

    since: _dt.date
    value: object
    citation: str
    status: str
    confidence: str

    def to_dict(self, unit: str) -> dict[str, object]:
        """JSON form (``unit``: the parameter's, which says how to write the value)."""
        return {
            "since": self.since.isoformat(),
            "value": json_value(unit, self.value),
            "basis": self.citation,
            "status": self.status,
            "confidence": self.confidence,
        }


@attrs.frozen
class ParameterChange:
    """A parameter whose value differs between the two dates."""

    parameter: str
    label_en: str
    label_id: str
    unit: str
    old: object
    new: object
    steps: tuple[ValueStep, ...]

    @property
    def changed_by(self) -> str | None:
        """The citation of the last step: the instrument behind the value on the second
        date (``None`` when that value is not known)."""
        return self.steps[-1].citation if self.steps and self.new is not None else None

    def to_dict(self) -> dict[str, object]:
        """JSON form; ``old``/``new`` are ``null`` when not known on that date."""
        return {
            "parameter": self.parameter,
            "label_en": self.label_en,
            "label_id": self.label_id,
            "unit": self.unit,
            "old": json_value(self.unit, self.old),
            "new": json_value(self.unit, self.new),
            "changed_by": self.changed_by,
            "steps": [step.to_dict(self.unit) for step in self.steps],
        }

    def explain(self, locale: str = "id_ID") -> str:
        """Text: the parameter, old -> new, and each step with its basis."""
        label = self.label_en if locale.lower().startswith("en") else self.label_id
        unknown = translate(N_("not known"), locale)
        old = unknown if self.old is None else value_text(self.unit, self.old, locale)
        new = unknown if self.new is None else value_text(self.unit, self.new, locale)
        lines = [f"  - {self.parameter}: {label}", f"    {old} -> {new}"]
        since = translate(N_("since {date}"), locale)
        lines += [
            f"      {value_text(self.unit, s.value, locale)} "
            f"{since.format(date=format_date(s.since, locale))}: {s.citation} "
            f"{provenance_text(s.status, s.confidence, locale)}"
            for s in self.steps
        ]
        return "\n".join(lines)


@attrs.frozen
class ReliefChange:
    """A relief scheme that starts (its first day) or ends (its last day) in between."""

    parameter: str
    label_en: str
    label_id: str
    event: str
    day: _dt.date
    citation: str

    def to_dict(self) -> dict[str, object]:
        """JSON form: ``event`` is ``starts`` or ``ends``; ``day`` is the first or last day."""
        return {
            "parameter": self.parameter,
            "label_en": self.label_en,
            "label_id": self.label_id,
            "event": self.event,
            "day": self.day.isoformat(),
            "basis": self.citation,
        }

    def explain(self, locale: str = "id_ID") -> str:
        """Text: the scheme, when it starts or ends, and the basis."""
        from babel.dates import format_date as babel_format_date  # noqa: PLC0415

        label = self.label_en if locale.lower().startswith("en") else self.label_id
        loc = "en" if locale.lower().startswith("en") else "id_ID"
        when = translate(_EVENTS[self.event], locale).format(
            date=format_date(self.day, locale),
            month=babel_format_date(self.day, format="MMMM yyyy", locale=loc),
        )
        return f"  - {self.parameter}: {label}\n    {when}. {self.citation}"


@attrs.frozen
class DataDiff:
    """What changed between ``start`` and ``end``: :func:`data_diff`."""

    start: _dt.date
    end: _dt.date
    changes: tuple[ParameterChange, ...]
    reliefs: tuple[ReliefChange, ...]

    def to_dict(self) -> dict[str, object]:
        """JSON form."""
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "counts": {"parameters": len(self.changes), "reliefs": len(self.reliefs)},
            "parameters": [c.to_dict() for c in self.changes],
            "reliefs": [r.to_dict() for r in self.reliefs],
        }

    def explain(self, locale: str = "id_ID") -> str:
        """The diff as text, in Bahasa Indonesia (default) or English."""
        title = translate(
            N_("Changes in the bundled regulation data from {start} to {end}"), locale
        )
        none = ["  " + translate(N_("(none)"), locale)]
        lines = [
            title.format(start=format_date(self.start, locale), end=format_date(self.end, locale)),
            "",
            f"{translate(N_('Parameters whose value changed'), locale)} ({len(self.changes)})",
            *([c.explain(locale) for c in self.changes] or none),
            "",
            f"{translate(N_('Relief schemes that start or end'), locale)} ({len(self.reliefs)})",
            *([r.explain(locale) for r in self.reliefs] or none),
        ]
        return "\n".join(lines)


def _value_on(parameter: Parameter[object], day: _dt.date) -> object:
    try:
        return parameter.value_at(day)
    except NoValueInForceError:
        return None


def _steps(parameter: Parameter[object], start: _dt.date, end: _dt.date) -> tuple[ValueStep, ...]:
    return tuple(
        ValueStep(e.since, e.value, e.cite(), e.status, e.confidence)
        for e in parameter.values
        if start < e.since <= end
    )


def _relief_events(
    parameter: Parameter[object], start: _dt.date, end: _dt.date
) -> Iterator[ReliefChange]:
    entries: tuple[DatedValue[object], ...] = parameter.values
    for before, after in itertools.pairwise(entries):
        if before.value is False and after.value is True and start < after.since <= end:
            yield ReliefChange(
                parameter.name,
                parameter.label_en,
                parameter.label_id,
                "starts",
                after.since,
                after.cite(),
            )
        last = after.since - _dt.timedelta(days=1)
        if before.value is True and after.value is False and start <= last < end:
            yield ReliefChange(
                parameter.name, parameter.label_en, parameter.label_id, "ends", last, after.cite()
            )


def data_diff(start: _dt.date | str, end: _dt.date | str) -> DataDiff:
    """What changed in the bundled law from ``start`` to ``end``.

    >>> from perlindungan import data_diff
    >>> diff = data_diff("2025-01-01", "2026-06-01")
    >>> cap = next(c for c in diff.changes if c.parameter == "pu.jp.wage_cap")
    >>> int(cap.old), int(cap.new), [s.since.isoformat() for s in cap.steps]
    (10042300, 11086300, ['2025-03-01', '2026-03-01'])
    """
    first, last = to_date(start, field="from"), to_date(end, field="to")
    if last < first:
        raise InvalidInputError(
            Message(
                "The second date ({last}) is before the first ({first}); give the earlier "
                "date first.",
                last=last.isoformat(),
                first=first.isoformat(),
            ),
            field="to",
            value=last.isoformat(),
        )
    changes: list[ParameterChange] = []
    reliefs: list[ReliefChange] = []
    found = parameters()
    for name in sorted(found):
        parameter = found[name]
        if parameter.unit == "flag":
            reliefs += _relief_events(parameter, first, last)
            continue
        old, new = _value_on(parameter, first), _value_on(parameter, last)
        if old != new:
            changes.append(
                ParameterChange(
                    name,
                    parameter.label_en,
                    parameter.label_id,
                    parameter.unit,
                    old,
                    new,
                    _steps(parameter, first, last),
                )
            )
    reliefs.sort(key=lambda r: (r.day, r.parameter))
    return DataDiff(first, last, tuple(changes), tuple(reliefs))
