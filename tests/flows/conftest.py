"""Flow tests run against one Prefect test harness for the whole session (it costs ~8 s)."""

from __future__ import annotations

import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(autouse=True, scope="session")
def prefect_harness():
    with prefect_test_harness(server_startup_timeout=60):
        yield
