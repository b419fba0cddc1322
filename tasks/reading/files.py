"""Input files: only regular files are ever opened, and any name is stored losslessly.

A named pipe (FIFO) opened for reading waits for a writer that may never come, a device
such as /dev/zero never ends, a socket cannot be read at all. Every input is opened without
blocking and checked on the open descriptor (not the name, which can change in between)
before a byte is read.
"""

from __future__ import annotations

import os
import re
import stat
from typing import BinaryIO


class NotRegularFile(OSError):
    """The path names a FIFO, socket, device or directory, not a regular file."""


def open_regular(path: str | os.PathLike) -> BinaryIO:
    """The file opened for binary reading; NotRegularFile (an OSError) when it is not a
    regular file, other OSErrors as `open` raises them (FileNotFoundError when it vanished)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(f"not a regular file: {os.fsdecode(path)!r}")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_error(exc: OSError, path: str | os.PathLike) -> str:
    """The quarantine reason for a file that could not be opened or read: a path that is no
    longer there vanished (a link that leads nowhere is unreadable, as it always was)."""
    if isinstance(exc, NotRegularFile):
        return "not_regular_file"
    if isinstance(exc, FileNotFoundError) and not os.path.islink(path):
        return "vanished"
    return "unreadable"


# What a stored or printed path must not hold as it is: control characters (a newline would
# break a log line or a CSV), marks that reorder text on screen (right-to-left overrides),
# and the lone surrogates that stand for bytes which are not UTF-8.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_ESCAPED = re.compile(r"[\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\\":
        return "\\\\"
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def stored_path(path: str) -> str:
    """A path as the warehouse and the terminal show it: itself when it is printable UTF-8,
    else with every unsafe character escaped ("caf\\xe9.txt", "new\\x0aline.txt") and its
    backslashes doubled. The exact bytes are `path_hex`."""
    return _ESCAPED.sub(_escape, path) if _UNSAFE.search(path) else path


def path_hex(path: str) -> str | None:
    """The path's exact bytes in hex when `stored_path` had to escape it, else None."""
    return os.fsencode(path).hex() if _UNSAFE.search(path) else None
