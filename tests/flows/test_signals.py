"""`newsflow ingest` as a supervisor stops it: real processes, real signals.

Each run is the command in its own process, with its own temporary Prefect server and two
annotation workers, paused inside the workers (``NEWSFLOW_PAUSE_AT``, see tasks/faults.py) so
that the signal arrives while the run is busy. After it, no process of the run may be left.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from newsflow.flows.ingest import ingest_flow
from tests.conftest import REPO, SEEDS
from tests.flows.test_faults import content

STARTUP_S = 120


class Run:
    """``newsflow ingest`` of ``corpus`` in a new session, its standard error read as it comes."""

    def __init__(self, corpus: Path, db: Path) -> None:
        # as a user's shell has it: no API configured (the command starts its own server), and
        # Prefect's log level left to the command (the suite's conftest sets one)
        env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PREFECT_LOGGING_LEVEL")}
        env["NEWSFLOW_PAUSE_AT"] = "annotate"
        self.db = db
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newsflow.flows.cli", "ingest", str(corpus), "--db", str(db),
             "--export", str(db.parent / "export"), "--workers", "2"],
            cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.stderr: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_paused(self, workers: int = 2) -> set[int]:
        """Wait until ``workers`` workers are paused; the run's processes then."""
        deadline, paused = time.monotonic() + STARTUP_S, 0
        while paused < workers:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"{paused} of {workers} workers paused in {STARTUP_S} s; the run said: {self.stderr}")
            assert line is not None, f"the run ended before pausing: {self.stderr}"
            self.stderr.append(line)
            paused += line.startswith("newsflow: paused in annotate")
        return descendants(self.process.pid)

    def wait_exit(self, within_s: float) -> tuple[int, float]:
        started = time.monotonic()
        returncode = self.process.wait(timeout=within_s)
        elapsed = time.monotonic() - started
        while (line := self.lines.get(timeout=10)) is not None:
            self.stderr.append(line)
        return returncode, elapsed

    def runs(self) -> list[tuple]:
        with duckdb.connect(str(self.db), read_only=True) as con:
            return con.execute("select status, error from runs order by started_at").fetchall()


def descendants(pid: int) -> set[int]:
    """Every live process below ``pid``."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for a parent that does not reap it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def left_behind(pids: set[int], within_s: float) -> set[int]:
    deadline = time.monotonic() + within_s
    while (living := {p for p in pids if alive(p)}) and time.monotonic() < deadline:
        time.sleep(0.2)
    return living


def the_run_processes(pids: set[int]) -> tuple[set[int], set[int]]:
    """(the Prefect API server, the annotation workers) among ``pids``."""
    servers = {p for p in pids if "newsflow.flows.api" in command(p)}
    workers = {p for p in pids if "multiprocessing" in command(p) and "resource_tracker" not in command(p)}
    assert len(servers) == 1 and len(workers) >= 2, [command(p) for p in pids]
    return servers, workers


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_run_exits_within_10s_is_cancelled_and_leaves_no_process(signum, corpus, tmp_path):
    run = Run(corpus, tmp_path / "w.duckdb")
    pids = run.wait_paused()
    the_run_processes(pids)
    if signum == signal.SIGINT:   # Ctrl-C: the terminal signals the whole foreground group
        os.killpg(run.process.pid, signum)
    else:                         # systemd, Kubernetes, timeout: the main process
        run.process.send_signal(signum)
    returncode, elapsed = run.wait_exit(within_s=10)
    assert returncode == 128 + signum and elapsed < 10
    assert left_behind(pids, within_s=10) == set()
    assert run.stderr[-1].startswith(f"newsflow: stopped by {signal.Signals(signum).name}; "
                                     "the run is recorded as cancelled"), run.stderr
    assert not any("Traceback" in line for line in run.stderr), run.stderr
    assert run.runs() == [("cancelled", f"stopped by {signal.Signals(signum).name}")]


def test_a_killed_run_leaves_no_process_and_the_next_run_completes_it(corpus, tmp_path, capfd):
    db = tmp_path / "w.duckdb"
    run = Run(corpus, db)
    pids = run.wait_paused()
    the_run_processes(pids)
    os.kill(run.process.pid, signal.SIGKILL)
    assert run.wait_exit(within_s=10)[0] == -signal.SIGKILL
    assert left_behind(pids, within_s=30) == set()   # workers and server watch their parent

    capfd.readouterr()
    summary = ingest_flow(paths=[str(corpus)], db=str(db), export_dir=str(tmp_path / "export"))
    assert f"reclaimed the run lock of pid {run.process.pid}" in capfd.readouterr().err
    reference = tmp_path / "reference.duckdb"
    ingest_flow(paths=[str(corpus)], db=str(reference), export_dir=str(tmp_path / "export-ref"))
    assert summary.counts.n_new == 5 and content(db) == content(reference)


def test_a_lost_prefect_api_fails_the_run_within_60s_with_one_line(corpus, tmp_path):
    run = Run(corpus, tmp_path / "w.duckdb")
    pids = run.wait_paused()
    (server,), _workers = the_run_processes(pids)
    os.kill(server, signal.SIGKILL)
    returncode, elapsed = run.wait_exit(within_s=60)
    assert returncode == 1 and elapsed < 60
    assert left_behind(pids, within_s=10) == set()
    errors = [line for line in run.stderr if not line.startswith("newsflow: paused")]
    assert errors == ["newsflow: error: the temporary Prefect API server exited (status -9); the run is "
                      "recorded as failed, the slices it committed stay and the next run does the rest"]
    assert run.runs() == [("failed", "the temporary Prefect API server exited (status -9)")]
