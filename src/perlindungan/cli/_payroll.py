"""``perlindungan payroll``: contributions of a whole payroll (the bundled sample by default)."""

from __future__ import annotations

import argparse
import sys

from perlindungan._i18n import N_, language_of, translate
from perlindungan._input.outputs import write_output
from perlindungan._input.text import hidden_character
from perlindungan._message import localized
from perlindungan._responses import json_text
from perlindungan.cli._table import columns_help, render_table
from perlindungan.money import Rupiah, format_rupiah
from perlindungan.payroll import (
    COLUMNS,
    PayrollResult,
    bundled_payroll,
    payroll_contributions,
    read_payroll_csv,
)
from perlindungan.programs import Payer
from perlindungan.regional._nik import mask_niks, mask_niks_in

NAME = "payroll"
HELP = N_("Contributions of every worker in a payroll CSV (default: the bundled sample payroll).")
_L_BILLED = N_("billed (without central government)")
_L_NOT_BILLED = N_("JKP, not billed to the employer")
_L_ROW_ERROR = N_("perlindungan: row {row} ({id}): {message}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of the command."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = columns_help(
        COLUMNS,
        N_(
            "id and category are required; an empty cell means not given. with_jht: "
            "true/false (also ya/tidak, 1/0)."
        ),
    )
    parser.add_argument(
        "file",
        nargs="?",
        help=N_("payroll CSV (or .xlsx, '-' for stdin); omit for the bundled sample"),
    )
    parser.add_argument(
        "--delimiter",
        choices=(",", ";", "tab"),
        help=N_("CSV cell separator; default: found from the header line"),
    )
    parser.add_argument(
        "--on", required=True, help=N_("date the contributions are for (YYYY-MM-DD)")
    )
    parser.add_argument("--json", action="store_true", help=N_("print JSON instead of a table"))
    parser.add_argument(
        "--lang", default="id", help=N_("language of the output: id (default) or en")
    )
    parser.add_argument(
        "--output",
        help=N_(
            "write the result to this file instead of stdout (never over the payroll); a "
            "file ending in .csv gets CSV for a spreadsheet (one line per row, its amounts or "
            "its error), one ending in .xlsx a workbook with the sheets workers, errors and "
            "totals (the xlsx extra)"
        ),
    )
    parser.add_argument(
        "--mask-nik",
        action="store_true",
        help=N_(
            "mask every NIK in the output and the row errors (an id that is a NIK): keep the "
            "6-digit area code, hide birth date and serial (351016**********; UU 27/2022)"
        ),
    )


def run(args: argparse.Namespace) -> int:
    """Run the command; exit 1 when some rows could not be computed."""
    language_of(args.lang)
    locale = "en" if args.lang.startswith("en") else "id_ID"
    delimiter = "\t" if args.delimiter == "tab" else args.delimiter
    entries = (
        bundled_payroll()
        if args.file is None
        else list(read_payroll_csv(args.file, delimiter=delimiter))
    )
    result = payroll_contributions(entries, on=args.on)

    def shown(text: str) -> str:
        if not args.mask_nik:
            return text

        return mask_niks(text)

    inputs = [args.file] if args.file else []
    if args.output and args.output.lower().endswith(".xlsx"):
        # writes with openpyxl (an extra)
        from perlindungan.cli._payroll_output import write_payroll_workbook  # noqa: PLC0415

        print(write_payroll_workbook(result, args.output, inputs=inputs, shown=shown))
    elif args.output and args.output.lower().endswith(".csv") and not args.json:
        from perlindungan.cli._payroll_output import payroll_csv  # noqa: PLC0415

        _emit(payroll_csv(result, locale, shown), args.output, inputs)
    elif args.json:
        data = result.to_dict()
        if args.mask_nik:
            data = mask_niks_in(data)
        _emit(json_text(data), args.output, inputs)
    else:
        _emit(shown(_table(result, locale)) + "\n", args.output, inputs)
    for error in result.errors:
        line = translate(_L_ROW_ERROR, locale).format(
            row=error.row, id=_safe_id(error.id), message=localized(error.message, locale)
        )
        print(shown(line), file=sys.stderr)
    return 1 if result.errors else 0


def _safe_id(ident: str) -> str:
    """A row's id as it can be printed: quoted with escapes when it holds a control or
    bidirectional character (a terminal would act on them: colours, cleared screen)."""
    return repr(ident) if hidden_character(ident) is not None else ident


def _emit(text: str, output: str | None, inputs: list[str]) -> None:
    if output:
        write_output(output, text, inputs=inputs)
    else:
        sys.stdout.write(text)


def _table(result: PayrollResult, locale: str) -> str:
    """Per worker: each payer's amount and what is billed; the central government's JKP
    share in its own column, never in what an employer pays."""
    t = translate
    totals = result.totals()
    billed_payers = [p for p in Payer if p in totals and p is not Payer.GOVERNMENT]
    shows_government = Payer.GOVERNMENT in totals

    def rp(amount: Rupiah) -> str:
        return format_rupiah(amount, locale=locale)

    rows = []
    for entry, quote in result.quotes:
        per_payer = quote.totals()
        billed = sum((a for p, a in per_payer.items() if p is not Payer.GOVERNMENT), Rupiah.zero())
        rows.append(
            [
                entry.id,
                entry.name[:28],
                quote.worker.category.value,
                *(rp(per_payer[p]) if p in per_payer else "-" for p in billed_payers),
                rp(billed),
                *(
                    [rp(per_payer[Payer.GOVERNMENT]) if Payer.GOVERNMENT in per_payer else "-"]
                    if shows_government
                    else []
                ),
            ]
        )
    headers = [
        "id",
        t("name", locale),
        t("category", locale),
        *(t(p.label, locale) for p in billed_payers),
        t(_L_BILLED, locale),
        *([t(Payer.GOVERNMENT.label, locale)] if shows_government else []),
    ]
    out = [
        t("Contributions for {month}", locale).format(month=f"{result.on:%Y-%m}")
        + " "
        + t(N_("({rows} rows = {computed} computed + {errors} row errors)"), locale).format(
            rows=result.rows, computed=len(result.quotes), errors=len(result.errors)
        ),
        render_table(headers, rows, right=set(range(3, len(headers)))),
        "",
        t("Totals by payer:", locale),
    ]
    out.extend(f"    {t(p.label, locale)}: {rp(totals[p])}" for p in billed_payers)
    out.append(f"    {t(_L_BILLED, locale)}: {rp(result.billed())}")
    if shows_government:
        out.append(
            f"    {t(Payer.GOVERNMENT.label, locale)} ({t(_L_NOT_BILLED, locale)}): "
            f"{rp(result.government())}"
        )
    return "\n".join(out)
