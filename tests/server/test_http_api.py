"""The HTTP API over real HTTP: a ``perlindungan serve`` process on a free localhost port,
called with a real client (``urllib``). Its answers equal the command line's byte for byte."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from perlindungan import WageEarner, contributions
from perlindungan.cli import main
from perlindungan.conformance import cases
from perlindungan.regional import planned_budget, scheme

pytestmark = pytest.mark.slow  # a server process, and the CLI on every conformance vector

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "perlindungan" / "data"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "PERLINDUNGAN_MAX_UPLOAD_BYTES": str(2 * 1024 * 1024)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "perlindungan",
            "serve",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/v1/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read().decode() if server.stdout else ""
                    pytest.fail(f"the server did not start: {output}")
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            server.kill()
            server.wait()
        if server.stdout:
            server.stdout.close()


def call(
    url: str,
    path: str,
    body: bytes | str | None = None,
    *,
    method: str | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    data = body.encode("utf-8") if isinstance(body, str) else body
    request = urllib.request.Request(url + path, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str, request: Any = None
) -> tuple[int, str, str]:
    argv = list(args)
    if request is not None:
        path = tmp_path / "request.json"
        path.write_text(json.dumps(request), "utf-8")
        argv.insert(1, str(path))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("kind", ["contributions", "benefits"])
@pytest.mark.usefixtures("english_cli")  # English messages: Accept-Language en, --lang en
def test_answers_equal_the_cli_byte_for_byte_on_the_conformance_vectors(
    base_url: str, kind: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    refused = 0
    english = {"Accept-Language": "en"}
    for case in cases(kind):
        request = json.dumps(case.request)
        status, headers, body = call(base_url, f"/v1/{kind}", request, headers=english)
        code, out, err = cli(capsys, tmp_path, kind, "--json", request=case.request)
        if code == 0:
            assert status == 200, (case.name, body)
            assert headers["content-type"] == "application/json"
            assert body == out.encode("utf-8"), case.name
            assert case.check(json.loads(body)) == [], case.name
        else:
            refused += 1
            assert status in {400, 422}, (case.name, body)
            error = json.loads(body)["error"]
            assert err == f"perlindungan: error: {error['message']}\n", case.name
            assert error["field"]
            assert case.expected.get("rejected"), case.name
            # in Indonesian (no Accept-Language) the refusal reads as the CLI's default
            _, _, body_id = call(base_url, f"/v1/{kind}", request)
            error_id = json.loads(body_id)["error"]
            _, _, err_id = cli(
                capsys, tmp_path, kind, "--json", "--lang", "id", request=case.request
            )
            assert err_id == f"perlindungan: kesalahan: {error_id['message']}\n", case.name
            assert (error_id["code"], error_id["field"]) == (error["code"], error["field"])
    if kind == "contributions":
        assert refused > 0  # the vectors include refusals


def test_bad_input_is_a_4xx_json_error_naming_the_field(base_url: str) -> None:
    bad = {
        '{"on": "2025-06-01", "worker": {"category": "pu", "wage": -8000000, '
        '"risk_class": 1, "birth_date": "1990-01-01"}}': "worker.wage",
        '{"on": "2025-06-01", "worker": {"category": "bpu", "incme": 1000000}}': "worker.incme",
        '{"on": "2025-13-01", "worker": {"category": "bpu", "income": 1000000}}': "on",
        '{"on": "2025-06-01"}': "worker",
        "not json": "request",
        "[]": "request",
        "null": "request",
        "[" * 20000 + "]" * 20000: "request",
    }
    for body, field in bad.items():
        status, headers, answer = call(base_url, "/v1/contributions", body)
        assert 400 <= status < 500, (body[:80], answer)
        assert headers["content-type"] == "application/json"
        error = json.loads(answer)["error"]
        assert error["field"] == field, (body[:80], error)
        assert error["message"]
    hostile: list[str | bytes] = [
        '{"on": "2025-06-01", "worker": {"category": "bpu", "income": 1e999999}}',
        '{"on": "2025-06-01", "worker": {"category": "bpu", "income": "1e999999999"}}',
        (
            '{"on": "2025-06-01", "worker": {"category": "pu", "wage": 1e30, "risk_class": 1, '
            '"birth_date": "1990-01-01"}}'
        ),
        b'{"on": "2025-06-01", "worker": {"category": "bpu", "income": 1000000, "x": "\xff"}}',
    ]
    for hostile_body in hostile:
        status, _, answer = call(base_url, "/v1/contributions", hostile_body)
        assert 400 <= status < 500, (hostile_body, answer)
        assert json.loads(answer)["error"]["message"]
    english = {"Accept-Language": "en"}
    status, _, answer = call(base_url, "/v1/contributions", next(iter(bad)), headers=english)
    assert "positive amount of rupiah such as 5000000" in json.loads(answer)["error"]["message"]
    status, _, answer = call(base_url, "/v1/contributions", next(iter(bad)))
    assert "harus jumlah rupiah positif seperti 5000000" in json.loads(answer)["error"]["message"]
    # a decimal wage in the body is read exactly (the framework never parses it as a float)
    exact = (
        '{"on": "2025-06-01", "worker": {"category": "pu", "wage": 8000000.50, '
        '"risk_class": 1, "birth_date": "1990-01-01"}}'
    )
    status, _, answer = call(base_url, "/v1/contributions", exact)
    assert status == 200
    assert json.loads(answer)["lines"][0]["base"] == "8000000.50"


def test_accept_language_chooses_indonesian_or_english(base_url: str) -> None:
    titles = {}
    for language in ("id", "en-GB,en;q=0.9", "fr", "en;q=0.3,id;q=0.8"):
        status, headers, answer = call(
            base_url, "/v1/contributions", "{}", headers={"Accept-Language": language}
        )
        assert status == 400
        titles[language] = (json.loads(answer)["error"]["title"], headers["content-language"])
    assert titles["en-GB,en;q=0.9"] == ("The request is not valid.", "en")
    assert titles["id"][1] == "id"
    assert titles["id"][0] != titles["en-GB,en;q=0.9"][0]
    assert titles["fr"] == titles["id"]
    assert titles["en;q=0.3,id;q=0.8"] == titles["id"]
    _, _, english = call(base_url, "/v1/programs", headers={"Accept-Language": "en"})
    _, _, indonesian = call(base_url, "/v1/programs")
    first_en, first_id = json.loads(english)[0], json.loads(indonesian)[0]
    assert first_en["name"] == first_en["names"]["en"]
    assert first_id["name"] == first_id["names"]["id"]


def _declare(
    url: str, path: str, length: int, content_type: str, language: str = "id"
) -> tuple[int, dict[str, Any]]:
    """Send only the headers of a large request (``Expect: 100-continue``, as curl does for
    large bodies) and read the answer: a refusal comes before any body byte is sent."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {length}\r\nAccept-Language: {language}\r\n"
                "Expect: 100-continue\r\nConnection: close\r\n\r\n"
            ).encode("ascii")
        )
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def test_request_size_limits(base_url: str) -> None:
    status, answer = _declare(base_url, "/v1/contributions", 64 * 1024 + 1, "application/json")
    assert status == 413
    assert answer["error"]["code"] == "too_large"
    assert "lebih besar dari 65.536 byte" in answer["error"]["message"]  # Indonesian by default
    status, answer = _declare(
        base_url, "/v1/contributions", 64 * 1024 + 1, "application/json", language="en"
    )
    assert (status, answer["error"]["code"]) == (413, "too_large")
    assert "65,536 bytes" in answer["error"]["message"]
    status, answer = _declare(
        base_url, "/v1/batch/contributions?on=2025-06-01", 2 * 1024 * 1024 + 1, "text/csv", "en"
    )
    assert status == 413
    assert "2,097,152 bytes" in answer["error"]["message"]
    # a body within the limit is read
    status, _, _ = call(base_url, "/v1/contributions", "x" * (64 * 1024))
    assert status == 400


def test_batch_takes_json_csv_and_parquet_and_returns_every_row(base_url: str) -> None:
    rows = [
        {"id": "A", "category": "bpu", "income": 1000000},
        {"id": "B", "category": "pu", "wage": -5, "risk_class": 1, "birth_date": "1990-01-01"},
        {"id": "C", "category": "pu", "wage": 5000000, "risk_class": 2, "birth_date": "1990-01-01"},
    ]
    expected = contributions(
        WageEarner(wage=5000000, risk_class=2, birth_date="1990-01-01"), on="2025-06-01"
    )
    answers = []
    status, _, answer = call(
        base_url,
        "/v1/batch/contributions",
        json.dumps({"on": "2025-06-01", "rows": rows, "columns": ["total_employer", "total"]}),
        headers={"Content-Type": "application/json"},
    )
    assert status == 200, answer
    answers.append(json.loads(answer))
    csv_text = "id,category,income,wage,risk_class,birth_date\n" + "".join(
        f"{r['id']},{r['category']},{r.get('income', '')},{r.get('wage', '')},"
        f"{r.get('risk_class', '')},{r.get('birth_date', '')}\n"
        for r in rows
    )
    status, _, answer = call(
        base_url,
        "/v1/batch/contributions?on=2025-06-01&columns=total_employer,total",
        csv_text,
        headers={"Content-Type": "text/csv"},
    )
    assert status == 200, answer
    answers.append(json.loads(answer))
    sink = io.BytesIO()
    table = pa.table(
        {
            "id": [r["id"] for r in rows],
            "category": [r["category"] for r in rows],
            "income": [r.get("income") for r in rows],
            "wage": [r.get("wage") for r in rows],
            "risk_class": [r.get("risk_class") for r in rows],
            "birth_date": [r.get("birth_date") for r in rows],
        }
    )
    pq.write_table(table, sink)
    status, _, answer = call(
        base_url,
        "/v1/batch/contributions?on=2025-06-01&columns=total_employer,total",
        sink.getvalue(),
        headers={"Content-Type": "application/vnd.apache.parquet"},
    )
    assert status == 200, answer
    answers.append(json.loads(answer))
    for data in answers:
        assert [r["id"] for r in data["rows"]] == ["A", "B", "C"]
        assert [r["total"] for r in data["rows"]] == [16800, None, int(expected.total)]
        assert data["rows"][1]["error"].startswith("wage must be a positive amount")
        assert [e["row"] for e in data["errors"]] == [1]
    assert answers[0] == answers[1] == answers[2]
    status, _, answer = call(
        base_url, "/v1/batch/contributions", "a,b", headers={"Content-Type": "text/plain"}
    )
    assert status == 415


def test_batch_masks_nik_ids_on_request(base_url: str) -> None:
    """``?mask_nik=true`` on the batch route hides the NIKs used as ids, as ``--mask-nik``
    does for payroll; amounts and the other ids are unchanged, and nothing is masked by
    default."""
    rows = [
        {"id": "3510165708850003", "category": "bpu", "income": 1000000},
        {"id": "A-7", "category": "bpu", "income": 2000000},
        {"id": "3510164101900001", "category": "bpu", "income": -1},
    ]
    body = json.dumps({"on": "2025-06-01", "rows": rows})
    answers = {}
    for query in ("", "?mask_nik=true"):
        status, _, answer = call(
            base_url,
            "/v1/batch/contributions" + query,
            body,
            headers={"Content-Type": "application/json"},
        )
        assert status == 200, answer
        answers[query] = json.loads(answer)
    plain, masked = answers[""], answers["?mask_nik=true"]
    assert [r["id"] for r in plain["rows"]] == [r["id"] for r in rows]
    assert [r["id"] for r in masked["rows"]] == ["351016**********", "A-7", "351016**********"]
    assert "3510164101900001" not in json.dumps(masked)
    assert [r["total"] for r in masked["rows"]] == [r["total"] for r in plain["rows"]]
    assert masked["rows"][2]["error"] == plain["rows"][2]["error"]


def test_programs_parameters_budget_and_evaluate(
    base_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, answer = call(base_url, "/v1/schemes")
    ids = [p["id"] for p in json.loads(answer)]
    assert "kota-serang-2026" in ids
    status, _, answer = call(base_url, "/v1/schemes/kota-serang-2026")
    assert status == 200
    assert json.loads(answer)["eligibility"]
    status, _, answer = call(base_url, "/v1/schemes/kota-serang-2025")
    assert status == 404
    assert "kota-serang-2026" in json.loads(answer)["error"]["message"]
    assert json.loads(answer)["error"]["field"] == "scheme"
    status, _, answer = call(base_url, "/v1/schemes/kota-serang-2026/budget?on=2026-01-01")
    assert (
        json.loads(answer) == planned_budget(scheme("kota-serang-2026"), on="2026-01-01").to_dict()
    )
    roster = (DATA / "rosters" / "kota-serang-2026.csv").read_bytes()
    status, _, answer = call(
        base_url,
        "/v1/schemes/kota-serang-2026/evaluate?on=2026-01-01",
        roster,
        headers={"Content-Type": "text/csv", "Accept-Language": "en"},
    )
    assert status == 200
    code, out, _ = cli(
        capsys,
        tmp_path,
        "scheme",
        "evaluate",
        "kota-serang-2026",
        "--on",
        "2026-01-01",
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert code == 0
    assert answer == out.encode("utf-8")
    status, _, answer = call(base_url, "/v1/parameters/pu.jp.wage_cap?on=2025-06-01")
    data = json.loads(answer)
    assert status == 200
    assert (data["value"], data["since"]) == ("10547400", "2025-03-01")
    assert "PP 45/2015" in data["basis"]
    status, _, answer = call(base_url, "/v1/parameters/pu.jp.wage_cap?on=2001-01-01")
    assert status == 422
    assert json.loads(answer)["error"]["field"] == "on"
    status, _, answer = call(base_url, "/v1/parameters/pu.jp.wage_cap")
    assert status == 400
    assert json.loads(answer)["error"]["field"] == "on"
    status, _, answer = call(base_url, "/v1/parameters/pu.jp.wage_cp?on=2025-06-01")
    assert status == 404


def test_the_old_program_routes_answer_the_same(base_url: str) -> None:
    """``/v1/programs/...`` (deprecated) answers what ``/v1/schemes/...`` does."""
    roster = (DATA / "rosters" / "kota-serang-2026.csv").read_bytes()
    english = {"Accept-Language": "en"}
    for old, new, body, headers in (
        ("/v1/programs", "/v1/schemes", None, english),
        ("/v1/programs/sijunjung-nagari-100", "/v1/schemes/sijunjung-nagari-100", None, {}),
        (
            "/v1/programs/kota-serang-2026/budget?on=2026-01-01&participants=7",
            "/v1/schemes/kota-serang-2026/budget?on=2026-01-01&participants=7",
            None,
            {},
        ),
        (
            "/v1/programs/kota-serang-2026/evaluate?on=2026-01-01",
            "/v1/schemes/kota-serang-2026/evaluate?on=2026-01-01",
            roster,
            english | {"Content-Type": "text/csv"},
        ),
    ):
        old_status, old_headers, old_answer = call(base_url, old, body, headers=headers)
        new_status, new_headers, new_answer = call(base_url, new, body, headers=headers)
        assert (old_status, old_answer) == (new_status, new_answer), old
        assert old_status == 200
        assert old_headers["content-type"] == new_headers["content-type"]
    status, _, answer = call(base_url, "/v1/programs/kota-serang-2025")
    assert status == 404
    error = json.loads(answer)["error"]
    assert (error["field"], error["code"]) == ("program", "not_found")


def test_openapi_document_docs_and_unknown_routes(base_url: str) -> None:
    status, _, answer = call(base_url, "/openapi.json")
    document = json.loads(answer)
    assert status == 200
    assert document["openapi"].startswith("3.")
    for path in (
        "/v1/contributions",
        "/v1/benefits",
        "/v1/batch/contributions",
        "/v1/schemes",
        "/v1/schemes/{scheme_id}",
        "/v1/schemes/{scheme_id}/evaluate",
        "/v1/schemes/{scheme_id}/budget",
        "/v1/parameters/{name}",
        "/v1/health",
    ):
        assert path in document["paths"], path
        assert not any(op.get("deprecated") for op in document["paths"][path].values())
    for path in (
        "/v1/programs",
        "/v1/programs/{program_id}",
        "/v1/programs/{program_id}/evaluate",
        "/v1/programs/{program_id}/budget",
    ):
        assert all(op["deprecated"] is True for op in document["paths"][path].values()), path
    body = document["paths"]["/v1/contributions"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"]["required"] == ["on", "worker"]
    status, _, answer = call(base_url, "/docs")
    assert status == 200
    assert b"openapi.json" in answer
    status, _, answer = call(base_url, "/v1/contributions")
    assert status == 405
    assert json.loads(answer)["error"]["code"] == "method_not_allowed"
    status, _, answer = call(base_url, "/v2/nothing")
    assert status == 404
    assert json.loads(answer)["error"]["code"] == "not_found"


def test_evaluate_masks_niks_as_the_cli_does(
    base_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = (DATA / "rosters" / "banyuwangi-rentan-2023.csv").read_text("utf-8").splitlines()
    header = lines[0].split(",")
    rows = [line.split(",") for line in lines[1:21]]
    at = header.index("nik")
    text = "\n".join([lines[0], *(",".join([r[at], *r[1:]]) for r in rows)]) + "\n"
    roster = tmp_path / "roster.csv"
    roster.write_text(text, "utf-8")
    path = "/v1/schemes/banyuwangi-rentan-2023/evaluate?on=2023-11-16&mask_nik=true"
    status, _, answer = call(
        base_url, path, text, headers={"Content-Type": "text/csv", "Accept-Language": "en"}
    )
    assert status == 200
    code, out, _ = cli(
        capsys,
        tmp_path,
        "scheme",
        "evaluate",
        "banyuwangi-rentan-2023",
        "--on",
        "2023-11-16",
        "--roster",
        str(roster),
        "--format",
        "json",
        "--mask-nik",
        "--lang",
        "en",
    )
    assert code == 0
    assert answer == out.encode("utf-8")
    assert rows[0][at] not in out
    assert rows[0][at][:6] + "*" * 10 in out


def _error(url: str, path: str, body: bytes | str, **headers: str) -> tuple[int, dict[str, Any]]:
    status, _, answer = call(url, path, body, headers=headers)
    return status, json.loads(answer)["error"]


@pytest.mark.parametrize(
    ("body", "field", "message", "indonesian"),
    [
        (
            b"\xff\xfe{",
            "request",
            "the request is not UTF-8 text (byte 0).",
            "permintaan bukan teks UTF-8 (byte 0).",
        ),
        (b"{", "request", "the request is not valid JSON (", "permintaan bukan JSON yang sah ("),
        (
            b"[]",
            "rows",
            "the request must be an object with rows, such as",
            "permintaan harus berupa objek dengan rows, misalnya",
        ),
        (
            b'{"rows": {}}',
            "rows",
            "rows must be a list of objects such as",
            "rows harus berupa daftar objek misalnya",
        ),
        (
            b'{"rows": [], "colour": 1}',
            "colour",
            "'colour' is not a field of a batch request;",
            "'colour' bukan kolom permintaan batch;",
        ),
        (
            b'{"rows": ' + b"[" * 5000 + b"]" * 5000 + b"}",
            "request",
            "nesting is deeper than 32 levels",
            "lebih dalam dari 32 tingkat",
        ),
        (  # was a 500: Python's int() refuses more than 4,300 digits with a ValueError
            b'{"rows": [{"category": "bpu", "income": ' + b"9" * 5000 + b"}]}",
            "request",
            "a number of 5,000 digits is too long",
            "angka 5.000 digit terlalu panjang",
        ),
        (  # the last value of a repeated key silently won
            b'{"rows": [{"category": "bpu", "income": 1000000, "income": 5}]}',
            "request",
            "the key 'income' is given twice in one object",
            "kunci 'income' diberikan dua kali dalam satu objek",
        ),
        (  # NaN is not JSON: it was read as a number and refused on its row
            b'{"rows": [{"category": "bpu", "income": NaN}]}',
            "request",
            "NaN is not a number JSON allows",
            "NaN bukan angka yang diizinkan JSON",
        ),
    ],
    ids=[
        "not-utf8",
        "not-json",
        "not-object",
        "rows-not-list",
        "unknown-field",
        "too-deep",
        "5000-digits",
        "repeated-key",
        "nan",
    ],
)
def test_a_bad_batch_request_is_a_400_naming_the_field(
    base_url: str, body: bytes, field: str, message: str, indonesian: str
) -> None:
    status, error = _error(
        base_url, "/v1/batch/contributions", body, **{"Content-Type": "application/json"}
    )
    assert status == 400
    assert (error["code"], error["field"]) == ("invalid_input", field)
    assert indonesian in error["message"]  # the message speaks the language asked (id)
    assert error["title"] == "Permintaan tidak sah."
    status, error = _error(
        base_url,
        "/v1/batch/contributions",
        body,
        **{"Content-Type": "application/json", "Accept-Language": "en"},
    )
    assert (status, error["code"], error["field"]) == (400, "invalid_input", field)
    assert message in error["message"]
    assert error["title"] == "The request is not valid."


def test_a_body_that_is_not_parquet_is_a_400(base_url: str) -> None:
    status, error = _error(
        base_url,
        "/v1/batch/contributions?on=2025-06-01",
        b"PAR1 but not really",
        **{"Content-Type": "application/vnd.apache.parquet", "Accept-Language": "en"},
    )
    assert status == 400
    assert error["message"].startswith("the body is not a Parquet file (")
    status, error = _error(
        base_url,
        "/v1/batch/contributions?on=2025-06-01",
        b"PAR1 but not really",
        **{"Content-Type": "application/vnd.apache.parquet"},
    )
    assert (status, error["code"]) == (400, "invalid_input")
    assert error["message"].startswith("isi permintaan bukan file Parquet (")


def test_a_streamed_body_is_cut_off_at_the_limit(base_url: str) -> None:
    """Without a Content-Length (chunked), the limit holds while the body is read."""

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b" " * 4096

    request = urllib.request.Request(
        base_url + "/v1/contributions",
        data=chunks(),
        headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=30)
    assert caught.value.code == 413
    error = json.loads(caught.value.read())["error"]
    caught.value.close()
    assert (error["code"], error["field"]) == ("too_large", "request")
    assert "lebih besar dari 65.536 byte" in error["message"]


@pytest.mark.parametrize(
    ("accept", "language", "title"),
    [
        ("en;q=abc, id;q=0.5", "id", "Metode tidak diizinkan."),  # a broken q counts as 0
        ("id;q=0, en", "en", "Method not allowed."),  # q=0: not wanted
        ("fr, en-GB;q=0.8", "en", "Method not allowed."),  # other languages are skipped
    ],
)
def test_accept_language_quality_values(
    base_url: str, accept: str, language: str, title: str
) -> None:
    status, headers, answer = call(
        base_url, "/v1/contributions", headers={"Accept-Language": accept}
    )
    assert status == 405
    assert headers["content-language"] == language
    assert json.loads(answer)["error"]["title"] == title


def test_the_list_of_parameters_names_each_with_unit_and_labels(base_url: str) -> None:
    status, _, answer = call(base_url, "/v1/parameters")
    assert status == 200
    listed = {p["name"]: p for p in json.loads(answer)}
    assert listed["pu.jp.wage_cap"]["unit"] == "rupiah"
    assert set(listed["pu.jp.wage_cap"]["labels"]) == {"id", "en"}
    status, _, answer = call(base_url, "/v1/parameters/pu.jp.wage_cap?on=2025-06-01")
    assert json.loads(answer)["name"] in listed
