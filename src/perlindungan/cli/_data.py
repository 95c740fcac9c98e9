"""``perlindungan data``: reports on the bundled regulation data.

``data status``: what runs out soon, what is announced, derived or unverified, what lacks
an article (the date defaults to today: only the command line does that). ``data diff
FROM TO``: what changed between two dates.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json

from perlindungan._data_diff import DataDiff, data_diff
from perlindungan._data_status import DEFAULT_WINDOW_DAYS, DataStatus, data_status
from perlindungan._i18n import N_, language_of

NAME = "data"
HELP = N_(
    "The bundled regulation data: 'status' (what runs out soon or rests on weak sources) "
    "and 'diff FROM TO' (what changed between two dates)."
)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=N_("print JSON instead of text"))
    parser.add_argument("--lang", default="id", help=N_("language of the text: id (default) or en"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of the command."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    sub.required = True
    status = sub.add_parser(
        "status",
        help=N_("what runs out within the window, and what rests on weak sources"),
        description=(
            N_(
                "What in the bundled law runs out within the window (figures known only until a "
                "day, relief schemes ending), what is announced but not enacted, what rests on "
                "derived or unverified values, what lacks an article."
            )
        ),
    )
    status.add_argument("--on", help=N_("date (YYYY-MM-DD); default: today"))
    status.add_argument(
        "--within",
        type=int,
        default=DEFAULT_WINDOW_DAYS,
        help=N_("window in days after the date (default %(default)s)"),
    )
    _common(status)
    diff = sub.add_parser(
        "diff",
        help=N_("what changed between two dates"),
        description=(
            N_(
                "Every parameter whose value in force differs between the two dates (old, new "
                "and the instrument behind each step), and relief schemes that start or end."
            )
        ),
    )
    diff.add_argument("start", metavar="FROM", help=N_("first date (YYYY-MM-DD)"))
    diff.add_argument("end", metavar="TO", help=N_("second date (YYYY-MM-DD)"))
    _common(diff)


#: Western Indonesia Time (WIB, UTC+7, no daylight saving): "today" for the default date.
_WIB = _dt.timezone(_dt.timedelta(hours=7), "WIB")


def _today() -> _dt.date:
    return _dt.datetime.now(tz=_WIB).date()


def run(args: argparse.Namespace) -> int:
    """Run the command."""
    language_of(args.lang)
    locale = "en" if args.lang.lower().startswith("en") else "id_ID"
    report: DataStatus | DataDiff = (
        data_status(on=args.on or _today(), within=args.within)
        if args.action == "status"
        else data_diff(args.start, args.end)
    )
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.explain(locale))
    return 0
