"""What a scheme file cannot hold (quotas, coverage, funding, phases, texts, bases, tables),
each refused with its file, line and what is valid."""

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
        "",
        "[scheme.quota]\ntotal = 10\nper_role = { petani = 3 }",
        [
            "t.toml:22: scheme.quota.per_role.petani: role 'petani' is not one of the scheme's groups; valid names: nelayan."
        ],
        id="role-not-a-group",
    ),
    pytest.param(
        "",
        "[scheme.quota]\ntotal = 10\nper_role = { nelayan = 11 }",
        ["t.toml:22: scheme.quota.per_role: role quotas add up to 11, more than the total of 10"],
        id="roles-over-total",
    ),
    pytest.param(
        "",
        "[scheme.quota]\ntotal = 10\nper_sub_region = 3\nsub_regions = 4",
        [
            "t.toml:22: scheme.quota.per_sub_region: 3 per sub-region x 4 sub-regions = 12, more than the total of 10"
        ],
        id="sub-regions-over-total",
    ),
    pytest.param(
        "",
        "[scheme.quota]\ntotal = 10\nsub_region_weights = { Muncar = 1 }",
        ['t.toml:22: scheme.quota.sub_region_weights: only used with sub_region_split = "weights"'],
        id="weights-without-split",
    ),
    pytest.param(
        "",
        '[scheme.quota]\ntotal = 10\nsub_region_split = "evenly"',
        [
            "t.toml:22: scheme.quota.sub_region_split: unknown split 'evenly'; valid names: weights, eligible."
        ],
        id="unknown-split",
    ),
    pytest.param(
        "",
        '[scheme.quota]\nsub_region_split = "eligible"',
        ["t.toml:21: scheme.quota.sub_region_split: needs a total to split"],
        id="split-without-total",
    ),
    pytest.param(
        "",
        '[scheme.quota]\ntotal = 10\nsub_region_split = "eligible"\nsub_region_quotas = { Muncar = 3 }',
        [
            "t.toml:22: scheme.quota.sub_region_split: give either a split or sub_region_quotas / per_sub_region, not both"
        ],
        id="split-and-listed",
    ),
    pytest.param(
        "",
        '[scheme.quota]\ntotal = 10\nsub_region_split = "weights"\nsub_region_weights = { Muncar = 0 }',
        [
            "t.toml:23: scheme.quota.sub_region_weights: give a weight above 0 for at least one sub-region"
        ],
        id="weights-all-zero",
    ),
    pytest.param(
        "",
        '[scheme.quota]\ntotal = 10\nsub_region_split = "eligible"\nsub_region_weights = { Muncar = 2 }',
        ['t.toml:23: scheme.quota.sub_region_weights: only used with sub_region_split = "weights"'],
        id="weights-with-eligible-split",
    ),
    pytest.param(
        "[scheme]\n",
        "[scheme]\nphases = 3\n",
        ["t.toml:3: scheme.phases: must be a list of [[scheme.phases]] tables"],
        id="phases-not-a-list",
    ),
    pytest.param(
        "",
        '[scheme.quota]\ntotal = 10\nphase_quotas = "added"\n[[scheme.phases]]\nname = "a"\nfrom = 2026-02-01',
        [
            "t.toml:22: scheme.quota.phase_quotas: no phase has a 'quota'; remove phase_quotas or give each phase its places"
        ],
        id="phase-quotas-without-places",
    ),
    pytest.param(
        'name_en = "t"',
        'name_en = "' + "x" * 501 + '"',
        ["t.toml:5: scheme.name_en: is longer than 500 characters"],
        id="text-too-long",
    ),
    pytest.param(
        'programs = ["JKK", "JKM"]',
        'programs = ["JKK", "JKX"]',
        [
            "t.toml:15: scheme.coverage.programs[1]: unknown name 'JKX'; did you mean 'JKP' or 'JKM' or 'JKK'?"
        ],
        id="unknown-program",
    ),
    pytest.param(
        'sources = ["test"]',
        'basis = ["pp-44-2051 Pasal 1"]',
        [
            "t.toml:10: scheme.basis[0]: unknown legal basis 'pp-44-2051'; did you mean 'pp-44-2015' or 'pp-46-2015' or 'pp-45-2015'?",
            "t.toml:2: scheme: give a legal basis ('basis') or at least one source ('sources')",
        ],
        id="unknown-basis",
    ),
    pytest.param(
        'scheme = "bpu"',
        'scheme = "construction"\nincome = 1500000',
        ['t.toml:17: scheme.coverage.income: only used with scheme = "bpu"; remove it'],
        id="income-not-bpu",
    ),
    pytest.param(
        'scheme = "bpu"',
        'scheme = "bpu"\nexample_activity_value = 100000000',
        [
            't.toml:17: scheme.coverage.example_activity_value: only used with scheme = "construction"'
        ],
        id="activity-not-construction",
    ),
    pytest.param(
        'budget_of = "35.10"\n',
        "",
        [
            "t.toml:17: scheme.funding: missing required key 'budget_of' (the region whose regional_budget pays)"
        ],
        id="budget-of-missing",
    ),
    pytest.param(
        'budget_of = "35.10"',
        'budget_of = "Kabupaten Atlantis"',
        [
            "t.toml:19: scheme.funding.budget_of: unknown region 'Kabupaten Atlantis'; give a Kemendagri code such as 35.10 or a name such as 'Kabupaten Banyuwangi'; 'perlindungan region search TEXT' finds it."
        ],
        id="budget-of-unknown",
    ),
    pytest.param(
        "",
        '[[scheme.phases]]\nname = "a"\nfrom = 2026-02-01\nroles = ["petani"]',
        [
            "t.toml:23: scheme.phases[0].roles[0]: role 'petani' is not one of the scheme's groups (nelayan)"
        ],
        id="phase-role-not-a-group",
    ),
    pytest.param(
        "[scheme]\n",
        "[scheme]\ntargets = [1]\ngrants = [2]\n",
        [
            "t.toml:4: scheme.grants[0]: must be a table [scheme.grants[0]], got 2",
            "t.toml:3: scheme.targets[0]: must be a table [scheme.targets[0]], got 1",
        ],
        id="targets-grants-not-tables",
    ),
    pytest.param(
        "[scheme]\n",
        "[scheme]\ntargets = 3\n",
        ["t.toml:3: scheme.targets: must be a list of [[scheme.targets]] tables"],
        id="targets-not-a-list",
    ),
]


@pytest.mark.parametrize(("old", "new", "problems"), CASES)
def test_a_scheme_file_problem_is_refused_with_its_line(
    old: str, new: str, problems: list[str]
) -> None:
    text = SCHEME + new if not old else SCHEME.replace(old, new, 1)
    assert text != SCHEME
    with pytest.raises(RegulationDataError) as info:
        load_scheme_text(text, "t.toml")
    assert [str(p) for p in info.value.problems] == problems
