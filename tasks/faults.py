"""Failpoints: named places where a test can kill the process, to prove that a run killed
there leaves the warehouse and the handoff as they were; and raise points, where a test can
make one record's step raise, to prove that one bad record costs only itself.

Set ``NEWSFLOW_FAILPOINT`` to a name below (or ``NAME:N``, the Nth time it is reached, e.g.
``load:2`` in the second load slice); the process then kills itself with SIGKILL there (no
cleanup, no exception handlers: as a power cut or the OOM killer would). Unset, a failpoint
is one dictionary lookup.

``NEWSFLOW_PAUSE_AT=annotate`` makes each annotation worker announce itself on standard error
and sleep when it receives a chunk: a run then stays busy for as long as a test needs to send
it a signal, or to kill its Prefect server, at a known point.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import Counter

FAILPOINTS = frozenset({
    "annotate",   # after the first chunk of the first batch is staged
    "load",       # inside a load slice's transaction, its rows written, before commit
    "export",     # after the new handoff is written, before it is swapped in
})


_reached: Counter[str] = Counter()


def failpoint(name: str) -> None:
    wanted = os.environ.get("NEWSFLOW_FAILPOINT")
    if wanted is None or wanted.partition(":")[0] != name:
        return
    _reached[name] += 1
    nth = wanted.partition(":")[2]
    if _reached[name] == (int(nth) if nth.isdigit() else 1):
        os.kill(os.getpid(), signal.SIGKILL)


def raise_point(step: str, text: str | bytes) -> None:
    """Raise inside a record's ``step`` when ``NEWSFLOW_RAISE_AT`` is ``STEP:MARKER`` and the
    record's text holds MARKER: one record failing for a reason nobody foresaw, as a bug in a
    library would make it. Unset, it is one dictionary lookup."""
    wanted = os.environ.get("NEWSFLOW_RAISE_AT")
    if wanted is None:
        return
    name, _, marker = wanted.partition(":")
    if name == step and marker and (marker if isinstance(text, str) else marker.encode()) in text:
        raise RuntimeError(f"injected failure in {step}")


PAUSE_S = 600.0


def pause_point(step: str) -> None:
    """Sleep in ``step`` when ``NEWSFLOW_PAUSE_AT`` names it (see the module docstring)."""
    if os.environ.get("NEWSFLOW_PAUSE_AT") == step:
        print(f"newsflow: paused in {step} (pid {os.getpid()})", file=sys.stderr, flush=True)
        time.sleep(PAUSE_S)
