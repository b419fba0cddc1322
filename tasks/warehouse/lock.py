"""The run lock: one ingest or export at a time per warehouse.

The lock is an ``flock`` on a file beside the warehouse, which holds the owner's pid while the
lock is held. The kernel releases an ``flock`` when the last descriptor of the file closes, so a
run killed by SIGKILL frees it, unless a process that inherited the descriptor lives on. Both
cases are reclaimed, with a one-line notice: a free lock whose file still names a pid (the
owner died without releasing it), and a held lock whose named owner is dead (an orphan holds
it): that lock file is replaced by a new one, under a guard lock so that two runs reclaiming at
once end with one owner.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import time
from pathlib import Path
from typing import IO, Iterator

from newsflow.tasks.errors import WarehouseBusy

RETRY_S = 0.2


@contextlib.contextmanager
def run_lock(lock_path: Path, wait_s: float = 0.0) -> Iterator[None]:
    """Hold an exclusive lock for a whole run; ``WarehouseBusy`` if a live run holds it
    for longer than ``wait_s``."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    while True:
        fh = lock_path.open("a+")
        try:
            if _acquired(fh, lock_path, deadline):
                break
        except BaseException:
            fh.close()
            raise
        fh.close()
    with fh:
        left_by = _holder(fh)
        if left_by is not None and left_by != os.getpid() and not _alive(left_by):
            notice(f"reclaimed the run lock of pid {left_by}, which ended without releasing it")
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fh.flush()
            fcntl.flock(fh, fcntl.LOCK_UN)


def _acquired(fh: IO[str], lock_path: Path, deadline: float) -> bool:
    """True once ``fh`` is locked and still the lock file; False to start again with a new
    file (this one was replaced); ``WarehouseBusy`` at the deadline."""
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return _same_file(fh, lock_path)
        except BlockingIOError:
            pass
        holder = _holder(fh)
        if holder is not None and not _alive(holder):
            _replace_stale(fh, lock_path, holder)
            return False
        if time.monotonic() >= deadline:
            raise WarehouseBusy(f"another ingest is running on this warehouse "
                                f"(pid {holder or 'unknown'}); try again when it has finished") from None
        time.sleep(RETRY_S)


def _replace_stale(fh: IO[str], lock_path: Path, holder: int) -> None:
    """Unlink the lock file ``fh`` still is, held by an orphan of dead run ``holder``."""
    guard = lock_path.with_name(lock_path.name + ".reclaim")
    with guard.open("a") as g:
        fcntl.flock(g, fcntl.LOCK_EX)
        if _same_file(fh, lock_path):   # not already replaced by another run
            lock_path.unlink()
            notice(f"reclaimed the run lock from a process left behind by dead run pid {holder}")


def _holder(fh: IO[str]) -> int | None:
    fh.seek(0)
    text = fh.read().strip()
    return int(text) if text.isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _same_file(fh: IO[str], path: Path) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(fh.fileno()).st_ino
    except FileNotFoundError:
        return False


def notice(message: str) -> None:
    print(f"newsflow: notice: {message}", file=sys.stderr, flush=True)
