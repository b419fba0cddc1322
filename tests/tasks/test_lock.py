"""The run lock, with real processes: a live holder refuses, a dead one is reclaimed."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from newsflow.tasks.errors import WarehouseBusy
from newsflow.tasks.warehouse.lock import run_lock


def hold_lock(lock, orphan: bool = False) -> subprocess.Popen:
    """A process holding ``lock``; with ``orphan``, a forked child shares its descriptor and
    outlives it. Prints the pid that keeps the lock held, once it is held."""
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from newsflow.tasks.warehouse.lock import run_lock
        with run_lock(Path({str(lock)!r})):
            child = os.fork() if {orphan} else 0
            if child == 0 and {orphan}:
                time.sleep(60)
                os._exit(0)
            print(child or os.getpid(), flush=True)
            time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)


def kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def test_a_second_holder_is_refused_until_the_first_releases(tmp_path, capfd):
    lock = tmp_path / "w.lock"
    with run_lock(lock):
        with pytest.raises(WarehouseBusy, match=f"another ingest is running.*pid {os.getpid()}"):
            with run_lock(lock, wait_s=0.3):
                pass
    assert lock.read_text() == ""   # released cleanly: nothing to reclaim
    with run_lock(lock):
        pass
    assert "notice" not in capfd.readouterr().err


def test_a_live_holder_in_another_process_is_refused(tmp_path):
    lock = tmp_path / "w.lock"
    holder = hold_lock(lock)
    try:
        assert int(holder.stdout.readline()) == holder.pid
        with pytest.raises(WarehouseBusy, match=f"pid {holder.pid}"):
            with run_lock(lock, wait_s=0.2):
                pass
    finally:
        kill(holder.pid)
        holder.wait()


def test_the_lock_of_a_killed_run_is_reclaimed_with_a_notice(tmp_path, capfd):
    lock = tmp_path / "w.lock"
    holder = hold_lock(lock)
    assert int(holder.stdout.readline()) == holder.pid
    kill(holder.pid)
    holder.wait()
    with run_lock(lock):
        assert lock.read_text() == str(os.getpid())
    err = capfd.readouterr().err.strip().splitlines()
    assert err == [f"newsflow: notice: reclaimed the run lock of pid {holder.pid}, "
                   "which ended without releasing it"]


def test_a_lock_held_by_an_orphan_of_a_dead_run_is_reclaimed(tmp_path, capfd):
    lock = tmp_path / "w.lock"
    holder = hold_lock(lock, orphan=True)
    orphan = int(holder.stdout.readline())
    kill(holder.pid)
    holder.wait()
    try:
        with run_lock(lock, wait_s=0):
            assert lock.read_text() == str(os.getpid())
            with pytest.raises(WarehouseBusy):   # reclaimed means owned: a third run is refused
                with run_lock(lock, wait_s=0.2):
                    pass
        err = capfd.readouterr().err.strip().splitlines()
        assert err == [f"newsflow: notice: reclaimed the run lock from a process left behind "
                       f"by dead run pid {holder.pid}"]
    finally:
        kill(orphan)
