"""``perlindungan contributions``: one worker's contributions, from flags or JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from perlindungan._i18n import N_, language_of, translate
from perlindungan._input.limits import MAX_COUNT
from perlindungan._input.numbers import whole_number
from perlindungan._message import Message
from perlindungan._responses import json_text
from perlindungan.cli._stdin import piped_request, read_source
from perlindungan.cli._table import render_table
from perlindungan.contributions import Quote, parse_request, quote_from_request
from perlindungan.contributions._explain import format_rate
from perlindungan.errors import InvalidInputError
from perlindungan.money import format_rupiah

NAME = "contributions"
HELP = N_(
    "Contributions (iuran) due for one worker: flags, a JSON request file, or a JSON request "
    "piped on stdin."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of the command."""
    parser.add_argument(
        "request",
        nargs="?",
        help=N_(
            "JSON request file ('-' for stdin; a request piped on stdin is read without it): "
            '{"on": "2025-03-01", "worker": {"category": "pu", ...}}'
        ),
    )
    parser.add_argument("--on", help=N_("date the contributions are for (YYYY-MM-DD)"))
    parser.add_argument("--category", help=N_("pu, bpu, construction or migrant"))
    parser.add_argument("--wage", help=N_("monthly wage in rupiah (pu, construction worker)"))
    parser.add_argument("--risk-class", help=N_("JKK risk group 1-5 (pu)"))
    parser.add_argument(
        "--birth-date", help=N_("birth date YYYY-MM-DD (pu: JP stops at pension age)")
    )
    parser.add_argument("--income", help=N_("declared monthly income in rupiah (bpu)"))
    parser.add_argument(
        "--with-jht", action="store_true", default=None, help=N_("add JHT (bpu, migrant)")
    )
    parser.add_argument("--jht-amount", help=N_("monthly JHT amount chosen (migrant)"))
    parser.add_argument(
        "--contract-value", help=N_("contract value in rupiah (construction project)")
    )
    parser.add_argument(
        "--contract-months", help=N_("placement contract length in months (migrant)")
    )
    parser.add_argument(
        "--sector",
        help=N_(
            "pu: employer sector, e.g. textile_apparel; bpu: the worker's sector, e.g. transport"
        ),
    )
    parser.add_argument(
        "--paid-by",
        help=N_(
            "bpu: who pays, worker (default), government, regional_budget, village_budget, other"
        ),
    )
    parser.add_argument("--workers", help=N_("employer's number of workers (pu relief)"))
    parser.add_argument("--json", action="store_true", help=N_("print the JSON response"))
    parser.add_argument("--explain", action="store_true", help=N_("print the explanation"))
    parser.add_argument(
        "--lang", default="id", help=N_("language of the output: id (default) or en")
    )


_FLAG_FIELDS = {
    "wage": "wage",
    "risk_class": "risk_class",
    "birth_date": "birth_date",
    "income": "income",
    "with_jht": "with_jht",
    "jht_amount": "jht_amount",
    "contract_value": "contract_value",
    "contract_months": "contract_months",
    "paid_by": "paid_by",
}


def _request_from_flags(args: argparse.Namespace) -> dict[str, Any]:
    if args.on is None:
        raise InvalidInputError(
            Message("--on is required: the date, such as 2025-03-01."), field="on"
        )
    if args.category is None:
        raise InvalidInputError(
            Message("--category is required: pu, bpu, construction or migrant."),
            field="worker.category",
        )
    worker: dict[str, Any] = {"category": args.category}
    for attr, field in _FLAG_FIELDS.items():
        value = getattr(args, attr)
        if value is not None:
            worker[field] = value  # the worker's converters read text (bounded, ASCII digits)
    if args.sector is not None and str(args.category).strip().lower() == "bpu":
        worker["sector"] = args.sector
    elif args.sector is not None or args.workers is not None:
        employer: dict[str, Any] = {}
        if args.sector is not None:
            employer["sector"] = args.sector
        if args.workers is not None:
            employer["workers"] = whole_number(
                args.workers, field="--workers", maximum=MAX_COUNT, what=N_("workers")
            )
        worker["employer"] = employer
    return {"on": args.on, "worker": worker}


def print_quote(quote: Quote, lang: str) -> None:
    """A readable table of a quote's lines and totals per payer."""
    t = translate
    locale = "en" if lang.startswith("en") else "id_ID"
    rows = []
    for line in quote.lines:
        rate = format_rate(line.rate, locale) if line.rate is not None else "-"
        base = format_rupiah(line.base, locale=locale) if line.base is not None else "-"
        note = []
        if line.cap is not None:
            note.append(t("cap", locale))
        if line.relief is not None:
            note.append(line.relief.scheme)
        if line.frequency.value == "once":
            note.append(t("once", locale))
        rows.append(
            [
                line.program.value,
                t(line.payer.label, locale),
                rate,
                base,
                format_rupiah(line.amount, locale=locale),
                ", ".join(note),
                line.basis,
            ]
        )
    headers = [
        t(h, locale)
        for h in (
            N_("program"),
            N_("payer"),
            N_("rate"),
            N_("base"),
            N_("amount"),
            N_("note"),
            N_("legal basis"),
        )
    ]
    print(render_table(headers, rows, right={2, 3, 4}))
    print()
    for payer, amount in quote.totals().items():
        print(f"{t(payer.label, locale)}: {format_rupiah(amount, locale=locale)}")
    print(f"{t('total', locale)}: {format_rupiah(quote.total, locale=locale)}")


def run(args: argparse.Namespace) -> int:
    """Run the command."""

    language_of(args.lang)
    flags_given = any(
        getattr(args, a) is not None for a in (*_FLAG_FIELDS, "on", "category", "sector", "workers")
    )
    if args.request is not None and flags_given:
        raise InvalidInputError(
            Message("give either a JSON request or flags, not both."), field="request"
        )
    request: dict[str, Any]
    if args.request is not None:
        request = parse_request(read_source(args.request))
    else:
        piped = None if flags_given else piped_request()
        request = parse_request(piped) if piped is not None else _request_from_flags(args)
    quote = quote_from_request(request)
    if args.json:
        sys.stdout.write(json_text(quote.to_dict()))
    elif args.explain:
        print(quote.explain("en" if args.lang.startswith("en") else "id_ID"))
    else:
        print_quote(quote, args.lang)
    return 0
