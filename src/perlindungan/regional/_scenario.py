"""What-if scenarios: settings over a program and the law, compared with the baseline.

A setting is ``KEY=VALUE`` (or ``KEY=VALUE@YYYY-MM-DD`` for a parameter from a date):

* ``quota.total=30000``: the program's total quota. When the phases carry places, the
  last phase takes the change, so the phases open the new total.
* ``coverage.income=1500000`` (or ``minimum``): the declared income of the BPU scheme.
* ``growth.participants=0.05`` and ``growth.income=0.03``: yearly growth assumptions.
* any bundled parameter, e.g. ``bpu.jkk.rate=0.012@2027-01-01``: its value from that date
  (for every date without ``@``), through :mod:`perlindungan._overlay`.

A scenario file is TOML::

    [scenario]
    name = "JKK 1,2% from 2027 and 30,000 people"
    set = ["quota.total=30000", "bpu.jkk.rate=0.012@2027-01-01"]

The bundled data is never changed: program settings make a changed copy of the program,
parameter settings are an overlay used only while the scenario is computed.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from pathlib import Path
from typing import Any, Final

import attrs

from perlindungan._input.files import os_reason
from perlindungan._input.limits import MAX_AMOUNT, MAX_COUNT
from perlindungan._message import Message
from perlindungan._overlay import Overlay, Override, applied, override
from perlindungan._suggest import did_you_mean
from perlindungan._toml import read_toml_text
from perlindungan.dates import to_date
from perlindungan.errors import DataProblem, InvalidInputError, RegulationDataError
from perlindungan.money import Rupiah
from perlindungan.parameters import parameters
from perlindungan.regional._allocate import Allocation
from perlindungan.regional._period import (
    AdmittedCohorts,
    Assumptions,
    PeriodBudget,
    period_budget,
)
from perlindungan.regional._program import RegionalScheme

__all__ = ["SCHEME_KEYS", "Comparison", "Scenario", "Setting", "compare", "load_scenario"]

#: Settings that change the program or the assumptions (all other keys are parameters).
SCHEME_KEYS: Final = ("quota.total", "coverage.income", "growth.participants", "growth.income")
_FILE_KEYS: Final = frozenset({"name", "note", "set"})


@attrs.frozen
class Setting:
    """One ``KEY=VALUE[@DATE]`` setting, checked."""

    key: str
    value: str
    since: _dt.date | None = None

    @classmethod
    def parse(cls, text: str) -> Setting:
        """A setting from ``KEY=VALUE`` or ``KEY=VALUE@YYYY-MM-DD``; checked at once."""
        key, sep, rest = text.partition("=")
        key, rest = key.strip(), rest.strip()
        if not sep or not key or not rest:
            raise InvalidInputError(
                Message(
                    "scenario setting {text}: write KEY=VALUE, e.g. quota.total=30000 or bpu.jkk.rate=0.012@2027-01-01.",
                    text=repr(text),
                ),
                field="set",
                value=text,
            )
        raw, at, day = rest.partition("@")
        since = to_date(day.strip(), field=f"{key}@") if at else None
        setting = cls(key, raw.strip(), since)
        setting.check()
        return setting

    @property
    def is_parameter(self) -> bool:
        """True for a bundled parameter (not a program or assumption key)."""
        return self.key not in SCHEME_KEYS

    def check(self) -> None:
        """Raise a clear error for an unknown key or a bad value."""
        if not self.is_parameter:
            if self.since is not None:
                raise InvalidInputError(
                    Message(
                        "{key}: a date (@...) applies to law parameters only; {key} holds for the whole period.",
                        key=self.key,
                    ),
                    field=self.key,
                    value=self.value,
                )
            self.scheme_value()
            return
        if self.key not in parameters():
            choices = [*SCHEME_KEYS, *parameters()]
            raise InvalidInputError(
                Message(
                    "unknown scenario key {key}; {hint}",
                    key=repr(self.key),
                    hint=did_you_mean(self.key, choices),
                ),
                field="set",
                value=self.key,
            )
        self.override()

    def override(self) -> Override:
        """The parameter override of this setting."""
        return override(self.key, self.value, self.since)

    def scheme_value(self) -> int | Rupiah | Assumptions | None:
        """The checked value of a scheme or assumption key."""
        if self.key == "quota.total":
            if not _digits(self.value, MAX_COUNT):
                raise InvalidInputError(
                    Message(
                        "quota.total={value}: must be a whole number of people, such as 30000.",
                        value=self.value[:40],
                    ),
                    field=self.key,
                    value=self.value,
                )
            return int(self.value)
        if self.key == "coverage.income":
            if self.value == "minimum":
                return None
            if not _digits(self.value, MAX_AMOUNT):
                raise InvalidInputError(
                    Message(
                        "coverage.income={value}: must be a monthly income in whole rupiah such as 1500000, or 'minimum'.",
                        value=self.value[:40],
                    ),
                    field=self.key,
                    value=self.value,
                )
            return Rupiah(int(self.value))
        if self.key == "growth.participants":
            return Assumptions(participant_growth=self.value)
        return Assumptions(income_growth=self.value)

    def program_value(self) -> int | Rupiah | Assumptions | None:
        """Deprecated: the old name of :meth:`scheme_value`."""
        warnings.warn(
            "Setting.program_value is deprecated; use Setting.scheme_value",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.scheme_value()

    def __str__(self) -> str:
        at = f"@{self.since.isoformat()}" if self.since else ""
        return f"{self.key}={self.value}{at}"


def _digits(text: str, maximum: int) -> bool:
    """ASCII digits of 0 to ``maximum`` (int() takes other scripts' digits, and fails past
    4,300 digits)."""
    return text.isascii() and text.isdigit() and len(text) < 20 and int(text) <= maximum


@attrs.frozen
class Scenario:
    """A named set of settings."""

    settings: tuple[Setting, ...]
    name: str = "scenario"
    note: str | None = None

    @classmethod
    def of(cls, *texts: str, name: str = "scenario") -> Scenario:
        """A scenario from ``KEY=VALUE[@DATE]`` texts."""
        return cls(tuple(Setting.parse(t) for t in texts), name)

    def overlay(self) -> Overlay:
        """The parameter overrides of the scenario."""
        return Overlay(tuple(s.override() for s in self.settings if s.is_parameter))

    def scheme(self, scheme: RegionalScheme) -> RegionalScheme:
        """A copy of ``scheme`` with the scenario's quota and income."""
        out = scheme
        for s in self.settings:
            if s.key == "quota.total":
                out = _with_total(out, int(s.value))
            elif s.key == "coverage.income":
                if out.coverage.scheme != "bpu":
                    raise InvalidInputError(
                        Message(
                            "coverage.income applies to BPU membership; scheme {id} enrols its people as {upper}.",
                            id=repr(scheme.id),
                            upper=out.coverage.scheme.upper(),
                        ),
                        field=s.key,
                    )
                income = s.scheme_value()
                assert income is None or isinstance(income, Rupiah)
                out = attrs.evolve(out, coverage=attrs.evolve(out.coverage, income=income))
        return out

    def program(self, program: RegionalScheme) -> RegionalScheme:
        """Deprecated: the old name of :meth:`scheme`."""
        warnings.warn(
            "Scenario.program is deprecated; use Scenario.scheme",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.scheme(program)

    def assumptions(self, base: Assumptions) -> Assumptions:
        """``base`` with the scenario's growth settings."""
        out = base
        for s in self.settings:
            if s.key == "growth.participants":
                out = attrs.evolve(out, participant_growth=s.value)
            elif s.key == "growth.income":
                out = attrs.evolve(out, income_growth=s.value)
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"name": self.name, "note": self.note, "set": [str(s) for s in self.settings]}


def _with_total(program: RegionalScheme, total: int) -> RegionalScheme:
    quota = attrs.evolve(program.quota, total=total)
    if not program.phased_places:
        return attrs.evolve(program, quota=quota)
    phases = list(program.phases)
    before = sum(ph.places or 0 for ph in phases[:-1])
    phases[-1] = attrs.evolve(phases[-1], places=max(total - before, 0))
    return attrs.evolve(program, quota=quota, phases=tuple(phases))


def load_scenario(path: str | Path) -> Scenario:
    """A scenario file (see the module text); every problem names the file and key."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(
            Message(
                "cannot read scenario file {value}: {reason}.",
                value=repr(str(path)),
                reason=os_reason(exc),
            ),
            field="scenario",
        ) from None
    doc = read_toml_text(text, p.name)
    problems: list[DataProblem] = []
    for key in doc.data:
        if key != "scenario":
            problems.append(
                doc.problem(
                    key, Message("unknown key {key}; did you mean 'scenario'?", key=repr(key))
                )
            )
    raw = doc.data.get("scenario")
    if not isinstance(raw, dict):
        problems.append(doc.problem("scenario", Message("missing the [scenario] table")))
        raise RegulationDataError(problems)
    for key in raw:
        if key not in _FILE_KEYS:
            problems.append(
                doc.problem(
                    f"scenario.{key}",
                    Message(
                        "unknown key {key}; {hint}",
                        key=repr(key),
                        hint=did_you_mean(key, _FILE_KEYS),
                    ),
                )
            )
    texts = raw.get("set")
    if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
        problems.append(
            doc.problem(
                "scenario.set",
                Message('must be a list of "KEY=VALUE" texts, e.g. ["quota.total=30000"]'),
            )
        )
        texts = []
    settings = []
    for i, t in enumerate(texts):
        try:
            settings.append(Setting.parse(t))
        except InvalidInputError as exc:
            problems.append(doc.problem(f"scenario.set[{i}]", exc.message))
    if problems:
        raise RegulationDataError(problems)
    name = raw.get("name")
    note = raw.get("note")
    return Scenario(
        tuple(settings),
        name if isinstance(name, str) and name.strip() else p.stem,
        note if isinstance(note, str) else None,
    )


@attrs.frozen
class Comparison:
    """A scenario beside its baseline: per year and payer, and the difference."""

    scenario: Scenario
    baseline: PeriodBudget
    changed: PeriodBudget

    def rows(self) -> list[tuple[int, str, Rupiah, Rupiah, Rupiah]]:
        """(year, payer, baseline, scenario, difference), years and payers sorted."""
        base, new = self.baseline.per_payer_year(), self.changed.per_payer_year()
        out = []
        for year in sorted(set(base) | set(new)):
            payers = sorted(set(base.get(year, {})) | set(new.get(year, {})))
            for payer in payers:
                b = base.get(year, {}).get(payer, Rupiah.zero())
                s = new.get(year, {}).get(payer, Rupiah.zero())
                out.append((year, payer, b, s, s - b))
        return out

    @property
    def difference(self) -> Rupiah:
        """Scenario total minus baseline total."""
        return self.changed.total - self.baseline.total

    def to_dict(self, locale: str = "id_ID") -> dict[str, Any]:
        """JSON form: the scenario, both budgets and the difference per year and payer."""
        return {
            "kind": "scenario",
            "scenario": self.scenario.to_dict(),
            "baseline": self.baseline.to_dict(locale),
            "result": self.changed.to_dict(locale),
            "difference_total": int(self.difference),
            "per_payer_year": [
                {
                    "year": y,
                    "payer": p,
                    "baseline": int(b),
                    "scenario": int(s),
                    "difference": int(d),
                }
                for y, p, b, s, d in self.rows()
            ],
        }


def compare(
    program: RegionalScheme,
    scenario: Scenario,
    *,
    start: _dt.date | str,
    end: _dt.date | str,
    allocation: Allocation | AdmittedCohorts | None = None,
    participants: int | None = None,
    assumptions: Assumptions | None = None,
) -> Comparison:
    """The baseline budget and the scenario's, over the same period.

    >>> from perlindungan.regional import scheme
    >>> s = Scenario.of("quota.total=13000")
    >>> c = compare(scheme("kota-serang-2026"), s, start="2026-01-01", end="2026-12-31")
    >>> int(c.difference) == 1_000 * 16_800 * 12
    True

    """
    base_assume = assumptions or Assumptions()
    baseline = period_budget(
        program,
        start=start,
        end=end,
        allocation=allocation,
        participants=participants,
        assumptions=base_assume,
    )
    changed_program = scenario.scheme(program)
    if allocation is not None and changed_program.quota != program.quota:
        raise InvalidInputError(
            Message(
                "quota.total changes the plan, not a roster's allocation: run the roster with "
                "the changed program file, or budget the plan."
            ),
            field="quota.total",
        )
    with applied(scenario.overlay()):
        changed = period_budget(
            changed_program,
            start=start,
            end=end,
            allocation=allocation,
            participants=participants,
            assumptions=scenario.assumptions(base_assume),
        )
    return Comparison(scenario, baseline, changed)
