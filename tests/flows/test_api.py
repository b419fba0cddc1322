"""The Prefect API watch against a real HTTP server that stops answering."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsflow.flows.api import ApiWatch
from newsflow.tasks.errors import ApiLost


class Health(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def test_the_watch_stops_the_main_thread_once_the_api_has_not_answered_for_a_while():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/api"
    with pytest.raises(ApiLost, match=f"the Prefect API at {url} has not answered for 1 s"):
        with ApiWatch(url, lost_after_s=1.0, quiet=False, check_every_s=0.2):
            time.sleep(1.5)               # answering: the run goes on
            server.shutdown()
            server.server_close()
            stopped = time.monotonic()
            time.sleep(30)                # the work the run was doing: interrupted
    assert time.monotonic() - stopped < 3


def test_an_answering_api_leaves_the_run_alone():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with ApiWatch(f"http://127.0.0.1:{server.server_address[1]}/api", lost_after_s=0.5,
                      check_every_s=0.1) as watch:
            time.sleep(1.5)
        assert watch.lost is None
    finally:
        server.shutdown()
        server.server_close()
