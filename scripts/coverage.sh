#!/usr/bin/env bash
# Branch coverage of src/perlindungan over the whole suite but the static checkers,
# counting the processes the tests start (the CLI, the HTTP server): the settings are
# [tool.coverage.*] in pyproject.toml. Not part of CI (it takes several times as long).
#
#   bash scripts/coverage.sh              # the table of what is not covered, then the total
#   bash scripts/coverage.sh tests/server # only some tests (extra arguments go to pytest)
#
# Uses `coverage run -m pytest`, not `pytest --cov`: pytest imports perlindungan through its
# conformance plugin (a pytest11 entry point) before pytest-cov starts measuring, so
# pytest-cov reports every module-level line as missed.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
rm -f .coverage .coverage.*
status=0
"$python" -m coverage run -m pytest -m "not static" -q -p no:cacheprovider "$@" || status=$?
"$python" -m coverage combine -q
"$python" -m coverage report --precision=1 --sort=cover
echo "branch coverage of src/perlindungan: $("$python" -m coverage report --precision=2 --format=total)%"
exit "$status"  # a failing test still fails the script, after the report
