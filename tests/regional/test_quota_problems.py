"""Quota settings a scheme file cannot hold, each refused with its line and what is valid."""

from __future__ import annotations

import pytest

from perlindungan.errors import RegulationDataError
from perlindungan.regional import load_scheme_text

SCHEME = """
[scheme]
id = "t"
name_id = "t"
name_en = "t"
region = "Kab. Banyuwangi"
valid_from = 2026-01-01
status = "illustrative"
confidence = "M"
sources = ["test"]
groups = ["nelayan"]
[scheme.eligibility]
role = "nelayan"
[scheme.coverage]
programs = ["JKK", "JKM"]
scheme = "bpu"
[scheme.funding]
payer = "regional_budget"
budget_of = "35.10"
"""


CASES = [
    pytest.param(
        "[scheme.quota]\ntotal = 10\nper_role = { petani = 3 }",
        "t.toml:22: scheme.quota.per_role.petani: role 'petani' is not one of the scheme's groups; valid names: nelayan.",
        id="role-not-a-group",
    ),
    pytest.param(
        "[scheme.quota]\ntotal = 10\nper_role = { nelayan = 11 }",
        "t.toml:22: scheme.quota.per_role: role quotas add up to 11, more than the total of 10",
        id="roles-over-total",
    ),
    pytest.param(
        "[scheme.quota]\ntotal = 10\nper_sub_region = 3\nsub_regions = 4",
        "t.toml:22: scheme.quota.per_sub_region: 3 per sub-region x 4 sub-regions = 12, more than the total of 10",
        id="sub-regions-over-total",
    ),
    pytest.param(
        "[scheme.quota]\ntotal = 10\nsub_region_weights = { Muncar = 1 }",
        't.toml:22: scheme.quota.sub_region_weights: only used with sub_region_split = "weights"',
        id="weights-without-split",
    ),
    pytest.param(
        '[scheme.quota]\ntotal = 10\nsub_region_split = "evenly"',
        "t.toml:22: scheme.quota.sub_region_split: unknown split 'evenly'; valid names: weights, eligible.",
        id="unknown-split",
    ),
    pytest.param(
        '[scheme.quota]\nsub_region_split = "eligible"',
        "t.toml:21: scheme.quota.sub_region_split: needs a total to split",
        id="split-without-total",
    ),
    pytest.param(
        '[scheme.quota]\ntotal = 10\nsub_region_split = "eligible"\nsub_region_quotas = { Muncar = 3 }',
        "t.toml:22: scheme.quota.sub_region_split: give either a split or sub_region_quotas / per_sub_region, not both",
        id="split-and-listed",
    ),
    pytest.param(
        '[scheme.quota]\ntotal = 10\nsub_region_split = "weights"\nsub_region_weights = { Muncar = 0 }',
        "t.toml:23: scheme.quota.sub_region_weights: give a weight above 0 for at least one sub-region",
        id="weights-all-zero",
    ),
    pytest.param(
        '[scheme.quota]\ntotal = 10\nsub_region_split = "eligible"\nsub_region_weights = { Muncar = 2 }',
        't.toml:23: scheme.quota.sub_region_weights: only used with sub_region_split = "weights"',
        id="weights-with-eligible-split",
    ),
    pytest.param(
        "[scheme]\nphases = 3",
        "t.toml:3: scheme.phases: must be a list of [[scheme.phases]] tables",
        id="phases-not-a-list",
    ),
    pytest.param(
        '[scheme.quota]\ntotal = 10\nphase_quotas = "added"\n[[scheme.phases]]\nname = "a"\nfrom = 2026-02-01',
        "t.toml:22: scheme.quota.phase_quotas: no phase has a 'quota'; remove phase_quotas or give each phase its places",
        id="phase-quotas-without-places",
    ),
]


@pytest.mark.parametrize(("settings", "problem"), CASES)
def test_a_quota_the_scheme_cannot_hold_is_refused(settings: str, problem: str) -> None:
    if settings.startswith("[scheme]\n"):
        text = SCHEME.replace("[scheme]\n", settings + "\n", 1)
    else:
        text = SCHEME + settings
    with pytest.raises(RegulationDataError) as info:
        load_scheme_text(text, "t.toml")
    assert [str(p) for p in info.value.problems] == [problem]
