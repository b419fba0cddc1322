"""Failpoints: named places where a test can kill the process, to prove that a run killed
there leaves the warehouse and the handoff as they were.

Set ``NEWSFLOW_FAILPOINT`` to a name below (or ``NAME:N``, the Nth time it is reached, e.g.
``load:2`` in the second load slice); the process then kills itself with SIGKILL there (no
cleanup, no exception handlers: as a power cut or the OOM killer would). Unset, a failpoint
is one dictionary lookup.
"""

from __future__ import annotations

import os
import signal
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
