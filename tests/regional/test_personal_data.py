"""Personal data in the outputs (UU 27/2022): ``--mask-nik`` over every output a roster run
writes, and NIK digits kept out of messages and notes."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perlindungan.cli import main
from perlindungan.errors import InvalidInputError
from perlindungan.regional import person_from_dict, read_roster, run_roster, scheme
from perlindungan.regional._nik import EXAMPLE_NIK, mask_nik, mask_niks, mask_niks_in, parse_nik

DATA = Path(__file__).resolve().parents[2] / "src" / "perlindungan" / "data"
PROGRAM = "banyuwangi-rentan-2023"
ON = "2023-11-16"
SIXTEEN = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])")


def _roster(tmp_path: Path) -> tuple[Path, list[str]]:
    """The bundled roster with each person's NIK as their id, a NIK used twice and a NIK
    whose area is not a kecamatan (row errors that quote the NIK)."""
    text = (DATA / "rosters" / f"{PROGRAM}.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))[:40]
    for row in rows:
        row["id"] = row["nik"]
    twice = dict(rows[0], id="again")
    bad_area = dict(rows[1], id="9910161708850001", nik="9910161708850001")
    rows += [twice, bad_area]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "roster.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, [r["nik"] for r in rows]


def _cells_of_workbook(path: Path) -> str:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(path, read_only=True)
    cells = [
        str(v)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
    book.close()
    return "\n".join(cells)


def test_mask_keeps_the_area_code_only() -> None:
    assert mask_nik("3510165708850003") == "351016**********"
    assert mask_nik("12345") == "*****"
    assert (
        mask_niks("id 3510165708850003, 35101657088500031 (17 digits), 351016570885000")
        == "id 351016**********, 35101657088500031 (17 digits), 351016570885000"
    )
    assert mask_niks(f"nik must be 16 digits such as {EXAMPLE_NIK}") == (
        f"nik must be 16 digits such as {EXAMPLE_NIK}"
    )
    assert mask_niks_in({"id": "3510165708850003", "amount": 3510165708850003}) == {
        "id": "351016**********",
        "amount": 3510165708850003,
    }


@given(
    nik=st.text(alphabet="0123456789", min_size=16, max_size=16),
    before=st.text(alphabet="abc ,:;()'\"=", max_size=5),
    after=st.text(alphabet="abc ,:;()'\"=", max_size=5),
)
def test_a_masked_text_keeps_no_nik(nik: str, before: str, after: str) -> None:
    masked = mask_niks(before + nik + after)
    if nik != EXAMPLE_NIK:
        assert nik not in masked
        assert masked == before + nik[:6] + "*" * 10 + after


def test_messages_and_notes_do_not_echo_nik_digits() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_nik("351016570885000")
    assert "351016570885000" not in str(info.value)
    assert "got 15 digits" in str(info.value)
    with pytest.raises(InvalidInputError) as info:
        parse_nik("3510163213850001")
    assert "321385" not in mask_niks(str(info.value))  # only the (masked) number has them
    person = person_from_dict({"id": "1", "nik": "3510165708850003", "birth_date": "1985-08-18"})
    assert person.notes == ("birth_date disagrees with the birth date in the nik",)
    person = person_from_dict({"id": "1", "nik": "3510165708850003", "sex": "L"})
    assert person.notes == ("birth_date from nik", "sex disagrees with the sex in the nik")


@pytest.mark.parametrize("mask", [False, True])
def test_every_output_file_masks_every_nik(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mask: bool
) -> None:
    roster, niks = _roster(tmp_path)
    flag = ["--mask-nik"] if mask else []
    base = ["scheme", "evaluate", PROGRAM, "--on", ON, "--roster", str(roster), "--lang", "en"]
    texts: dict[str, str] = {}
    assert main([*base, "--output", str(tmp_path / "out") + "/", *flag]) == 0
    for name in ("decisions.csv", "allocation.csv", "budget.csv", "result.json", "report.txt"):
        texts[name] = (tmp_path / "out" / name).read_text(encoding="utf-8")
    capsys.readouterr()
    for fmt in ("text", "csv", "json"):
        assert main([*base, "--format", fmt, *flag]) == 0
        texts[f"stdout {fmt}"] = capsys.readouterr().out
    assert main([*base, "--output", str(tmp_path / "result.xlsx"), *flag]) == 0
    texts["result.xlsx"] = _cells_of_workbook(tmp_path / "result.xlsx")
    json.loads(texts["result.json"])  # still valid JSON
    people = {n: t for n, t in texts.items() if n != "budget.csv"}
    for name, text in people.items():
        found = set(SIXTEEN.findall(text)) & set(niks)
        if mask:
            assert not found, (name, sorted(found)[:3])
            assert "351022**********" in text or name == "allocation.csv", name
        else:
            assert found, name  # the test can fail: unmasked outputs carry the ids
    decisions = texts["decisions.csv"]
    assert ("991016**********" in decisions) is mask  # the row error quoting the bad NIK
    assert "is already used on line" in decisions


def test_masked_json_equals_the_unmasked_one_but_for_the_niks(tmp_path: Path) -> None:
    roster, _ = _roster(tmp_path)
    result = run_roster(scheme(PROGRAM), read_roster(roster), on=ON)
    from perlindungan.regional._outputs import json_text  # noqa: PLC0415

    plain = json.loads(json_text(result, "en"))
    masked = json.loads(json_text(result, "en", mask_nik=True))
    assert masked == mask_niks_in(plain)
    assert masked["summary"] == plain["summary"]
    assert masked["budget"] == plain["budget"]


def test_mask_nik_is_for_evaluate_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scheme", "budget", PROGRAM, "--mask-nik", "--lang", "en"]) == 2
    assert "--mask-nik does not apply to 'scheme budget'" in capsys.readouterr().err


def test_payroll_masks_niks_used_as_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = DATA / "samples" / "payroll.csv"
    lines = sample.read_text(encoding="utf-8").splitlines()
    ids = ["3510165708850003", "3171011708850001"]
    rows = [ids[i] + line[line.index(",") :] for i, line in enumerate(lines[1:3])]
    bad = "3510161708850009,Bad Row,pu,-10,3,1980-01-01,,,,,,,"
    path = tmp_path / "payroll.csv"
    path.write_text("\n".join([lines[0], *rows, bad]) + "\n", encoding="utf-8")
    for flags in (["--json"], []):
        assert main(["payroll", str(path), "--on", "2025-03-01", *flags]) == 1
        plain = capsys.readouterr()
        assert ids[0] in plain.out
        assert "3510161708850009" in plain.err
        assert main(["payroll", str(path), "--on", "2025-03-01", "--mask-nik", *flags]) == 1
        masked = capsys.readouterr()
        assert not SIXTEEN.findall(masked.out + masked.err), flags
        assert "351016**********" in masked.out
        assert "(351016**********): " in masked.err
        if flags:
            assert json.loads(masked.out)["rows"] == 3


def test_masking_files_already_written_equals_masking_while_writing(tmp_path: Path) -> None:
    from perlindungan.regional._outputs import mask_files  # noqa: PLC0415

    roster, _ = _roster(tmp_path)
    result = run_roster(scheme(PROGRAM), read_roster(roster), on=ON)
    direct = result.write_files(tmp_path / "direct", "en", mask_nik=True)
    later = result.write_files(tmp_path / "later", "en")
    mask_files(later)
    for a, b in zip(direct, later, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_json_masking_touches_strings_only() -> None:
    from perlindungan.regional._outputs import mask_json_text  # noqa: PLC0415

    text = json.dumps(
        {"id": "3510165708850003", "x": 3510165708850003, 'q"3510165708850003': ["a \\"]},
        indent=2,
    )
    assert json.loads(mask_json_text(text)) == {
        "id": "351016**********",
        "x": 3510165708850003,
        'q"351016**********': ["a \\"],
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("  ", "id is required"),
        (True, "id must be text, got bool True."),
        (2**70, f"id must be text, got {2**70}."),
        ([1], "id must be text, got list [1]."),
    ],
    ids=["blank", "a-flag", "a-huge-number", "a-list"],
)
def test_a_person_id_must_be_text(value: object, message: str) -> None:
    with pytest.raises(InvalidInputError) as caught:
        person_from_dict({"id": value})
    assert (str(caught.value), caught.value.field) == (message, "id")


def test_a_whole_number_id_is_read_as_its_digits() -> None:
    assert person_from_dict({"id": 12345}).id == "12345"
