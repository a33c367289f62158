"""The ``repair`` tier: restore Sorani typed on an Arabic or Persian keyboard to standard spelling.

People type Sorani on keyboards that have no ێ ۆ ڵ ڕ ە (and, on Arabic ones, no گ پ چ ژ), so ``دستان خوش
بیت`` stands for ``دەستان خۆش بێت``. This module puts the letters back with a noisy-channel model:

* a lexicon of word frequencies (``data/repair_lexicon.tsv.gz``, built by ``scripts/build_repair_lexicon.py``
  from permissively licensed text and word lists);
* the keyboard confusions as data (``data/repair_confusions.tsv``): which letter comes out as which, and how
  cheap each repair is. Letters that are confused share one *lookup key* letter, letters that are left out are
  dropped from the key, so all the candidate spellings of a typed word are one dictionary lookup away;
* a score per candidate: ``log(count) - channel_weight * cost`` (``data/repair_params.tsv``), with a margin that
  protects every word the lexicon already knows;
* joins of words broken by a space after ە (``لە کە ل ی`` → ``لەگەڵی``) and splits of merged words
  (``کتیبو`` → ``کتێب و``), only when the lexicon is sure.

It runs after the standard tier (``normalize(text, tier="repair")``), caches decisions per word type, and is
idempotent.

>>> repair_text("دستان خوش بیت")
'دەستان خۆش بێت'
>>> repair_text("شاه")
'شاه'
"""

from __future__ import annotations

import collections
import difflib
import functools
import gzip
import heapq
import math
from dataclasses import dataclass
from importlib import resources

import regex

from ._data import decode_cell, load_table
from .errors import DataError, require_str
from .normalizer import normalize

__all__ = ["Change", "channel_cost", "explain", "fallback_key", "is_known", "lookup_key", "repair_normalized",
           "repair_text", "repair_word"]

_WORD = regex.compile(r"[\p{Script=Arabic}&&\p{L}\p{M}]+", regex.V1)
_SORANI_TYPED = regex.compile(r"[ێۆڵ]|\p{L}ڕ")
_ALEFS = "اأإآ"
# what the key leaves out at the start of a word: a seat ئ, or an alef typed for it before an alef (ااژەڵ for
# ئاژەڵ), then an alef (ا أ إ آ typed for ئە ئا ئێ ئۆ ...)
_HEAD_PATTERN = f"^(?:ئ|[{_ALEFS}](?=[{_ALEFS}]))?[{_ALEFS}]?"
_HEAD = regex.compile(_HEAD_PATTERN)


# ------------------------------------------------------------------------------------------------ data
@functools.cache
def _params() -> dict[str, float]:
    return {row["name"]: float(row["value"]) for row in load_table("repair_params.tsv")}


@functools.cache
def _confusions() -> dict[tuple[str, str, str], float]:
    """The edit costs of ``repair_confusions.tsv`` keyed by (typed, standard, position)."""
    costs: dict[tuple[str, str, str], float] = {}
    for row in load_table("repair_confusions.tsv"):
        costs[(decode_cell(row["typed"]), decode_cell(row["standard"]), row["position"])] = float(row["cost"])
    return costs


@functools.cache
def _key_table() -> tuple[dict[int, str | None], str]:
    """The translate table of the lookup key and the letter that stands for the و class (squeezed)."""
    costs = _confusions()
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    dropped: set[str] = set()
    for typed, standard, position in costs:
        if position == "fallback":
            continue
        if len(typed) == 1 and len(standard) == 1 and position != "initial":
            a, b = find(typed), find(standard)
            if a != b:
                parent[max(a, b)] = min(a, b)
        elif not typed and len(standard) == 1 and position == "noninitial":
            dropped.add(standard)
    letters = set(parent) | {c for t, s, _ in costs for c in t + s}
    table: dict[int, str | None] = {}
    drop_roots = {find(c) for c in dropped}
    for c in letters:
        root = find(c)
        table[ord(c)] = None if root in drop_roots else root
    table[ord("ئ")] = find("ێ")  # a non-initial ئ reads as ێ (initial ئ is stripped before the table)
    for alef in _ALEFS:
        table[ord(alef)] = "ا"
    return {k: v for k, v in table.items() if v != chr(k)}, find("و")


@functools.cache
def _fallback_table() -> dict[int, None]:
    """Deletes from a lookup key the key letters of the letters that ``fallback`` rows say may be left out."""
    table, _ = _key_table()
    gone = {table.get(ord(s), s) for t, s, position in _confusions() if position == "fallback" and not t}
    return {ord(c): None for c in gone if c}


def fallback_key(word: str) -> str:
    """The lookup key with the letters that may be left out entirely (ێ ۆ و, Arabic-keyboard habit) removed:
    the second, looser lookup for a word that has no reading under :func:`lookup_key`.

    >>> fallback_key("هەندک") == fallback_key("هەندێک")
    True
    """
    return lookup_key(word).translate(_fallback_table())


@functools.cache
def _fallback_index() -> dict[str, tuple[str, ...]]:
    limit = int(_params()["fallback_candidates"])
    counts = _lexicon()[0]
    least = _params()["min_known_count"]
    buckets: dict[str, list[str]] = {}
    for word in sorted(counts, key=lambda w: (-counts[w], w)):
        if counts[word] < least:
            break
        bucket = buckets.setdefault(fallback_key(word), [])
        if len(bucket) < limit:
            bucket.append(word)
    return {k: tuple(v) for k, v in buckets.items()}


@functools.lru_cache(maxsize=100_000)
def _fallback_entries(fkey: str) -> tuple[tuple[str, float, str], ...]:
    """The fallback bucket of ``fkey`` as (word, log count, lookup key), most frequent first."""
    logps, keys = _logps()[0], _lexicon_keys()
    return tuple((w, logps[w], keys[w]) for w in _fallback_index().get(fkey, ()))


@functools.lru_cache(maxsize=200_000)
def lookup_key(word: str) -> str:
    """The key under which all the keyboard spellings of ``word`` meet.

    >>> lookup_key("دەستان") == lookup_key("دستان") == lookup_key("دهستان")
    True
    >>> lookup_key("ئەو") == lookup_key("او")
    True
    """
    require_str(word, "word")
    table, waw = _key_table()
    head = _HEAD.match(word).end()
    key = word[head:].translate(table)
    if waw + waw in key:
        key = _squeeze(key, waw)
    return key


def _squeeze(key: str, waw: str) -> str:
    while waw + waw in key:
        key = key.replace(waw + waw, waw)
    return key


def _read_counts(name: str) -> list[list[str]]:
    try:
        raw = resources.files("sorani").joinpath("data", name).read_bytes()
    except FileNotFoundError as exc:  # pragma: no cover - packaging bug
        raise DataError(f"sorani data file missing: {name}") from exc
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line]


@functools.cache
def _lexicon() -> tuple[dict[str, int], float]:
    counts = {row[0]: int(row[1]) for row in _read_counts("repair_lexicon.tsv.gz")}
    for row in load_table("h_final.tsv"):  # words with a real final /h/ are known words
        counts.setdefault(row["word"], 1)
    return counts, math.log(sum(counts.values()))


@functools.cache
def _bigrams() -> dict[tuple[str, str], int]:
    return {(row[0], row[1]): int(row[2]) for row in _read_counts("repair_bigrams.tsv.gz")}


def _bigram_gain(a: str, b: str) -> float:
    """log P(b | a) - log P(b): how much more likely ``b`` is right after ``a`` than anywhere."""
    counts, log_total = _lexicon()
    pair = _bigrams().get((a, b), 0)
    if not pair:
        return 0.0
    k = _params()["bigram_prior"]
    p_b = (counts.get(b, 0) + _params()["smoothing"]) / math.exp(log_total)
    return math.log((pair + k * p_b) / (counts.get(a, 0) + k)) - math.log(p_b)


@functools.cache
def _lexicon_keys() -> dict[str, str]:
    """The lookup key of every lexicon word (worked out once for the index)."""
    return {word: lookup_key(word) for word in _lexicon()[0]}


@functools.cache
def _index() -> dict[str, tuple[str, ...]]:
    limit = int(_params()["max_candidates"])
    buckets: dict[str, list[str]] = {}
    counts = _lexicon()[0]
    keys = _lexicon_keys()
    for word in sorted(counts, key=lambda w: (-counts[w], w)):
        bucket = buckets.setdefault(keys[word], [])
        if len(bucket) < limit:
            bucket.append(word)
    return {k: tuple(v) for k, v in buckets.items()}


@functools.cache
def _h_words() -> frozenset[str]:
    """The words with a real final /h/ (``h_final.tsv``): never changed."""
    return frozenset(row["word"] for row in load_table("h_final.tsv"))


@functools.cache
def _stable(sorani_typed: bool) -> frozenset[str]:
    """Lexicon words that the scan under their key keeps on the given kind of line: even the most frequent other
    word under their key, at the cheapest edit cost, does not beat them by their margin (``keep_margin`` or
    ``keep_margin_sorani`` for a word counted at least ``min_known_count`` times, else 0 or
    ``unknown_margin_sorani``). For them :func:`_scan` is a set lookup. A lexicon word has no suffix readings,
    and on a Sorani-typed line no fallback key either, so there a stable word is also kept by :func:`_best`
    (the clean-text fast path)."""
    params = _params()
    index, keys, counts = _index(), _lexicon_keys(), _lexicon()[0]
    floor = params["channel_weight"] * _min_cost()
    least = params["min_known_count"]
    if sorani_typed:
        margin, margin_once = params["keep_margin_sorani"], params["unknown_margin_sorani"]
    else:
        margin, margin_once = params["keep_margin"], 0.0
    logps = _logps()[0]
    stable = []
    for word, count in counts.items():
        bucket = index[keys[word]]
        top = bucket[0] if bucket[0] != word else (bucket[1] if len(bucket) > 1 else None)
        if top is None or logps[top] - floor < logps[word] + (margin if count >= least else margin_once):
            stable.append(word)
    return frozenset(stable)


def _stable_sorani() -> frozenset[str]:
    """:func:`_stable` for Sorani-typed lines."""
    return _stable(True)


@functools.cache
def _protected() -> frozenset[str]:
    """Words counted at least ``min_known_count`` times, and the real /h/ words."""
    counts = _lexicon()[0]
    least = _params()["min_known_count"]
    protected = {w for w, c in counts.items() if c >= least}
    protected.update(row["word"] for row in load_table("h_final.tsv"))
    return frozenset(protected)


def is_known(word: str) -> bool:
    """True if ``word`` is in the repair lexicon.

    >>> is_known("دەستان"), is_known("دستان")
    (True, False)
    """
    require_str(word, "word")
    return word in _lexicon()[0]


# ------------------------------------------------------------------------------------------ channel
@functools.cache
def _edit_rules() -> tuple[dict, dict, float]:
    """Edit costs split by position: {(typed, standard): cost} for word-initial and for other positions."""
    costs = _confusions()
    initial: dict[tuple[str, str], float] = {}
    other: dict[tuple[str, str], float] = {}
    for (typed, standard, position), cost in costs.items():
        if position in ("initial", "any", "fallback"):
            # a letter left out entirely may be the first one, at a higher cost
            first = cost + _params()["fallback_initial_extra"] if position == "fallback" else cost
            initial[(typed, standard)] = min(first, initial.get((typed, standard), first))
        if position in ("noninitial", "any", "fallback"):
            other[(typed, standard)] = min(cost, other.get((typed, standard), cost))
    return initial, other, _params()["other_cost"]


@functools.cache
def _rules_by_typed() -> tuple[dict, dict, float]:
    """The edit rules as {typed: ((standard, cost), ...)} for word-initial and other positions."""
    initial, other, unit = _edit_rules()

    def group(rules):
        out: dict[str, list[tuple[str, float]]] = {}
        for (t, s), cost in rules.items():
            out.setdefault(t, []).append((s, cost))
        return {k: tuple(v) for k, v in out.items()}

    return group(initial), group(other), unit


def channel_cost(typed: str, standard: str) -> float:
    """The cost of reading ``typed`` as ``standard``: a weighted edit distance whose cheap edits are the
    keyboard confusions of ``data/repair_confusions.tsv`` (any other edit costs ``other_cost``).

    >>> channel_cost("خوش", "خۆش")
    0.2
    >>> channel_cost("خۆش", "خۆش")
    0.0
    >>> channel_cost("او", "ئەو")
    0.15
    """
    require_str(typed, "typed")
    require_str(standard, "standard")
    return _cost(typed, standard)


def _cost(typed: str, standard: str) -> float:
    """:func:`channel_cost` without the type checks. Two spellings under one lookup key are compared segment by
    segment (each key letter with the left-out letters after it), which is the same sum as the full edit DP
    when the cheapest alignment keeps the key letters together, at the price of a few dictionary lookups."""
    if typed == standard:
        return 0.0
    key_t, segs_t = _segments(typed, False)
    key_s, segs_s = _segments(standard, False)
    if key_t != key_s:
        key_t, segs_t = _segments(typed, True)
        key_s, segs_s = _segments(standard, True)
        if key_t != key_s:
            return _dp_cost(typed, standard)
    return _segment_sum(segs_t, segs_s)


def _dp_cost(typed: str, standard: str) -> float:
    """The edit DP on the part that differs. The common suffix and prefix cost nothing, but one shared letter
    is kept on each side, so that a rule that rewrites a letter into two (و → وو, ا → ئا) still applies."""
    end = 0
    limit = min(len(typed), len(standard)) - 1
    while end < limit and typed[-1 - end] == standard[-1 - end]:
        end += 1
    if end:
        typed, standard = typed[:-end], standard[:-end]
    start = 0
    limit = min(len(typed), len(standard)) - 1
    while start < limit and typed[start] == standard[start]:
        start += 1
    start = max(0, start - 1)
    return _cost_core(typed[start:], standard[start:], start == 0)


@functools.cache
def _segment_patterns() -> tuple:
    """The two patterns that cut a word into key segments (see :func:`_segments`): for the lookup key and for
    the fallback key."""
    table, waw = _key_table()
    gone = _fallback_table()
    dropped = {chr(c) for c, k in table.items() if k is None}
    waws = {chr(c) for c, k in table.items() if k == waw} | {waw}
    dropped_fb = dropped | {chr(c) for c, k in table.items() if k is not None and ord(k) in gone}
    dropped_fb |= {chr(c) for c in gone}

    def cls(chars):
        return "[" + "".join(regex.escape(c) for c in sorted(chars)) + "]"

    head = _HEAD_PATTERN
    d, w, dfb = cls(dropped), cls(waws), cls(dropped_fb)
    lookup = regex.compile(f"(?:{head}{d}*)|{w}(?:{d}|{w})*|(?:(?!{d}|{w}).){d}*", regex.S)
    fallback = regex.compile(f"(?:{head}{dfb}*)|(?:(?!{dfb}).){dfb}*", regex.S)
    return lookup, fallback


@functools.lru_cache(maxsize=200_000)
def _lexicon_segments(word: str, fallback: bool) -> tuple[str, ...]:
    """The segments of a lexicon word (its key is not needed: the index put it under the key)."""
    return tuple(_segment_patterns()[1 if fallback else 0].findall(word) or [""])


@functools.lru_cache(maxsize=200_000)
def _segments(word: str, fallback: bool) -> tuple[str, tuple[str, ...]]:
    """(lookup key, segments): the word cut before each letter of its key, so that segment i holds the i-th
    key letter with the left-out letters (and squeezed و) after it; segment 0 holds what the key drops at the
    start (a seat ئ, an alef, left-out letters). With ``fallback``, the key is :func:`fallback_key`."""
    segments = _segment_patterns()[1 if fallback else 0].findall(word) or [""]
    return (fallback_key(word) if fallback else lookup_key(word)), tuple(segments)


@functools.lru_cache(maxsize=100_000)
def _cost_core(typed: str, standard: str, at_start: bool) -> float:
    """The weighted edit distance (the DP behind :func:`channel_cost`) of two short strings."""
    first, rest, unit = _dp_rules()
    n, m = len(typed), len(standard)
    inf = float("inf")
    # what each standard position allows, worked out once: insertions (end, cost) and the rule tables
    tables = [first if (j == 0 and at_start) else rest for j in range(m + 1)]
    inserts = []
    for j in range(m):
        inserts.append([(j + len(target), cost) for target, cost in tables[j][1].get(standard[j], ())
                        if standard.startswith(target, j)])
    dist = [[inf] * (m + 1) for _ in range(n + 1)]
    dist[0][0] = 0.0
    for i in range(n + 1):
        row = dist[i]
        t = typed[i] if i < n else None
        below = dist[i + 1] if i < n else None
        for j in range(m + 1):
            here = row[j]
            if here == inf:
                continue
            if t is not None:
                if here + unit < below[j]:  # deletion
                    below[j] = here + unit
                for cost in tables[j][2].get(t, ()):
                    if here + cost < below[j]:
                        below[j] = here + cost
            if j == m:
                continue
            s = standard[j]
            if t is not None:
                step = here if t == s else here + unit
                if step < below[j + 1]:
                    below[j + 1] = step
                for target, cost in tables[j][0].get((t, s), ()):
                    if standard.startswith(target, j) and here + cost < below[j + len(target)]:
                        below[j + len(target)] = here + cost
            if here + unit < row[j + 1]:  # insertion
                row[j + 1] = here + unit
            for k, cost in inserts[j]:
                if here + cost < row[k]:
                    row[k] = here + cost
    return round(dist[n][m], 6)


@functools.cache
def _dp_rules() -> tuple[tuple[dict, dict, dict], tuple[dict, dict, dict], float]:
    """The edit rules indexed for the DP, for the word start and for other positions: substitutions by
    (typed letter, first standard letter), insertions by first standard letter, deletions by typed letter."""
    initial, other, unit = _edit_rules()

    def index(rules):
        subs: dict = {}
        inserts: dict = {}
        deletes: dict = {}
        for (t, s), cost in rules.items():
            if t and s:
                subs.setdefault((t, s[0]), []).append((s, cost))
            elif s:
                inserts.setdefault(s[0], []).append((s, cost))
            elif t:
                deletes.setdefault(t, []).append(cost)
        return tuple({k: tuple(v) for k, v in d.items()} for d in (subs, inserts, deletes))

    return index(initial), index(other), unit


# --------------------------------------------------------------------------------------------- words
@functools.cache
def _min_cost() -> float:
    return min(_confusions().values())


@functools.cache
def _min_rekey_cost(initial: bool) -> float:
    """The least cost of an edit that changes the lookup key: an unlisted edit, or a confusion row whose two
    sides have different keys (the ``fallback`` rows, and, if ``initial``, word-initial rows such as ا → ئۆ)."""
    costs = [_params()["other_cost"]]
    for (typed, standard, position), cost in _confusions().items():
        if position == "initial" and not (initial and typed):
            continue
        before, after = ("", "ب") if position == "initial" else ("ب", "ب")
        if lookup_key(before + typed + after) != lookup_key(before + standard + after):
            costs.append(cost)
    return min(costs)


@functools.cache
def _logps() -> tuple[dict[str, float], float]:
    """({word: log(count + smoothing)}, the same for a word the lexicon does not know)."""
    smoothing = _params()["smoothing"]
    return {w: math.log(c + smoothing) for w, c in _lexicon()[0].items()}, math.log(smoothing)


def _logp(word: str) -> float:
    logps, unknown = _logps()
    return logps.get(word, unknown)


def _segment_sum(segs_t: tuple[str, ...], segs_s: tuple[str, ...], limit: float = math.inf) -> float:
    """The channel cost of two spellings with one key, from their segments (see :func:`_segments`); inf as soon
    as the sum passes ``limit`` (every cost is at least 0, so the rest cannot bring it back)."""
    total = 0.0
    offset = 0
    for a, b in zip(segs_t, segs_s):
        if a != b:
            total += _cost_core(a, b, offset == 0)
            if total > limit:
                return math.inf
        offset += len(b)
    return round(total, 6)


def _cost_limit(logp: float, bar: float, weight: float) -> float:
    """The channel cost above which ``logp - weight * cost`` cannot beat ``bar`` (the 1e-6 covers the rounding of
    :func:`_segment_sum` to six places)."""
    return (logp - bar) / weight + 1e-6 if weight > 0 else math.inf


@functools.lru_cache(maxsize=200_000)
def _best(word: str, sorani_typed: bool) -> tuple[str, float, float, bool]:
    """(best reading, its score, the score of keeping ``word``, whether the reading is a known word or a
    known stem with a suffix) for one typed word."""
    best, best_score, keep, valid = _scan(word, sorani_typed)
    if not valid and len(word) > 3:
        # on a Sorani-typed line a stem-plus-suffix reading needs the same margin as a lexicon reading
        bar = max(best_score, keep + _params()["unknown_margin_sorani"]) if sorani_typed else best_score
        inflected = _inflected(word, sorani_typed, bar)
        if inflected is not None and inflected[1] > bar:
            best, best_score = inflected
            valid = True
    if len(word) > 1 and not sorani_typed and _lexicon()[0].get(word, 0) < _params()["min_known_count"]:
        # letters left out entirely: tried for every word the lexicon does not protect, not only for words
        # with no reading, since a weak reading under the lookup key often hides the right one (بکرت → بکرێت)
        weight = _params()["channel_weight"]
        threshold = keep + _params()["fallback_margin"]
        key = lookup_key(word)
        floor = weight * _min_cost()
        first = weight * _min_rekey_cost(word[:1] in _ALEFS or word[:1] == "ئ")
        rest = weight * _min_rekey_cost(False)
        segments = None  # cut only when some candidate can win
        for cand, logp, cand_key in _fallback_entries(key.translate(_fallback_table())):
            bar = max(best_score, threshold)
            if logp - floor <= bar:
                break  # most frequent first: no later candidate can win
            if cand_key != key:
                # another lookup key: each key letter put in or taken out is an edit of _min_rekey_cost at least
                edits = max(1, abs(len(cand_key) - len(key)))
                if logp - first - (edits - 1) * rest <= bar:
                    continue
            if segments is None:
                segments = _segments(word, True)[1]
            cost = _segment_sum(segments, _lexicon_segments(cand, True), _cost_limit(logp, bar, weight))
            score = logp - weight * cost
            if score > max(best_score, threshold):
                best, best_score, valid = cand, score, True
    return best, best_score, keep, valid


@functools.lru_cache(maxsize=200_000)
def _scan(word: str, sorani_typed: bool) -> tuple[str, float, float, bool]:
    """:func:`_best` over the words of the lexicon only (no suffixes)."""
    if word in _stable(sorani_typed):
        keep = _logp(word)
        return word, keep, keep, True
    best, best_score, keep, count = _scan_core(word)
    params = _params()
    if count >= params["min_known_count"]:
        margin = params["keep_margin_sorani" if sorani_typed else "keep_margin"]
    else:
        margin = params["unknown_margin_sorani"] if sorani_typed else 0.0
    if best != word and best_score < keep + margin:
        return word, keep, keep, count > 0
    return best, best_score, keep, count > 0 or best != word


@functools.lru_cache(maxsize=200_000)
def _scan_core(word: str) -> tuple[str, float, float, int]:
    """(best reading under the lookup key, its score, the score of keeping ``word``, the count of ``word``),
    with no keep margin: :func:`_scan` applies the margin of the line's kind, so one scan serves both."""
    weight = _params()["channel_weight"]
    logps = _logps()[0]
    keep = _logp(word)
    best, best_score = word, keep
    count = _lexicon()[0].get(word, 0)
    floor = weight * _min_cost()
    segments = None  # cut only when some candidate can win
    for cand in _index().get(lookup_key(word), ()):
        logp = logps[cand]
        if logp - floor <= best_score:
            break  # candidates come most frequent first: none of the rest can win
        if cand == word:
            continue
        if segments is None:
            segments = _segments(word, False)[1]
        score = logp - weight * _segment_sum(segments, _lexicon_segments(cand, False),
                                             _cost_limit(logp, best_score, weight))
        if score > best_score:
            best, best_score = cand, score
    return best, best_score, keep, count


_VOWEL_END = frozenset("اەێۆوی")
_LETTERS = "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ"  # the standard alphabet, which the character model counts
_TYPED_LETTERS = frozenset(_LETTERS + "ؤطصثذظضأإآة")


@functools.lru_cache(maxsize=100_000)
def _suffix_key(text: str) -> str:
    table, waw = _key_table()
    key = text.translate(table)
    return _squeeze(key, waw) if waw + waw in key else key


@functools.cache
def _suffixes() -> dict[str, tuple[tuple[str, str, int], ...]]:
    """{typed-suffix key: ((standard suffix, after, slot), ...)}."""
    out: dict[str, list[tuple[str, str, int]]] = {}
    for row in load_table("repair_suffixes.tsv"):
        out.setdefault(_suffix_key(row["suffix"]), []).append((row["suffix"], row["after"], int(row["slot"])))
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _longest_suffix() -> int:
    """The longest typed spelling a suffix of the table can have (each letter may come out doubled)."""
    return max(len(row["suffix"]) for row in load_table("repair_suffixes.tsv")) + 1


@functools.cache
def _suffix_key_ends() -> frozenset[str]:
    """Every end of a suffix key (with the empty one): a word end whose key is none of these is the end of no
    longer suffix either."""
    return frozenset(key[i:] for key in _suffixes() for i in range(len(key) + 1))


def _suffix_cuts(word: str) -> list[tuple[int, tuple[tuple[str, str, int], ...]]]:
    """(k, the suffixes of :func:`_suffixes` that ``word[k:]`` may stand for) for each cut k from
    ``max(2, len(word) - _longest_suffix())`` up. The key of ``word[k:]`` (:func:`_suffix_key`) is built from the
    end one letter at a time, and the walk stops once it is the end of no suffix key (a longer end's key ends
    with it)."""
    table, waw = _key_table()
    suffixes, ends = _suffixes(), _suffix_key_ends()
    key = ""
    cuts = []
    for k in range(len(word) - 1, max(2, len(word) - _longest_suffix()) - 1, -1):
        letter = table.get(ord(word[k]), word[k])
        if letter and not (letter == waw and key.startswith(waw)):  # a left-out letter adds nothing; و is squeezed
            key = letter + key
        if key not in ends:
            break
        options = suffixes.get(key)
        if options:
            cuts.append((k, options))
    cuts.reverse()
    return cuts


def _inflected(word: str, sorani_typed: bool, bar: float = -math.inf) -> tuple[str, float] | None:
    """The best reading of ``word`` as a known stem plus one or two suffixes of ``repair_suffixes.tsv``, or
    None when no reading scores above ``bar``."""
    best, top = None, bar
    weight = _params()["channel_weight"]
    for cand, base, _ in _stem_suffix_readings(word, sorani_typed, 1 if sorani_typed else 2, bar):
        if base <= top:
            continue  # a channel cost is at least 0: this reading cannot score above the best so far
        score = base - weight * _cost(word, cand)
        if score > top:
            best, top = (cand, score), score
    return best


def _stem_suffix_readings(word: str, sorani_typed: bool, depth: int,
                          bar: float) -> list[tuple[str, float, int]]:
    """The readings of ``word`` as a stem plus ``depth`` suffixes at most, each suffix of a lower slot than the
    one before it (slots count from the outside in): (reading, log count of the stem minus the suffix
    penalties, the slot of the last suffix), the channel cost not yet counted; only stems that could score
    above ``bar``."""
    counts = _lexicon()[0]
    params = _params()
    index, logps = _index(), _logps()[0]
    penalty = params["suffix_penalty"]
    out: list[tuple[str, float, int]] = []
    for k, options in _suffix_cuts(word):
        head = word[:k]
        stems: list[tuple[str, float, int]] = []
        top = index.get(lookup_key(head))
        if top is not None and logps[top[0]] - penalty > bar:
            stem = _scan(head, sorani_typed)[0]
            if counts.get(stem, 0) >= params["min_stem_count"]:
                stems.append((stem, logps[stem] - penalty, 99))
        if depth > 1 and len(head) > 3:
            stems.extend((stem, base - penalty, slot)
                         for stem, base, slot in _stem_suffix_readings(head, sorani_typed, depth - 1, bar + penalty))
        for suffix, after, slot in options:
            for stem, base, inner in stems:
                if inner <= slot:
                    continue  # the suffix before must sit further in
                vowel = stem[-1] in _VOWEL_END
                if (after == "consonant" and vowel) or (after == "vowel" and not vowel):
                    continue
                out.append((stem + suffix, base, slot))
    return out


# ---------------------------------------------------------------------------------- character model
@functools.cache
def _char_model() -> tuple[int, list[dict[str, float]], dict[str, tuple[int, int]]]:
    """A character n-gram model of standard Sorani spelling, counted over the word types of the lexicon
    (each type once, so names and rare inflections weigh as much as frequent words), with Witten-Bell
    interpolation: (order, [{n-gram: count} for n = 1..order], {context: (count, distinct next letters)})."""
    order = int(_params()["charlm_order"])
    pad = "^" * (order - 1)
    letters = frozenset(_LETTERS)
    padded = [pad + word + "$" for word in _lexicon()[0] if letters.issuperset(word)]
    grams = collections.Counter(p[i:i + order] for p in padded for i in range(len(p) - order + 1))
    tables: list[dict[str, float]] = [dict() for _ in range(order)]
    tables[order - 1] = dict(grams)
    for n in range(order - 1, 0, -1):  # each shorter n-gram: the suffixes of the longer ones
        shorter = tables[n - 1]
        for g, c in tables[n].items():
            shorter[g[1:]] = shorter.get(g[1:], 0) + c
    contexts: dict[str, list[int]] = {}
    for table in tables:
        for g, c in table.items():
            entry = contexts.setdefault(g[:-1], [0, 0])
            entry[0] += c
            entry[1] += 1
    return order, tables, {k: (v[0], v[1]) for k, v in contexts.items()}


@functools.cache
def _char_probs() -> tuple[dict[str, float], dict[str, float]]:
    """(P(gram[-1] | gram[:-1]), its log) of every n-gram the model has counted, worked out once. Witten-Bell
    interpolation builds each n-gram's probability from that of its one-letter-shorter suffix, so every
    counted n-gram is one step from its suffix, with the arithmetic of :func:`_char_logp_direct`.
    The search then reads these with one dictionary lookup (``_char_probs()[1].get(g) or _char_logp(g)``)."""
    order, tables, contexts = _char_model()
    total, distinct = contexts[""]
    probs = {g: (c + 1) / (total + distinct + 1) for g, c in tables[0].items()}
    for n in range(1, order):
        for g, c in tables[n].items():
            count, kinds = contexts[g[:-1]]
            probs[g] = (c + kinds * probs[g[1:]]) / (count + kinds)
    return probs, {g: math.log(p) for g, p in probs.items()}


@functools.lru_cache(maxsize=200_000)
def _char_logp(gram: str) -> float:
    """log P(gram[-1] | gram[:-1]) under :func:`_char_model` (``gram`` holds at most ``charlm_order`` letters).

    The search reads counted n-grams from :func:`_char_probs` first, so this mostly runs for n-grams the model
    never counted: their probability is that of their longest counted end, weighted down once for each longer
    context the model has seen (Witten-Bell gives an uncounted letter ``kinds / (count + kinds)`` of the
    shorter context's probability, and the interpolation stops at the first unseen context). The arithmetic is
    that of :func:`_char_logp_direct`, float for float."""
    probs = _char_probs()[0]
    contexts = _char_model()[2]
    start, n = 0, len(gram)
    while start < n:
        p = probs.get(gram[start:])
        if p is not None:
            break
        start += 1
    else:  # a letter the model never counted
        total, distinct = contexts[""]
        p = (0 + 1) / (total + distinct + 1)
        start = n - 1
    for k in range(start - 1, -1, -1):
        seen = contexts.get(gram[k:-1])
        if seen is None:
            break
        count, kinds = seen
        p = (0 + kinds * p) / (count + kinds)
    return math.log(p)


def _char_logp_direct(gram: str) -> float:
    """:func:`_char_logp` as the plain Witten-Bell loop over ever longer contexts (the reference)."""
    order, tables, contexts = _char_model()
    char, context = gram[-1], gram[:-1]
    total, distinct = contexts[""]
    p = (tables[0].get(char, 0) + 1) / (total + distinct + 1)
    for n in range(1, len(context) + 1):
        h = context[-n:]
        seen = contexts.get(h)
        if seen is None:
            break
        count, kinds = seen
        p = (tables[n].get(h + char, 0) + kinds * p) / (count + kinds)
    return math.log(p)


@functools.cache
def _char_options() -> tuple[dict[str, tuple[tuple[str, float], ...]], dict[str, tuple[tuple[str, float], ...]],
                              tuple[tuple[str, float], ...]]:
    """The letter repairs the character model may make: {typed letter: ((standard, cost), ...)} at the word
    start and elsewhere, and the letters that may be put back (cost) after any letter: the left-out ە and the
    ێ ۆ و of the fallback rows of ``repair_confusions.tsv``."""
    initial: dict[str, list[tuple[str, float]]] = {}
    other: dict[str, list[tuple[str, float]]] = {}
    inserts: list[tuple[str, float]] = []
    for (typed, standard, position), cost in _confusions().items():
        if not typed:
            if position in ("noninitial", "fallback"):
                inserts.append((standard, cost))
            continue
        for table, fits in ((initial, position in ("initial", "any")), (other, position in ("noninitial", "any"))):
            if fits:
                table.setdefault(typed, []).append((standard, cost))
    freeze = lambda d: {k: tuple(v) for k, v in d.items()}  # noqa: E731
    return freeze(initial), freeze(other), tuple(inserts)


@functools.lru_cache(maxsize=100_000)
def _char_reading(word: str) -> str:
    """The spelling of an unknown word that the character model and the keyboard confusions like best (a
    beam search over the letters), or ``word`` itself unless the best spelling wins by ``charlm_margin`` and
    is one the model would leave as it is (so that a second pass does not go on changing it)."""
    best = _char_search(word)[0]
    return best if best == word or _char_search(best)[0] == best else word


@functools.lru_cache(maxsize=100_000)
def _char_search(word: str) -> tuple[str, float]:
    """(the character model's spelling of ``word``, its score: log probability minus the weighted edit cost);
    ``word`` itself unless the spelling wins by ``charlm_margin``."""
    params = _params()
    if not _TYPED_LETTERS.issuperset(word) or not word:
        return word, -math.inf
    if len(word) < 3:
        return word, _char_score(word)
    order = int(params["charlm_order"])
    for k in range(1, len(word) + 1):  # in order, so that each step finds the one before it cached
        beam = _char_beam(word[:k])
    table = _char_probs()[1]
    finals = [(score + (table.get(text[1 - order:] + "$") or _char_logp(text[1 - order:] + "$")), text[order - 1:])
              for score, text in beam]
    best_score, best = max(finals)
    keep = next((v for v, k in finals if k == word), None)
    if keep is None:
        keep = _char_score(word)
    return (best, best_score) if best_score > keep + params["charlm_margin"] else (word, keep)


@functools.lru_cache(maxsize=100_000)
def _char_beam(typed: str) -> tuple[tuple[float, str], ...]:
    """The beam of the character model's search after the typed letters ``typed``: the best few (score,
    padded spelling). One letter is added to the beam of ``typed[:-1]``, so words and the joins of pieces that
    share a beginning share the work."""
    order, width, initial, other, inserts = _char_search_tables()
    if not typed:
        return ((0.0, "^" * (order - 1)),)
    beam = _char_beam(typed[:-1])
    table = _char_probs()[1]
    slow = _char_logp
    keep_last = 1 - order  # a state keeps its last order - 1 letters as the context of the next one
    t = typed[-1]
    first = len(typed) == 1
    choices = (initial if first else other).get(t) or ((t, 0.0),)
    grown: dict[str, float] = {}
    get = grown.get

    def extend(base: float, prefix: str, floor: float) -> None:
        """Add the typed letter's choices to one state; a path already below ``floor`` is not scored."""
        context = prefix[keep_last:]
        for s, cost in choices:
            value = base - cost
            if value < floor:
                continue
            if len(s) == 1:
                g = context + s
                value += table.get(g) or slow(g)
                out = prefix + s
            else:
                out = prefix
                for ch in s:
                    g = out[keep_last:] + ch
                    out += ch
                    value += table.get(g) or slow(g)
            if value > get(out, -math.inf):
                grown[out] = value

    for base, prefix in beam:
        extend(base, prefix, -math.inf)
    if not first:  # a left-out letter put back before this one: only the best few such starts go on
        # Every term of a path is at most 0 (a log probability, minus a cost), so a start or an extension
        # that is already below the width-th best spelling so far cannot reach the beam: it is not scored.
        # (Leaving out such starts can change which of the best few go on only among starts that are below
        # it too, so the beam is the same.) The starts are scored from the highest bound down, and no further
        # once the bound falls below the width-th best start scored.
        floor = sorted(grown.values(), reverse=True)[width - 1] if len(grown) >= width else -math.inf
        bounds = []
        for score, text in beam:
            last = text[-1]
            for s, cost in inserts:
                if last != s and score - cost >= floor:
                    bounds.append((score - cost, text, s))
        if bounds:
            bounds.sort(reverse=True)
            put_back = []
            best_few: list[float] = []  # the width best scores so far, a min-heap
            for bound, text, s in bounds:
                if len(best_few) == width and bound < best_few[0]:
                    break
                g = text[keep_last:] + s
                value = bound + (table.get(g) or slow(g))
                put_back.append((value, text + s))
                if len(best_few) < width:
                    heapq.heappush(best_few, value)
                elif value > best_few[0]:
                    heapq.heapreplace(best_few, value)
            put_back.sort(reverse=True)
            for base, prefix in put_back[:width]:
                if base < floor:
                    break
                extend(base, prefix, floor)
    if len(grown) <= width:
        return tuple(sorted(zip(grown.values(), grown), reverse=True))
    return tuple(sorted(zip(grown.values(), grown), reverse=True)[:width])


@functools.cache
def _char_search_tables() -> tuple[int, int, dict, dict, tuple]:
    """What every step of the beam reads: the order, the beam width, and the letter repairs of
    :func:`_char_options` with their costs already weighted by ``charlm_channel_weight`` (the typed letter
    itself, at no cost, first in each list)."""
    params = _params()
    weight = params["charlm_channel_weight"]
    initial, other, inserts = _char_options()

    def weighted(options):
        return {t: ((t, 0.0),) + tuple((s, weight * cost) for s, cost in rows) for t, rows in options.items()}

    return (int(params["charlm_order"]), int(params["charlm_beam"]), weighted(initial), weighted(other),
            tuple((s, weight * cost) for s, cost in inserts))


def _char_score(word: str) -> float:
    """log P(word) under the character model, with its start and end."""
    order = int(_params()["charlm_order"])
    padded = "^" * (order - 1) + word + "$"
    table = _char_probs()[1]
    return sum(table.get(padded[i:i + order]) or _char_logp(padded[i:i + order])
               for i in range(len(padded) - order + 1))


def repair_word(word: str, *, sorani_typed: bool = False) -> str:
    """The best standard reading of one typed word (no joins or splits).

    >>> repair_word("خوش"), repair_word("دەستان")
    ('خۆش', 'دەستان')
    """
    require_str(word, "word")
    if not word or len(word) > _params()["max_word_letters"]:
        return word
    return _best(word, sorani_typed)[0]


# ------------------------------------------------------------------------------------------- changes
@dataclass(frozen=True)
class Change:
    """One repair: the typed ``source`` span ``[start, end)`` became ``target``, for ``reason``."""

    start: int
    end: int
    source: str
    target: str
    reason: str


def _analyse(line: str, reasons: bool = True) -> list[Change]:
    """The changes to one line (no newlines), left to right, non-overlapping (without ``reasons``, the word
    repairs carry an empty reason: repair_text does not need them)."""
    params = _params()
    sorani_typed = bool(_SORANI_TYPED.search(line))
    if sorani_typed and _keeps_sorani_line(line):
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(line)]
    changes: list[Change] = []
    slots: list[tuple[int, int, int, str]] = []  # (index in changes, start, end, word) of scored words
    h_words = _h_words()
    stable = _stable_sorani() if sorani_typed else frozenset()
    longest = params["max_word_letters"]
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        if len(word) > longest:
            i += 1
            continue
        lone = len(word) == 1 and (line[end:end + 1] not in ("", " ") or line[start - 1:start] not in ("", " "))
        if line[end:end + 1] == "\u0640" or word in h_words or lone:
            # a tatweel after a word marks an explicit /h/ (هـ) or an abbreviation; real /h/ words stay;
            # a lone letter next to punctuation (a list marker, an initial) only ever joins
            if not lone or sorani_typed:
                i += 1
                continue
        elif sorani_typed:
            # a line typed with a Sorani keyboard: a space after ە is a real word boundary (no joins or
            # splits), and a known word changes only when its reading wins by keep_margin_sorani
            if word in stable:
                i += 1
                continue
            best = _best(word, True)[0]
            if best != word:
                changes.append(Change(start, end, word, best, _reason(word, best) if reasons else ""))
            i += 1
            continue
        # joins: pieces broken by a space after ە (or a lone letter), up to four pieces
        joined = None
        if i + 1 < len(tokens) and not sorani_typed:
            joined = _try_join(line, tokens, i, sorani_typed, params)
        if joined is not None:
            n, target, reason = joined
            j_end = tokens[i + n - 1][1]
            changes.append(Change(start, j_end, line[start:j_end], target, reason))
            i += n
            continue
        if lone:
            i += 1
            continue
        best, score, _keep, valid = _best(word, sorani_typed)
        split = None
        if not valid or best not in _lexicon()[0] or (word.endswith("و") and not word.endswith("وو")):
            split = _split(word, sorani_typed)  # unknown, or maybe a word with the conjunction و glued on
        if split is not None and split[1] > score:
            changes.append(Change(start, end, word, split[0], "split merged words"))
        else:
            if not valid and params["charlm_margin"] < 50:
                best = _char_reading(word)  # no lexicon reading: the character model spells it
            slots.append((len(changes), start, end, word))
            changes.append(Change(start, end, word, best, ""))
        i += 1
    if slots and params["bigram_weight"] > 0:
        _choose_in_context(line, slots, changes, params["bigram_weight"])
    if not reasons:
        return [c for c in changes if c.source != c.target]
    return [c if c.reason else Change(c.start, c.end, c.source, c.target, _reason(c.source, c.target))
            for c in changes if c.source != c.target]


def _keeps_sorani_line(line: str) -> bool:
    """Whether a Sorani-typed line comes through unchanged: on such a line each word is read on its own (no
    joins, splits or context), so the line stays when every word is stable (one set difference) or reads as
    itself."""
    unsure = set(_WORD.findall(line)).difference(_stable_sorani())
    return all(_best(word, True)[0] == word for word in unsure)


def _choose_in_context(line: str, slots: list, changes: list[Change], weight: float) -> None:
    """Re-choose the readings of the scored words of a line with a bigram bonus between neighbours that
    only a space separates (Viterbi over each word's few best readings)."""
    run: list = []
    for slot in slots + [None]:
        if slot is not None and run and line[run[-1][2]:slot[1]] == " ":
            run.append(slot)
            continue
        if len(run) > 1:
            _viterbi(run, changes, weight)
        run = [slot] if slot is not None else []


@functools.cache
def _bigram_words() -> frozenset[str]:
    """The words that occur in some pair of the bigram table."""
    return frozenset(w for pair in _bigrams() for w in pair)


def _may_pair(word: str, target: str) -> bool:
    """Whether any reading of ``word`` can take a bigram bonus (else the context cannot change its reading)."""
    paired = _bigram_words()
    return word in paired or target in paired or any(c in paired for c in _index().get(lookup_key(word), ())[:8])


def _viterbi(run: list, changes: list[Change], weight: float) -> None:
    pairs = [_may_pair(word, changes[index].target) for index, _, _, word in run]
    if sum(pairs) < 2:
        return  # fewer than two words that any bigram could link: nothing to re-choose
    lattice = [_options(word) if paired else ((changes[index].target, 0.0),)
               for paired, (index, _, _, word) in zip(pairs, run)]
    scores = [score for _, score in lattice[0]]
    back: list[list[int]] = []
    for position in range(1, len(run)):
        new_scores, pointers = [], []
        for reading, score in lattice[position]:
            best_k, best_total = 0, float("-inf")
            for k, (previous, _) in enumerate(lattice[position - 1]):
                total = scores[k] + weight * _bigram_gain(previous, reading)
                if total > best_total:
                    best_k, best_total = k, total
            new_scores.append(best_total + score)
            pointers.append(best_k)
        scores = new_scores
        back.append(pointers)
    k = max(range(len(scores)), key=scores.__getitem__)
    for position in range(len(run) - 1, -1, -1):
        index = run[position][0]
        reading = lattice[position][k][0]
        c = changes[index]
        if reading != c.target:
            changes[index] = Change(c.start, c.end, c.source, reading, "")
        if position:
            k = back[position - 1][k]


@functools.lru_cache(maxsize=100_000)
def _options(word: str) -> tuple[tuple[str, float], ...]:
    """The few best readings of a word on a non-Sorani-typed line, with their scores (the typed word
    itself carries the keep margin when the lexicon knows it), best first."""
    params = _params()
    best, best_score, keep, valid = _best(word, False)
    count = _lexicon()[0].get(word, 0)
    if not valid and params["charlm_margin"] < 50 and _char_reading(word) != word:
        best, best_score = _char_reading(word), keep + 0.01  # the character model's spelling, just ahead
    options = {best: best_score}
    options[word] = max(options.get(word, float("-inf")),
                        keep + (params["keep_margin"] if count >= params["min_known_count"] else 0.0))
    window = params["context_window"]
    weight = params["channel_weight"]
    for cand in _index().get(lookup_key(word), ())[:8]:
        if cand in options:
            continue
        logp = _logp(cand)
        if logp < best_score - window:
            break
        score = logp - weight * _cost(word, cand)
        if score >= best_score - window:
            options[cand] = score
    ranked = sorted(options.items(), key=lambda kv: -kv[1])
    return tuple(ranked[:4])


def _join_bound(joined: str) -> float:
    """An upper bound on the score of any lexicon reading of ``joined``: the most frequent word under its
    lookup key or its fallback key (-inf if neither key is known)."""
    top = _index().get(lookup_key(joined))
    fallback = _fallback_index().get(fallback_key(joined))
    logps = _logps()[0]
    bound = max(logps[top[0]] if top else -math.inf, logps[fallback[0]] if fallback else -math.inf)
    return bound


@functools.lru_cache(maxsize=100_000)
def _inflected_bound(word: str, depth: int) -> float:
    """An upper bound on the score of a stem-plus-suffixes reading of ``word`` (see :func:`_stem_suffix_readings`):
    the most frequent lexicon word under the key of any stem left by cutting off suffixes (-inf if none)."""
    index, logps = _index(), _logps()[0]
    penalty = _params()["suffix_penalty"]
    bound = -math.inf
    for k, _ in _suffix_cuts(word):
        head = word[:k]
        top = index.get(lookup_key(head))
        if top is not None:
            bound = max(bound, logps[top[0]] - penalty)
        if depth > 1 and len(head) > 3:
            bound = max(bound, _inflected_bound(head, depth - 1) - penalty)
    return bound


def _try_join(line, tokens, i, sorani_typed, params):
    """(pieces, joined word, reason) if joining tokens i.. into one known word beats keeping them apart."""
    counts, log_total = _lexicon()
    first = tokens[i][2]
    if not (first.endswith("ە") or len(first) == 1):
        return None
    pieces = [first]
    previous, separate, _, _ = _best(first, sorani_typed)
    best = None
    for n in range(2, int(params["max_join_pieces"]) + 1):
        if i + n - 1 >= len(tokens):
            break
        s, _, w = tokens[i + n - 1]
        if line[tokens[i + n - 2][1]:s] != " ":
            break
        reading, score, _, _ = _best(w, sorani_typed)
        separate += score - log_total + _bigram_gain(previous, reading)
        previous = reading
        # the standard tier turned the initial ر of a later piece into ڕ; inside a word it is plain ر
        pieces.append("ر" + w[1:] if w.startswith("ڕ") else w)
        joined = "".join(pieces)
        suffix_pieces = all(_suffix_key(p) in _suffixes() for p in pieces[1:])
        if (not suffix_pieces and _join_bound(joined) - params["join_penalty"] <= separate
                and _inflected_bound(joined, 2) - params["join_penalty"] <= separate):
            score = None  # no reading of the joined word can be a lexicon word that wins (a cheap test first)
        else:
            cand, score, _, valid = _best(joined, sorani_typed)
            if cand in counts:
                score -= params["join_penalty"]
            elif valid and suffix_pieces:
                score -= params["suffix_join_penalty"]  # a stem and its suffix typed apart: کورە کان
            elif valid and cand != joined:
                score -= params["join_penalty"] + params["inflected_join_penalty"]  # known stem + suffixes
            else:
                score = None
        if score is not None and score > separate and (best is None or score > best[2]):
            best = (n, cand, score)
        if not (w.endswith("ە") or len(w) == 1):
            break
    if best is None and len(pieces) > 1 and params["charlm_join_penalty"] < 50:
        return _char_join(tokens, i, pieces, sorani_typed, params)
    return None if best is None else (best[0], best[1], "join a word broken by a space")


def _char_join(tokens, i, pieces, sorani_typed, params):
    """(pieces, joined word, reason) when some piece has no lexicon reading and the character model spells the
    joined word better than the pieces one by one (by ``charlm_join_penalty``), or None."""
    if all(_best(tokens[i + k][2], sorani_typed)[3] for k in range(len(pieces))):
        return None  # the lexicon reads every piece: it is sure enough of the spaces
    best, margin = None, params["charlm_join_penalty"]
    separate = _char_search(pieces[0])[1]
    for n in range(2, len(pieces) + 1):
        separate += _char_search(pieces[n - 1])[1]
        joined = "".join(pieces[:n])
        score = _char_score(joined)
        if len(joined) >= 3 and _TYPED_LETTERS.issuperset(joined):
            # Every term of a spelling is at most 0, so the search's spelling of the joined word scores at most
            # the best of its beam after any prefix, and its typed spelling scores ``score``: the search stops
            # as soon as neither can win (and the check that the model keeps its spelling runs only for a win)
            top = _char_beam(joined[:len(joined) - len(pieces[n - 1])])[0][0]
            for k in range(len(joined) - len(pieces[n - 1]) + 1, len(joined) + 1):
                if top - separate <= margin:
                    break
                top = _char_beam(joined[:k])[0][0]
            if max(top, score) - separate <= margin:
                continue
            found, found_score = _char_search(joined)
            if found != joined and found_score - separate > margin and _char_reading(joined) != joined:
                reading, value = found, found_score
            else:
                reading, value = joined, score
        else:
            reading, value = joined, score  # the search keeps such a word as it is
        if value - separate > margin:
            best, margin = (n, reading), value - separate
    return None if best is None else (best[0], best[1], "join a word broken by a space (character model)")


@functools.lru_cache(maxsize=100_000)
def _split(word: str, sorani_typed: bool):
    """(two words, score) for a merged token, or None."""
    if len(word) < 3:
        return None
    params = _params()
    best = None
    index = _index()
    logps = _logps()[0]
    # a split must beat reading the word whole; the most frequent word under each part's key bounds its score
    bar = _best(word, sorani_typed)[1] + _lexicon()[1] + params["split_penalty"]
    for k in range(1, len(word)):
        left, right = word[:k], word[k:]
        top_left = index.get(lookup_key(left))
        if top_left is None:
            continue
        top_right = index.get(lookup_key(right))
        if top_right is None or logps[top_left[0]] + logps[top_right[0]] <= bar:
            continue
        a, sa, _, valid = _scan(left, sorani_typed)
        if not valid:
            continue
        b, sb, _, valid = _scan(right, sorani_typed)
        if not valid:
            continue
        score = sa + sb - _lexicon()[1] - params["split_penalty"]
        if best is None or score > best[1]:
            best = (a + " " + b, score)
            bar = max(bar, sa + sb)
    return best


def _reason(word: str, best: str) -> str:
    """Which letters changed, e.g. ``ی→ێ, +ە``, and whether the reading is a lexicon word."""
    edits = []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, word, best, autojunk=False).get_opcodes():
        if op == "replace":
            edits.append(f"{word[a0:a1]}→{best[b0:b1]}")
        elif op == "insert":
            edits.append(f"+{best[b0:b1]}")
        elif op == "delete":
            edits.append(f"-{word[a0:a1]}")
    if best in _lexicon()[0]:
        kind = "of a known word"
    elif best == _char_reading(word) and best not in (_best(word, False)[0], _best(word, True)[0]):
        kind = "of an unknown word, by the character model"
    else:
        kind = "of a known stem + suffix"
    return f"keyboard spelling ({', '.join(edits)}) {kind}, cost {channel_cost(word, best)}"


# ---------------------------------------------------------------------------------------------- API
def explain(text: str) -> list[Change]:
    """Every change :func:`repair_normalized` makes to ``text``, with offsets into ``text`` and a reason.
    ``text`` should already be normalized with the standard tier (``sorani.normalize(text)``), so that the
    offsets are those of the text the repairs apply to.

    >>> [(c.source, c.target) for c in explain("خوش بیت")]
    [('خوش', 'خۆش'), ('بیت', 'بێت')]
    """
    require_str(text)
    out: list[Change] = []
    offset = 0
    for line in text.split("\n"):
        for c in _analyse(line):
            out.append(Change(c.start + offset, c.end + offset, c.source, c.target, c.reason))
        offset += len(line) + 1
    return out


@functools.lru_cache(maxsize=4096)
def _repair_line(line: str) -> str:
    """One line repaired to a fixed point, so that repairing the result changes nothing (idempotence).

    A repair can make a line look Sorani-typed, or turn two pieces into one word, so a second pass may
    see the line differently; the passes are repeated until nothing changes. In the rare case that this
    does not settle within ``max_passes``, the line is left as it came (still idempotent)."""
    current = line
    for _ in range(int(_params()["max_passes"])):
        repaired = _repair_once(current)
        if repaired == current:
            return current
        current = repaired
    return line


def _repair_once(line: str) -> str:
    changes = _analyse(line, reasons=False)
    if not changes:
        return line
    return normalize(_apply(line, changes))


def _apply(line: str, changes: list[Change]) -> str:
    pieces, position = [], 0
    for c in changes:
        pieces.append(line[position:c.start])
        pieces.append(c.target)
        position = c.end
    pieces.append(line[position:])
    return "".join(pieces)


def repair_text(text: str) -> str:
    """Restore Sorani typed with Arabic or Persian keyboard conventions. The text goes through the standard
    tier first (ك → ک, ه‌ → ە …), so this is ``normalize(text, tier="repair")`` with the default options.

    >>> repair_text("زور سوپاس بو ئیوە"), repair_text("له كه ل")
    ('زۆر سوپاس بۆ ئێوە', 'لەگەڵ')
    """
    require_str(text)
    return repair_normalized(_standard()(text))


@functools.cache
def _standard():
    from .normalizer import Normalizer

    return Normalizer("standard")


def repair_normalized(text: str) -> str:
    """The repair pass alone, on text already normalized with the standard tier (the repair tier of
    ``sorani.Normalizer`` runs it after its own standard steps, with the caller's options)."""
    require_str(text)
    if "\n" not in text:
        return _repair_line(text)
    return "\n".join(_repair_line(line) for line in text.split("\n"))
