"""Deduplication on normalized text: exact (a hash of the normalized words) and near (MinHash signatures
banded into LSH keys). Candidate pairs come from documents that share a band key; every engine builds
them the same way and resolves them with the same rule, so all engines keep the same documents.

The rule: documents are taken in input order; a document is a near duplicate of the first earlier *kept*
document that shares a band key with it and whose signature agrees on at least ``threshold`` of the
positions (the estimated Jaccard similarity of their shingle sets).
"""

from __future__ import annotations

import hashlib
from array import array
from collections import defaultdict
from collections.abc import Iterable


def pack(signature: list[int]) -> bytes:
    return array("I", signature).tobytes()


def unpack(packed: bytes) -> array:
    values = array("I")
    values.frombytes(packed)
    return values


def band_keys(packed: bytes, bands: int) -> list[str]:
    """One key per band: the band number and a digest of its rows."""
    size = len(packed) // bands
    return [f"{b}:{hashlib.blake2b(packed[b * size:(b + 1) * size], digest_size=8).hexdigest()}"
            for b in range(bands)]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity: the share of MinHash positions that agree."""
    x, y = unpack(a), unpack(b)
    return sum(1 for i, j in zip(x, y) if i == j) / len(x)


def exact_duplicates(items: Iterable[tuple[int, str, str]]) -> dict[int, int]:
    """order -> order of the first document with the same hash, for every later copy."""
    first: dict[str, int] = {}
    duplicates = {}
    for order, _doc_id, digest in sorted(items):
        if digest in first:
            duplicates[order] = first[digest]
        else:
            first[digest] = order
    return duplicates


def candidate_pairs_from_buckets(buckets: Iterable[list[int]]) -> set[tuple[int, int]]:
    """(earlier, later) pairs of documents that share a bucket."""
    pairs = set()
    for members in buckets:
        members = sorted(set(members))
        for i, later in enumerate(members):
            for earlier in members[:i]:
                pairs.add((earlier, later))
    return pairs


def candidate_pairs(signatures: dict[int, bytes], bands: int) -> set[tuple[int, int]]:
    """Pairs of documents that agree on all rows of at least one band. One band at a time, keyed by the
    band's raw bytes (the same buckets as ``band_keys`` gives, without hashing each band)."""
    orders = list(signatures)
    packed = [signatures[order] for order in orders]
    size = len(packed[0]) // bands if packed else 0
    pairs: set[tuple[int, int]] = set()
    for band in range(bands):
        lo, hi = band * size, (band + 1) * size
        buckets: dict[bytes, list[int]] = {}
        for order, key in zip(orders, [p[lo:hi] for p in packed]):
            members = buckets.get(key)
            if members is None:
                buckets[key] = [order]
            else:
                members.append(order)
        pairs |= candidate_pairs_from_buckets(m for m in buckets.values() if len(m) > 1)
    return pairs


def resolve(pairs: set[tuple[int, int]], signatures: dict[int, bytes], threshold: float) -> dict[int, int]:
    """order -> order of the kept document it duplicates (see the module docstring for the rule)."""
    earlier_of: dict[int, list[int]] = defaultdict(list)
    for earlier, later in pairs:
        earlier_of[later].append(earlier)
    duplicate_of: dict[int, int] = {}
    for later in sorted(earlier_of):
        for earlier in sorted(earlier_of[later]):
            if earlier in duplicate_of:
                continue  # compare with kept documents only
            if similarity(signatures[earlier], signatures[later]) >= threshold:
                duplicate_of[later] = earlier
                break
    return duplicate_of
