"""``perlindungan benefits``: what a claim pays, from flags or a JSON request."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from perlindungan._i18n import N_, language_of
from perlindungan._responses import json_text
from perlindungan.benefits import benefit_from_request
from perlindungan.cli._stdin import piped_request, read_source

NAME = "benefits"
HELP = N_("Benefits (manfaat) of a claim: eligibility, components and legal basis.")

_FLAGS = (
    "category",
    "wage",
    "membership_months",
    "contribution_months",
    "months_off_work",
    "disability_percent",
    "average_indexed_wage",
    "balance",
    "birth_date",
    "registered_on",
    "terminated_on",
    "termination_reason",
    "survivor",
    "assumed_return",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of the command."""
    parser.add_argument(
        "request",
        nargs="?",
        help=N_("JSON request file ('-' for stdin; a request piped on stdin is read without it)"),
    )
    parser.add_argument("--on", help=N_("date of the claim (YYYY-MM-DD)"))
    parser.add_argument("--program", help=N_("JKK, JKM, JHT, JP or JKP"))
    parser.add_argument("--event", help=N_("e.g. death, temporary_disability, old_age"))
    for flag in _FLAGS:
        parser.add_argument("--" + flag.replace("_", "-"), dest=flag)
    parser.add_argument("--json", action="store_true", help=N_("print the JSON response"))
    parser.add_argument("--explain", action="store_true", help=N_("print the explanation"))
    parser.add_argument("--lang", default="id", help=N_("id (default) or en"))


def _request(args: argparse.Namespace) -> dict[str, Any] | str | bytes:
    if args.request is not None:
        return read_source(args.request)
    given = [f for f in ("on", "program", "event", *_FLAGS) if getattr(args, f) is not None]
    piped = None if given else piped_request()
    if piped is not None:
        return piped
    claim: dict[str, Any] = {"program": args.program, "event": args.event}
    for flag in _FLAGS:
        raw = getattr(args, flag)
        if raw is not None:
            claim[flag] = raw  # the claim's converters read text (bounded, ASCII digits)
    return {"on": args.on, "claim": {k: v for k, v in claim.items() if v is not None}}


def run(args: argparse.Namespace) -> int:
    """Run the command."""
    language_of(args.lang)
    benefit = benefit_from_request(_request(args))
    locale = "en" if args.lang.startswith("en") else "id_ID"
    if args.json:
        sys.stdout.write(json_text(benefit.to_dict()))
    else:
        print(benefit.explain(locale))
    return 0
