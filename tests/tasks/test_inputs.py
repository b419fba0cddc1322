import gzip
import json

from newsflow.tasks.reading.inputs import RawRecord, RecordError, container_format, iter_jsonl, iter_warc, parse_field_map
from tests.conftest import PAGE, write_warc

ARTICLE = "Ministers met in Berlin on Tuesday. They agreed on a new budget for schools."


def test_container_format_by_name(tmp_path):
    names = {"a.txt": "file", "a.html": "file", "a.jsonl": "jsonl", "a.jsonl.gz": "jsonl",
             "a.ndjson": "jsonl", "a.warc": "warc", "a.warc.gz": "warc", "A.WARC.GZ": "warc"}
    assert {n: container_format(tmp_path / n) for n in names} == names


def test_jsonl_records_bad_lines_and_field_names(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    lines = [json.dumps({"text": ARTICLE, "url": "https://example.com/a", "date": "2024-05-30"}),
             "{not json",
             "",
             json.dumps(["a", "list"]),
             json.dumps({"title": "no text here"}),
             json.dumps({"html": PAGE, "link": "https://example.com/b"})]
    with gzip.open(path, "wt") as fh:
        fh.write("\n".join(lines) + "\n")
    out = list(iter_jsonl(path, "d1", 1_000_000, {}))
    assert [(type(r).__name__, r.record_no) for r in out] == [
        ("RawRecord", 1), ("RecordError", 2), ("RecordError", 4), ("RecordError", 5), ("RawRecord", 6)]
    assert [r.reason for r in out if isinstance(r, RecordError)] == ["invalid_json", "invalid_json", "no_text"]
    first, last = out[0], out[-1]
    assert first.payload == ARTICLE and first.container == "jsonl"
    assert dict(first.candidates)["record"]["url"] == "https://example.com/a"
    assert last.payload == PAGE


def test_jsonl_field_mapping_is_configurable(tmp_path):
    path = tmp_path / "custom.jsonl"
    path.write_text(json.dumps({"story": ARTICLE, "permalink": "https://example.com/c"}) + "\n")
    mapping = parse_field_map("text=story; url=permalink")
    (record,) = iter_jsonl(path, "d1", 1_000_000, mapping)
    assert isinstance(record, RawRecord) and record.payload == ARTICLE
    assert dict(record.candidates)["record"]["url"] == "https://example.com/c"


def test_truncated_gzip_keeps_what_was_read(tmp_path):
    path = tmp_path / "half.jsonl.gz"
    data = gzip.compress(("\n".join(json.dumps({"text": f"{ARTICLE} {i}"}) for i in range(200)) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    out = list(iter_jsonl(path, "d1", 1_000_000, {}))
    assert isinstance(out[-1], RecordError) and out[-1].reason == "truncated"
    assert all(isinstance(r, RawRecord) for r in out[:-1]) and len(out) > 2


def test_warc_html_responses_are_records_others_skipped(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://example.com/a?utm_source=x", "text/html; charset=utf-8", PAGE),
                      ("https://example.com/logo.png", "image/png", "PNG")])
    out = list(iter_warc(path, "d1", 1_000_000))
    assert out[1] == "skipped"
    record = out[0]
    assert record.container == "warc" and record.record_no == 1 and isinstance(record.payload, bytes)
    assert dict(record.candidates)["record"]["url"] == "https://example.com/a?utm_source=x"
    assert record.fetched_at.isoformat() == "2024-05-31T08:00:00+00:00"


ARTICLE = "The council approved the new cycle lanes on Tuesday, the mayor said. Work starts in spring."


def test_one_enormous_line_is_never_held_in_memory(tmp_path):
    import tracemalloc

    path = tmp_path / "big.jsonl"
    with path.open("w") as fh:
        fh.write(json.dumps({"text": "x " * 7_500_000}) + "\n")   # a 15 MB record
        fh.write(json.dumps({"text": ARTICLE}) + "\n")
    tracemalloc.start()
    out = list(iter_jsonl(path, "d", 1_000_000, {}))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(out[0], RecordError) and (out[0].record_no, out[0].reason) == (1, "too_large")
    assert isinstance(out[1], RawRecord) and out[1].payload == ARTICLE
    assert peak < 5_000_000   # a few times the record limit, never the 15 MB line


def test_a_small_gzip_expanding_past_the_limit_stops_there(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    lines = "".join(json.dumps({"text": f"{ARTICLE} ({n})"}) + "\n" for n in range(20_000))
    path.write_bytes(gzip.compress(lines.encode()))
    assert path.stat().st_size < len(lines) // 10
    out = list(iter_jsonl(path, "d", 10_000, {}, max_decompressed_bytes=100_000))
    *records, last = out
    assert all(isinstance(r, RawRecord) for r in records) and 900 < len(records) < 1000
    assert isinstance(last, RecordError) and last.reason == "too_large" and "expands past" in last.detail


def test_identical_records_in_one_container_are_read_once(tmp_path):
    path = tmp_path / "same.jsonl.gz"
    line = json.dumps({"text": ARTICLE}) + "\n"
    path.write_bytes(gzip.compress((line * 100_000 + json.dumps({"text": ARTICLE + " More."}) + "\n").encode()))
    out = list(iter_jsonl(path, "d", 10_000, {}))
    assert [r.record_no for r in out if isinstance(r, RawRecord)] == [1, 100_001]
    assert out.count("repeated") == 99_999
