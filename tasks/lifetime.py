"""Helper processes of a run die with it.

A process whose parent died (SIGKILL, the OOM killer) is re-parented and would otherwise go on
holding its memory, and its port, for nobody: annotation workers (~850 MB each) and the
temporary Prefect API server both watch their parent and exit when it is gone.
"""

from __future__ import annotations

import os
import threading
import time

PARENT_CHECK_S = 2.0


def die_with_parent(parent: int | None = None, interval_s: float = PARENT_CHECK_S) -> None:
    """Exit this process within ``interval_s`` of ``parent`` (default: the current parent)
    dying. Returns at once; the watch is a daemon thread."""
    parent = os.getppid() if parent is None else parent
    threading.Thread(target=_watch, args=(parent, interval_s), daemon=True,
                     name="die-with-parent").start()


def _watch(parent: int, interval_s: float) -> None:
    while os.getppid() == parent:
        time.sleep(interval_s)
    os._exit(1)
