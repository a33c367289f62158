"""The per-document stages: decode, language ID, normalization, quality signals and filters, and the keys
that deduplication needs (an exact hash and a MinHash signature). ``process`` runs them all on one document
and is a picklable module-level function, so the local and the Dask engines run exactly the same code."""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
import operator
import re
import zlib
from collections import Counter

from .. import alphabet
from .._version import RULES_VERSION
from .config import Config
from .io import Document

_WORDS = re.compile(r"[^\W\d_]+(?:\u200c[^\W\d_]+)*")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    """``_WORDS.findall(text)``; without a ZWNJ (as in normalized text) the words are the letter runs, which
    the simpler pattern finds faster."""
    return (_WORDS if "\u200c" in text else _LETTER_RUNS).findall(text)

_LETTER = re.compile(r"[^\W\d_]")


def _both_words(text: str) -> tuple[list[str], list[str]]:
    """(``_words(text)``, ``_words(strip_non_language(text))``): the words of a normalized document for
    deduplication, and those of its language for the quality signals. Where no link, handle, hashtag or
    placeholder (``USER_ID``) touches a letter outside it and the text has no ZWNJ (most texts), both come
    from one pass: the words between those tokens, and the words inside them, which the second list leaves
    out (no word can cross a token's edge)."""
    strip_non_language, non_language_spans, _ = _signal_tools()
    spans = non_language_spans(text)
    if not spans:
        words = _words(text)
        return words, words
    letter = _LETTER.match
    if "\u200c" in text or any((start and letter(text, start - 1) and letter(text, start))
                                or (letter(text, end - 1) and letter(text, end)) for start, end in spans):
        return _words(text), _words(strip_non_language(text))
    find = _LETTER_RUNS.findall
    words, language, last = [], [], 0
    for start, end in spans:
        between = find(text, last, start)
        words += between
        language += between
        words += find(text, start, end)
        last = end
    between = find(text, last)
    return words + between, language + between


_SYMBOLS = re.compile(r"[^\w\s]")
# ``\bURL\b``, with the boundary before U written as a look-behind after it, so that every branch starts
# with a literal character and the regex engine can skip to those
_URLS = re.compile(r"(?:https?://|www\.)\S+|U(?<!\wU)RL\b")
_EMAILS = re.compile(r"\S+@\S+\.\w+")
_LANGID_SAMPLE = 400  # characters per sample; a long document is judged on a sample from its start and middle


@functools.lru_cache(maxsize=1)
def available() -> dict[str, bool]:
    """Which optional stages this version of sorani can run (found once per process)."""
    import sorani

    return {
        "legacy": hasattr(sorani, "decode_legacy") and hasattr(sorani, "detect_legacy"),
        "langid": hasattr(sorani, "identify"),
        "repair": _repair_available(),
        "morphology": hasattr(sorani, "analyze"),
    }


def _repair_available() -> bool:
    try:
        from ..repair import repair_text  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=8)
def _normalizer(tier: str, digits: str):
    from ..normalizer import Normalizer

    return Normalizer(tier, digits=digits)


@functools.lru_cache(maxsize=1 << 12)
def _identify(sample: str):
    """``identify`` with a bounded cache, for the samples that ``shard_languages`` did not judge (a text
    decoded from a legacy font, a document processed alone): reposted texts are judged once. The
    predictions are only read, never changed."""
    from ..langid import identify

    return identify(sample)


def _samples(text: str) -> list[str]:
    """What language ID reads of a document: its start, and its middle if it is long."""
    middle = len(text) // 2
    start = [text[:_LANGID_SAMPLE]]
    return start + [text[middle : middle + _LANGID_SAMPLE]] if middle > _LANGID_SAMPLE else start


def shard_languages(documents: list[Document], config: Config) -> dict:
    """sample -> language prediction (its ``label`` and ``score``), for the samples of a shard's documents
    (each distinct one once), computed together (``langid.identify_many``: the same labels and scores as
    ``identify``, faster for a batch; without the scores of the other labels, which the stage does not
    read). ``process_document`` reads them here; a document whose text changes before language ID (a
    legacy font decoded) has samples not found here and is identified alone."""
    lid = config.langid
    if not (lid.enabled and available()["langid"]):
        return {}
    from ..langid import _best_many, words

    enough = _enough_letters(lid.min_letters).match
    samples = list(dict.fromkeys(sample for doc in documents if not doc.error and enough(doc.text, 0, 2000)
                                 for sample in _samples(doc.text)))
    return dict(zip(samples, _best_many([words(sample) for sample in samples])))


@functools.lru_cache(maxsize=16)
def _enough_letters(count: int) -> re.Pattern:
    """A pattern that matches at the start of a text with at least ``count`` letters (and stops there)."""
    return re.compile(r"(?:[\W\d_]*[^\W\d_]){%d}" % count)


@functools.lru_cache(maxsize=1)
def _legacy():
    from ..legacy import decode_legacy, detect_legacy

    return detect_legacy, decode_legacy


def clear_caches() -> None:
    """Forget the cached language predictions and word sums, so that a build starts as a fresh process
    would (a second build of the same corpus in one process would otherwise find them all cached)."""
    _identify.cache_clear()
    if available()["langid"]:
        from .. import _langid_batch, langid

        langid._PREFETCHED.clear()
        _langid_batch.FIELD_CACHE.clear()
        langid._word_sum.cache_clear()


def _reject(record: dict, stage: str, reason: str) -> dict:
    record.update(status="rejected", stage=stage, reason=f"{stage}:{reason}")
    return record


def process(doc: Document, config: Config) -> dict:
    """Run every per-document stage; the result says whether the document goes on to deduplication."""
    record, words = process_document(doc, config)
    if words is not None:
        d = config.dedup
        # kept packed and base64-encoded: 128 numbers as JSON would be larger than most documents
        signature = shard_signatures([words], d.shingle, d.num_perm, d.seed)[0]
        record["minhash"] = base64.b64encode(signature.tobytes()).decode()
    return record


def process_document(doc: Document, config: Config,
                     languages: dict | None = None) -> tuple[dict, list[str] | None]:
    """The per-document stages, without the MinHash: (record, the words to shingle, or None when the
    document needs no signature). The signatures of a whole shard are made at once (``shard_signatures``),
    and so are its language predictions (``languages``, from ``shard_languages``; optional).

    Order of the stages: legacy decoding, normalization and the quality signals of the whole document,
    the word-count rule (a document too short to keep is not worth identifying, and choosing sentences
    can only shorten it), language ID, then the other quality rules on what language ID kept."""
    record = {"id": doc.id, "order": doc.order, "source": doc.source, "raw": doc.text, "text": doc.text,
              "status": "ok", "stage": "", "reason": "", "lang": "", "lang_score": 0.0, "legacy": "",
              "signals": {}, "hash": "", "minhash": None, "rules_version": RULES_VERSION}
    if doc.error:
        return _reject(record, "read", doc.error), None
    text = doc.text
    if not text.strip():
        return _reject(record, "read", "empty"), None
    can = available()
    if can["legacy"]:
        detect_legacy, decode_legacy = _legacy()
        font = detect_legacy(text)
        if font:
            text = decode_legacy(text, font=font)
            record["legacy"] = font
    normalize = _normalizer(config.normalize.tier, config.normalize.digits)
    normalized = normalize(text)
    words, language = _both_words(normalized)
    signals = _signals(normalized, language)
    q = config.quality
    if q.enabled and signals["words"] < q.min_words:
        record["text"], record["signals"] = normalized, signals
        return _reject(record, "quality", f"words={signals['words']}"), None
    lid = config.langid
    if lid.enabled and can["langid"] and _enough_letters(lid.min_letters).match(text, 0, 2000):
        kept, rejected = _language(text, record, config, languages or {})
        if rejected:
            return record, None
        if kept is not text:  # a mixed document: its sentences in a kept language
            normalized = normalize(kept)
            words, language = _both_words(normalized)
            signals = _signals(normalized, language)
    record["text"], record["signals"] = normalized, signals
    if q.enabled:
        failure = quality_failure(signals, config)
        if failure:
            return _reject(record, "quality", failure), None
    # the same text for dedup: the same normalized words, whatever the punctuation and spacing
    record["hash"] = hashlib.sha1(" ".join(words).encode()).hexdigest()
    _annotate(record, normalized, config)
    return record, (words if config.dedup.near else None)


_SCORE = operator.attrgetter("score")


def _language(text: str, record: dict, config: Config, languages: dict) -> tuple[str, bool]:
    keep = set(config.langid.keep)
    predictions = [languages[s] if s in languages else _identify(s) for s in _samples(text)]
    judged = [p for p in predictions if p.label != "und"]
    labels = {p.label for p in judged}
    best = max(predictions, key=_SCORE)
    record["lang"], record["lang_score"] = best.label, best.score
    if labels and labels <= keep and min(map(_SCORE, judged)) >= config.langid.min_score:
        return text, False
    if config.langid.per_sentence and labels & keep:
        from ..langid import identify_spans

        spans = identify_spans(text)
        kept = [text[s.start : s.end] for s in spans if s.label in keep and s.score >= config.langid.min_score]
        share = _letter_count("".join(kept)) / max(1, _letter_count(text))
        if kept and share >= config.langid.min_kept_share:
            record["lang"] = next(iter(keep))
            record["lang_mixed_kept_share"] = round(share, 3)
            return "\n".join(kept), False
    if not labels:
        _reject(record, "lang", "und")
    elif labels <= keep:
        _reject(record, "lang", f"{best.label} {best.score:.2f} below {config.langid.min_score}")
    else:
        other = max((p for p in predictions if p.label not in keep), key=_SCORE)
        _reject(record, "lang", f"{other.label} {other.score:.2f}")
    return text, True


def _letter_count(text: str) -> int:
    return sum(map(len, _LETTER_RUNS.findall(text)))


# Characters at which str.splitlines breaks a line.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_NOT_KURDISH_RUNS = re.compile("[^" + "".join(alphabet.ALPHABET) + "]+")


@functools.lru_cache(maxsize=1)
def _signal_tools():
    """What the quality signals use from the rest of sorani, imported once (not on every document)."""
    from ..langid import non_language_spans, strip_non_language
    from ..stoplists import stopwords

    return strip_non_language, non_language_spans, stopwords("corpus")


def quality_signals(text: str, *, words: list[str] | None = None) -> dict[str, float]:
    """Sorani-aware quality signals of a normalized document. Links, handles, hashtags and placeholders
    (``USER_ID``) are not words of the text's language: only the URL ratio sees them. ``words``: the
    document's words, if already found (used when it has none of those)."""
    language = _signal_tools()[0](text)
    return _signals(text, words if words is not None and language is text else _words(language))


_ALWAYS_REPEATS = 500  # word pairs from which the bigrams are counted without first testing for a repeat


def _signals(text: str, words: list[str]) -> dict[str, float]:
    """``quality_signals`` of a normalized text from the words of its language (``_both_words``)."""
    stop = _signal_tools()[2]
    n_words = len(words)
    # The words hold every letter of the text (and the ZWNJs between the letters of a word, which are no
    # letters): the letter counts come from one string of the words, not from more passes over the text.
    joined = "".join(words)
    letters = len(joined) - joined.count("\u200c")
    kurdish = len(joined) - sum(map(len, _NOT_KURDISH_RUNS.findall(joined)))  # ZWNJ is no Kurdish letter
    if _LINE_BREAKS.search(text):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        repeated = sum(c - 1 for c in Counter(lines).values()) / max(1, len(lines))
    else:
        repeated = 0.0  # one line
    pairs = max(0, n_words - 1)
    # most short texts repeat no bigram: a set says so faster than counting them; a long text (a book
    # chapter) always repeats one, and is counted at once
    repeats = pairs > _ALWAYS_REPEATS or len(set(zip(words, words[1:]))) < pairs
    top_bigram = max(Counter(zip(words, words[1:])).values()) if repeats else min(1, pairs)
    chars = max(1, len(text) - text.count(" ") - text.count("\n"))
    return {
        "words": n_words,
        "kurdish_letter_ratio": round(kurdish / max(1, letters), 4),
        "stopword_ratio": round(sum(map(stop.__contains__, words)) / max(1, n_words), 4),
        "mean_word_length": round(len(joined) / max(1, n_words), 3),
        "repeated_line_ratio": round(repeated, 4),
        "top_bigram_ratio": round(top_bigram * 2 / max(1, n_words), 4),
        "symbol_ratio": round(len(_SYMBOLS.findall(text)) / chars, 4),
        "url_ratio": round(_count_urls(text) / max(1, n_words), 4),
    }


def _count_urls(text: str) -> int:
    """Links and e-mail addresses. The e-mail pattern scans every position, so it runs only on texts with
    an @, and outside the links (a link may hold an @)."""
    has_links = "://" in text or "www." in text or "URL" in text
    count = len(_URLS.findall(text)) if has_links else 0
    if "@" in text:
        count += len(_EMAILS.findall(_URLS.sub(" ", text) if has_links else text))
    return count


def quality_failure(signals: dict[str, float], config: Config) -> str:
    """The first quality rule the signals break, as ``name=value``, or an empty string."""
    q = config.quality
    checks = (
        ("words", signals["words"] < q.min_words),
        ("kurdish_letter_ratio", signals["kurdish_letter_ratio"] < q.min_kurdish_letter_ratio),
        ("stopword_ratio", signals["stopword_ratio"] < q.min_stopword_ratio and signals["words"] >= q.prose_min_words),
        ("mean_word_length", not q.min_mean_word_length <= signals["mean_word_length"] <= q.max_mean_word_length),
        ("repeated_line_ratio", signals["repeated_line_ratio"] > q.max_repeated_line_ratio),
        ("top_bigram_ratio", signals["top_bigram_ratio"] > q.max_top_bigram_ratio and signals["words"] >= q.prose_min_words),
        ("symbol_ratio", signals["symbol_ratio"] > q.max_symbol_ratio),
        ("url_ratio", signals["url_ratio"] > q.max_url_ratio),
    )
    for name, failed in checks:
        if failed:
            return f"{name}={signals[name]}"
    return ""


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int):
    """The (a, b) uint32 arrays of datasketch's 32-bit affine permutations (``scheme="affine32"``, datasketch
    2.0 and later), drawn as datasketch draws them: ``a`` odd, from ``numpy.random.RandomState(seed)``. Drawn
    here rather than by datasketch, whose import (it loads scipy) costs about a second in every worker; a
    test checks them against datasketch's."""
    import numpy as np

    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_SHINGLE_MULTIPLIER = 0x9E3779B1  # odd, so that combining word hashes keeps their order
_MINHASH_ROWS = 8192  # shingles per block of the signature computation (8192 x 128 uint32: 4 MB)


def shingle_hashes(words: list[str], k: int):
    """32-bit hashes of the distinct k-word shingles of a text's words (a numpy array). Each distinct word is
    hashed once (CRC-32 of its UTF-8); a shingle's hash combines its words' hashes in order. The MinHash
    mixes every input with the MurmurHash3 finalizer before the permutations, so this cheap combination
    is safe to feed it."""
    import numpy as np

    words = words or [""]
    table = {word: zlib.crc32(word.encode()) for word in set(words)}
    hashes = np.fromiter(map(table.__getitem__, words), dtype=np.uint64, count=len(words))
    count = max(1, len(words) - k + 1)
    combined = hashes[:count].copy()
    for offset in range(1, min(k, len(words))):
        combined = (combined * _SHINGLE_MULTIPLIER + hashes[offset : offset + count]) & 0xFFFFFFFF
    return np.unique(combined.astype(np.uint32))


def _word_hashes(word_lists: list[list[str]]):
    """The CRC-32 of the UTF-8 of every word of the documents, in order (uint64), and the number of words
    of each document (an empty one counts as one empty word). Each distinct word is hashed once: pyarrow's
    dictionary encoding finds them."""
    import numpy as np
    import pyarrow as pa

    flat = list(itertools.chain.from_iterable(words or [""] for words in word_lists))
    lengths = np.fromiter((max(1, len(words)) for words in word_lists), dtype=np.int64, count=len(word_lists))
    encoded = pa.array(flat, pa.string()).dictionary_encode()
    distinct = encoded.dictionary.to_pylist()
    table = np.fromiter((zlib.crc32(w.encode()) for w in distinct), dtype=np.uint64, count=len(distinct))
    return table[encoded.indices.to_numpy(zero_copy_only=False)], lengths


def shard_signatures(word_lists: list[list[str]], k: int, num_perm: int, seed: int):
    """The MinHash signatures of many documents from their words (one uint32 row per document): the same
    values as ``minhash_signatures`` of each document's ``shingle_hashes``, with the shingles of all the
    documents made in a few numpy operations instead of a few per document."""
    import numpy as np

    hashes, lengths = _word_hashes(word_lists)
    counts = np.maximum(1, lengths - k + 1)  # shingles per document (a short one has one, of all its words)
    owner = np.repeat(np.arange(len(word_lists)), counts)
    first = np.cumsum(counts) - counts
    position = np.arange(int(counts.sum())) - first[owner] + (np.cumsum(lengths) - lengths)[owner]
    combined = hashes[position]
    for offset in range(1, k):
        has_word = offset < lengths[owner]
        following = hashes[np.minimum(position + offset, len(hashes) - 1)]
        combined = np.where(has_word, (combined * _SHINGLE_MULTIPLIER + following) & 0xFFFFFFFF, combined)
    # A repeated shingle cannot change a minimum: no need to find the distinct ones (numpy's unique took
    # longer than the permutations it saves).
    return _signatures(combined.astype(np.uint32), owner, len(word_lists), num_perm, seed)


def minhash_signatures(shingles: list, num_perm: int, seed: int):
    """MinHash signatures (uint32 array, one row per document) of many documents' shingle hashes at once:
    exactly datasketch's ``MinHash(num_perm, seed, scheme="affine32", hashfunc=int).update_batch(hashes)``
    (the 32-bit MurmurHash3 finalizer, then ``a * h + b`` mod 2**32, then the minimum per permutation).
    Every document needs at least one shingle."""
    import numpy as np

    lengths = np.fromiter(map(len, shingles), dtype=np.int64, count=len(shingles))
    if not lengths.all():
        raise ValueError("every document needs at least one shingle")
    hashes = np.concatenate(shingles).astype(np.uint32) if shingles else np.zeros(0, np.uint32)
    return _signatures(hashes, np.repeat(np.arange(len(shingles)), lengths), len(shingles), num_perm, seed)


def _signatures(hashes, owner, documents: int, num_perm: int, seed: int):
    """The signatures of ``documents`` documents from their shingle hashes (uint32) and the document of
    each (non-decreasing), for blocks of ``_MINHASH_ROWS`` shingles with one numpy expression per block
    instead of a MinHash object per document."""
    import numpy as np

    a, b = _permutations(num_perm, seed)
    # one row per permutation and one column per shingle: the minimum over a document's shingles is then
    # taken along rows (contiguous memory), which numpy's reduceat does several times faster than down columns
    a, b = a[:, None], b[:, None]
    result = np.full((num_perm, documents), 0xFFFFFFFF, dtype=np.uint32)
    hashes = hashes.copy()
    hashes ^= hashes >> np.uint32(16)  # the MurmurHash3 32-bit finalizer, as datasketch applies it
    hashes *= np.uint32(0x85EBCA6B)
    hashes ^= hashes >> np.uint32(13)
    hashes *= np.uint32(0xC2B2AE35)
    hashes ^= hashes >> np.uint32(16)
    buffer = np.empty((num_perm, min(_MINHASH_ROWS, len(hashes))), dtype=np.uint32)  # reused by every block
    for lo in range(0, len(hashes), _MINHASH_ROWS):
        columns_of_block = hashes[lo : lo + _MINHASH_ROWS]
        block = buffer[:, : len(columns_of_block)]
        np.multiply(a, columns_of_block, out=block)  # uint32 arithmetic wraps: mod 2**32
        np.add(block, b, out=block)
        docs = owner[lo : lo + _MINHASH_ROWS]
        starts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
        columns = docs[starts]
        result[:, columns] = np.minimum(result[:, columns], np.minimum.reduceat(block, starts, axis=1))
    return np.ascontiguousarray(result.T)


def minhash_signature(text: str, config: Config, *, words: list[str] | None = None) -> list[int]:
    """A MinHash (datasketch's, 32-bit affine permutations) over the normalized word shingles of the text."""
    d = config.dedup
    return shard_signatures([_WORDS.findall(text) if words is None else words], d.shingle, d.num_perm,
                            d.seed)[0].tolist()


def _annotate(record: dict, text: str, config: Config) -> None:
    a = config.annotate
    record["word_count"] = record["signals"].get("words", 0)
    if a.tokens:
        from ..tokenizer import _token_re

        record["token_count"] = len(_token_re().findall(text))
    if a.sentences:
        from ..tokenizer import sentence_spans

        record["sentence_spans"] = [list(span) for span in sentence_spans(text)]
    if a.morphology and available()["morphology"]:
        import sorani

        record["lemmas"] = [sorani.lemmatize(w) for w in _WORDS.findall(text)]
