"""Shared test configuration: Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set by .ci/run) runs more examples; ``dev`` is the default.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="module")
def english_cli() -> Iterator[None]:
    """The command line in English (``PERLINDUNGAN_LANG=en``) for a test module whose
    assertions read English messages; the Indonesian default is tested in
    ``tests/test_language.py``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PERLINDUNGAN_LANG", "en")
        yield
