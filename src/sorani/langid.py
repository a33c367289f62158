"""Language identification for Sorani and its neighbours in the same scripts.

A multinomial naive Bayes model over the character 2–5-grams of each word and the words themselves,
trained by ``scripts/train_langid.py`` on KurdishLID and ScriptNormalization data (with generated keyboard
noise, so that Sorani typed on an Arabic or Persian keyboard is still ``ckb``), shipped as
``sorani/data/langid_model.xz``; scores are calibrated probabilities (see docs/langid.md).

>>> identify("ئەمڕۆ سەرۆکوەزیرانی عێراق گەیشتە واشنتن").label
'ckb'
>>> identify("امروز هوا خیلی خوب است و ما به پارک رفتیم").label
'fa'
>>> identify("عةمرت نةمينئ نةت توانى يةك بزمار بيبةى").label  # Sorani typed on an Arabic keyboard
'ckb'
"""

from __future__ import annotations

import functools
import json
import lzma
import math
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, itemgetter, mul, sub
from importlib import resources

from .errors import DataError, require_str

MODEL_FILE = "langid_model.xz"
LABELS_DOC = {
    "ckb": "Central Kurdish (Sorani)", "kmr": "Northern Kurdish (Kurmanji)", "sdh": "Southern Kurdish",
    "hac": "Gorani (Hawrami)", "zza": "Zazaki", "fa": "Persian", "ar": "Arabic", "ur": "Urdu", "tr": "Turkish",
    "en": "English", "azb": "South Azerbaijani", "glk": "Gilaki", "mzn": "Mazanderani", "kas": "Kashmiri",
    "sd": "Sindhi", "und": "undetermined",
}  # fmt: skip
MAX_CHARS = 600  # long texts are judged on their start: more adds time, not accuracy
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
# Letters that differ only by keyboard (Arabic kaf and yeh for the Kurdish and Persian ones) and tatweel
# are folded before counting; the ه/ە question is left to the model, since Persian writes a final ه.
_FOLD = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی", "\u0640": None, "ھ": "ه"})


_FOLD_PAIRS = tuple((chr(source), target or "") for source, target in _FOLD.items())


def _fold(text: str) -> str:
    if "\u200c" in text:  # old fonts write ە as ه + ZWNJ; otherwise a ZWNJ only splits a word
        text = text.replace("ه\u200c", "ە").replace("\u200c", "")
    # the same as text.translate(_FOLD) (no replacement makes a character another one replaces), but
    # ``in`` and ``replace`` are much faster than ``translate`` on Arabic-script text (most needs none)
    for source, target in _FOLD_PAIRS:
        if source in text:
            text = text.replace(source, target)
    return text


@dataclass(slots=True)
class Prediction:
    """The best label, its probability, and the probabilities of all labels (best first)."""

    label: str
    score: float
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class LanguageSpan:
    """A run of consecutive sentences with the same label."""

    start: int
    end: int
    label: str
    score: float


_ARABIC_LETTERS = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]+")
_LATIN_WORDS = re.compile(r"[A-Za-z\u00c0-\u024f_]+")
# Tokens that are not words of any language: links, e-mail addresses, @handles, #hashtags, and all-capital
# ASCII tokens (placeholders such as USER_ID and URL in anonymized data; acronyms).
_NOT_LANGUAGE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#][\w\u200c]+|\b[A-Z][A-Z0-9_]{2,}\b")
# The same without the e-mail branch, for texts without an @ (where it cannot match). Its branches all
# start with a character from a small set, which lets the regex engine skip to those characters instead
# of trying every branch at every position; ``\b`` before the capital is written as a look-behind for that.
_NOT_LANGUAGE_NO_AT = re.compile(r"https?://\S+|www\.\S+|[@#][\w\u200c]+|[A-Z](?<!\w[A-Z])[A-Z0-9_]{2,}\b")
_CAPITALS = re.compile(r"[A-Z][A-Z0-9_]{2}")


def strip_non_language(text: str) -> str:
    """``text`` without links, e-mail addresses, @handles, #hashtags and all-capital tokens. The pattern
    tries every position, so it runs only on texts that can hold one of them."""
    if "@" in text or "#" in text or "://" in text or "www." in text or _CAPITALS.search(text):
        return (_NOT_LANGUAGE if "@" in text else _NOT_LANGUAGE_NO_AT).sub(" ", text)
    return text


def non_language_spans(text: str) -> list[tuple[int, int]]:
    """Where ``strip_non_language`` puts a space: the (start, end) of each link, address, handle, hashtag
    and all-capital token, in order."""
    if "@" in text or "#" in text or "://" in text or "www." in text or _CAPITALS.search(text):
        return [m.span() for m in (_NOT_LANGUAGE if "@" in text else _NOT_LANGUAGE_NO_AT).finditer(text)]
    return []


def main_script(text: str) -> str:
    """``text`` without what says nothing about its language: links, handles, hashtags and placeholders,
    and the words of its minority script (an English hashtag in a Sorani tweet, a name in Arabic letters in
    an English text). Arabic-script text is the main script as soon as it has a third of the letters.

    >>> main_script("USER_ID چی دەڵێ؟ #kurdisharmy sorry").split()
    ['چی', 'دەڵێ؟']
    """
    text = strip_non_language(text)
    if not _LATIN_WORDS.search(text):
        return text
    arabic = sum(map(len, _ARABIC_LETTERS.findall(text)))
    if not arabic:
        return text
    latin = sum(map(len, _LATIN_WORDS.findall(text)))
    return _LATIN_WORDS.sub("", text) if 2 * arabic >= latin else _ARABIC_LETTERS.sub("", text)


def words(text: str) -> list[str]:
    """The words of ``text`` that say something about its language: its main script only (see
    ``main_script``), folded and lower-cased, digits and punctuation taken as spaces; only the first
    ``MAX_CHARS`` characters are read.

    >>> words("USER_ID ئەمڕۆ هێزێكی، 12 باران!")
    ['ئەمڕۆ', 'هێزێکی', 'باران']
    """
    return _LETTER_RUNS.findall(_fold(main_script(text[:MAX_CHARS])).lower())


def word_features(word: str, orders: tuple[int, ...]) -> list[str]:
    """The character n-grams of one word between spaces (so the first and last letters make their own
    n-grams); order 0 stands for the whole word, marked so that it never equals a character n-gram.

    >>> word_features("ba", (0, 2, 3))
    ['\\x00ba', ' b', 'ba', 'a ', ' ba', 'ba ']
    """
    padded = " " + word + " "
    grams = ["\x00" + word] if 0 in orders else []
    size = len(padded) + 1
    return grams + [padded[i : i + n] for n in orders if n for i in range(size - n)]


def features(text: str, orders: tuple[int, ...] = (0, 1, 2, 3, 4)) -> list[str]:
    """The features of ``text``: the n-grams of each of its words (``word_features``). A text's score is
    the sum of its words' scores, so the scores of frequent words are cached.

    >>> features("Ba", (1, 2))
    [' ', 'b', 'a', ' ', ' b', 'ba', 'a ']
    """
    return [gram for word in words(text) for gram in word_features(word, orders)]


# A linear model: a label's score is its bias plus the sum of its weights over the text's n-grams, divided by
# (number of known n-grams) ** length_power, and the probabilities are the softmax of the scores. Every
# n-gram's weights for all labels are packed into one integer, one fixed-point field per label plus a count
# field, so that scoring a word is a single ``sum`` over integers (C speed) instead of adding vectors in
# Python, and a text's packed sum is the sum over its words, whose packed sums are cached. A field holds
# (weight - the n-gram's smallest weight) * 2**fraction in ``FIELD_BITS`` bits (a shift common to all
# labels changes no probability), which leaves room for the sum over ``MAX_CHARS`` characters. The model
# file stores exactly these fields, as little-endian 32-bit slots, so loading it is one decompression and
# one ``int.from_bytes`` per n-gram.
FIELD_BITS = 32
WORD_CACHE = 1 << 16  # packed sums of this many distinct words are kept (least recently used dropped)


@dataclass(frozen=True, slots=True)
class _Model:
    labels: tuple[str, ...]
    table: dict[str, int]
    orders: tuple[int, ...]
    min_features: int
    fraction: int
    bias: tuple[float, ...]
    length_power: float

    languages: tuple[str, ...] = ()  # the languages of the labels, each once
    variants: tuple[tuple[int, int], ...] = ()  # (label, the first label of its language) for variants
    firsts: Callable = tuple  # the weight of each language's first label, from the list of all
    source: tuple = ()  # (the n-grams, their packed fields as bytes) as in the file, for _langid_batch

    def __post_init__(self) -> None:
        languages = [label.partition("@")[0] for label in self.labels]
        first = {language: languages.index(language) for language in languages}
        variants = tuple((i, first[language]) for i, language in enumerate(languages) if first[language] != i)
        object.__setattr__(self, "languages", tuple(first))
        object.__setattr__(self, "variants", variants)
        object.__setattr__(self, "firsts", itemgetter(*first.values()))


@functools.lru_cache(maxsize=None)
def _model() -> _Model:
    try:
        raw = lzma.decompress(resources.files("sorani").joinpath("data", MODEL_FILE).read_bytes())
    except FileNotFoundError as exc:  # pragma: no cover - packaging bug
        raise DataError(f"language ID model missing: {MODEL_FILE}") from exc
    header_end = raw.index(b"\n")
    header = json.loads(raw[:header_end])
    grams_end = header_end + 1 + header["grams_bytes"]
    grams = raw[header_end + 1 : grams_end].decode("utf-8").split("\n")
    width = 4 * (len(header["labels"]) + 1)
    fields = memoryview(raw)[grams_end:]
    if len(grams) != header["grams"] or len(fields) != width * len(grams) or header.get("format") != 2:
        raise DataError(f"language ID model {MODEL_FILE} is damaged")
    table = dict(zip(grams, [int.from_bytes(fields[i : i + width], "little") for i in range(0, len(fields), width)]))
    return _Model(tuple(header["labels"]), table, tuple(header["orders"]), header["min_features"],
                  header["fraction"], tuple(header["bias"]), header["length_power"], source=(grams, fields))


@functools.lru_cache(maxsize=WORD_CACHE)
def _word_sum(word: str) -> int:
    """The packed sum of one word's n-gram fields."""
    model = _model()
    return sum(map(model.table.get, word_features(word, model.orders), repeat(0)))


class _WordSums(dict):
    """Packed sums of words computed ahead of time (``prefetch``); any other word is summed when asked."""

    __slots__ = ()

    def __missing__(self, word: str) -> int:
        return _word_sum(word)


_PREFETCHED = _WordSums()
PREFETCH_LIMIT = 1 << 17  # words kept from earlier prefetches (all dropped when a prefetch would pass it)


def prefetch(words: Iterable[str]) -> None:
    """Compute the packed sums of many words at once (numpy, ``_langid_batch``), for the ``words`` of texts
    that are about to be identified: a batch of texts (a corpus shard) is identified faster, with the
    same results."""
    from ._langid_batch import word_sums

    new = [word for word in dict.fromkeys(words) if word not in _PREFETCHED]
    if len(_PREFETCHED) + len(new) > PREFETCH_LIMIT:
        _PREFETCHED.clear()
    _PREFETCHED.update(word_sums(new))


def packed_sum(text: str) -> int:
    """The packed sum of the n-gram fields of ``text`` (see ``_prediction_from``)."""
    return sum(map(_word_sum, words(text)))


def identify(text: str) -> Prediction:
    """The language of ``text``: an ISO code (``ckb``, ``kmr``, ``sdh``, ``hac``, ``fa``, ``ar``, ``ur``,
    ``tr``, ``en``, ``zza``, ``azb``, ``glk``, ``mzn``, ``kas``, ``sd``) or ``und`` when the text has too
    few letters to judge."""
    require_str(text)
    return identify_words(words(text))


def identify_words(text_words: list[str]) -> Prediction:
    """``identify`` of a text from its ``words`` (for a caller that has found them already)."""
    return _prediction_from(sum(map(_PREFETCHED.__getitem__, text_words)), _model())


def identify_many(word_lists: list[list[str]]) -> list[Prediction]:
    """``identify_words`` of each list of words (the ``words`` of many texts, a corpus shard's): the same
    predictions, computed together with numpy (``_langid_batch.predictions``), which is faster for a
    batch; one at a time without numpy."""
    from ._langid_batch import predictions

    found = predictions(word_lists) if word_lists else []
    return found if found is not None else [identify_words(words) for words in word_lists]


def _best_many(word_lists: list[list[str]]) -> list:
    """The ``label`` and ``score`` of ``identify_many(word_lists)`` (objects with those two attributes: a
    ``Prediction`` or a lighter pair), for a caller that reads no other label's score."""
    from ._langid_batch import best_predictions

    found = best_predictions(word_lists) if word_lists else []
    return found if found is not None else [identify_words(words) for words in word_lists]


def _prediction_from(packed: int, model: _Model) -> Prediction:
    """The prediction from the sum of a text's packed n-gram fields."""
    n = len(model.labels)
    fields = memoryview(packed.to_bytes(4 * (n + 1), sys.byteorder)).cast("I")
    known = fields[n]
    if known < model.min_features:
        return Prediction("und", 0.0, {})
    unit = 1.0 / ((1 << model.fraction) * known**model.length_power)
    totals = list(map(add, map(mul, fields[:n], repeat(unit)), model.bias))
    weights = list(map(math.exp, map(sub, totals, repeat(max(totals)))))
    norm = 1.0 / sum(weights)
    for variant, first in model.variants:  # script or noise variants (ckb@noisy, kmr@latn) fold into the language
        weights[first] += weights[variant]
    scores = sorted(zip(map(mul, model.firsts(weights), repeat(norm)), model.languages), reverse=True)
    return Prediction(scores[0][1], scores[0][0], {label: w for w, label in scores})


def identify_spans(text: str) -> list[LanguageSpan]:
    """Runs of sentences with their language, for mixed documents. Sentences that cannot be judged
    (``und``, e.g. a line of digits) join the run before them.

    >>> [(s.label, s.start, s.end) for s in identify_spans("ئەمڕۆ باران باری. امروز هوا خیلی خوب است.")]
    [('ckb', 0, 17), ('fa', 18, 41)]
    """
    require_str(text)
    from .tokenizer import sentence_spans

    spans = sentence_spans(text)
    sentence_words = [words(text[start:end]) for start, end in spans]
    if len(spans) > 20:  # a long document: its words' sums together (prefetch), the same numbers
        prefetch(word for found in sentence_words for word in found)
    runs: list[LanguageSpan] = []
    for (start, end), found in zip(spans, sentence_words):
        prediction = identify_words(found)
        label = prediction.label
        if runs and (label == runs[-1].label or label == "und"):
            last = runs[-1]
            runs[-1] = LanguageSpan(last.start, end, last.label, min(last.score, prediction.score or last.score))
        else:
            runs.append(LanguageSpan(start, end, label, prediction.score))
    return runs
