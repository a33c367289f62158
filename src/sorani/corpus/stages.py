"""The per-document stages: decode, language ID, normalization, quality signals and filters, and the keys
that deduplication needs (an exact hash and a MinHash signature). ``process`` runs them all on one document
and is a picklable module-level function, so the local and the Dask engines run exactly the same code."""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from collections import Counter

from .. import alphabet
from .._version import RULES_VERSION
from .config import Config
from .io import Document

_WORDS = re.compile(r"[^\W\d_]+(?:\u200c[^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]")
_KURDISH = re.compile("[" + "".join(alphabet.ALPHABET) + "]")
_SYMBOLS = re.compile(r"[^\w\s]")
_URLS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\bURL\b")
_LANGID_SAMPLE = 400  # characters per sample; a long document is judged on a sample from its start and middle


def available() -> dict[str, bool]:
    """Which optional stages this version of sorani can run."""
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


def _reject(record: dict, stage: str, reason: str) -> dict:
    record.update(status="rejected", stage=stage, reason=f"{stage}:{reason}")
    return record


def process(doc: Document, config: Config) -> dict:
    """Run every per-document stage; the result says whether the document goes on to deduplication."""
    record = {"id": doc.id, "order": doc.order, "source": doc.source, "raw": doc.text, "text": doc.text,
              "status": "ok", "stage": "", "reason": "", "lang": "", "lang_score": 0.0, "legacy": "",
              "signals": {}, "hash": "", "minhash": None, "rules_version": RULES_VERSION}
    if doc.error:
        return _reject(record, "read", doc.error)
    if not doc.text.strip():
        return _reject(record, "read", "empty")
    can = available()
    text = doc.text
    if can["legacy"]:
        import sorani

        font = sorani.detect_legacy(text)
        if font:
            text = sorani.decode_legacy(text, font)
            record["legacy"] = font
    if config.langid.enabled and can["langid"] and len(_LETTERS.findall(text, 0, 2000)) >= config.langid.min_letters:
        text, rejected = _language(text, record, config)
        if rejected:
            return record
    text = _normalizer(config.normalize.tier, config.normalize.digits)(text)
    record["text"] = text
    signals = quality_signals(text)
    record["signals"] = signals
    if config.quality.enabled:
        failure = quality_failure(signals, config)
        if failure:
            return _reject(record, "quality", failure)
    record["hash"] = hashlib.sha1(_dedup_key(text).encode()).hexdigest()
    if config.dedup.near:
        record["minhash"] = minhash_signature(text, config)
    _annotate(record, text, config)
    return record


def _language(text: str, record: dict, config: Config) -> tuple[str, bool]:
    from ..langid import identify, identify_spans

    keep = set(config.langid.keep)
    middle = len(text) // 2
    samples = [text[:_LANGID_SAMPLE]] + ([text[middle : middle + _LANGID_SAMPLE]] if middle > _LANGID_SAMPLE else [])
    predictions = [identify(sample) for sample in samples]
    labels = {p.label for p in predictions if p.label != "und"}
    best = max(predictions, key=lambda p: p.score)
    record["lang"], record["lang_score"] = best.label, best.score
    if labels and labels <= keep and min(p.score for p in predictions if p.label != "und") >= config.langid.min_score:
        return text, False
    if config.langid.per_sentence and labels & keep:
        spans = identify_spans(text)
        kept = [text[s.start : s.end] for s in spans if s.label in keep and s.score >= config.langid.min_score]
        share = sum(len(_LETTERS.findall(k)) for k in kept) / max(1, len(_LETTERS.findall(text)))
        if kept and share >= config.langid.min_kept_share:
            record["lang"] = next(iter(keep))
            record["lang_mixed_kept_share"] = round(share, 3)
            return "\n".join(kept), False
    if not labels:
        _reject(record, "lang", "und")
    elif labels <= keep:
        _reject(record, "lang", f"{best.label} {best.score:.2f} below {config.langid.min_score}")
    else:
        other = max((p for p in predictions if p.label not in keep), key=lambda p: p.score)
        _reject(record, "lang", f"{other.label} {other.score:.2f}")
    return text, True


def quality_signals(text: str) -> dict[str, float]:
    """Sorani-aware quality signals of a normalized document."""
    from ..stoplists import stopwords

    words = _WORDS.findall(text)
    n_words = len(words)
    letters = len(_LETTERS.findall(text))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line_counts = Counter(lines)
    bigrams = Counter(zip(words, words[1:]))
    stop = stopwords("corpus")
    chars = max(1, len(text) - text.count(" ") - text.count("\n"))
    return {
        "words": n_words,
        "kurdish_letter_ratio": round(len(_KURDISH.findall(text)) / max(1, letters), 4),
        "stopword_ratio": round(sum(1 for w in words if w in stop) / max(1, n_words), 4),
        "mean_word_length": round(sum(map(len, words)) / max(1, n_words), 3),
        "repeated_line_ratio": round(sum(c - 1 for c in line_counts.values()) / max(1, len(lines)), 4),
        "top_bigram_ratio": round(max(bigrams.values(), default=0) * 2 / max(1, n_words), 4),
        "symbol_ratio": round(len(_SYMBOLS.findall(text)) / chars, 4),
        "url_ratio": round(len(_URLS.findall(text)) / max(1, n_words), 4),
    }


def quality_failure(signals: dict[str, float], config: Config) -> str:
    """The first quality rule the signals break, as ``name=value``, or an empty string."""
    q = config.quality
    checks = (
        ("words", signals["words"] < q.min_words),
        ("kurdish_letter_ratio", signals["kurdish_letter_ratio"] < q.min_kurdish_letter_ratio),
        ("stopword_ratio", signals["stopword_ratio"] < q.min_stopword_ratio),
        ("mean_word_length", not q.min_mean_word_length <= signals["mean_word_length"] <= q.max_mean_word_length),
        ("repeated_line_ratio", signals["repeated_line_ratio"] > q.max_repeated_line_ratio),
        ("top_bigram_ratio", signals["top_bigram_ratio"] > q.max_top_bigram_ratio and signals["words"] >= 20),
        ("symbol_ratio", signals["symbol_ratio"] > q.max_symbol_ratio),
        ("url_ratio", signals["url_ratio"] > q.max_url_ratio),
    )
    for name, failed in checks:
        if failed:
            return f"{name}={signals[name]}"
    return ""


def _dedup_key(text: str) -> str:
    """What counts as the same text: the normalized words, ignoring punctuation and spacing."""
    return " ".join(_WORDS.findall(text))


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int):
    """datasketch draws the permutations from the seed on every MinHash; drawing them once is the same."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


def minhash_signature(text: str, config: Config) -> list[int]:
    """A MinHash (datasketch) over the normalized word shingles of the text."""
    from datasketch import MinHash

    words = _WORDS.findall(text)
    k = config.dedup.shingle
    shingles = {" ".join(words[i : i + k]).encode() for i in range(max(1, len(words) - k + 1))}
    minhash = MinHash(num_perm=config.dedup.num_perm, seed=config.dedup.seed, hashfunc=_crc32,
                      permutations=_permutations(config.dedup.num_perm, config.dedup.seed), scheme="affine32")
    minhash.update_batch(list(shingles))
    return [int(v) for v in minhash.hashvalues]


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
