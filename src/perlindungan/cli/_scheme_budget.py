"""``perlindungan scheme budget``: a scheme's budget over a period, or a scenario.

Flags that do not apply to an action are refused (exit 2), never ignored.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
from collections.abc import Mapping
from pathlib import Path

from perlindungan._i18n import N_
from perlindungan._message import Message
from perlindungan.dates import anniversary, to_date
from perlindungan.errors import InvalidInputError
from perlindungan.regional._memory_limit import memory_limit_of
from perlindungan.regional._period import Assumptions, PeriodBudget, period_budget
from perlindungan.regional._program import RegionalScheme
from perlindungan.regional._scenario import Comparison, Scenario, Setting, compare, load_scenario

__all__ = [
    "ALLOWED",
    "DEFAULTS",
    "add_budget_arguments",
    "command_of",
    "refuse_inapplicable",
    "run_budget",
]

#: Flag destinations and their defaults: a flag whose value differs was given.
DEFAULTS: Mapping[str, object] = {
    "on": None,
    "roster": None,
    "format": "text",
    "output": None,
    "participants": None,
    "progress": False,
    "start": None,
    "end": None,
    "settings": None,
    "scenario": None,
    "participant_growth": None,
    "income_growth": None,
    "charts": None,
    "mask_nik": False,
    "engine": "auto",
    "memory_limit": None,
}
#: The flags each action takes (``--lang`` is taken by all).
ALLOWED: Mapping[str, frozenset[str]] = {
    "list": frozenset(),
    "show": frozenset({"output"}),
    "check": frozenset(),
    "evaluate": frozenset(
        {"on", "roster", "format", "output", "progress", "mask_nik", "engine", "memory_limit"}
    ),
    "budget": frozenset(DEFAULTS) - {"mask_nik"},
}
_FLAGS = {
    "start": "--from",
    "end": "--to",
    "settings": "--set",
    "participant_growth": "--participant-growth",
    "income_growth": "--income-growth",
}


def command_of(args: argparse.Namespace) -> str:
    """The command as typed: ``scheme``, or its old name ``program``."""
    return str(getattr(args, "command", None) or "scheme")


def _flag(dest: str) -> str:
    return _FLAGS.get(dest, "--" + dest.replace("_", "-"))


def add_budget_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of ``budget`` (other actions refuse them)."""
    parser.add_argument(
        "--from", dest="start", help=N_("budget: first day of the period (YYYY-MM-DD)")
    )
    parser.add_argument("--to", dest="end", help=N_("budget: last day of the period (YYYY-MM-DD)"))
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        metavar="KEY=VALUE[@DATE]",
        help=N_(
            "budget: a what-if setting, e.g. quota.total=30000 or bpu.jkk.rate=0.012@2027-01-01"
        ),
    )
    parser.add_argument(
        "--scenario", help=N_("budget: a scenario file (TOML, [scenario] set = [...])")
    )
    parser.add_argument(
        "--participant-growth", help=N_("budget: assumed yearly growth of participants, e.g. 0.05")
    )
    parser.add_argument(
        "--income-growth",
        help=N_("budget: assumed yearly growth of the declared income, e.g. 0.03"),
    )
    parser.add_argument(
        "--charts", help=N_("budget: write the charts as SVG and PNG files into this folder")
    )


def refuse_inapplicable(args: argparse.Namespace) -> None:
    """Raise for a flag given to an action that does not take it."""
    allowed = ALLOWED[args.action]
    for dest, default in DEFAULTS.items():
        if dest not in allowed and getattr(args, dest, default) != default:
            takes = ", ".join(sorted(_flag(d) for d in allowed)) or Message("no flags but --lang")
            raise InvalidInputError(
                Message(
                    "{flag} does not apply to '{command} {action}'; it takes: {takes}.",
                    flag=_flag(dest),
                    command=command_of(args),
                    action=args.action,
                    takes=takes,
                ),
                field=dest,
            )
    _check_memory_limit(args)
    if args.format == "html" and args.action != "budget":
        raise InvalidInputError(
            Message(
                "--format html applies to '{command} budget' only; '{command} {action}' "
                "writes text, csv or json.",
                command=command_of(args),
                action=args.action,
            ),
            field="format",
        )
    if args.action != "budget":
        return
    if args.roster is not None and args.participants is not None:
        raise InvalidInputError(
            Message(
                "--participants does not apply with --roster: the roster's admitted people are "
                "budgeted."
            ),
            field="participants",
        )
    if args.progress and args.roster is None:
        raise InvalidInputError(Message("--progress applies with --roster only."), field="progress")
    for dest in ("engine", "memory_limit"):
        if getattr(args, dest, DEFAULTS[dest]) != DEFAULTS[dest] and args.roster is None:
            raise InvalidInputError(
                Message(
                    "{flag} applies with --roster only (where the roster's rows wait for "
                    "allocation).",
                    flag=_flag(dest),
                ),
                field=dest,
            )
    if args.on is not None and args.roster is None and (args.start or args.end):
        raise InvalidInputError(
            Message(
                "--on with --from/--to applies to a roster (the day it is evaluated); "
                "without --roster the period is --from .. --to."
            ),
            field="on",
        )
    if args.end is not None and args.start is None:
        raise InvalidInputError(
            Message("--to needs --from (the first day of the period)."), field="to"
        )
    if args.output and (args.output.endswith(("/", "\\")) or Path(args.output).is_dir()):
        raise InvalidInputError(
            Message(
                "{command} budget --output takes a file, not a folder; use --charts DIR for "
                "charts.",
                command=command_of(args),
            ),
            field="output",
        )


def _check_memory_limit(args: argparse.Namespace) -> None:
    """``--memory-limit`` is a size, for the engines that use DuckDB."""
    given = getattr(args, "memory_limit", None)
    if given is None:
        return
    memory_limit_of(given, field="--memory-limit")
    engine = getattr(args, "engine", "auto")
    if engine not in ("duckdb", "auto"):
        raise InvalidInputError(
            Message(
                "--memory-limit applies to --engine duckdb or auto (DuckDB's memory), not to "
                "--engine {engine}.",
                engine=engine,
            ),
            field="memory_limit",
        )


def _in_force(program: RegionalScheme, day: _dt.date, flag: str) -> None:
    if not program.in_force(day):
        until = program.valid_until.isoformat() if program.valid_until else Message("open")
        raise InvalidInputError(
            Message(
                "{flag} {day}: scheme {scheme} is not in force that day; it runs from "
                "{start} to {until}. Give a day within it, or a period with --from/--to "
                "(months outside the scheme are shown, not billed).",
                flag=flag,
                day=day.isoformat(),
                scheme=repr(program.id),
                start=program.valid_from.isoformat(),
                until=until,
            ),
            field=flag.lstrip("-"),
            value=day,
        )


def _year_after(day: _dt.date) -> _dt.date:
    """The last day of the year that starts on ``day`` (from 29 February: 28 February;
    the calendar's last day when the year would pass 9999)."""
    if day.year == _dt.MAXYEAR:
        return _dt.date.max
    return anniversary(day, 1) - _dt.timedelta(days=1)


def period_of(args: argparse.Namespace, program: RegionalScheme) -> tuple[_dt.date, _dt.date]:
    """The period asked for: --from/--to; else a year from --on (or the scheme's start)."""
    if args.start:
        start = to_date(args.start, field="from")
        end = to_date(args.end, field="to") if args.end else _year_after(start)
        return start, end
    if args.on is not None:
        day = to_date(args.on, field="on")
        _in_force(program, day, "--on")
        return day, _year_after(day)
    return program.valid_from, _year_after(program.valid_from)


def scenario_of(args: argparse.Namespace) -> Scenario | None:
    """The scenario of --scenario and --set (settings after the file's), or None."""
    settings: list[Setting] = []
    name = "--set"
    note = None
    if args.scenario:
        loaded = load_scenario(args.scenario)
        settings.extend(loaded.settings)
        name, note = loaded.name, loaded.note
    settings.extend(Setting.parse(text) for text in args.settings or ())
    if not settings:
        return None
    return Scenario(tuple(settings), name, note)


def assumptions_of(args: argparse.Namespace) -> Assumptions:
    """The declared growth assumptions."""
    return Assumptions(
        participant_growth=args.participant_growth or "0",
        income_growth=args.income_growth or "0",
    )


def run_budget(
    args: argparse.Namespace,
    program: RegionalScheme,
    locale: str,
    evaluate_roster: object,
) -> tuple[str, PeriodBudget | Comparison]:
    """The budget (or scenario comparison) as text in the chosen format."""
    # imports babel, which the CLI loads only to format output
    from perlindungan.cli import _budget_output as out  # noqa: PLC0415

    start, end = period_of(args, program)
    allocation = None
    if args.roster is not None:
        assert callable(evaluate_roster)
        if args.on is not None:
            day = to_date(args.on, field="on")
            _in_force(program, day, "--on")
        else:
            day = min(end, program.valid_until or end)
            if not program.in_force(day):
                _in_force(program, day, "--to")
        allocation = evaluate_roster(day)
    assume = assumptions_of(args)
    scenario = scenario_of(args)
    result: PeriodBudget | Comparison
    if scenario is None:
        result = period_budget(
            program,
            start=start,
            end=end,
            allocation=allocation,
            participants=args.participants,
            assumptions=assume,
        )
    else:
        result = compare(
            program,
            scenario,
            start=start,
            end=end,
            allocation=allocation,
            participants=args.participants,
            assumptions=assume,
        )
    if args.format == "json":
        return json.dumps(result.to_dict(locale), ensure_ascii=False, indent=2), result
    if args.format == "csv":
        if isinstance(result, Comparison):
            return out.comparison_csv(result, program, locale).rstrip("\n"), result
        return out.budget_csv(result, program, locale).rstrip("\n"), result
    if isinstance(result, Comparison):
        text = out.comparison_text(program, result, locale)
    else:
        text = out.budget_text(program, result, locale)
    if args.format == "html":
        # charts are for the matplotlib extra
        from perlindungan.regional._charts import budget_page  # noqa: PLC0415

        return budget_page(program, result, text, locale), result
    return text, result
