"""Evaluation, allocation, budget and rosters, with Hypothesis properties."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from perlindungan.money import Rupiah
from perlindungan.regional import (
    Person,
    Status,
    Verdict,
    allocate,
    budget,
    bundled_roster,
    evaluate,
    read_roster_text,
    run_roster,
    scheme,
)

NAGARI = scheme("sijunjung-nagari-100")
JAMBI = scheme("kota-jambi-rentan-2025")
ON = dt.date(2025, 6, 1)


def test_undetermined_names_missing_fact() -> None:
    person = Person(id="a", role="pekerja_rentan", domicile="15.71")
    [d] = evaluate(JAMBI, [person], on=ON)
    assert d.verdict is Verdict.UNDETERMINED
    assert d.missing == ("covered_as_pu",)
    assert "unknown (missing: covered_as_pu)" in d.reasons("en")[-1]
    assert d.reasons("en")[-1].endswith("[Inpres 2/2021]")


def test_not_eligible_outside_region() -> None:
    person = Person(id="b", role="pekerja_rentan", domicile="36.73", covered_as_pu=False)
    [d] = evaluate(JAMBI, [person], on=ON)
    assert d.verdict is Verdict.NOT_ELIGIBLE


def test_rows_never_dropped() -> None:
    text = (
        "id,role,birth_date\nx1,pekerja_rentan,1990-01-01\nx2,pekerja_rentan,1990-13-01\n,farmer,\n"
    )
    rows = list(read_roster_text(text))
    result = run_roster(JAMBI, rows, on=ON)
    assert result.summary()["rows"] == 3
    assert [e.row for e in result.errors] == [3, 4]
    assert len(result.to_dict()["people"]) == 3
    assert result.to_csv().count("\n") == 4


def test_jsonl_roster() -> None:
    text = '{"id": "j1", "role": "pekerja_rentan", "documents": ["ktp"]}\nnot json\n'
    rows = list(read_roster_text(text, jsonl=True))
    assert rows[0].person is not None
    assert rows[0].person.documents == frozenset({"ktp"})
    assert rows[1].error is not None
    assert rows[1].error.row == 2


def test_bundled_roster_run_is_json_serialisable() -> None:
    result = run_roster(NAGARI, bundled_roster(NAGARI.id), on="2023-10-02")
    data = json.loads(result.to_json("en"))
    assert data["summary"]["rows"] == 360
    assert data["summary"]["admitted"] == 200
    assert "Budget" in result.report("en")


people = st.builds(
    Person,
    id=st.text(alphabet="abcdef0123", min_size=1, max_size=4),
    role=st.sampled_from(["pekerja_rentan", "farmer", None]),
    domicile=st.sampled_from(["13.03", "15.71", None]),
    covered_as_pu=st.sampled_from([True, False, None]),
    sub_region=st.sampled_from(["N1", "N2", "N3", None]),
    income=st.sampled_from([Rupiah(1_000_000), Rupiah(2_000_000), None]),
)


def _admitted(persons: list[Person]) -> list[Person]:
    alloc = allocate(NAGARI, evaluate(NAGARI, persons, on="2024-01-01"))
    return sorted((p.decision.person for p in alloc.admitted), key=repr)


@given(st.lists(people, max_size=60), st.randoms(use_true_random=False))
def test_allocation_independent_of_order(persons: list[Person], rnd: object) -> None:
    shuffled = list(persons)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _admitted(persons) == _admitted(shuffled)


@given(st.lists(people, max_size=60), st.integers(min_value=1, max_value=10))
def test_allocation_independent_of_chunking(persons: list[Person], size: int) -> None:
    decisions = []
    for start in range(0, len(persons), size):
        decisions.extend(evaluate(NAGARI, persons[start : start + size], on="2024-01-01"))
    alloc = allocate(NAGARI, decisions)
    assert sorted((p.decision.person for p in alloc.admitted), key=repr) == _admitted(persons)


@given(st.lists(people, max_size=400))
def test_allocation_respects_quotas(persons: list[Person]) -> None:
    small = NAGARI
    alloc = allocate(small, evaluate(small, persons, on="2024-01-01"))
    admitted = alloc.admitted
    assert len(admitted) <= (small.quota.total or 0)
    for sub in ("N1", "N2", "N3"):
        assert sum(p.decision.person.sub_region == sub for p in admitted) <= 100
    assert all(p.status is Status.ADMITTED for p in admitted)


@given(st.lists(people, max_size=60))
def test_every_decision_has_reasons_and_budget_sums(persons: list[Person]) -> None:
    decisions = evaluate(NAGARI, persons, on="2024-01-01")
    assert all(d.reasons("en") and d.reasons("id_ID") for d in decisions)
    alloc = allocate(NAGARI, decisions)
    b = budget(NAGARI, alloc)
    assert b.yearly == sum((line.yearly for line in b.lines), Rupiah.zero())
    assert int(b.monthly) == 16_800 * len(alloc.admitted)
    assert b.participants == len(alloc.admitted)


def test_bundled_rosters_are_reproducible(tmp_path: object) -> None:
    import importlib.util  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "make_rosters", root / "scripts" / "make_rosters.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.OUT = Path(str(tmp_path))  # type: ignore[attr-defined]
    module.main()
    bundled = root / "src" / "perlindungan" / "data" / "rosters"
    for made in Path(str(tmp_path)).glob("*.csv"):
        assert made.read_text(encoding="utf-8") == (bundled / made.name).read_text(encoding="utf-8")
