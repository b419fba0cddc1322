import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsflow.tasks.corpus.dedup import band_hashes, band_ranges, cluster_duplicates, components, jaccard
from newsflow.tasks.corpus.features import normalize_text, text_hash
from newsflow.tasks.corpus.minhash import shingles, signatures

SPACES_AND_QUOTES = st.sampled_from([" ", "  ", "\n", "\t", " ' ", ' " ', " “", "” ", " ‘", "’ ", ", ", ". "])


def test_normalize_folds_whitespace_case_quotes_and_punctuation():
    assert normalize_text("  Hello,\n\tWORLD!  ") == "hello world"
    assert normalize_text("“Don’t panic,” she said.") == normalize_text('"Don\'t panic", she said') == "dont panic she said"
    assert normalize_text("Straße in MÜNCHEN — „Café“") == "strasse in münchen café"
    assert normalize_text("Ｆｕｌｌｗｉｄｔｈ ﬁle") == "fullwidth file"
    assert normalize_text("Киев, «Укрïна»") == "киев укрïна"
    assert normalize_text("well-known U.S. firm") == "well known u s firm"
    assert normalize_text("12 hours’ worth") == normalize_text("12 hour's worth")
    assert normalize_text(" ,.;!? ") == ""


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == once.strip() and "  " not in once


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1), min_size=1),
       st.data())
def test_typography_between_words_does_not_matter(words, data):
    plain = " ".join(words)
    noisy = "".join(w.upper() if i % 2 else w for i, w in enumerate(
        data.draw(SPACES_AND_QUOTES) + w for w in words))
    assert normalize_text(noisy) == normalize_text(plain)
    assert text_hash(normalize_text(noisy)) == text_hash(normalize_text(plain))


def test_shingles_are_hashed_word_five_grams():
    six = shingles("a b c d e f", 5)
    assert len(six) == 2 and six.dtype == np.uint64 and list(six) == sorted(six)
    assert set(shingles("b c d e f g", 5)) & set(six) == set(shingles("b c d e f", 5))
    assert len(shingles("too short", 5)) == 1 and len(shingles("", 5)) == 0
    assert len(shingles("a b a b a b a b a b", 2)) == 2  # distinct: "a b" and "b a"
    assert not set(shingles("e d c b a", 5)) & set(shingles("a b c d e", 5))  # order counts


@settings(max_examples=100, deadline=None)
@given(st.frozensets(st.integers(0, 20), max_size=12), st.frozensets(st.integers(0, 20), max_size=12))
def test_jaccard_is_a_symmetric_similarity(a, b):
    x, y = (np.array(sorted(s), np.uint64) for s in (a, b))
    value = jaccard(x, y)
    assert 0.0 <= value <= 1.0 and value == jaccard(y, x)
    assert value == (len(a & b) / len(a | b) if a | b else 0.0)
    if a:
        assert jaccard(x, x) == 1.0


def test_minhash_estimates_jaccard_and_is_reproducible():
    words = [f"w{i}" for i in range(400)]
    a = shingles(" ".join(words), 5)
    b = shingles(" ".join(words[:380] + ["x"] * 20), 5)
    sig_a, sig_b = signatures([a, b], 128, 1)
    estimate = float(np.mean(sig_a == sig_b))
    assert abs(estimate - jaccard(a, b)) < 0.1
    again = signatures([a], 128, 1)[0]
    assert np.array_equal(again, sig_a) and sig_a.dtype == np.uint32
    ranges = band_ranges(0.8, 128)
    assert band_hashes(sig_a, ranges) == band_hashes(again, ranges)
    assert all(end - start == ranges[0][1] - ranges[0][0] for start, end in ranges)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sets(st.integers(0, 2**64 - 1), max_size=40), min_size=1, max_size=4),
       st.integers(1, 2**31), st.integers(1, 8))
def test_signatures_are_datasketchs_minhash(sets, seed, block):
    """Workers compute signatures without importing datasketch; stored signatures must still
    be datasketch's (band hashes of old and new articles meet in minhash_bands)."""
    from datasketch import MinHash

    arrays = [np.array(sorted(s), np.uint64) for s in sets]
    folded = [[((int(h) >> 32) ^ int(h)) & 0xFFFFFFFF for h in a] for a in arrays]
    expected = [m.hashvalues for m in MinHash.bulk(folded, num_perm=16, seed=seed, hashfunc=int)]
    got = signatures(arrays, 16, seed, block=block)   # small blocks: the block-wise minimum too
    assert all(np.array_equal(g, e) and g.dtype == np.uint32 for g, e in zip(got, expected))


def test_components_join_transitively():
    assert components("abcde", [("a", "b"), ("c", "b"), ("d", "e")]) == [["a", "b", "c"], ["d", "e"]]
    assert components("xy", []) == [["x"], ["y"]]


def test_canonical_is_first_in_rank_and_kinds_follow_bodies():
    rank = {"late": 3, "early": 1, "copy": 2, "other": 4}
    body = {"late": "h1", "early": "h1", "copy": "h2", "other": "h9"}
    found = cluster_duplicates(rank, body, [("copy", "late")])
    assert sorted(found) == [("copy", "early", "near"), ("late", "early", "exact")]
