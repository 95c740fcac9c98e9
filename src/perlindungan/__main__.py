"""``python -m perlindungan``."""

import sys

from perlindungan.cli import main

sys.exit(main())
