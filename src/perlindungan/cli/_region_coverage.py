"""``perlindungan region coverage CODE --on DATE``: a region's coverage over its baseline."""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import io
import json
import sys
from decimal import Decimal
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from perlindungan._i18n import N_, babel_locale, language_of, translate
from perlindungan.dates import to_date
from perlindungan.regional._coverage import RegionCoverage, region_coverage
from perlindungan.regional._statistics import MEASURES, SAID_BY, Statistic

ACTION = "coverage"
HELP = N_(
    "coverage of a region on a date: baseline statistics, people funded per payer by "
    "the programs in force, coverage of potential and vulnerable workers, distance to "
    "target"
)
_L_TITLE = N_("Coverage of {name} ({code}) on {on}")
_L_BASELINE = N_("Baseline")
_L_PROGRAMS = N_("Schemes in force")
_L_IN_BASELINE = N_("already in the baseline (started {start})")
_L_ADDS = N_("adds {people} people (started {start})")
_L_PROGRAM_TARGET = N_("target {year} declared by the scheme: {count}")
_L_NO_COUNT = N_("no published count (started {start})")
_L_HIGHER = N_("scheme of a higher region ({region}): {people} people region-wide, not added")
_L_FUNDED = N_("People funded per payer")
_L_COVERED = N_("Covered: {base} + {added} = {covered}")
_L_OF_VULNERABLE = N_("Coverage of vulnerable workers: {covered} of {vulnerable} = {share}")
_L_OF_POTENTIAL = N_("Coverage of potential workers: {part} of {potential} = {share}")
_L_TARGET = N_("Target {year}: {target}; still to go: {distance}")
_L_NONE = N_("no schemes in force")
_L_SUB = N_("Sub-region {name} ({code}): covered {covered}")
_QUALIFIER = {"about": "≈", "more_than": ">", "less_than": "<", "exact": ""}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags."""
    parser.add_argument("code", help=N_("a region code or name, e.g. 13.03 or Kota Jambi"))
    parser.add_argument("--on", help=N_("date (YYYY-MM-DD); default: today in Jakarta"))
    parser.add_argument(
        "--format",
        choices=("text", "csv", "json", "html"),
        default="text",
        help=N_("output format; html: one self-contained page with the charts"),
    )
    parser.add_argument(
        "--output", help=N_("write the result to this file instead of standard output")
    )
    parser.add_argument(
        "--charts", help=N_("write the charts as SVG and PNG files into this folder")
    )
    parser.add_argument(
        "--lang", default="id", help=N_("language of the output: id (default) or en")
    )


def _n(value: int | Decimal, locale: str) -> str:
    return format_decimal(value, locale=babel_locale(locale))


def _stat(s: Statistic, locale: str) -> str:
    t = translate
    if s.measure == "coverage_of_potential":
        shown = format_percent(s.value, locale=babel_locale(locale))
    else:
        shown = _QUALIFIER[s.qualifier] + _n(s.value, locale)
    year = f" {s.year}" if s.year else ""
    mark = t(SAID_BY[s.said_by], locale)
    return (
        f"  {t(MEASURES[s.measure], locale)}{year}: {shown} "
        f"({s.as_of.isoformat()}; {mark}; {s.status}, {s.confidence}) [{s.source}]"
    )


def report(c: RegionCoverage, locale: str = "id_ID") -> str:
    """The coverage as readable text; figures that are not an official's own are marked."""
    t = translate

    def pct(v: Decimal) -> str:
        return format_percent(v, locale=babel_locale(locale), format="#,##0.0%")

    lines = [t(_L_TITLE, locale).format(name=c.name, code=c.code, on=c.on.isoformat())]
    lines.append(f"{t(_L_BASELINE, locale)}:")
    lines.extend(_stat(s, locale) for s in c.baseline)
    lines.append(f"{t(_L_PROGRAMS, locale)}:")
    parts = c.all_parts()
    if not parts:
        lines.append(f"  {t(_L_NONE, locale)}")
    for p in parts:
        start = p.start.isoformat()
        if p.reach == "higher_region":
            what = t(_L_HIGHER, locale).format(region=p.region, people=_n(p.people or 0, locale))
        elif p.people is None:
            what = t(_L_NO_COUNT, locale).format(start=start)
        elif p.in_baseline:
            what = t(_L_IN_BASELINE, locale).format(start=start)
        else:
            what = t(_L_ADDS, locale).format(people=_n(p.people, locale), start=start)
            if p.per_role:
                what += " = " + " + ".join(f"{_n(n, locale)} {role}" for role, n in p.per_role)
        lines.append(f"  {p.program_id} [{p.payer}]: {what}")
        lines.extend(
            f"    {t(_L_PROGRAM_TARGET, locale).format(year=y, count=_n(n, locale))}"
            for y, n in p.targets
        )
    funded = c.funded_per_payer()
    lines.append(
        f"{t(_L_FUNDED, locale)}: "
        + (", ".join(f"{k} {_n(v, locale)}" for k, v in funded.items()) or "-")
    )
    lines.append(
        t(_L_COVERED, locale).format(
            base=_n(c.base_participants, locale),
            added=_n(c.added, locale),
            covered=_n(c.covered, locale),
        )
    )
    vuln = c.stat("vulnerable_workers")
    if vuln is not None and c.share_of_vulnerable is not None:
        lines.append(
            t(_L_OF_VULNERABLE, locale).format(
                covered=_n(c.covered, locale),
                vulnerable=_QUALIFIER[vuln.qualifier] + _n(vuln.value, locale),
                share=pct(c.share_of_vulnerable),
            )
            + f" ({t(SAID_BY[vuln.said_by], locale)})"
        )
    total = c.stat("participants_total")
    if total is not None and c.potential is not None and c.share_of_potential is not None:
        lines.append(
            t(_L_OF_POTENTIAL, locale).format(
                part=_n(int(total.value) + c.added, locale),
                potential="≈" + _n(c.potential, locale),
                share=pct(c.share_of_potential),
            )
        )
    target = c.target
    if target is not None and c.distance is not None:
        lines.append(
            t(_L_TARGET, locale).format(
                year=target.year,
                target=_n(target.value, locale),
                distance=_n(max(c.distance, 0), locale),
            )
            + f" ({t(SAID_BY[target.said_by], locale)})"
        )
    for sub in c.sub_regions:
        lines.append(
            t(_L_SUB, locale).format(name=sub.name, code=sub.code, covered=_n(sub.covered, locale))
        )
    return "\n".join(lines)


def to_csv(c: RegionCoverage) -> str:
    """CSV: one line per figure (measure, value, said_by, journalists_figure, source)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(
        ["region", "on", "measure", "value", "as_of", "said_by", "journalists_figure", "source"]
    )
    for s in c.baseline:
        w.writerow(
            [
                c.code,
                c.on.isoformat(),
                s.measure,
                s.value,
                s.as_of.isoformat(),
                s.said_by,
                s.journalists,
                s.source,
            ]
        )
    on = c.on.isoformat()
    for payer, n in c.funded_per_payer().items():
        w.writerow([c.code, on, f"funded:{payer}", n, on, "program_data", False, ""])
    derived = {
        "base_participants": c.base_participants,
        "added": c.added,
        "covered": c.covered,
        "share_of_vulnerable": c.share_of_vulnerable,
        "potential": c.potential,
        "share_of_potential": c.share_of_potential,
        "distance_to_target": c.distance,
    }
    for name, value in derived.items():
        if value is not None:
            w.writerow([c.code, on, name, value, on, "derived", False, ""])
    return out.getvalue()


def _today() -> _dt.date:
    """Today in Jakarta (only the command line defaults a date to today)."""
    import pendulum  # noqa: PLC0415

    today = pendulum.today("Asia/Jakarta")
    return _dt.date(today.year, today.month, today.day)


def run(args: argparse.Namespace) -> int:
    """Run the action."""
    language_of(args.lang)
    locale = "en" if args.lang.startswith("en") else "id_ID"
    day = to_date(args.on, field="on") if args.on else _today()
    c = region_coverage(args.code, on=day)
    text = report(c, locale)
    if args.format == "json":
        text = json.dumps(c.to_dict(), ensure_ascii=False, indent=2)
    elif args.format == "csv":
        text = to_csv(c).rstrip("\n")
    elif args.format == "html":
        # charts are for the matplotlib extra
        from perlindungan.regional._charts import coverage_page  # noqa: PLC0415

        text = coverage_page(c, report(c, locale), locale)
    if args.output:
        Path(args.output).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    else:
        print(text)
    if args.charts:
        # charts are for the matplotlib extra
        from perlindungan.regional._charts import write_charts  # noqa: PLC0415

        for path in write_charts(None, c, args.charts, locale):
            print(path, file=sys.stderr)
    return 0
