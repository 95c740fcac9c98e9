"""``python -m perlindungan.cli``."""

import sys

from perlindungan.cli import main

sys.exit(main())
