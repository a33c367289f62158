"""The packed n-gram sums of many words at once, with numpy: the same integers as ``langid._word_sum``
gives one word at a time (a test checks them), for a batch of texts (a corpus shard) in less time. One word
at a time, most of the time goes to looking up each of its n-grams in the model's dictionary; here every
n-gram of up to five characters becomes one integer (each character's rank in the model's alphabet, a few
bits each), all of a batch are looked up together in an open-addressing hash table of the model's n-gram
keys (numpy arrays), and each word's fields are summed by one numpy reduction."""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from typing import NamedTuple

CHUNK = 4096  # words per numpy step (a few MB of keys)
_EMPTY = (1 << 64) - 1  # a free slot of the hash table, and the key of an n-gram that cannot be known
_GOLDEN = 0x9E3779B97F4A7C15  # multiplier of the (Fibonacci) hash


@functools.lru_cache(maxsize=1)
def _tables():
    """(character ranks, bits per character, slot keys, slot rows, hash shift, fields matrix, the most
    n-grams whose fields can be summed in 32 bits), or None when the model's n-grams do not fit in 63-bit
    keys or numpy is not installed (it comes with sorani[corpus], not with the core). Built once per process
    from the loaded model."""
    try:
        import numpy as np
    except ImportError:
        return None

    from .langid import _model

    model = _model()
    grams, fields = model.source
    longest = max(model.orders)
    points = np.frombuffer("\n".join(grams).encode("utf-32-le"), dtype=np.uint32)
    ends = np.r_[np.flatnonzero(points == 10), len(points)]
    starts = np.r_[0, ends[:-1] + 1]
    lengths = ends - starts
    first = points[np.minimum(starts, len(points) - 1)]
    # whole-word features (marked by a leading NUL) are looked up in the dictionary, one per word
    rows = np.flatnonzero((lengths >= 1) & (lengths <= longest) & (first != 0))
    alphabet = np.unique(np.concatenate([points[starts[rows][lengths[rows] > j] + j]
                                         for j in range(longest)]))
    bits = int(len(alphabet)).bit_length()
    # (a repeated n-gram would be found here where the dictionary keeps its last row)
    if bits * longest > 63 or len(set(grams[i] for i in rows.tolist())) != len(rows):
        return None
    ranks = np.zeros(0x110000, dtype=np.uint16 if bits <= 16 else np.uint32)
    ranks[alphabet] = np.arange(1, len(alphabet) + 1)
    keys = np.zeros(len(rows), dtype=np.uint64)
    for j in range(longest):
        present = lengths[rows] > j
        keys[present] |= ranks[points[starts[rows[present]] + j]].astype(np.uint64) << np.uint64(bits * j)
    size_bits = (3 * len(keys)).bit_length()  # a table at most a third full
    shift = 64 - size_bits
    slot_keys = np.full(1 << size_bits, _EMPTY, dtype=np.uint64)
    slot_rows = np.zeros(1 << size_bits, dtype=np.int64)
    slot = _hash(keys, shift)
    pending = np.arange(len(keys))
    while len(pending):  # linear probing: each round places one key in each free slot asked for
        wanted = slot[pending]
        free = slot_keys[wanted] == np.uint64(_EMPTY)
        taken, winner = np.unique(wanted[free], return_index=True)
        placed = pending[free][winner]
        slot_keys[taken], slot_rows[taken] = keys[placed], rows[placed]
        waiting = np.ones(len(keys), dtype=bool)
        waiting[placed] = False
        pending = pending[waiting[pending]]
        slot[pending] = (slot[pending] + 1) & ((1 << size_bits) - 1)
    matrix = np.frombuffer(fields, dtype="<u4").reshape(len(grams), -1)
    return ranks, bits, slot_keys, slot_rows, shift, matrix, (2**32 - 1) // max(1, int(matrix.max()))


def _hash(keys, shift: int):
    import numpy as np

    return ((keys * np.uint64(_GOLDEN)) >> np.uint64(shift)).astype(np.int64)


def word_sums(words: list[str]) -> dict[str, int]:
    """word -> the packed sum of its n-gram fields, for distinct ``words``."""
    from .langid import _model, _word_sum

    tables = _tables()
    if tables is None or not words:
        return {word: _word_sum(word) for word in words}
    model = _model()
    result: dict[str, int] = {}
    for chunk in _by_length(words):
        result.update(_chunk_sums(chunk, model, tables))
    return result


def _chunk_fields(words: list[str], model, tables):
    """The sums of the character n-gram fields of ``words`` (of about the same length, shortest first), one
    row per word, without the whole-word feature: uint32, or uint64 where so many n-grams that a 32-bit field
    could overflow; None when the model has no character n-grams."""
    import numpy as np

    ranks, bits, slot_keys, slot_rows, shift, matrix, most = tables
    size = len(words[-1]) + 2  # the longest, padded with a space on each side as word_features pads
    # shorter words end in NULs, which no n-gram of the model has: their n-grams there are not found
    padded = np.array([" " + word + " " for word in words], dtype=f"U{size}").view(np.uint32)
    points = ranks[padded.reshape(len(words), size)].astype(np.uint64)  # 0: no n-gram of the model has it
    parts = []
    for n in model.orders:
        if not n or n > size:
            continue
        count = size - n + 1
        key = points[:, :count].copy()
        unknown = key == 0
        for j in range(1, n):
            column = points[:, j : j + count]
            unknown |= column == 0
            key |= column << np.uint64(bits * j)
        key[unknown] = np.uint64(_EMPTY)
        parts.append(key)
    if not parts:
        return None
    query = np.concatenate(parts, axis=1)
    dtype = np.uint32 if query.shape[1] <= most else np.uint64
    flat = query.ravel()
    asked = np.flatnonzero(flat != np.uint64(_EMPTY))
    wanted = flat[asked]
    slot = _hash(wanted, shift)
    row = np.full(len(asked), -1, dtype=np.int64)
    pending = np.arange(len(asked))
    mask = len(slot_keys) - 1
    while len(pending):
        held = slot_keys[slot[pending]]
        hit = held == wanted[pending]
        row[pending[hit]] = slot_rows[slot[pending[hit]]]
        pending = pending[~hit & (held != np.uint64(_EMPTY))]  # a free slot: not in the model
        slot[pending] = (slot[pending] + 1) & mask
    known = row >= 0
    word_index = asked[known] // query.shape[1]
    sums = np.zeros((len(words), matrix.shape[1]), dtype=dtype)
    if len(word_index):
        starts = np.flatnonzero(np.r_[True, word_index[1:] != word_index[:-1]])
        sums[word_index[starts]] = np.add.reduceat(matrix[row[known]], starts, axis=0, dtype=dtype)
    return sums


def _chunk_sums(words: list[str], model, tables) -> dict[str, int]:
    from .langid import _word_sum

    sums = _chunk_fields(words, model, tables)
    if sums is None or sums.dtype != "<u4":  # so many n-grams that a field could carry: sum the integers
        return {word: _word_sum(word) for word in words}
    packed = sums.tobytes()
    width = 4 * sums.shape[1]
    whole = model.table.get if 0 in model.orders else (lambda _key, default: default)
    return {word: int.from_bytes(packed[i * width : (i + 1) * width], "little") + whole("\x00" + word, 0)
            for i, word in enumerate(words)}


def _by_length(words: list[str]):
    """``words`` sorted by length, cut into chunks of about the same length (at most twice the shortest)."""
    words = sorted(words, key=len)
    lengths = list(map(len, words))
    lo = 0
    while lo < len(words):
        hi = min(lo + CHUNK, bisect.bisect_right(lengths, 2 * lengths[lo] + 2, lo))
        yield words[lo:hi]
        lo = hi


@functools.lru_cache(maxsize=1)
def _whole_word_rows() -> dict[str, int]:
    """word -> the row of its whole-word feature (``\\x00`` + word) in the model (the last, as the
    dictionary keeps)."""
    from .langid import _model

    grams = _model().source[0]
    return {gram[1:]: row for row, gram in enumerate(grams) if gram.startswith("\x00")}


def word_fields(words: list[str]):
    """(``words`` in the order of the rows, a uint64 matrix of the sums of each word's n-gram fields, the
    whole word's included), or None without numpy or when the model has no character n-grams."""
    import numpy as np

    from .langid import _model

    tables = _tables()
    model = _model()
    if tables is None:
        return None
    ordered, blocks = [], []
    for chunk in _by_length(words):
        sums = _chunk_fields(chunk, model, tables)
        if sums is None:
            return None
        ordered += chunk
        blocks.append(sums.astype(np.uint64))
    width = tables[5].shape[1]
    fields = np.concatenate(blocks) if blocks else np.zeros((0, width), dtype=np.uint64)
    if 0 in model.orders:
        whole = _whole_word_rows()
        found = [(i, whole.get(word)) for i, word in enumerate(ordered)]
        found = [(i, row) for i, row in found if row is not None]
        if found:
            at, rows = map(list, zip(*found))
            fields[at] += tables[5][rows]
    return ordered, fields


class _FieldCache:
    """The field rows of the words seen in earlier batches (a corpus's frequent words come back in every
    shard): the rows of a uint64 matrix, found by word; all forgotten when ``limit`` words would pass."""

    def __init__(self, limit: int = 1 << 17) -> None:
        self.limit = limit
        self.clear()

    def clear(self) -> None:
        self.position: dict[str, int] = {}
        self.matrix = None

    def rows(self, words: list[str]):
        """(word -> row, the matrix) for all ``words``, or None without numpy (see ``word_fields``)."""
        import numpy as np

        new = set(words).difference(self.position)  # in any order: a word's row does not depend on it
        if len(self.position) + len(new) > self.limit:
            self.clear()
            new = set(words)
        found = word_fields(list(new))
        if found is None:
            return None
        ordered, fields = found
        start = len(self.position)
        self.position.update(zip(ordered, range(start, start + len(ordered))))
        self.matrix = fields if self.matrix is None else np.concatenate([self.matrix, fields])
        return self.position, self.matrix


FIELD_CACHE = _FieldCache()


def predictions(word_lists: list[list[str]]):
    """``identify_words`` of each list of words, the same predictions, computed together: the field sums of
    the texts by numpy, in 64 bits, and the scores with numpy's float64 operations where they round as
    Python's (multiplying, adding, the largest) and Python's own ``math.exp`` and ``sum`` elsewhere. A text
    whose sum does not fit the model's 32-bit fields is left to ``identify_words``. None without numpy."""
    import numpy as np

    from .langid import Prediction

    found = _scores(word_lists)
    if found is None:
        return None
    result, judged, scores, languages = found
    if not judged:
        return result
    # best first, as sorted((score, language), reverse=True) ranks them: a tie goes to the later name
    later_name_first = np.argsort(np.argsort(languages)[::-1])
    order = np.lexsort((np.broadcast_to(later_name_first, scores.shape), -scores), axis=1)
    ranked = zip(judged, languages[order].tolist(), np.take_along_axis(scores, order, axis=1).tolist())
    for i, labels, values in ranked:
        result[i] = Prediction(labels[0], values[0], dict(zip(labels, values)))
    return result


class Best(NamedTuple):
    """The best label of a prediction and its score, without the scores of the other labels."""

    label: str
    score: float


def best_predictions(word_lists: list[list[str]]):
    """The ``label`` and ``score`` of ``predictions(word_lists)``, as ``Best`` pairs (a batch's language ID
    mostly needs no more): the same numbers, without ranking every label of every text. A text left to
    ``identify_words`` keeps its whole ``Prediction``. None without numpy."""
    import numpy as np

    found = _scores(word_lists)
    if found is None:
        return None
    result, judged, scores, languages = found
    if not judged:
        return result
    # the largest score; on a tie the later name, as sorted((score, language), reverse=True) puts first:
    # argmax takes the first of the largest, so the columns go in reverse order of the names
    later_first = np.argsort(languages)[::-1]
    in_order = scores[:, later_first]
    best = in_order.argmax(axis=1)
    labels = languages[later_first][best].tolist()
    values = in_order[np.arange(len(judged)), best].tolist()
    for i, label, value in zip(judged, labels, values):
        result[i] = Best(label, value)
    return result


def _scores(word_lists: list[list[str]]):
    """(a list with the predictions of the texts not scored here and None for the others, the indices of
    the others, their scores as a float64 matrix with a column per language, the languages as an object
    array), or None without numpy."""
    import numpy as np

    from .langid import Prediction, _model, identify_words

    every = list(itertools.chain.from_iterable(word_lists))
    found = FIELD_CACHE.rows(every)
    if found is None:
        return None
    position, fields = found
    model = _model()
    n = len(model.labels)
    lengths = np.fromiter(map(len, word_lists), dtype=np.int64, count=len(word_lists))
    sums = np.zeros((len(word_lists), n + 1), dtype=np.uint64)
    nonempty = np.flatnonzero(lengths)
    if len(nonempty):
        flat = list(map(position.__getitem__, every))
        starts = (np.cumsum(lengths) - lengths)[nonempty]
        sums[nonempty] = np.add.reduceat(fields[flat], starts, axis=0)
    fits = (sums < np.uint64(1 << 32)).all(axis=1).tolist()
    known = sums[:, n].tolist()
    result = [None] * len(word_lists)
    judged = []
    for i, (fit, count) in enumerate(zip(fits, known)):
        if not fit:
            result[i] = identify_words(word_lists[i])
        elif count < model.min_features:
            result[i] = Prediction("und", 0.0, {})
        else:
            judged.append(i)
    languages = np.array(model.languages, dtype=object)
    if not judged:
        return result, judged, None, languages
    # as _prediction_from computes, one operation for all the texts where it rounds the same
    unit = [1.0 / ((1 << model.fraction) * known[i] ** model.length_power) for i in judged]
    totals = sums[judged, :n].astype(np.float64) * np.array(unit)[:, None] + np.array(model.bias)
    shifted = totals - totals.max(axis=1, keepdims=True)
    weights = np.array(list(map(math.exp, shifted.ravel().tolist()))).reshape(shifted.shape)
    norm = 1.0 / np.array(list(map(sum, weights.tolist())))
    for variant, first in model.variants:
        weights[:, first] += weights[:, variant]
    scores = weights[:, list(model.firsts(range(n)))] * norm[:, None]
    return result, judged, scores, languages
