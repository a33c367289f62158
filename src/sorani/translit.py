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

from ._data import load_table
from .errors import ConfigError, require_str

SCHEMES = ("hawar", "wergor", "ascii")
TARGETS = ("latin", "arabic")
MODEL_FILE = "translit_model.json.gz"
KNOWN_FILE = "translit_known.json.gz"
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


# The perceptron's feature templates: a name and an expression over the seven letters ``w`` centred on the
# one labelled (``w[3]``), their syllable skeleton ``s`` (C consonant, V vowel letter, w و, y ی, ' ئ; ^ and $
# pad the word) and the previous label ``prev``. Compiled once into the feature extractor used in training and
# into the scorer used at run time (a sum of dict lookups, no feature strings built).
TEMPLATES = (
    ("s7", "s"), ("s5", "s[1:6]"), ("s3", "s[2:5]"), ("sn", "s[3:]"), ("sp", "s[:4]"),
    ("sprev", "prev + s[3:6]"), ("cs5", "w[3] + s[1:6]"), ("ns", "w[4] + s[2:4]"),
    ("c", "w[3]"), ("p1", "w[2]"), ("n1", "w[4]"), ("p2", "w[1:3]"), ("n2", "w[4:6]"), ("w3", "w[2:5]"),
    ("w5", "w[1:6]"), ("p3", "w[0:3]"), ("n3", "w[4:7]"), ("prev", "prev"), ("prev+c", "prev + w[3]"),
    ("w7", "w"), ("b", "b + s[2:5]"), ("bc", "b[1] + w[2:5]"),
)
_PAD = "^^^"


def _compile(body: str, env: dict):
    return eval(f"lambda w, s, prev, b: {body}", env)  # noqa: S307 - built from the constant TEMPLATES only


@functools.lru_cache(maxsize=None)
def _feature_function():
    return _compile("[" + ", ".join(f"{name!r} + '=' + ({expr})" for name, expr in TEMPLATES) + "]", {})


def features(word: str, i: int, previous: str) -> list[str]:
    """Features of letter ``i`` of ``word`` for the labeller: the letters around it and the previous label."""
    padded = _PAD + word + "$$$"
    w = padded[i : i + 7]
    return _feature_function()(w, w.translate(_shape_table()), previous, _marks(word)[i : i + 3])


def _marks(word: str) -> str:
    """One mark per letter, padded by one on each side: where a morpheme starts, by the best analysis of
    ``sorani.analyze`` (B: the stem after a prefix or preverb, S: a suffix, clitic or later prefix) or, failing
    that, after a known word of two letters or more at the start (P: a preverb or the first part of a
    compound, دا|شکان, دەست|پێک); - elsewhere."""
    from .morphology.analyzer import _counts, analyze

    counts, minimum = _counts(), _params()["prefix_count"]
    marks = ["P" if 2 <= i <= len(word) - 2 and counts.get(word[:i], 0) >= minimum else "-" for i in range(len(word))]
    analyses = analyze(word)
    if analyses:
        position = 0
        for morpheme in analyses[0].morphemes:
            if 0 < position < len(word):
                marks[position] = "B" if morpheme.role == "stem" else "S"
            position += len(morpheme.surface)
    return "-" + "".join(marks) + "-"


@functools.lru_cache(maxsize=None)
def _params() -> dict[str, float]:
    return {row["name"]: float(row["value"]) for row in load_table("translit_params.tsv")}


@functools.lru_cache(maxsize=None)
def _shape_table() -> dict[int, str]:
    """Letter -> its class in the syllable skeleton: C (consonant), V (vowel letter), w (و), y (ی), ' (ئ)."""
    marks = {"consonant": "C", "vowel": "V", "seat": "'"}
    table = {ord(a): marks.get(row["kind"], a) for a, row in _letters().items()}
    table.update({ord("و"): "w", ord("ی"): "y"})
    return table


def window_features(w: str, previous: str, marks: str = "---") -> list[str]:
    """Features from the seven letters centred on the one labelled (``w[3]``) and the previous label, and
    from their syllable skeleton (which letters are consonants, vowels, و or ی)."""
    return _feature_function()(w, w.translate(_shape_table()), previous, marks)


@functools.lru_cache(maxsize=None)
def _model() -> tuple[dict[str, str], dict[str, dict[str, float]]]:
    raw = resources.files("sorani").joinpath("data", MODEL_FILE).read_bytes()
    model = json.loads(gzip.decompress(raw))
    return model["lexicon"], model["weights"]


@functools.lru_cache(maxsize=None)
def _scorers():
    """Two functions of (window, skeleton, previous label): the bizroke score of a consonant (weight of iC
    minus weight of C, summed over the templates) and the tuple of per-label weight rows of each template
    (for و, ی and ئ). Each template has its own dict from the feature's value to its weights."""
    by_template: dict[str, dict[str, dict[str, float]]] = {name: {} for name, _ in TEMPLATES}
    for feature, row in _model()[1].items():
        name, _, value = feature.partition("=")
        if name in by_template:
            by_template[name][value] = row
    env: dict = {}
    diff_terms, row_terms = [], []
    for k, (name, expr) in enumerate(TEMPLATES):
        rows = by_template[name]
        diffs = {v: r.get("iC", 0.0) - r.get("C", 0.0) for v, r in rows.items() if "iC" in r or "C" in r}
        env[f"d{k}"], env[f"r{k}"] = diffs.get, rows.get
        diff_terms.append(f"d{k}({expr}, 0.0)")
        row_terms.append(f"r{k}({expr})")
    return _compile(" + ".join(diff_terms), env), _compile("(" + ", ".join(row_terms) + ",)", env)


@functools.lru_cache(maxsize=None)
def _letter_plan() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]]:
    """letter -> (its options, their labels, whether it is a consonant)."""
    return {a: (candidates(a), tuple(label_key(a, o) for o in candidates(a)), row["kind"] == "consonant")
            for a, row in _letters().items()}


def label_word(word: str) -> list[str]:
    """The Latin string for each letter of ``word``, chosen greedily left to right by the perceptron."""
    plan = _letter_plan()
    labels: list[str] = []
    previous = "^"
    padded = _PAD + word + "$$$"
    shape = padded.translate(_shape_table())
    marks = _marks(word)
    cluster_start = len(word) > 1 and plan[word[0]][2] and plan[word[1]][2]
    for i, letter in enumerate(word):
        options, keys, consonant = plan[letter]
        if i == 0 and consonant:
            k = 0  # no bizroke before the first letter (the ئ seat writes a vowel onset)
        elif i == 1 and cluster_start:
            k = 1  # a word never starts with a cluster
        else:
            k = _decide(padded[i : i + 7], shape[i : i + 7], previous, letter, marks[i : i + 3])
        labels.append(options[k])
        previous = keys[k]
    return labels


@functools.lru_cache(maxsize=200_000)
def _decide(window: str, shape: str, previous: str, letter: str, marks: str) -> int:
    """The index of the best option for ``letter``, the middle of ``window`` (cached: windows repeat across
    words). Ties go to the earlier option (the plain consonant)."""
    options, keys, consonant = _letter_plan()[letter]
    if consonant:
        return 1 if _scorers()[0](window, shape, previous, marks) > 0 else 0
    scores = dict.fromkeys(keys, 0.0)
    for row in _scorers()[1](window, shape, previous, marks):
        if row:
            for key, weight in row.items():
                if key in scores:
                    scores[key] += weight
    return max(range(len(keys)), key=lambda k: (scores[keys[k]], -k))


def _compute(word: str) -> str:
    """The model's answer for one word (the shipped tables of ``_known()`` hold it for the known words)."""
    if word.startswith("ر"):
        # Written with a plain ر at the start (the standard spelling has ڕ): it reads the same, so the word
        # is decided as the standard spelling, and the letter stays what the writer wrote.
        return _initial_r(word_to_latin("ڕ" + word[1:]))
    lexicon = _model()[0]
    if word in lexicon:
        return lexicon[word]
    for suffix, latin in _suffixes():
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) > 2 and _letters()[stem[-1]]["kind"] == "consonant" and _known_stem(stem):
            # a known word plus a suffix of translit_suffixes.tsv: the bizroke falls as in the bare word
            return word_to_latin(stem) + latin
    composed = _from_chunks(word)
    return composed if composed is not None else "".join(label_word(word))


@functools.lru_cache(maxsize=None)
def _known_data() -> dict:
    try:
        raw = resources.files("sorani").joinpath("data", KNOWN_FILE).read_bytes()
    except FileNotFoundError:  # pragma: no cover - the tables are being rebuilt
        return {"words": {}, "chunks": {}}
    return json.loads(gzip.decompress(raw))


@functools.lru_cache(maxsize=None)
def _known() -> dict[str, str]:
    """Known word -> its Latin: the model's own answers for the words of the morphology lexicon, computed
    once by ``scripts/train_translit.py`` so that running text is mostly dict lookups. A word written with
    a plain initial ر is looked up as its standard ڕ spelling (``_compute`` does the same)."""
    words = dict(_known_data()["words"])
    for word, latin in list(words.items()):
        if word.startswith("ڕ"):
            words.setdefault("ر" + word[1:], _initial_r(latin))
    return words


@functools.lru_cache(maxsize=None)
def _chunks() -> dict[str, str]:
    """A run of letters between vowel letters, with the letter before and after it (^ and $ at the word
    edges) -> its Latin, as the model decided it most often in the known words."""
    return _known_data()["chunks"]


@functools.lru_cache(maxsize=None)
def _run_pattern() -> tuple[re.Pattern, dict[int, str]]:
    vowels = "".join(a for a, row in _letters().items() if row["kind"] == "vowel")
    return re.compile(f"([^{vowels}]+)"), str.maketrans({a: _letters()[a]["hawar"] for a in vowels})


def chunk_keys(word: str) -> list[str]:
    """The runs of ``word`` between its vowel letters (ا ە ێ ۆ), each with its neighbours: ڕاگەیاندنی →
    ^ڕا اگە ەیا اندنی$."""
    parts = _run_pattern()[0].split(word)
    return [(parts[k - 1][-1:] or "^") + parts[k] + (parts[k + 1][:1] or "$") for k in range(1, len(parts), 2)]


def _from_chunks(word: str) -> str | None:
    """The word from its runs' Latin in ``_chunks()``, or None when a run was never seen."""
    pattern, vowels = _run_pattern()
    parts = pattern.split(word)
    chunks = _chunks()
    for k in range(1, len(parts), 2):
        latin = chunks.get((parts[k - 1][-1:] or "^") + parts[k] + (parts[k + 1][:1] or "$"))
        if latin is None:
            return None
        parts[k] = latin
    return "".join(parts).translate(vowels)


def _initial_r(latin: str) -> str:
    return "r" + latin[1:] if latin.startswith("ř") else latin


@functools.lru_cache(maxsize=100_000)
def word_to_latin(word: str) -> str:
    """One normalized Arabic-script word in Hawar Latin."""
    return _known().get(word) or _compute(word)


@functools.lru_cache(maxsize=None)
def _suffixes() -> tuple[tuple[str, str], ...]:
    return tuple((row["suffix"], row["latin"]) for row in load_table("translit_suffixes.tsv"))


def _known_stem(word: str) -> bool:
    """A word the morphology lexicon has seen at least ``known_stem_count`` times."""
    from .morphology.analyzer import _counts

    return _counts().get(word, 0) >= _params()["known_stem_count"]


@functools.lru_cache(maxsize=1)
def _normalizer():
    """The standard tier, except that a word-initial ر is left as written: Hawar writes what the writer
    wrote there (r), and ڕ as ř (both golds do: Wergor 164 of 164 initial ر, UniMorph 34 of 34 ڕ)."""
    from .normalizer import Normalizer

    return Normalizer("standard", initial_r=False)


def _match_to_latin(match: re.Match) -> str:
    return word_to_latin(match.group())


@functools.lru_cache(maxsize=100_000)
def _token_to_latin(token: str) -> str:
    return _ARABIC_WORD.sub(_match_to_latin, token)


def _to_latin(text: str, scheme: str) -> str:
    text = _normalizer()(text)
    # one split on spaces and a dict lookup per token; a token that is not a known word (punctuation
    # attached, a newline, an unknown word, another script) goes through the word pattern, cached
    known = _known().get
    out = " ".join([known(token) or _token_to_latin(token) for token in text.split(" ")])
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
