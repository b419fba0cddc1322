"""Failpoints: named places where a test can kill the process, to prove that a run killed
there leaves the warehouse and the handoff as they were.

Set ``NEWSFLOW_FAILPOINT`` to a name below; the process then kills itself with SIGKILL on
reaching it (no cleanup, no exception handlers: as a power cut or the OOM killer would).
Unset, a failpoint is one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

FAILPOINTS = frozenset({
    "annotate",   # after the first chunk of the first batch is staged
    "load",       # inside the load transaction, after every row is written, before commit
    "export",     # after the new handoff is written, before it is swapped in
})


def failpoint(name: str) -> None:
    if os.environ.get("NEWSFLOW_FAILPOINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
