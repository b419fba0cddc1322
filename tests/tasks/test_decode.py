import codecs

import pytest

from newsflow.tasks.reading.decode import QUARANTINE_REASONS, decode_bytes, normalize_text, read_limited


def test_utf8_passes_through_normalized():
    decoded = decode_bytes("Cafe\u0301 au lait\r\nline two\rline three".encode())
    assert decoded.error is None and decoded.encoding == "utf-8"
    assert decoded.text == "Café au lait\nline two\nline three"


def test_latin1_is_detected():
    raw = "Der Bürgermeister eröffnete das Café in München am Montag.".encode("latin-1")
    decoded = decode_bytes(raw)
    assert decoded.text == "Der Bürgermeister eröffnete das Café in München am Montag."
    assert decoded.encoding not in (None, "utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec):
    text = "Kyiv – “quoted” text, ünïcödé."
    raw = text.encode(codec)
    if codec == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    assert decode_bytes(raw).text == text


def test_utf8_bom_is_dropped():
    assert decode_bytes(codecs.BOM_UTF8 + b"Hello world").text == "Hello world"


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"),
    (b" \n\t\r\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "binary"),
    (b"\x00" * 100, "binary"),
    (bytes(range(0, 32)) * 20, "binary"),
])
def test_unusable_bytes_get_a_reason(raw, reason):
    decoded = decode_bytes(raw)
    assert decoded.text is None and decoded.error == reason
    assert decoded.error in QUARANTINE_REASONS


def test_text_starting_like_a_bitmap_is_still_text():
    assert decode_bytes(b"BMW reported record sales on Monday.").text.startswith("BMW")


def test_mojibake_is_repaired():
    broken = "Ukraineâ€™s second-largest city"
    assert normalize_text(broken) == "Ukraine’s second-largest city"


def test_control_characters_are_dropped():
    assert normalize_text("a\x07b\x1bc\td") == "abc\td"


def test_read_limited(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 11)
    assert read_limited(path, 11) == b"x" * 11
    assert read_limited(path, 10) == "too_large"
    assert read_limited(tmp_path / "missing.txt", 10) == "vanished"   # discovered, gone when read


from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_decode_or_get_a_reason(raw):
    decoded = decode_bytes(raw)
    assert (decoded.text is None) == (decoded.error is not None)
    if decoded.text is not None:
        assert decoded.text.strip()
        assert "\r" not in decoded.text and "\x00" not in decoded.text
        assert decoded.text == normalize_text(decoded.text)   # normalizing again changes nothing
    assert decode_bytes(raw) == decoded                        # deterministic
