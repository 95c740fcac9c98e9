"""The language of the command line: Bahasa Indonesia by default, English with --lang en.

"No English in the Indonesian output" is checked against the catalogue: every message id
with an Indonesian translation gives its literal fragments (the text between its
placeholders); none of them may appear in an Indonesian output, and none of the
translations' fragments in an English one. A message shown untranslated, or English text
that never went through the catalogue, is caught by the first check or by the short list
of English words no Indonesian sentence of this project uses.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from perlindungan.cli import build_parser, main
from perlindungan.cli._language import requested_language

PO = (
    Path(__file__).resolve().parent.parent
    / "src/perlindungan/locale/id/LC_MESSAGES/perlindungan.po"
)
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[rsd]|%[rsd]")
#: English words that no Indonesian message of the project contains.
_ENGLISH_WORDS = re.compile(
    r"\b(must|got|the|is|are|was|should|unknown|invalid|cannot|not|of|with|and|or|"
    r"expected|required|given|missing|line|row)\b"
)


def _pieces(text: str) -> set[str]:
    """The literal fragments of a message long enough to name its language: at least two
    words and ten letters between placeholders."""
    out = set()
    for part in _PLACEHOLDER.split(text):
        piece = part.strip(" .,;:()'\"-\n")
        if len(piece) >= 10 and len(piece.split()) >= 2:
            out.add(piece)
    return out


@functools.cache
def _fragments() -> tuple[frozenset[str], frozenset[str]]:
    """(English fragments, Indonesian fragments) of every translated message, each kept
    only when the other language's text does not contain it (a command name, a file name
    or a flag is the same in both)."""
    with PO.open("rb") as handle:
        catalogue = read_po(handle, locale="id")
    english: set[str] = set()
    indonesian: set[str] = set()
    for message in catalogue:
        if not message.id or not message.string or message.id == message.string:
            continue
        source, target = str(message.id), str(message.string)
        english |= {p for p in _pieces(source) if p not in target}
        indonesian |= {p for p in _pieces(target) if p not in source}
    return frozenset(english), frozenset(indonesian)


def english_in(text: str) -> list[str]:
    """The English message fragments found in ``text``."""
    english, _ = _fragments()
    return sorted(p for p in english if p in text)


def indonesian_in(text: str) -> list[str]:
    """The Indonesian message fragments found in ``text``."""
    _, indonesian = _fragments()
    return sorted(p for p in indonesian if p in text)


def test_the_checks_can_fail() -> None:
    assert english_in("roster.csv:1: the file is empty; the first line must be the header.")
    assert indonesian_in("file kosong; baris pertama harus baris judul.")
    assert _ENGLISH_WORDS.search("birth_date must be an ISO date")


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        ([], {}, "id"),
        (["scheme", "check", "f.toml", "--lang", "en"], {}, "en"),
        (["--lang=en_US", "contributions"], {}, "en"),
        ([], {"PERLINDUNGAN_LANG": "en"}, "en"),
        (["--lang", "id"], {"PERLINDUNGAN_LANG": "en"}, "id"),
        (["--lang", "fr"], {}, "id"),
        (["scheme", "--", "--lang", "en"], {}, "id"),
    ],
)
def test_the_language_is_known_before_parsing(
    argv: list[str], environ: dict[str, str], lang: str
) -> None:
    assert requested_language(argv, environ) == lang


def _run(
    argv: list[str], capsys: pytest.CaptureFixture[str], *, code: int | None = 0
) -> tuple[str, str]:
    try:
        result = main(argv)
    except SystemExit as exc:  # --help
        result = int(exc.code or 0)
    out, err = capsys.readouterr()
    if code is not None:
        assert result == code, err
    return out, err


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["scheme", "--help"], ["region", "show", "--help"], ["contributions", "--help"]],
)
def test_help_is_indonesian_by_default_and_english_with_lang_en(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERLINDUNGAN_LANG", raising=False)
    indonesian, _ = _run(argv, capsys)
    assert indonesian.startswith("penggunaan: perlindungan")
    assert "tampilkan bantuan ini lalu keluar" in indonesian
    assert english_in(indonesian) == []
    english, _ = _run([*argv, "--lang", "en"], capsys)
    assert english.startswith("usage: perlindungan")
    assert "show this help message and exit" in english
    assert indonesian_in(english) == []
    monkeypatch.setenv("PERLINDUNGAN_LANG", "en")
    assert _run(argv, capsys)[0] == english


def test_argparse_errors_follow_the_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERLINDUNGAN_LANG", raising=False)
    _, err = _run(["scheme", "evaluat"], capsys, code=2)
    assert err.startswith("perlindungan: kesalahan: argumen action: pilihan tidak sah: 'evaluat'")
    _, err = _run(["scheme", "evaluat", "--lang", "en"], capsys, code=2)
    assert err.startswith("perlindungan: error: argument action: invalid choice: 'evaluat'")


def test_parsers_for_the_docs_in_each_language() -> None:
    indonesian = build_parser("id").format_help()
    english = build_parser("en").format_help()
    assert indonesian.startswith("penggunaan:")
    assert "argumen posisi" in indonesian
    assert english.startswith("usage:")
    assert "positional arguments" in english
    assert english_in(indonesian) == []
    assert indonesian_in(english) == []


def test_input_layer_errors_on_the_exit_2_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERLINDUNGAN_LANG", raising=False)
    roster = tmp_path / "roster.csv"
    roster.write_text("id;name;role\nA;Siti;nelayan\n", encoding="utf-8")
    args = ["scheme", "evaluate", "kota-jambi-rentan-2025", "--roster", str(roster)]
    for extra, words in (([], "bukan"), (["--lang", "en"], "not")):
        _, err = _run([*args, "--delimiter", ",", *extra], capsys, code=2)
        assert err.count("\n") == 1
        assert f"{roster}:1:" in err
        assert "--delimiter ';'" in err
        assert f" {words} " in err
    _, err = _run([*args[:-1], str(tmp_path / "missing.csv")], capsys, code=2)
    assert err == (
        f"perlindungan: kesalahan: tidak dapat membaca daftar calon peserta "
        f"'{tmp_path / 'missing.csv'}': file atau folder tidak ada.\n"
    )


_BROKEN_PROGRAM = """\
[program]
id = "contoh-rusak"
name_id = "Contoh rusak"
name_en = "Broken example"
region = "35.10"
valid_from = 2026-01-01
valid_until = 2025-01-01
status = "annonced"
confidence = "C2"
basis = ["inpres-2-2021"]
groups = ["nelayan", "petani_penggarapp"]
colour = "blue"

[program.eligibility]
all = [{ role = ["nelayan"] }, { age_at_least = "delapan belas" }]

[program.coverage]
programs = ["JKK", "JKM"]
scheme = "bpu"

[program.funding]
payer = "regional_budgett"
budget_of = "35.10"

[program.quota]
total = 100
"""
_PROGRAM = "kota-jambi-rentan-2025"
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def _roster(tmp_path: Path) -> Path:
    """The bundled roster of the program with broken rows added (a bad date, an unknown
    role, a repeated id, a malformed number)."""
    from importlib import resources  # noqa: PLC0415

    bundled = resources.files("perlindungan") / "data" / "rosters" / f"{_PROGRAM}.csv"
    text = bundled.read_text(encoding="utf-8")
    header = text.splitlines()[0]
    width = header.count(",")
    bad = [
        "X-1,Ana,pekerja_rentan,15.71,15.71,1990-02-30,bpu,1500000" + "," * (width - 7),
        "X-4,Dewi,penyanyi,15.71,15.71,1990-02-01,bpu,1500000" + "," * (width - 7),
        "X-2,Budi,pekerja_rentan,15.71,15.71,1990-02-01,bpu,1500000" + "," * (width - 7),
        "X-2,Budi,pekerja_rentan,15.71,15.71,1990-02-01,bpu,1500000" + "," * (width - 7),
        "X-3,Citra,pekerja_rentan,15.71,15.71,1990-02-01,bpu,1.5e6" + "," * (width - 7),
    ]
    path = tmp_path / "roster.csv"
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(bad) + "\n", encoding="utf-8")
    return path


def _texts(folder: Path) -> dict[str, str]:
    """The human text of an evaluate --output folder: the report, the label columns of the
    CSVs and the text fields of the JSON (codes and JSON keys are the same in both
    languages)."""
    import csv  # noqa: PLC0415
    import json  # noqa: PLC0415

    out = {"report.txt": (folder / "report.txt").read_text(encoding="utf-8")}
    labels = {"verdict_text", "allocation_text", "reasons", "error", "status_text", "reason"}
    labels |= {"payer_text", "phase_text"}
    for name in ("decisions.csv", "allocation.csv", "budget.csv"):
        with (folder / name).open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        out[name] = "\n".join(v for row in rows for k, v in row.items() if k in labels and v)
    data = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    texts: list[str] = []

    def walk(value: object, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in {
            "verdict_text",
            "text",
            "error",
            "notes",
            "reasons",
        }:
            texts.append(value)

    walk(data)
    out["result.json"] = "\n".join(texts)
    return out


def _workflow(tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """Every text the policy workflow shows: check (a broken and a good file), evaluate
    with outputs, budget, show, and the exit-2 lines."""
    flag = ["--lang", lang]
    broken = tmp_path / "rusak.toml"
    broken.write_text(_BROKEN_PROGRAM, encoding="utf-8")
    shown: dict[str, str] = {}
    _, shown["check broken"] = _run(["scheme", "check", str(broken), *flag], capsys, code=1)
    from importlib import resources  # noqa: PLC0415

    good = str(resources.files("perlindungan") / "data" / "schemes" / f"{_PROGRAM}.toml")
    shown["check good"], _ = _run(["scheme", "check", good, *flag], capsys)
    _, shown["evaluate broken"] = _run(["scheme", "evaluate", str(broken), *flag], capsys, code=2)
    folder = tmp_path / f"out-{lang}"
    roster = _roster(tmp_path)
    _run(
        ["scheme", "evaluate", _PROGRAM, "--roster", str(roster), "--output", f"{folder}/", *flag],
        capsys,
    )
    shown.update(_texts(folder))
    shown["budget"], _ = _run(["scheme", "budget", _PROGRAM, *flag], capsys)
    shown["show"], _ = _run(["scheme", "show", "kota-serang-2026", *flag], capsys)
    _, shown["missing roster"] = _run(
        ["scheme", "evaluate", _PROGRAM, "--roster", str(tmp_path / "none.csv"), *flag],
        capsys,
        code=2,
    )
    return shown


def test_policy_workflow_in_indonesian(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERLINDUNGAN_LANG", raising=False)
    shown = _workflow(tmp_path, "id", capsys)
    assert shown["check broken"].startswith("masalah dalam berkas data: 6\n")
    assert "rusak.toml:12: program.colour: kunci 'colour' tidak dikenal" in shown["check broken"]
    assert "baris bermasalah" in shown["report.txt"]
    assert "APBD Kota Jambi" in shown["report.txt"]
    assert "regional_budget" not in shown["report.txt"]
    errors = shown["decisions.csv"]
    assert "birth_date harus berupa tanggal ISO seperti 2025-02-07, diterima '1990-02-30'" in errors
    assert "id 'X-2' sudah dipakai di baris" in errors
    for where, text in shown.items():
        assert english_in(text) == [], where
        # what is left once quoted values (names, codes as the user wrote them) are removed
        words = _ENGLISH_WORDS.findall(_QUOTED.sub("", text))
        assert words == [], (where, words)


def test_policy_workflow_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PERLINDUNGAN_LANG", raising=False)
    shown = _workflow(tmp_path, "en", capsys)
    assert shown["check broken"].startswith("problems in data files: 6\n")
    assert "regional budget (APBD) of Kota Jambi" in shown["report.txt"]
    assert "id 'X-2' is already used on line" in shown["decisions.csv"]
    for where, text in shown.items():
        assert indonesian_in(text) == [], where


#: The developer commands' exit-2 lines: (arguments, Indonesian words, English words).
_DEVELOPER_ERRORS = [
    (["conformance", "run"], "--command wajib diisi", "--command is required"),
    (
        ["conformance", "run", "--command", "no-such-program-here --json"],
        "tidak ditemukan: 'no-such-program-here'",
        "not found: 'no-such-program-here'",
    ),
    (
        ["conformance", "list", "--category", "pu,xx"],
        "kategori 'xx' tidak dikenal",
        "unknown category 'xx'",
    ),
    (
        ["data", "diff", "2026-06-01", "2025-01-01"],
        "berikan tanggal yang lebih awal lebih dulu",
        "give the earlier date first",
    ),
    (["data", "status", "--within", "-1"], "jumlah hari bulat", "whole number of days"),
    (
        ["data", "status", "--on", "2026-01-01", "--within", "99999999"],
        "paling banyak 2.912.442 hari dari 2026-01-01",
        "at most 2,912,442 days from 2026-01-01",
    ),
    (["serve", "--port", "70000"], "--port harus dari 0 sampai 65535", "--port must be from 0"),
    (["serve", "--workers", "0"], "--workers harus 1 atau lebih", "--workers must be 1 or more"),
    (["contributions", "--category", "bpu"], "--on wajib diisi", "--on is required"),
    (["contributions", "--on", "2025-03-01"], "--category wajib diisi", "--category is required"),
    (
        ["contributions", "request.json", "--on", "2025-03-01"],
        "bukan keduanya",
        "not both",
    ),
    (
        ["scheme", "budget", "kota-jambi-rentan-2025", "--output", "x.xlsx"],
        "hanya 'scheme evaluate' yang menulis buku kerja .xlsx",
        "only 'scheme evaluate' writes an .xlsx workbook",
    ),
    (
        ["scheme", "evaluate", "kota-jambi-rentan-2025", "--output", "x.xlsx", "--format", "csv"],
        "hapus --format csv",
        "leave out --format csv",
    ),
]


@pytest.mark.parametrize(
    ("argv", "indonesian", "english"),
    _DEVELOPER_ERRORS,
    ids=[" ".join(a[:2]) + f"-{i}" for i, (a, _, _) in enumerate(_DEVELOPER_ERRORS)],
)
def test_developer_command_errors_speak_the_language_asked(
    argv: list[str],
    indonesian: str,
    english: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # These lines were English whatever the language (the messages skipped the catalogue).
    monkeypatch.delenv("PERLINDUNGAN_LANG", raising=False)
    _, err = _run(argv, capsys, code=2)
    assert err.startswith("perlindungan: kesalahan: ")
    assert err.count("\n") == 1
    assert indonesian in err
    assert english_in(err) == [], err
    assert _ENGLISH_WORDS.findall(_QUOTED.sub("", err.split(": ", 2)[2])) == [], err
    _, err = _run(["--lang", "en", *argv], capsys, code=2)
    assert err.startswith("perlindungan: error: ")
    assert english in err
    assert indonesian_in(err) == [], err


def test_conformance_report_speaks_the_language_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A program that refuses every request: each case's mismatch is "a response" expected,
    # "refused: ..." got; the machine fields of the mismatch stay English codes.
    monkeypatch.delenv("PERLINDUNGAN_LANG", raising=False)
    argv = ["conformance", "run", "--case", "Contract value", "--command", "false", "--jobs", "1"]
    out, _ = _run(argv, capsys, code=1)
    assert ": response: diharapkan sebuah jawaban, diperoleh ditolak: exit status 1 (dasar: " in out
    assert "expected" not in out
    assert english_in(out) == [], out
    out, _ = _run([*argv, "--lang", "en"], capsys, code=1)
    assert ": response: expected a response, got refused: exit status 1 (basis: " in out
    assert indonesian_in(out) == [], out


_REQUEST_ERRORS = [
    (
        "contributions",
        {"on": "2025-06-01", "worker": {"category": "bpu", "income": 1000000, "paid_by": "x"}},
        "worker.paid_by harus salah satu dari worker, government",
        "worker.paid_by must be one of worker, government",
    ),
    (
        "contributions",
        {"on": "2025-06-01", "worker": {"category": "bpu", "income": 1, "sector": " "}},
        "worker.sector harus berupa sektor peserta",
        "worker.sector must be the participant's sector",
    ),
    (
        "contributions",
        {
            "on": "2025-06-01",
            "worker": {
                "category": "pu",
                "wage": 5000000,
                "risk_class": 1,
                "birth_date": "1990-01-01",
                "employer": {"workers": -1},
            },
        },
        "harus berupa jumlah pekerja bilangan bulat",
        "must be a whole number of workers such as 120",
    ),
    (
        "contributions",
        {
            "on": "2025-06-01",
            "worker": {
                "category": "pu",
                "wage": 5000000,
                "risk_class": 1,
                "birth_date": "1990-01-01",
                "employer": {"sector": 5},
            },
        },
        "harus berupa nama sektor, misalnya 'textile_apparel'",
        "must be a sector name such as 'textile_apparel'",
    ),
    (
        "contributions",
        {"on": "2025-06-01", "worker": {"category": "bpu", "income": 1}, "x": 1},
        "x bukan field permintaan contributions; gunakan 'on' dan 'worker'.",
        "x is not a field of a contributions request; use 'on' and 'worker'.",
    ),
    (
        "contributions",
        {"on": "2025-06-01"},
        "worker wajib ada dalam permintaan contributions, misalnya",
        "worker is required in a contributions request, such as",
    ),
    (
        "benefits",
        {"on": "2025-06-01", "claim": {"program": "JKM", "event": "death"}, "lang": "id"},
        "lang bukan field permintaan benefits; gunakan 'on' dan 'claim'.",
        "lang is not a field of a benefits request; use 'on' and 'claim'.",
    ),
    (
        "benefits",
        {
            "on": "2025-06-01",
            "claim": {"program": "JKP", "event": "job_loss", "termination_reason": "resign"},
        },
        "claim.termination_reason harus salah satu dari layoff, resignation",
        "claim.termination_reason must be one of layoff, resignation",
    ),
]


@pytest.mark.parametrize(
    ("command", "request_body", "indonesian", "english"),
    _REQUEST_ERRORS,
    ids=[f"{c}-{i}" for i, (c, _, _, _) in enumerate(_REQUEST_ERRORS)],
)
def test_request_field_errors_speak_the_language_asked(
    command: str,
    request_body: object,
    indonesian: str,
    english: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # These request and field errors were English whatever the language asked.
    monkeypatch.delenv("PERLINDUNGAN_LANG", raising=False)
    request = tmp_path / "request.json"
    request.write_text(json.dumps(request_body), encoding="utf-8")
    _, err = _run([command, str(request)], capsys, code=2)
    assert err.startswith("perlindungan: kesalahan: ")
    assert err.count("\n") == 1
    assert indonesian in err, err
    _, err = _run(["--lang", "en", command, str(request)], capsys, code=2)
    assert err.startswith("perlindungan: error: ")
    assert english in err, err
    assert indonesian_in(err) == [], err


def test_output_write_errors_speak_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "cannot write ..." from a roster evaluation was English whatever the language asked.
    monkeypatch.delenv("PERLINDUNGAN_LANG", raising=False)
    roster = tmp_path / "roster.csv"
    roster.write_text("id;name\nA;Siti\n", encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    (tmp_path / "out" / "decisions.csv").mkdir(parents=True)  # a folder where a file goes
    evaluate = ["scheme", "evaluate", "kota-jambi-rentan-2025", "--roster", str(roster)]
    cases = [
        (
            [*evaluate, "--output", f"{blocker}/sub/"],
            f"tidak dapat menulis '{blocker}/sub': sebagian jalurnya bukan folder.",
            f"cannot write '{blocker}/sub': a part of the path is not a folder.",
        ),
        (
            [*evaluate, "--output", f"{tmp_path / 'out'}/"],
            f"tidak dapat menulis ke dalam '{tmp_path / 'out'}': itu sebuah folder.",
            f"cannot write into '{tmp_path / 'out'}': ",
        ),
        (
            [*evaluate, "--format", "csv", "--output", f"{blocker}/x.csv"],
            f"tidak dapat menulis '{blocker}/x.csv': ada file di tempat yang memerlukan folder.",
            f"cannot write '{blocker}/x.csv': a file is in the way where a folder is needed.",
        ),
    ]
    for argv, indonesian, english in cases:
        _, err = _run(argv, capsys, code=2)
        assert err == f"perlindungan: kesalahan: {indonesian}\n"
        _, err = _run(["--lang", "en", *argv], capsys, code=2)
        assert err.startswith(f"perlindungan: error: {english}"), err
