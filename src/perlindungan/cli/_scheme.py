"""``perlindungan scheme``: regional schemes (list, show, check, evaluate, budget).

``perlindungan program`` is its old name (see :mod:`perlindungan.cli._program_deprecated`).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path

from perlindungan._i18n import N_, babel_locale, language_of, translate
from perlindungan._input.limits import MAX_LISTED_PROBLEMS, MAX_PARTICIPANTS
from perlindungan._input.numbers import whole_number
from perlindungan._input.outputs import write_output
from perlindungan._message import Message
from perlindungan.cli._scheme_budget import (
    add_budget_arguments,
    command_of,
    refuse_inapplicable,
    run_budget,
)
from perlindungan.cli._scheme_show import show as _show
from perlindungan.cli._table import columns_help
from perlindungan.dates import to_date
from perlindungan.errors import DataProblem, InvalidInputError, RegulationDataError
from perlindungan.regional import (
    Allocation,
    RegionalScheme,
    bundled_roster,
    bundled_schemes,
    check_overlaps,
    load_scheme,
    read_roster,
    run_roster,
    scheme,
)
from perlindungan.regional._nik import mask_niks
from perlindungan.regional._period import AdmittedCohorts
from perlindungan.regional._person import FACTS

NAME = "scheme"
HELP = N_(
    "Regional schemes: list, show ID, check FILE, evaluate ID-or-FILE, budget ID-or-FILE "
    "(a period month by month, --set/--scenario what-ifs, --format html charts)."
)
ACTIONS = ("list", "show", "check", "evaluate", "budget")
_L_OK = N_("ok")
_L_PROBLEMS = N_("problems in data files: {count}")
_L_AND_MORE = N_("and {count} more")
_L_PAID_BY = N_("paid by")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of the command."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = columns_help(
        FACTS,
        N_(
            "id is required; an empty cell means unknown. documents: a list separated by ';'. "
            "covered_as_pu: true/false (also ya/tidak, 1/0). A .jsonl roster uses the same keys."
        ),
        heading=N_("evaluate --roster: CSV columns read:"),
    )
    parser.add_argument("action", choices=ACTIONS, help=N_("what to do"))
    parser.add_argument("target", nargs="?", help=N_("a bundled scheme id or a scheme file"))
    parser.add_argument("--on", help=N_("date (YYYY-MM-DD); default: the scheme's first day"))
    parser.add_argument(
        "--roster",
        help=N_(
            "roster CSV, .jsonl or .xlsx; - reads CSV from stdin (evaluate: streamed, any "
            "length up to 1,000,000,000 bytes); default: the bundled roster"
        ),
    )
    parser.add_argument(
        "--delimiter",
        choices=(",", ";", "tab"),
        help=N_("CSV roster cell separator; default: found from the header line"),
    )
    parser.add_argument(
        "--format",
        choices=("text", "csv", "json", "html"),
        default="text",
        help=N_("output format; html (budget only): one self-contained page with the charts"),
    )
    parser.add_argument(
        "--output",
        help=N_(
            "write the result to this file instead of stdout; evaluate: a folder (existing, "
            "or ending in /) gets decisions.csv, allocation.csv, budget.csv, result.json "
            "and report.txt; a file ending in .xlsx gets one workbook with the sheets "
            "decisions, allocation, budget and report (the xlsx extra)"
        ),
    )
    parser.add_argument(
        "--mask-nik",
        action="store_true",
        help=N_(
            "evaluate: mask every NIK in the outputs (ids, messages): keep the 6-digit area "
            "code, hide birth date and serial (351016**********); for copies shared outside "
            "the team that processes the roster (UU 27/2022)"
        ),
    )
    parser.add_argument(
        "--engine",
        choices=("auto", "memory", "duckdb", "dask"),
        default="auto",
        help=N_(
            "evaluate and budget --roster: where the rows wait for allocation: memory, duckdb "
            "(ordered out of core, for rosters larger than memory; the large extra), dask "
            "(evaluate only: decided and placed on a Dask cluster, see --scheduler; a CSV "
            "roster; the dask extra) or auto (memory, moving to DuckDB past 2,000,000 rows "
            "when it is installed); same files"
        ),
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=N_(
            "evaluate --engine dask: address of the Dask scheduler (default: a LocalCluster "
            "on this machine)"
        ),
    )
    parser.add_argument(
        "--memory-limit",
        metavar="SIZE",
        help=N_(
            "evaluate and budget --roster with --engine duckdb or auto: memory DuckDB may use before "
            "it spills to disk, e.g. 512MB or 2GB (KB, MB, GB, TB or KiB, MiB, GiB, TiB; at "
            "least 64MB); default 256MB"
        ),
    )
    parser.add_argument("--participants", help=N_("budget: participants (default: quota)"))
    parser.add_argument("--progress", action="store_true", help=N_("show a progress bar on stderr"))
    parser.add_argument(
        "--lang", default="id", help=N_("language of the output: id (default) or en")
    )
    add_budget_arguments(parser)


def _target(args: argparse.Namespace) -> RegionalScheme:
    if not args.target:
        raise InvalidInputError(
            Message(
                "'{command} {action}' needs a scheme id or file.",
                command=command_of(args),
                action=args.action,
            ),
            field="target",
        )
    if args.target.endswith(".toml") or Path(args.target).is_file():
        return load_scheme(args.target)
    return scheme(args.target)


def _refuse_workbook(args: argparse.Namespace) -> None:
    """An ``--output`` ending in .xlsx is the workbook of ``evaluate``, in no --format."""
    if not (args.output and args.output.lower().endswith(".xlsx")):
        return
    if args.action != "evaluate":
        raise InvalidInputError(
            Message(
                "--output {output}: only '{command} evaluate' writes an .xlsx workbook; "
                "'{command} {action}' writes text, csv, json or html.",
                output=args.output,
                command=command_of(args),
                action=args.action,
            ),
            field="output",
        )
    if args.format != "text":
        raise InvalidInputError(
            Message(
                "--output {output} is a workbook with every sheet; leave out --format {format}.",
                output=args.output,
                format=args.format,
            ),
            field="format",
        )


def _progress(done: int, total: int) -> None:
    if total <= 0:  # a size not known up front (a workbook that does not declare it)
        sys.stderr.write(f"\r{done}")
        sys.stderr.flush()
        return
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _emit(
    text: str, output: str | None, inputs: Sequence[str] = (), *, mask_nik: bool = False
) -> None:
    if mask_nik:
        text = mask_niks(text)
    if output:
        write_output(output, text if text.endswith("\n") else text + "\n", inputs=inputs)
    else:
        print(text)


def _check(target: str, locale: str) -> int:
    """``scheme check``: every problem of the file (at most MAX_LISTED_PROBLEMS listed)."""
    try:
        loaded = load_scheme(target)
    except RegulationDataError as exc:
        print(_listed(exc.problems, locale), file=sys.stderr)
        return 1
    others = [p for p in bundled_schemes() if p.id != loaded.id]
    problems = [q for q in check_overlaps([*others, loaded]) if q.file == loaded.file]
    if problems:
        print(_listed(problems, locale), file=sys.stderr)
        return 1
    print(f"{target}: {translate(_L_OK, locale)} ({loaded.id})")
    return 0


def _listed(problems: Sequence[DataProblem], locale: str) -> str:
    """The problems of a file, at most MAX_LISTED_PROBLEMS of them, then how many more
    (counts in the locale's format: "dan 99.990 lainnya")."""
    from babel.numbers import format_decimal  # noqa: PLC0415

    def number(n: int) -> str:
        return str(format_decimal(n, locale=babel_locale(locale)))

    count = len(problems)
    head = translate(_L_PROBLEMS, locale).format(count=number(count))
    shown = problems[:MAX_LISTED_PROBLEMS]
    lines = [head, *(f"  - {' '.join(p.localized(locale).split())}" for p in shown)]
    if count > MAX_LISTED_PROBLEMS:
        more = translate(_L_AND_MORE, locale).format(count=number(count - MAX_LISTED_PROBLEMS))
        lines.append(f"  ... {more}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Run the command; ``check`` exits 1 when the file has problems."""
    language_of(args.lang)
    locale = "en" if args.lang.startswith("en") else "id_ID"
    refuse_inapplicable(args)
    _refuse_workbook(args)
    if args.action == "list":
        for p in bundled_schemes():
            until = p.valid_until.isoformat() if p.valid_until else "..."
            print(f"{p.id:28} {p.region:6} {p.valid_from.isoformat()}..{until}  {p.name(locale)}")
        return 0
    if args.action == "check":
        if not args.target:
            raise InvalidInputError(
                Message("'{command} check' needs a scheme file.", command=command_of(args)),
                field="target",
            )
        return _check(args.target, locale)
    prog = _target(args)
    on = to_date(args.on, field="on") if args.on else prog.valid_from
    if args.action == "evaluate" and not prog.in_force(on):
        until = prog.valid_until.isoformat() if prog.valid_until else Message("open")
        raise InvalidInputError(
            Message(
                "--on {day}: scheme {scheme} is not in force that day; it runs from {start} "
                "to {until}.",
                day=on.isoformat(),
                scheme=repr(prog.id),
                start=prog.valid_from.isoformat(),
                until=until,
            ),
            field="on",
        )
    if args.action == "show":
        _emit(_show(prog, locale), args.output)
        return 0
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    if args.action == "budget":
        if args.participants is not None:
            args.participants = whole_number(
                args.participants,
                field="--participants",
                maximum=MAX_PARTICIPANTS,
                what=N_("participants"),
            )

        def evaluate_on(day: _dt.date) -> Allocation | AdmittedCohorts:
            if _streaming():
                return _streamed_cohorts(args, prog, day, delimiter)
            rows = read_roster(args.roster, delimiter=delimiter)
            progress = _progress if args.progress or len(rows) > 50_000 else None
            return run_roster(prog, rows, on=day, progress=progress).allocation

        text, budgeted = run_budget(args, prog, locale, evaluate_on)
        _emit(text, args.output, [x for x in (args.roster, args.target) if x])
        if args.charts:
            # charts are for the matplotlib extra
            from perlindungan.regional._charts import write_charts  # noqa: PLC0415

            for path in write_charts(prog, budgeted, args.charts, locale):
                print(path, file=sys.stderr)
        return 0
    inputs = [x for x in (args.roster, args.target) if x]
    if args.roster and _streaming():
        # the streaming path imports numpy and pyarrow (the batch extra)
        from perlindungan.cli._scheme_stream import evaluate_streaming  # noqa: PLC0415

        return evaluate_streaming(
            args,
            prog,
            on,
            locale,
            delimiter,
            inputs,
            folder=_folder(args.output),
            show_progress=_progress,
        )
    rows = read_roster(args.roster, delimiter=delimiter) if args.roster else bundled_roster(prog.id)
    result = run_roster(
        prog, rows, on=on, progress=_progress if args.progress or len(rows) > 50_000 else None
    )
    mask = bool(args.mask_nik)
    if _folder(args.output):
        for path in result.write_files(args.output, locale, inputs=inputs, mask_nik=mask):
            print(path)
    elif args.output and args.output.lower().endswith(".xlsx"):
        print(result.write_workbook(args.output, locale, inputs=inputs, mask_nik=mask))
    elif args.format == "json":
        # output writers load only for the format asked for (xlsx: openpyxl)
        from perlindungan.regional._outputs import json_text  # noqa: PLC0415

        _emit(json_text(result, locale, mask_nik=mask), args.output, inputs)
    elif args.format == "csv":
        _emit(result.to_csv(locale).rstrip("\n"), args.output, inputs, mask_nik=mask)
    else:
        _emit(result.report(locale), args.output, inputs, mask_nik=mask)
    return 0


def _streamed_cohorts(
    args: argparse.Namespace, prog: RegionalScheme, day: _dt.date, delimiter: str | None
) -> AdmittedCohorts:
    """``budget --roster``: the roster's admitted people, read chunk by chunk."""
    # the chunked path imports numpy and pyarrow (the batch extra)
    from perlindungan.regional._stream_cohorts import roster_cohorts  # noqa: PLC0415

    def progress(done: int, total: int) -> None:
        if args.progress or total > 50_000:
            _progress(done, total)

    return roster_cohorts(
        prog,
        args.roster,
        on=day,
        delimiter=delimiter,
        progress=progress,
        engine=args.engine,
        memory_limit=args.memory_limit,
    )


def _folder(output: str | None) -> bool:
    if not output:
        return False
    return output.endswith(("/", "\\")) or Path(output).is_dir()


def _streaming() -> bool:
    """Whether the chunked roster path can run (it needs the ``batch`` extra)."""
    return all(importlib.util.find_spec(name) is not None for name in ("numpy", "pyarrow"))
