"""``perlindungan conformance``: run the conformance vectors against a program."""

from __future__ import annotations

import argparse
import os

from perlindungan._i18n import N_, language_of, translate
from perlindungan._message import Message
from perlindungan.conformance import KINDS, cases, command
from perlindungan.conformance import run as run_vectors
from perlindungan.errors import InvalidInputError

NAME = "conformance"
HELP = N_(
    "Conformance vectors: run them against a program that reads a JSON request on stdin "
    "and prints the JSON response, or list them."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of the command."""
    parser.add_argument("action", choices=("run", "list"), help=N_("run the vectors, or list them"))
    parser.add_argument(
        "--command",
        help=N_(
            'the program to test, e.g. "perlindungan contributions - --json" '
            "(split like a shell command line; not run by a shell)"
        ),
    )
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default="contributions",
        help=N_(
            "which vectors: contributions (default; requests {on, worker}) or benefits "
            "(requests {on, claim})"
        ),
    )
    parser.add_argument("--case", help=N_("run only the cases whose name or id contains this text"))
    parser.add_argument(
        "--category",
        action="append",
        help=N_(
            "run only the cases of these worker categories: pu, bpu, construction, migrant "
            "(repeatable, or comma-separated: pu,bpu)"
        ),
    )
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help=N_("cases run at the same time")
    )
    parser.add_argument(
        "--lang", default="en", help=N_("language of the summary: en (default) or id")
    )


def run(args: argparse.Namespace) -> int:
    """Run the command; exit 1 on any mismatch."""
    locale = language_of(args.lang)
    selected = [
        c
        for c in cases(args.kind, categories=args.category)
        if args.case is None or args.case in c.name or args.case in c.id
    ]
    if args.action == "list":
        for case in selected:
            print(f"{case.id}\t{case.name}\t{case.source}")
        return 0
    if not args.command:
        raise InvalidInputError(
            Message(
                "--command is required: the program to test, such as {example}.",
                example='"perlindungan contributions - --json"',
            ),
            field="command",
        )
    report = run_vectors(command(args.command), selected=selected, jobs=max(1, args.jobs))
    print(report.render(locale))
    if not report.ok:
        print(
            translate(N_("conformance failed: {count} case(s) did not match"), locale).format(
                count=report.failed
            )
        )
        return 1
    return 0
