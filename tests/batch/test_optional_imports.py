"""The core package never imports the optional batch dependencies."""

from __future__ import annotations

import subprocess
import sys


def test_core_import_stays_pure_python() -> None:
    code = (
        "import sys, perlindungan, perlindungan.batch; "
        "print(sorted(m for m in ('numpy', 'pyarrow', 'pandas', 'dask', 'distributed') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"
