"""Transliteration between Arabic-script Sorani and the Latin (Hawar) alphabet, with the unwritten vowel i
(the bizroke) put back.

Arabic → Latin works word by word: a word seen in the training pairs is looked up; any other word is
labelled letter by letter by a small averaged-perceptron model (``sorani/data/translit_model.json.gz``,
trained by ``scripts/train_translit.py``) that decides, for each letter, whether an i comes before it and
whether و and ی are the consonants w, y or the vowels u, û, î. Latin → Arabic is rule-based. Everything
that is not an Arabic-script (or, in reverse, Latin) word passes through unchanged.

>>> transliterate("ڕاگەیاندنی سەرۆکوەزیرانی")
'řageyandinî serokwezîranî'
>>> transliterate("kirdin û řageyandin", target="arabic")
'کردن و ڕاگەیاندن'
"""

from __future__ import annotations

import functools
import gzip
import json
import re
from importlib import resources
from itertools import repeat

from ._data import load_table
from .errors import ConfigError, require_str

SCHEMES = ("hawar", "wergor", "ascii")
TARGETS = ("latin", "arabic")
MODEL_FILE = "translit_model.json.gz"
_ARABIC_WORD = re.compile(r"[ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ]+")
# ASCII for the vowel readings of و and ی, which have no row of their own in translit_letters.tsv
_ASCII_VOWELS = {"î": "ii", "û": "uu"}


@functools.lru_cache(maxsize=None)
def _letters() -> dict[str, dict[str, str]]:
    return {row["arabic"]: row for row in load_table("translit_letters.tsv")}


@functools.lru_cache(maxsize=None)
def _ascii_table() -> dict[int, str]:
    """Hawar -> ASCII, from the table's ascii column."""
    table = {row["hawar"]: row["ascii"] for row in _letters().values() if row["hawar"] and row["hawar"] != row["ascii"]}
    return str.maketrans({**table, **_ASCII_VOWELS})


def candidates(letter: str) -> tuple[str, ...]:
    """The Latin strings one Arabic letter can stand for (Hawar), bizroke included."""
    row = _letters()[letter]
    latin, kind = row["hawar"], row["kind"]
    if kind == "consonant":
        return (latin, "i" + latin)
    if kind == "vowel":
        return (latin,)
    if kind == "seat":
        return ("", "’", "i")
    if letter == "و":
        return ("w", "u", "û", "", "iw", "uw", "wu")
    return ("y", "î", "iy", "îy", "yî")  # ی


def label_key(letter: str, option: str) -> str:
    """The label the model learns for ``option``: shared by all consonants ("C" or "iC", bizroke or not),
    so that what is learnt about one consonant helps the others; the letter's own string otherwise."""
    if _letters()[letter]["kind"] == "consonant":
        return "iC" if option.startswith("i") else "C"
    return f"{letter}:{option}"


def features(word: str, i: int, previous: str) -> list[str]:
    """Features of letter ``i`` of ``word`` for the labeller: the letters around it and the previous label."""
    padded = "^^^" + word + "$$$"
    return window_features(padded[i : i + 7], previous)


@functools.lru_cache(maxsize=None)
def _shape_table() -> dict[int, str]:
    """Letter -> its class in the syllable skeleton: C (consonant), V (vowel letter), w (و), y (ی), ' (ئ)."""
    marks = {"consonant": "C", "vowel": "V", "seat": "'"}
    table = {ord(a): marks.get(row["kind"], a) for a, row in _letters().items()}
    table.update({ord("و"): "w", ord("ی"): "y"})
    return table


def window_features(w: str, previous: str) -> list[str]:
    """Features from the seven letters centred on the one labelled (``w[3]``) and the previous label, and
    from their syllable skeleton (which letters are consonants, vowels, و or ی)."""
    shape = w.translate(_shape_table())
    return [f"s7={shape}", f"s5={shape[1:6]}", f"s3={shape[2:5]}", f"sn={shape[3:]}", f"sp={shape[:4]}",
        f"sprev={previous}{shape[3:6]}", f"cs5={w[3]}{shape[1:6]}", f"ns={w[4]}{shape[2:4]}",
        f"c={w[3]}", f"p1={w[2]}", f"n1={w[4]}", f"p2={w[1:3]}", f"n2={w[4:6]}", f"w3={w[2:5]}", f"w5={w[1:6]}",
        f"p3={w[0:3]}", f"n3={w[4:7]}", f"prev={previous}", f"prev+c={previous}{w[3]}", f"w7={w}",
    ]


@functools.lru_cache(maxsize=None)
def _model() -> tuple[dict[str, str], dict[str, dict[str, float]]]:
    raw = resources.files("sorani").joinpath("data", MODEL_FILE).read_bytes()
    model = json.loads(gzip.decompress(raw))
    return model["lexicon"], model["weights"]


def label_word(word: str, weights: dict[str, dict[str, float]]) -> list[str]:
    """The Latin string for each letter of ``word``, chosen greedily left to right."""
    labels: list[str] = []
    previous = "^"
    padded = "^^^" + word + "$$$"
    kinds = [_letters()[letter]["kind"] for letter in word]
    for i, letter in enumerate(word):
        options = candidates(letter)
        if i == 0 and kinds[0] == "consonant":
            options = options[:1]  # no bizroke before the first letter (the ئ seat writes a vowel onset)
        elif i == 1 and kinds[0] == kinds[1] == "consonant":
            options = tuple(o for o in options if o.startswith("i"))  # a word never starts with a cluster
        if len(options) == 1:
            labels.append(options[0])
        else:
            labels.append(_decide(padded[i : i + 7], previous, options))
        previous = label_key(letter, labels[-1])
    return labels


@functools.lru_cache(maxsize=None)
def _bizroke_weights() -> dict[str, float]:
    """feature -> weight of "bizroke" minus weight of "no bizroke" (the consonant labels iC and C)."""
    return {f: w.get("iC", 0.0) - w.get("C", 0.0) for f, w in _model()[1].items() if "iC" in w or "C" in w}


@functools.lru_cache(maxsize=200_000)
def _decide(window: str, previous: str, options: tuple[str, ...]) -> str:
    """The best option for the letter in the middle of ``window`` (cached: windows repeat across words)."""
    letter = window[3]
    feats = window_features(window, previous)
    if len(options) == 2 and _letters()[letter]["kind"] == "consonant":
        # the common case, bizroke or not: one sum of the weight differences (ties keep the plain consonant)
        return options[1] if sum(map(_bizroke_weights().get, feats, repeat(0.0))) > 0 else options[0]
    weights = _model()[1]
    keys = {label_key(letter, o): o for o in options}
    scores = dict.fromkeys(keys, 0.0)
    for feature in feats:
        for key, weight in weights.get(feature, {}).items():
            if key in scores:
                scores[key] += weight
    return keys[max(keys, key=lambda k: (scores[k], -options.index(keys[k])))]


@functools.lru_cache(maxsize=100_000)
def word_to_latin(word: str) -> str:
    """One normalized Arabic-script word in Hawar Latin."""
    if word.startswith("ر"):
        # Written with a plain ر at the start (the standard spelling has ڕ): it reads the same, so the word
        # is decided as the standard spelling, and the letter stays what the writer wrote.
        latin = word_to_latin("ڕ" + word[1:])
        return "r" + latin[1:] if latin.startswith("ř") else latin
    lexicon, weights = _model()
    if word in lexicon:
        return lexicon[word]
    for suffix, latin in _suffixes():
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 2 and _letters()[stem[-1]]["kind"] == "consonant" and _known_stem(stem):
            # a known word plus a suffix of translit_suffixes.tsv: the bizroke falls as in the bare word
            return word_to_latin(stem) + latin
    return "".join(label_word(word, weights))


@functools.lru_cache(maxsize=None)
def _suffixes() -> tuple[tuple[str, str], ...]:
    return tuple((row["suffix"], row["latin"]) for row in load_table("translit_suffixes.tsv"))


def _known_stem(word: str) -> bool:
    """A word the morphology lexicon has seen at least ``_KNOWN_STEM_COUNT`` times."""
    from .morphology.analyzer import _counts

    return _counts().get(word, 0) >= _KNOWN_STEM_COUNT


_KNOWN_STEM_COUNT = 3


@functools.lru_cache(maxsize=1)
def _normalizer():
    """The standard tier, except that a word-initial ر is left as written: Hawar writes what the writer
    wrote there (r), and ڕ as ř (both golds do: Wergor 164 of 164 initial ر, UniMorph 34 of 34 ڕ)."""
    from .normalizer import Normalizer

    return Normalizer("standard", initial_r=False)


def _to_latin(text: str, scheme: str) -> str:
    text = _normalizer()(text)
    out = _ARABIC_WORD.sub(lambda m: word_to_latin(m.group()), text)
    if scheme == "wergor":
        out = out.replace("’", "ë")
    elif scheme == "ascii":
        out = out.translate(_ascii_table())
    return out


# ------------------------------------------------------------------------------------- Latin → Arabic
_LATIN_WORD = re.compile(r"[a-zçêîûşřłḧẍë’']+", re.IGNORECASE)
_VOWELS = "aeêiîoûu"


@functools.lru_cache(maxsize=None)
def _reverse() -> dict[str, str]:
    table = {row["hawar"]: row["arabic"] for row in load_table("translit_letters.tsv") if row["hawar"]}
    table.update({"ë": "ع", "'": "ع", "w": "و", "u": "و", "û": "وو", "y": "ی", "î": "ی", "i": ""})
    return table


@functools.lru_cache(maxsize=100_000)
def word_to_arabic(word: str) -> str:
    """One Hawar word in Arabic script: the bizroke is dropped, û is وو, and a vowel that starts a
    syllable gets the seat ئ."""
    table = _reverse()
    word = word.lower()
    whole = _whole_words()
    if word in whole:
        return whole[word]
    out = []
    for i, char in enumerate(word):
        starts_syllable = i == 0 or word[i - 1] in _VOWELS
        if char in _VOWELS and starts_syllable and char != "i":
            out.append("ئ")
        if char == "i" and i == 0:
            out.append("ئ")
            continue
        out.append(table.get(char, char))
    return "".join(out)


@functools.lru_cache(maxsize=None)
def _whole_words() -> dict[str, str]:
    return {row["latin"]: row["arabic"] for row in load_table("translit_words.tsv")}


def _to_arabic(text: str) -> str:
    return _LATIN_WORD.sub(lambda m: word_to_arabic(m.group()), text)


def transliterate(text: str, *, target: str = "latin", scheme: str = "hawar") -> str:
    """Transliterate running text. ``target="latin"`` (default) writes Arabic-script Sorani in Latin letters
    (``scheme``: ``hawar`` with ’ for ع, ``wergor`` with ë, or ``ascii``); ``target="arabic"`` writes Hawar
    Latin in Arabic script. Punctuation, digits, other scripts and spacing pass through."""
    require_str(text)
    if target not in TARGETS:
        raise ConfigError(f"unknown target {target!r}; choose latin or arabic")
    if scheme not in SCHEMES:
        raise ConfigError(f"unknown scheme {scheme!r}; choose from {', '.join(SCHEMES)}")
    return _to_latin(text, scheme) if target == "latin" else _to_arabic(text)
