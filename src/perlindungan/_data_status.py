"""What in the bundled law runs out soon, or rests on weak ground (``perlindungan data status``).

Read from the data alone, so that a new parameter or relief scheme appears without code:

- ``runs_out``: a parameter whose figures are known only until a day in the window
  (``known_until``, such as the JP wage cap), a relief scheme whose last contribution month
  ends in the window (a ``flag`` parameter that turns from true to false), a value with an
  ``until`` day in the window;
- ``expired``: a parameter whose figures end before the date (``known_until`` passed);
- ``announced``: values announced (a BPJS letter, the press) but not read in a regulation;
- ``derived_or_unverified``: values computed from a rule (``derived``, confidence D),
  ``illustrative`` ones and those not verified (confidence M);
- ``no_article``: values whose main citation names no article (or only a placeholder such
  as "(pasal tidak ditemukan)"); BPJS letters have no articles and are not listed.

The last three look at the values in force on the date or later: what today's and
future calculations rest on.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Final

import attrs

from perlindungan._i18n import N_, translate
from perlindungan._input.shown import shown
from perlindungan._law_values import end_of_entries, json_value, provenance_text, value_text
from perlindungan._message import Message
from perlindungan._suggest import did_you_mean
from perlindungan.contributions._explain import format_date
from perlindungan.dates import to_date
from perlindungan.errors import InvalidInputError, UnknownNameError
from perlindungan.parameters import DatedValue, Parameter, parameters

__all__ = ["GROUPS", "DataStatus", "StatusItem", "data_status"]

#: The groups of the report, in order, with their headings (English message ids).
GROUPS: Final = {
    "runs_out": N_("Runs out within the window"),
    "expired": N_("No longer known: the figures end before the date"),
    "announced": N_("Announced, not read in the text of a regulation"),
    "derived_or_unverified": N_("Derived, illustrative or not verified"),
    "no_article": N_("No article cited"),
}
#: Why an item is listed, in words, where the group's heading does not say it already.
_REASONS: Final = {
    "known_until": N_("figures known until {date}; the next ones are not published yet"),
    "relief_ends": N_("last contribution month: {month}"),
    "until": N_("in force until {date}"),
    "expired": N_("no figure known after {date}"),
    "confidence_D": N_("confidence D: computed from confirmed inputs"),
    "confidence_M": N_("confidence M: not verified"),
}
DEFAULT_WINDOW_DAYS: Final = 180


@attrs.frozen
class StatusItem:
    """One value the report points at, and why."""

    group: str
    reason: str
    parameter: str
    label_en: str
    label_id: str
    unit: str
    value: object
    since: _dt.date
    ends: _dt.date | None
    citation: str
    status: str
    confidence: str
    note: str | None = None

    def to_dict(self) -> dict[str, object]:
        """JSON form with stable codes (``group``, ``reason``) and ISO dates."""
        return {
            "group": self.group,
            "reason": self.reason,
            "parameter": self.parameter,
            "label_en": self.label_en,
            "label_id": self.label_id,
            "unit": self.unit,
            "value": json_value(self.unit, self.value),
            "since": self.since.isoformat(),
            "ends": self.ends.isoformat() if self.ends is not None else None,
            "basis": self.citation,
            "status": self.status,
            "confidence": self.confidence,
            "note": self.note,
        }

    def explain(self, locale: str = "id_ID") -> str:
        """Two lines of text: the parameter, then its value, why it is listed and its basis."""
        label = self.label_en if locale.lower().startswith("en") else self.label_id
        since = translate(N_("since {date}"), locale).format(date=format_date(self.since, locale))
        text = f"{value_text(self.unit, self.value, locale)} {since}"
        if self.reason in _REASONS:
            text += "; " + translate(_REASONS[self.reason], locale).format(
                date=format_date(self.ends, locale) if self.ends else "",
                month=_month(self.ends, locale) if self.ends else "",
            )
        provenance = provenance_text(self.status, self.confidence, locale)
        return f"  - {self.parameter}: {label}\n    {text}. {self.citation} {provenance}"


def _month(day: _dt.date, locale: str) -> str:
    from babel.dates import format_date as babel_format_date  # noqa: PLC0415

    loc = "en" if locale.lower().startswith("en") else "id_ID"
    return str(babel_format_date(day, format="MMMM yyyy", locale=loc))


@attrs.frozen
class DataStatus:
    """The report for one date and window: :func:`data_status`."""

    on: _dt.date
    within_days: int
    items: tuple[StatusItem, ...]

    @property
    def horizon(self) -> _dt.date:
        """The last day of the window."""
        return self.on + _dt.timedelta(days=self.within_days)

    def group(self, code: str) -> tuple[StatusItem, ...]:
        """The items of one group (``runs_out``, ``announced``, ...)."""
        if code not in GROUPS:
            raise UnknownNameError(
                Message(
                    "Unknown group {code}; {hint}",
                    code=shown(code),
                    hint=did_you_mean(code, GROUPS),
                ),
                field="group",
                value=code,
            )
        return tuple(item for item in self.items if item.group == code)

    @property
    def counts(self) -> dict[str, int]:
        """Items per group, every group present."""
        return {code: len(self.group(code)) for code in GROUPS}

    def to_dict(self) -> dict[str, object]:
        """JSON form: the date, the window, the counts and the groups with their items."""
        return {
            "on": self.on.isoformat(),
            "within_days": self.within_days,
            "until": self.horizon.isoformat(),
            "counts": self.counts,
            "groups": [
                {
                    "code": code,
                    "label_en": heading,
                    "label_id": translate(heading, "id_ID"),
                    "count": len(self.group(code)),
                    "items": [item.to_dict() for item in self.group(code)],
                }
                for code, heading in GROUPS.items()
            ],
        }

    def explain(self, locale: str = "id_ID") -> str:
        """The report as text, in Bahasa Indonesia (default) or English."""
        title = translate(N_("Status of the bundled regulation data on {date}"), locale)
        window = translate(N_("Window: {days} days, until {date}"), locale)
        lines = [
            title.format(date=format_date(self.on, locale)),
            window.format(days=self.within_days, date=format_date(self.horizon, locale)),
        ]
        for code, heading in GROUPS.items():
            items = self.group(code)
            lines += ["", f"{translate(heading, locale)} ({len(items)})"]
            lines += [item.explain(locale) for item in items] or [
                "  " + translate(N_("(none)"), locale)
            ]
        return "\n".join(lines)


def _runs_out(
    parameter: Parameter[object], on: _dt.date, horizon: _dt.date
) -> Iterator[StatusItem]:
    entries = parameter.values
    known = parameter.known_until
    if known is not None and known < on:
        yield _item("expired", "expired", parameter, parameter.at(known), known)
    elif known is not None and known <= horizon:
        yield _item("runs_out", "known_until", parameter, parameter.at(known), known)
    for index, entry in enumerate(entries):
        if entry.until is not None and on <= entry.until <= horizon:
            yield _item("runs_out", "until", parameter, entry, entry.until)
        if (
            parameter.unit == "flag"
            and entry.value is True
            and index + 1 < len(entries)
            and entries[index + 1].value is False
        ):
            last = entries[index + 1].since - _dt.timedelta(days=1)
            if on <= last <= horizon:
                yield _item("runs_out", "relief_ends", parameter, entry, last)


#: Instruments that have no articles to cite: BPJS letters and the library's conventions.
_NO_ARTICLES: Final = frozenset({"Surat BPJS", "Library"})


def _lacks_article(entry: DatedValue[object]) -> bool:
    """No article, or a placeholder in parentheses such as ``(pasal tidak ditemukan)``."""
    citation = entry.citation
    if citation.basis.kind in _NO_ARTICLES:
        return False
    article = (citation.article or "").strip()
    return not article or article.startswith("(")


def _quality(parameter: Parameter[object], on: _dt.date) -> Iterator[StatusItem]:
    entries = parameter.values
    for index, entry in enumerate(entries):
        ends = end_of_entries(entries, index, parameter.known_until)
        if ends is not None and ends < on:
            continue
        if entry.status == "announced":
            yield _item("announced", "announced", parameter, entry, ends)
        if entry.status in {"derived", "illustrative"}:
            yield _item("derived_or_unverified", entry.status, parameter, entry, ends)
        elif entry.confidence in {"D", "M"}:
            yield _item(
                "derived_or_unverified", f"confidence_{entry.confidence}", parameter, entry, ends
            )
        if _lacks_article(entry):
            yield _item("no_article", "no_article", parameter, entry, ends)


def _item(
    group: str,
    reason: str,
    parameter: Parameter[object],
    entry: DatedValue[object],
    ends: _dt.date | None,
) -> StatusItem:
    return StatusItem(
        group=group,
        reason=reason,
        parameter=parameter.name,
        label_en=parameter.label_en,
        label_id=parameter.label_id,
        unit=parameter.unit,
        value=entry.value,
        since=entry.since,
        ends=ends,
        citation=entry.cite(),
        status=entry.status,
        confidence=entry.confidence,
        note=entry.note,
    )


def data_status(on: _dt.date | str, within: int = DEFAULT_WINDOW_DAYS) -> DataStatus:
    """What in the bundled law runs out within ``within`` days of ``on``, and what rests on
    announced, derived or unverified values or lacks an article.

    >>> from perlindungan import data_status
    >>> report = data_status(on="2026-11-30", within=120)
    >>> [str(i.ends) for i in report.group("runs_out") if i.parameter == "pu.jp.wage_cap"]
    ['2027-02-28']
    """
    day = to_date(on)
    if isinstance(within, bool) or not isinstance(within, int) or within < 0:
        raise InvalidInputError(
            Message(
                "within must be a whole number of days, 0 or more (e.g. 180), got {value}.",
                value=shown(within),
            ),
            field="within",
            value=within,
        )
    longest = (_dt.date.max - day).days
    if within > longest:
        raise InvalidInputError(
            Message(
                "within is {value} days: the window would end after 9999-12-31; give at "
                "most {longest:,} days from {day} (e.g. 180).",
                value=shown(within),
                longest=longest,
                day=day.isoformat(),
            ),
            field="within",
            value=within,
        )
    horizon = day + _dt.timedelta(days=within)
    found = parameters()
    items: list[StatusItem] = []
    for name in sorted(found):
        items += _runs_out(found[name], day, horizon)
        items += _quality(found[name], day)
    order = list(GROUPS)
    items.sort(
        key=lambda i: (
            (order.index(i.group), i.ends or _dt.date.max, i.parameter, i.since)
            if i.group in {"runs_out", "expired"}
            else (order.index(i.group), _dt.date.min, i.parameter, i.since)
        )
    )
    return DataStatus(on=day, within_days=within, items=tuple(items))
