"""Shared fixtures: the repository root, the bundled seeds, and a folder of bad inputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "data" / "raw"
SHARED = REPO.parent / "shared"

# Quiet and offline: no analytics, no telemetry; set before any test imports prefect.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")


@pytest.fixture
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def make_bad_inputs(folder: Path, max_file_bytes: int) -> dict[str, str | None]:
    """A folder of awkward files; maps each name to its expected quarantine reason (None: ok)."""
    folder.mkdir(parents=True, exist_ok=True)
    article = "Ministers met in Berlin on Tuesday. They agreed on a new budget for schools.\n"
    files = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\n \t\n", "empty"),
        "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        "nuls.txt": (b"\x00" * 2048, "binary"),
        "latin1.txt": (("Café in München\n\nDer Bürgermeister eröffnete am Montag "
                        "das neue Café und sprach über die Zukunft der Stadt.\n").encode("latin-1"), None),
        "utf16.txt": (("Headline here\n\n" + article).encode("utf-16"), None),
        "huge.txt": (b"word " * (max_file_bytes // 5 + 10), "too_large"),
        "unreadable.txt": (article.encode(), "unreadable"),
        "good.txt": (("A good headline\n\n" + article).encode(), None),
        "späces and ünïcode — name.txt": (("Another headline\n\n" + article.replace("Berlin", "Köln")).encode(), None),
    }
    expected = {}
    for name, (data, reason) in files.items():
        (folder / name).write_bytes(data)
        expected[name] = reason
    (folder / "unreadable.txt").chmod(0)
    if os.access(folder / "unreadable.txt", os.R_OK):  # running as root: permissions do not bind
        (folder / "unreadable.txt").unlink()
        (folder / "unreadable.txt").symlink_to(folder / "missing-target.txt")  # a broken link
    return expected


PAGE = """<!DOCTYPE html>
<html><head><title>Leaders meet in Rome | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-05-30T18:00:00Z">
<meta name="author" content="Jane Doe"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Leaders meet in Rome for climate summit</h1>
<p>European leaders gathered in Rome on Monday to discuss new climate targets for 2030.</p>
<p>The Italian prime minister said the talks would focus on energy prices and emissions.</p>
<p>Delegations from twenty countries are expected to sign a joint statement on Tuesday.</p>
</article><footer>Cookie settings. Share this article. Copyright 2024 Example News.</footer>
</body></html>
"""


def write_warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    """A gzipped WARC file of (url, content type, body) responses, as a crawler writes them."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2024-05-31T08:00:00Z"})
            writer.write_record(record)
