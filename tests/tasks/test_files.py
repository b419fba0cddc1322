"""Special files and odd names, made for real by the tests: a FIFO, a socket, device links,
names that are not UTF-8 or hold a newline."""

from __future__ import annotations

import os
import signal
import socket
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsflow.tasks.reading.decode import read_limited
from newsflow.tasks.reading.discover import discover, iter_files, sha256_file
from newsflow.tasks.reading.files import NotRegularFile, open_regular, path_hex, stored_path

ARTICLE = "The council approved the new cycle lanes on Tuesday, the mayor said.\n"


@contextmanager
def deadline(seconds: int):
    """Fail instead of hanging: the bug these tests guard against is a read that never ends."""
    def expired(signum, frame):
        raise TimeoutError(f"still blocked after {seconds} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def special(tmp_path):
    """A folder with a FIFO, a socket, a link to /dev/zero, a link loop and a normal file."""
    os.mkfifo(tmp_path / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "good.txt").write_text(ARTICLE)
    yield tmp_path
    server.close()


@pytest.mark.parametrize("name", ["pipe.txt", "zero.txt"])
def test_special_files_are_refused_on_open_without_blocking(special, name):
    with deadline(5), pytest.raises(NotRegularFile):
        open_regular(special / name)
    with deadline(5):
        assert read_limited(special / name, 1000) == "not_regular_file"
        assert sha256_file(special / name) is None


def test_discovery_rejects_special_files_unread(special):
    with deadline(10):
        result = discover([special], {}, set())
    assert result.to_process == [str(special / "good.txt")]
    assert sorted((Path(f.path).name, reason) for f, reason in result.rejected) == [
        ("loop.txt", "unreadable"), ("pipe.txt", "not_regular_file"),
        ("sock.txt", "not_regular_file"), ("zero.txt", "not_regular_file")]
    assert result.n_seen == 5


def test_a_file_that_vanished_or_changed_before_it_was_read(tmp_path):
    assert read_limited(tmp_path / "gone.txt", 100) == "vanished"
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    assert read_limited(tmp_path / "broken.txt", 100) == "unreadable"


def test_an_unlistable_folder_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(ARTICLE)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: permissions do not bind")
        folders: list[Path] = []
        assert list(iter_files([tmp_path], folders)) == [] and folders == [locked]
        result = discover([tmp_path], {}, set())
        assert [(f.path, reason) for f, reason in result.rejected] == [(str(locked), "unlistable_dir")]
    finally:
        locked.chmod(0o755)


@pytest.mark.parametrize(("name", "shown"), [
    (b"caf\xe9.txt", "caf\\xe9.txt"),                 # Latin-1 bytes, not UTF-8
    (b"new\nline.txt", "new\\x0aline.txt"),
    ("evil\u202etxt.exe".encode(), "evil\\u202etxt.exe"),   # a right-to-left override
    (b"tab\there\\.txt", "tab\\x09here\\\\.txt"),      # a backslash doubles once escaping starts
])
def test_any_name_is_stored_printable_and_exact(tmp_path, name, shown):
    path = os.fsencode(tmp_path) + b"/" + name
    with open(path, "wb") as fh:
        fh.write(ARTICLE.encode())
    (found,) = [str(p) for p in iter_files([tmp_path])]
    assert stored_path(found) == f"{stored_path(str(tmp_path))}/{shown}"
    assert stored_path(found).isprintable()
    assert bytes.fromhex(path_hex(found)) == path
    assert read_limited(Path(found), 1000) == ARTICLE.encode()


@pytest.mark.parametrize("path", ["/data/raw/café – ünïcode.txt", "/data/raw/plain name.txt"])
def test_printable_names_are_stored_as_they_are(path):
    assert stored_path(path) == path and path_hex(path) is None
