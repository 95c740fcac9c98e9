"""``perlindungan serve`` refuses bad options before it starts a server, and the
application refuses a size limit that is not a number of bytes."""

from __future__ import annotations

import pytest

from perlindungan.cli import main
from perlindungan.errors import InvalidInputError
from perlindungan.server import create_app


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--port", "70000"], "--port must be from 0 to 65535, such as 8000; got 70000."),
        (["--workers", "0"], "--workers must be 1 or more; got 0."),
    ],
)
def test_bad_serve_options_exit_2_with_one_line(
    options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "serve", *options]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err


@pytest.mark.parametrize("raw", ["lots", "0", "-5"])
def test_a_size_limit_from_the_environment_must_be_whole_bytes(
    raw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PERLINDUNGAN_MAX_REQUEST_BYTES", raw)
    with pytest.raises(InvalidInputError, match="must be a whole number of bytes") as caught:
        create_app()
    assert caught.value.field == "PERLINDUNGAN_MAX_REQUEST_BYTES"
    # a limit given in the call wins over the environment
    assert create_app(max_request_bytes=1024, max_upload_bytes=4096).title == "perlindungan"
