"""A deliberately wrong payroll program for the conformance runner's tests.

It reads a contributions request on stdin and prints this library's response with one rupiah
added to the first line of every quote and to its payer's total.
"""

from __future__ import annotations

import json
import sys

from perlindungan import quote_from_request


def main() -> int:
    """Print a wrong response."""
    response = quote_from_request(sys.stdin.read()).to_dict()
    first = response["lines"][0]
    first["amount"] += 1
    response["totals"][first["payer"]] += 1
    print(json.dumps(response))  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
