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


def signature_matrix(signatures: dict[int, bytes]):
    """(orders, matrix) of a dict of packed signatures: the orders ascending (an int64 array) and their
    signatures as the rows of a uint32 matrix, the form ``band_pairs`` and ``resolve_rows`` take."""
    import numpy as np

    orders = np.array(sorted(signatures), dtype=np.int64)
    packed = b"".join(signatures[order] for order in orders.tolist())
    return orders, np.frombuffer(packed, dtype=np.uint32).reshape(len(orders), -1)


def candidate_pairs(signatures: dict[int, bytes], bands: int) -> set[tuple[int, int]]:
    """Pairs of documents that agree on all rows of at least one band (``band_pairs``), as a set."""
    if len(signatures) < 2:
        return set()
    pairs = band_pairs(*signature_matrix(signatures), bands)
    return set(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist()))


def band_pairs(orders, matrix, bands: int, rows=None):
    """The distinct (earlier, later) pairs (an int64 array of two columns, sorted) of the documents
    ``orders`` (one per row of the uint32 ``matrix`` of their signatures) that agree on all rows of at least
    one band; ``rows`` (a boolean mask) keeps some of the documents only. One band at a time: the band's raw
    bytes of every document are sorted (numpy, as fixed-width byte strings), so equal bands lie next to
    each other; these are the buckets ``band_keys`` gives, without hashing each band."""
    import numpy as np

    if rows is not None:
        orders = orders[rows]
    if len(orders) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    size = matrix.shape[1] // bands
    found = []
    for band in range(bands):
        columns = matrix[:, band * size : (band + 1) * size]
        block = np.ascontiguousarray(columns if rows is None else columns[rows])
        keys = block.view(f"V{4 * size}").ravel()
        found.append(equal_key_pairs(keys, orders, _grouping_order(block, keys)))
    return unique_pairs(found)


_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)  # odd


def _grouping_order(rows, keys):
    """An order of the rows (uint32) in which equal rows lie next to each other: sorted by a 64-bit mix of
    each row, which sorts faster than the rows' bytes. Should two different rows mix to the same number,
    the bytes are sorted instead (``keys``, the rows as byte strings), so the groups are always exact."""
    import numpy as np

    mixed = np.zeros(len(rows), dtype=np.uint64)
    for column in range(rows.shape[1]):
        mixed = (mixed ^ rows[:, column].astype(np.uint64)) * np.uint64(_MIX[column % len(_MIX)])
    order = np.argsort(mixed, kind="stable")
    same_mix = mixed[order[1:]] == mixed[order[:-1]]
    if (same_mix & (keys[order[1:]] != keys[order[:-1]])).any():
        return np.argsort(keys, kind="stable")
    return order


def equal_key_pairs(keys, orders, by_key=None):
    """(earlier, later) pairs (an int64 array of two columns) of the documents ``orders`` whose ``keys`` (a
    numpy array of fixed-width byte strings) are equal: the keys are sorted (or put in ``by_key``, an order
    that groups equal keys), so that a bucket is a run."""
    import numpy as np

    if by_key is None:
        by_key = np.argsort(keys, kind="stable")
    same = keys[by_key[1:]] == keys[by_key[:-1]]
    if not same.any():
        return np.zeros((0, 2), dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, ~same])  # a run starts where a key differs from the one before
    lengths = np.diff(np.r_[starts, len(keys)])
    two = starts[lengths == 2]  # most buckets hold two documents: their pairs at once
    first, second = orders[by_key[two]], orders[by_key[two + 1]]
    found = [np.stack([np.minimum(first, second), np.maximum(first, second)], axis=1)]
    for start, length in zip(starts[lengths > 2].tolist(), lengths[lengths > 2].tolist()):
        members = np.sort(orders[by_key[start : start + length]])
        earlier, later = np.triu_indices(length, 1)
        found.append(np.stack([members[earlier], members[later]], axis=1))
    return np.concatenate(found)


def unique_pairs(found: list):
    """The distinct pairs of a list of two-column arrays: one int64 array of two columns, sorted."""
    import numpy as np

    found = [f for f in found if len(f)]
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(found), axis=0)


def resolve(pairs: set[tuple[int, int]], signatures: dict[int, bytes], threshold: float) -> dict[int, int]:
    """order -> order of the kept document it duplicates (see the module docstring for the rule), for the
    candidate ``pairs`` of documents of ``signatures``; ``resolve_rows`` on a dict."""
    import numpy as np

    if not pairs:
        return {}
    orders, matrix = signature_matrix(signatures)
    rows = np.searchsorted(orders, np.array(sorted(pairs), dtype=np.int64))
    return resolve_rows(rows, orders, matrix, threshold)


RESOLVE_BLOCK = 1 << 16  # candidate pairs compared at a time: two rows of signatures each


def resolve_rows(rows, orders, matrix, threshold: float) -> dict[int, int]:
    """order -> order of the kept document it duplicates (see the module docstring for the rule), for the
    candidate pairs ``rows`` (an array of two columns: the rows of ``matrix`` and ``orders`` of the earlier
    and the later document). The similarities are found a block of pairs at a time (numpy);
    ``similarity`` gives the same values."""
    import numpy as np

    rows = np.asarray(rows, dtype=np.int64).reshape(-1, 2)
    if not len(rows):
        return {}
    rows = rows[np.lexsort((rows[:, 0], rows[:, 1]))]  # by the later document, then the earlier
    close = np.zeros(len(rows), dtype=bool)
    for start in range(0, len(rows), RESOLVE_BLOCK):
        block = rows[start : start + RESOLVE_BLOCK]
        agree = (matrix[block[:, 0]] == matrix[block[:, 1]]).sum(axis=1)
        close[start : start + RESOLVE_BLOCK] = agree / matrix.shape[1] >= threshold
    pairs = orders[rows[close]]
    duplicate_of: dict[int, int] = {}
    for first, second in zip(pairs[:, 0].tolist(), pairs[:, 1].tolist()):
        if second not in duplicate_of and first not in duplicate_of:  # kept documents only
            duplicate_of[second] = first
    return duplicate_of
