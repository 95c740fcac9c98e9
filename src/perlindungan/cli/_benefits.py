"""``perlindungan benefits``: what a claim pays, from flags or a JSON request."""

from __future__ import annotations

import argparse
import json
from typing import Any

from perlindungan._i18n import language_of
from perlindungan._input.files import read_request_bytes
from perlindungan.benefits import benefit_from_request

NAME = "benefits"
HELP = "Benefits (manfaat) of a claim: eligibility, components and legal basis."

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
    parser.add_argument("request", nargs="?", help="JSON request file ('-' for stdin)")
    parser.add_argument("--on", help="date of the claim (YYYY-MM-DD)")
    parser.add_argument("--program", help="JKK, JKM, JHT, JP or JKP")
    parser.add_argument("--event", help="e.g. death, temporary_disability, old_age")
    for flag in _FLAGS:
        parser.add_argument("--" + flag.replace("_", "-"), dest=flag)
    parser.add_argument("--json", action="store_true", help="print the JSON response")
    parser.add_argument("--explain", action="store_true", help="print the explanation")
    parser.add_argument("--lang", default="id", help="id (default) or en")


def _request(args: argparse.Namespace) -> dict[str, Any] | str | bytes:
    if args.request is not None:
        # stdin ('-') and a file are read and decoded the same way (bytes, bounded, UTF-8)
        return read_request_bytes(args.request)
    claim: dict[str, Any] = {"program": args.program, "event": args.event}
    for flag in _FLAGS:
        raw = getattr(args, flag)
        if raw is not None:
            claim[flag] = raw
    return {"on": args.on, "claim": {k: v for k, v in claim.items() if v is not None}}


def run(args: argparse.Namespace) -> int:
    """Run the command."""
    language_of(args.lang)
    benefit = benefit_from_request(_request(args))
    locale = "en" if args.lang.startswith("en") else "id_ID"
    if args.json:
        print(json.dumps(benefit.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(benefit.explain(locale))
    return 0
