"""Prefect's API for one command: a temporary server that dies with the command, and a watch
that fails the run when the API stops answering.

Prefect starts a temporary server of its own when no API is configured, but that server
outlives a run killed by SIGKILL, and a run whose server died retries against it for minutes.
So ``newsflow ingest`` starts the server itself (``python -m newsflow.flows.api PORT PARENT``): the
server exits within 2 s of its parent dying, and a watch thread in the flow process checks the
API's health and raises ``ApiLost`` in the main thread when it has not answered for
``LOST_AFTER_S``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import Iterator

import httpx

from newsflow.tasks.errors import ApiLost
from newsflow.tasks.lifetime import die_with_parent

CHECK_EVERY_S = 2.0
LOST_AFTER_S = 20.0    # the health check has failed for this long: the API is lost
EXIT_WITHIN_S = 10.0   # after that, the run has this long to record itself and exit
STARTUP_TIMEOUT_S = 60.0


class ApiWatch:
    """Checks ``{api_url}/health`` every ``CHECK_EVERY_S`` from a daemon thread (and the
    server process, when this command started it). When the API is lost, SIGUSR1 makes the
    main thread raise ``ApiLost``; if the run still has not exited ``EXIT_WITHIN_S`` later
    (Prefect retrying its last calls), the process prints why and exits 1."""

    def __init__(self, api_url: str, server: subprocess.Popen | None = None,
                 lost_after_s: float = LOST_AFTER_S, quiet: bool = True,
                 check_every_s: float = CHECK_EVERY_S) -> None:
        self.api_url, self.server, self.lost_after_s, self.quiet = api_url, server, lost_after_s, quiet
        self.check_every_s = check_every_s
        self.lost: str | None = None
        self._stop = threading.Event()

    def __enter__(self) -> ApiWatch:
        self._previous = signal.signal(signal.SIGUSR1, self._raise_lost)
        threading.Thread(target=self._watch, daemon=True, name="prefect-api-watch").start()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._stop.set()
        signal.signal(signal.SIGUSR1, self._previous)
        if self.lost and exc is not None and not isinstance(exc, ApiLost):
            raise ApiLost(self.lost) from None   # whatever Prefect raised on its way out

    def _raise_lost(self, signum: int, frame: object) -> None:
        raise ApiLost(self.lost)

    def _watch(self) -> None:
        answered = time.monotonic()
        with httpx.Client(timeout=self.check_every_s * 2) as client:
            while not self._stop.wait(self.check_every_s):
                if self.server is not None and self.server.poll() is not None:
                    return self._declare(f"the temporary Prefect API server exited "
                                         f"(status {self.server.returncode})")
                if _healthy(client, self.api_url):
                    answered = time.monotonic()
                elif time.monotonic() - answered >= self.lost_after_s:
                    return self._declare(f"the Prefect API at {self.api_url} has not answered "
                                         f"for {self.lost_after_s:.0f} s")

    def _declare(self, why: str) -> None:
        self.lost = why
        if self.quiet:   # Prefect logs every call it can no longer make; the one line says it all
            logging.disable(logging.CRITICAL)
        signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR1)
        if not self._stop.wait(EXIT_WITHIN_S):
            print(lost_message(why), file=sys.stderr, flush=True)
            os._exit(1)


def lost_message(why: str) -> str:
    return (f"newsflow: error: {why}; the run is recorded as failed, the slices it committed "
            "stay and the next run does the rest")


def _healthy(client: httpx.Client, api_url: str) -> bool:
    try:
        return client.get(f"{api_url}/health").status_code == 200
    except httpx.HTTPError:
        return False


@contextlib.contextmanager
def prefect_api(quiet: bool = True) -> Iterator[ApiWatch]:
    """The configured Prefect API, watched; or, when none is configured, a temporary server
    for as long as the block runs. ``quiet``: no log lines once the API is lost."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    configured = get_current_settings().api.url
    if configured:
        with ApiWatch(configured, quiet=quiet) as watch:
            yield watch
        return
    server, api_url = start_server()
    try:
        with temporary_settings(updates={PREFECT_API_URL: api_url}), ApiWatch(api_url, server, quiet=quiet) as watch:
            yield watch
    finally:
        stop_server(server)


def start_server() -> tuple[subprocess.Popen, str]:
    """A Prefect API server on a free local port, in its own session (a Ctrl-C in the terminal
    reaches this process, which stops the server after recording the run)."""
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
           "PREFECT__SERVER_FINAL": "1"}
    env.pop("PREFECT_API_URL", None)
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    with tempfile.TemporaryFile() as log, httpx.Client(timeout=2.0) as client:
        for _attempt in range(3):   # another process may take the free port before the server
            port = _free_port()
            server = subprocess.Popen([sys.executable, "-m", "newsflow.flows.api", str(port), str(os.getpid())],
                                      env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=log, start_new_session=True)
            api_url = f"http://127.0.0.1:{port}/api"
            while server.poll() is None and time.monotonic() < deadline:
                if _healthy(client, api_url):
                    return server, api_url
                time.sleep(0.1)
            stop_server(server)
        log.seek(0)
        tail = log.read().decode(errors="replace").strip()[-500:]
    raise RuntimeError(f"the temporary Prefect API server did not start: {tail or 'no output'}")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(port: int, parent: int) -> None:
    """The server process: Prefect's API app under uvicorn, as Prefect's own temporary server
    runs it, until SIGTERM or the death of ``parent``."""
    die_with_parent(parent)
    import uvicorn

    uvicorn.run("prefect.server.api.server:create_app", factory=True, host="127.0.0.1", port=port,
                log_level="error", lifespan="on")


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
