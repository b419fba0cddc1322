"""Shingles and MinHash signatures of normalized article bodies, with numpy.

The signatures are datasketch's MinHash, value for value (a test holds it), computed without
importing datasketch: its import pulls in SciPy, half a second and 50 MiB in every worker. Word
shingles are hashed by position, so "a b c" and "c b a" are different shingles."""

from __future__ import annotations

import functools
import hashlib
from typing import Iterable

import numpy as np

_MIX = np.uint64(0x100000001B3)  # FNV prime: a word's position in a shingle changes its hash


@functools.lru_cache(maxsize=1 << 18)  # a corpus repeats its words: hash the common ones once
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def shingles(normalized: str, size: int) -> np.ndarray:
    """The word ``size``-grams as sorted distinct 64-bit hashes (a shorter text is one
    shingle, an empty one has none). Integers intersect far faster than strings, and two
    different shingles of a pair of articles share a hash with odds of about 1 in 10^14."""
    words = normalized.split()
    if not words:
        return np.empty(0, np.uint64)
    hashes = np.fromiter((_word_hash(w) for w in words), np.uint64, len(words))
    n = max(1, len(words) - size + 1)
    mixed = np.zeros(n, np.uint64)
    for k in range(min(size, len(words))):
        mixed = mixed * _MIX + hashes[k:k + n]
    return np.unique(mixed)


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations (h -> a * h + b mod 2^32, a odd) for ``seed``."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch applies before permuting."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signatures(shingle_sets: Iterable[np.ndarray], num_perm: int, seed: int,
               block: int = 4096) -> list[np.ndarray]:
    """MinHash signatures (uint32) of shingle hash sets, equal to datasketch's
    ``MinHash.bulk(sets folded to 32 bits, num_perm=, seed=, hashfunc=int)`` (a test holds
    them equal); an empty set gives the all-ones signature, as there. Shingles are permuted a
    block at a time, so a huge article never holds a shingles x permutations matrix."""
    a, b = _permutations(num_perm, seed)
    out = []
    with np.errstate(over="ignore"):
        for s in shingle_sets:
            folded = _fmix32((((s >> np.uint64(32)) ^ s) & np.uint64(0xFFFFFFFF)).astype(np.uint32))
            signature = np.full(num_perm, 0xFFFFFFFF, np.uint32)
            for start in range(0, len(folded), block):
                signature = np.minimum(signature, (folded[start:start + block, None] * a + b).min(axis=0))
            out.append(signature)
    return out
