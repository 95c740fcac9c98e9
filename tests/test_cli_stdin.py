"""``cli/_stdin.py``: a request piped on stdin, with real terminals and real pipes, no mocks.

A command run without flags or a file reads a request piped on stdin; a terminal, a closed
stdin, an empty pipe or an unreadable stdin mean "nothing piped", and the command asks for
its flags. The suite's own stdin is never a terminal, so a pseudo-terminal
(:func:`pty.openpty`) stands for one: given to a subprocess as its stdin, and opened in
this process as ``sys.stdin``. The pipes are real :func:`os.pipe` pipes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator

import pytest

from perlindungan._input.limits import MAX_REQUEST_BYTES
from perlindungan.cli import main
from perlindungan.cli._stdin import piped_request
from perlindungan.errors import InvalidInputError

pty = pytest.importorskip("pty")  # POSIX only

REQUEST = {"on": "2025-03-01", "worker": {"category": "bpu", "income": 1_000_000}}
FLAGS = ["--on", "2025-03-01", "--category", "bpu", "--income", "1000000"]


def _run(stdin: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "perlindungan", *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture
def terminal() -> Iterator[int]:
    """The slave end of a fresh pseudo-terminal (the master is kept open meanwhile)."""
    master, slave = pty.openpty()
    try:
        yield slave
    finally:
        os.close(slave)
        os.close(master)


def _pipe(data: bytes | None) -> int:
    """The read end of a real pipe holding ``data`` (its write end closed: end of file)."""
    read, write = os.pipe()
    if data:
        os.write(write, data)
    os.close(write)
    return read


@pytest.fixture
def as_stdin(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[int], io.TextIOWrapper]]:
    """Make a real file descriptor this process's ``sys.stdin`` (closed afterwards)."""
    streams: list[io.TextIOWrapper] = []

    def use(fd: int) -> io.TextIOWrapper:
        stream = io.TextIOWrapper(io.BufferedReader(io.FileIO(fd, "rb", closefd=True)))
        streams.append(stream)
        monkeypatch.setattr(sys, "stdin", stream)
        return stream

    yield use
    for stream in streams:
        with contextlib.suppress(OSError):
            stream.close()


# -- in this process: sys.stdin is a real terminal, pipe, closed stream or folder ----------


def test_a_terminal_is_not_read(as_stdin: Callable[[int], io.TextIOWrapper], terminal: int) -> None:
    stream = as_stdin(os.dup(terminal))
    assert stream.isatty()
    assert piped_request() is None  # not read: reading would wait for the person to type


def test_no_stdin_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)  # what Python sets when fd 0 is closed
    assert piped_request() is None


@pytest.mark.parametrize("data", [None, b"", b"  \n\t\r\n"])
def test_an_empty_pipe_is_nothing_piped(
    as_stdin: Callable[[int], io.TextIOWrapper], data: bytes | None
) -> None:
    as_stdin(_pipe(data))
    assert piped_request() is None


def test_a_pipe_with_a_request_is_read(as_stdin: Callable[[int], io.TextIOWrapper]) -> None:
    raw = json.dumps(REQUEST).encode()
    as_stdin(_pipe(raw))
    assert piped_request() == raw


def test_a_closed_stdin_is_nothing_piped(as_stdin: Callable[[int], io.TextIOWrapper]) -> None:
    as_stdin(_pipe(b"{}")).close()
    assert piped_request() is None  # isatty() on a closed stream raises ValueError


def test_an_unreadable_stdin_is_nothing_piped(as_stdin: Callable[[int], io.TextIOWrapper]) -> None:
    read, write = os.pipe()
    os.close(read)
    as_stdin(write)  # the write end of a pipe: reading it is EBADF
    assert piped_request() is None


def test_a_piped_request_too_large_is_refused(as_stdin: Callable[[int], io.TextIOWrapper]) -> None:
    # It was swallowed (InvalidInputError is a ValueError) and taken for "nothing piped":
    # the command then asked for its flags instead of saying the request is too large.
    read, write = os.pipe()
    stream = as_stdin(read)
    writer = threading.Thread(target=_write_all, args=(write, b"{" + b" " * MAX_REQUEST_BYTES))
    writer.start()
    try:
        with pytest.raises(InvalidInputError, match="larger than"):
            piped_request()
    finally:
        stream.close()  # the writer then stops on a broken pipe
        writer.join(timeout=30)


def _write_all(fd: int, data: bytes) -> None:
    try:
        os.write(fd, data)
    except BrokenPipeError:
        pass
    finally:
        os.close(fd)


def test_main_with_a_terminal_asks_for_the_flags(
    as_stdin: Callable[[int], io.TextIOWrapper], terminal: int, capsys: pytest.CaptureFixture[str]
) -> None:
    as_stdin(os.dup(terminal))
    assert main(["contributions", "--lang", "en"]) == 2
    assert "--on is required" in capsys.readouterr().err
    assert main(["contributions", *FLAGS, "--json", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]


# -- a subprocess whose stdin is a real terminal or pipe -------------------------------------


def test_subprocess_on_a_terminal_asks_for_the_flags(terminal: int) -> None:
    done = _run(terminal, "contributions", "--lang", "en")
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1
    assert "--on is required" in done.stderr
    answered = _run(terminal, "contributions", *FLAGS, "--json")
    assert answered.returncode == 0, answered.stderr
    assert json.loads(answered.stdout)["totals"]


@pytest.mark.parametrize("data", [None, b"\n"])
def test_subprocess_with_an_empty_pipe_asks_for_the_flags(data: bytes | None) -> None:
    read = _pipe(data)
    try:
        done = _run(read, "benefits", "--lang", "en")
    finally:
        os.close(read)
    assert done.returncode == 2, done.stderr
    assert "perlindungan: error: " in done.stderr
    assert "Traceback" not in done.stderr


def test_subprocess_reads_a_piped_request() -> None:
    read = _pipe(json.dumps(REQUEST).encode())
    try:
        done = _run(read, "contributions", "--json")
    finally:
        os.close(read)
    assert done.returncode == 0, done.stderr
    assert (
        json.loads(done.stdout)["totals"]
        == json.loads(_run(subprocess.DEVNULL, "contributions", *FLAGS, "--json").stdout)["totals"]
    )


def test_subprocess_with_stdin_closed() -> None:
    # fd 0 closed before Python starts: sys.stdin is None in the child
    done = subprocess.run(
        ["/bin/sh", "-c", 'exec "$0" -m perlindungan contributions --lang en <&-', sys.executable],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "--on is required" in done.stderr
