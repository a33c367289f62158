"""Language identification for Sorani and its neighbours in the same scripts.

A multinomial naive Bayes model over character 2–4-grams and words, trained by ``scripts/train_langid.py`` on
KurdishLID and ScriptNormalization data (with generated keyboard noise, so that Sorani typed on an Arabic
or Persian keyboard is still ``ckb``), shipped as ``sorani/data/langid_model.xz``.

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
from dataclasses import dataclass, field
from itertools import repeat
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
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_NGRAM_RE = {n: re.compile(f"(?=(.{{{n}}}))", re.S) for n in range(1, 7)}  # overlapping n-grams at C speed
# Letters that differ only by keyboard (Arabic kaf and yeh for the Kurdish and Persian ones) and tatweel
# are folded before counting; the ه/ە question is left to the model, since Persian writes a final ه.
_FOLD = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی", "\u0640": None, "ھ": "ه"})


def _fold(text: str) -> str:
    if "\u200c" in text:  # old fonts write ە as ه + ZWNJ; otherwise a ZWNJ only splits a word
        text = text.replace("ه\u200c", "ە").replace("\u200c", "")
    return text.translate(_FOLD)


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
_CAPITALS = re.compile(r"[A-Z][A-Z0-9_]{2}")


def strip_non_language(text: str) -> str:
    """``text`` without links, e-mail addresses, @handles, #hashtags and all-capital tokens. The pattern
    tries every position, so it runs only on texts that can hold one of them."""
    if "@" in text or "#" in text or "://" in text or "www." in text or _CAPITALS.search(text):
        return _NOT_LANGUAGE.sub(" ", text)
    return text


def main_script(text: str) -> str:
    """``text`` without what says nothing about its language: links, handles, hashtags and placeholders,
    and the words of its minority script (an English hashtag in a Sorani tweet, a name in Arabic letters in
    an English text). Arabic-script text is the main script as soon as it has a third of the letters.

    >>> main_script("USER_ID چی دەڵێ؟ #kurdisharmy sorry").split()
    ['چی', 'دەڵێ؟']
    """
    text = strip_non_language(text)
    arabic = sum(map(len, _ARABIC_LETTERS.findall(text)))
    if not arabic:
        return text
    latin = sum(map(len, _LATIN_WORDS.findall(text)))
    if not latin:
        return text
    return _LATIN_WORDS.sub("", text) if 2 * arabic >= latin else _ARABIC_LETTERS.sub("", text)


def features(text: str, orders: tuple[int, ...] = (1, 2, 3, 4)) -> list[str]:
    """Character n-grams of the letters of ``text`` (its main script only, lower-cased, digits and
    punctuation as spaces); order 0 stands for whole words.

    >>> features("Ba", (1, 2))
    [' ', 'b', 'a', ' ', ' b', 'ba', 'a ']
    """
    padded = " " + _NOT_LETTERS.sub(" ", _fold(main_script(text[:MAX_CHARS])).lower()).strip() + " "
    grams: list[str] = []
    for n in orders:
        if n == 0:  # whole words, marked so that they never equal a character n-gram
            grams += ["\x00" + word for word in padded.split()]
        else:
            grams += _NGRAM_RE[n].findall(padded)
    return grams


# Every n-gram's log-probabilities under all labels are packed into one integer, one fixed-point field per
# label plus a count field, so that scoring a text is a single ``sum`` over integers (C speed) instead of
# adding vectors in Python. A field holds (log p + offset) * 2**fraction in ``FIELD_BITS`` bits, which leave
# room for the sum over MAX_CHARS * len(orders) n-grams. The model file stores exactly these fields, as
# little-endian 32-bit slots, so loading it is one decompression and one ``int.from_bytes`` per n-gram.
FIELD_BITS = 32


@functools.lru_cache(maxsize=None)
def _model() -> tuple[tuple[str, ...], dict[str, int], tuple[int, ...], int, int]:
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
    if len(grams) != header["grams"] or len(fields) != width * len(grams):
        raise DataError(f"language ID model {MODEL_FILE} is damaged")
    table = dict(zip(grams, [int.from_bytes(fields[i : i + width], "little") for i in range(0, len(fields), width)]))
    return tuple(header["labels"]), table, tuple(header["orders"]), header["min_features"], header["fraction"]


def identify(text: str) -> Prediction:
    """The language of ``text``: an ISO code (``ckb``, ``kmr``, ``sdh``, ``hac``, ``fa``, ``ar``, ``ur``,
    ``tr``, ``en``, ``zza``, ``azb``, ``glk``, ``mzn``, ``kas``, ``sd``) or ``und`` when the text has too
    few letters to judge."""
    require_str(text)
    labels, table, orders, min_features, fraction = _model()
    return _prediction_from(sum(map(table.get, features(text, orders), repeat(0))), labels, min_features, fraction)


def _prediction_from(packed: int, labels: tuple[str, ...], min_features: int, fraction: int) -> Prediction:
    """The prediction from the sum of a text's packed n-gram fields."""
    mask = (1 << FIELD_BITS) - 1
    known = packed >> (FIELD_BITS * len(labels))
    if known < min_features:
        return Prediction("und", 0.0, {})
    totals = [((packed >> (FIELD_BITS * i)) & mask) / (1 << fraction) for i in range(len(labels))]
    best = max(totals)
    weights = [math.exp(t - best) for t in totals]
    norm = sum(weights)
    merged: dict[str, float] = {}
    for weight, label in zip(weights, labels):  # variants (ckb@noisy, kmr@latn) fold into their language
        language = label.partition("@")[0]
        merged[language] = merged.get(language, 0.0) + weight / norm
    scores = sorted(merged.items(), key=lambda item: item[1], reverse=True)
    top_label, top_score = scores[0]
    return Prediction(top_label, round(top_score, 6), {label: round(s, 6) for label, s in scores})


def identify_spans(text: str) -> list[LanguageSpan]:
    """Runs of sentences with their language, for mixed documents. Sentences that cannot be judged
    (``und``, e.g. a line of digits) join the run before them.

    >>> [(s.label, s.start, s.end) for s in identify_spans("ئەمڕۆ باران باری. امروز هوا خیلی خوب است.")]
    [('ckb', 0, 17), ('fa', 18, 41)]
    """
    require_str(text)
    from .tokenizer import sentence_spans

    runs: list[LanguageSpan] = []
    for start, end in sentence_spans(text):
        prediction = identify(text[start:end])
        label = prediction.label
        if runs and (label == runs[-1].label or label == "und"):
            last = runs[-1]
            runs[-1] = LanguageSpan(last.start, end, last.label, min(last.score, prediction.score or last.score))
        else:
            runs.append(LanguageSpan(start, end, label, prediction.score))
    return runs
