"""Transliteration between Arabic-script Sorani and the Latin (Hawar) alphabet, with the unwritten vowel i
(the bizroke) put back.

Arabic → Latin works word by word. A word of the morphology lexicon is one lookup in the known-word table
(``sorani/data/translit_known.json.gz``: the model's own answers, computed once by
``scripts/train_translit.py``); a word seen in the training pairs gets its gold Latin; a known word plus the
suffix ی is the bare word plus î; a word whose runs of letters between vowel letters were all seen, spelled
one way, in the known words is spelled from the runs table; any other word is labelled letter by letter by
a small averaged perceptron (``translit_model.json.gz``) that decides, for each letter, whether an i comes
before it and whether و and ی are the consonants w, y or the vowels u, û, î. Latin → Arabic is rule-based.
Everything that is not an Arabic-script (or, in reverse, Latin) word passes through unchanged; with
``capitalize=True`` sentence starts and the names of ``translit_names.tsv`` are capitalized.

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
# pad the word), the previous label ``prev`` and the boundary marks ``b`` of the letters before, at and after it
# (see ``_marks``). Compiled once into the feature extractor used in training and into the scorer used at run
# time (a sum of dict lookups, no feature strings built).
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
    """One mark per letter, padded by one on each side: P after a known word of two letters or more at the
    start of a longer word (a preverb, a prefix, a stem before its suffixes or the first part of a
    compound: دا|شکان, دەست|پێک, کازم|ی), - elsewhere. (Marks from the morphology analyzer's best reading
    did a little better in cross-validation, 0.967 with its verb parses and 0.964 with its nominal split
    against 0.962, at two to four times the cost of the rest of the model.)"""
    counts = _morphology()
    minimum = _params()["prefix_count"]
    return "-" + "".join(["P" if 2 <= i <= len(word) - 2 and counts.get(word[:i], 0) >= minimum else "-"
                          for i in range(len(word))]) + "-"


@functools.lru_cache(maxsize=None)
def _morphology() -> dict[str, int]:
    """The morphology lexicon's word counts (imported late: morphology is a layer below, loaded only when
    a word needs the model)."""
    from .morphology.analyzer import _counts

    return _counts()


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
    """Functions of (window, skeleton, previous label, marks), compiled from the templates: the bizroke
    score of a consonant (weight of iC minus weight of C, summed over the templates), and for each other
    letter with a choice (و, ی, ئ) the tuple of each template's weights for that letter's options, to be
    summed column by column. Each template has its own dict from the feature's value to its weights."""
    by_template: dict[str, dict[str, dict[str, float]]] = {name: {} for name, _ in TEMPLATES}
    for feature, row in _model()[1].items():
        name, _, value = feature.partition("=")
        if name in by_template:
            by_template[name][value] = row
    plan = _letter_plan()
    env: dict = {}
    diff_terms = []
    for k, (name, expr) in enumerate(TEMPLATES):
        rows = by_template[name]
        diffs = {v: r.get("iC", 0.0) - r.get("C", 0.0) for v, r in rows.items() if "iC" in r or "C" in r}
        env[f"d{k}"] = diffs.get
        diff_terms.append(f"d{k}({expr}, 0.0)")
    vectors = {}
    for letter, (options, keys, consonant) in plan.items():
        if consonant or len(options) < 2:
            continue
        local = {"Z": (0.0,) * len(keys)}
        terms = []
        for k, (name, expr) in enumerate(TEMPLATES):
            rows = {v: tuple(r.get(key, 0.0) for key in keys) for v, r in by_template[name].items()
                    if any(key in r for key in keys)}
            local[f"v{k}"] = rows.get
            terms.append(f"v{k}({expr}, Z)")
        vectors[letter] = _compile("(" + ", ".join(terms) + ",)", local)
    return _compile(" + ".join(diff_terms), env), vectors


@functools.lru_cache(maxsize=None)
def _letter_plan() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]]:
    """letter -> (its options, their labels, whether it is a consonant)."""
    return {a: (candidates(a), tuple(label_key(a, o) for o in candidates(a)), row["kind"] == "consonant")
            for a, row in _letters().items()}


def label_word(word: str) -> list[str]:
    """The Latin string for each letter of ``word``, chosen greedily left to right by the perceptron."""
    plan = _letter_plan()
    decide = _decide
    labels: list[str] = []
    previous = "^"
    padded = _PAD + word + "$$$"
    marks = _marks(word)
    cluster_start = len(word) > 1 and plan[word[0]][2] and plan[word[1]][2]
    for i, letter in enumerate(word):
        options, keys, consonant = plan[letter]
        if len(options) == 1 or (i == 0 and consonant):
            k = 0  # a vowel letter; no bizroke before the first letter (the ئ seat writes a vowel onset)
        elif i == 1 and cluster_start:
            k = 1  # a word never starts with a cluster
        else:
            k = decide(padded[i : i + 7], previous, marks[i : i + 3])
        labels.append(options[k])
        previous = keys[k]
    return labels


@functools.lru_cache(maxsize=300_000)
def _decide(window: str, previous: str, marks: str) -> int:
    """The index of the best option for the letter in the middle of ``window`` (cached: windows repeat
    across words). Ties go to the earlier option (the plain consonant)."""
    letter = window[3]
    shape = window.translate(_shape_table())
    if _letter_plan()[letter][2]:
        return 1 if _scorers()[0](window, shape, previous, marks) > 0 else 0
    scores = [sum(column) for column in zip(*_scorers()[1][letter](window, shape, previous, marks))]
    return scores.index(max(scores))


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
    edges) -> its Latin, where the model spelled it that one way in all the known words that have it (and
    in at least ``run_min_count`` of them)."""
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
    return _morphology().get(word, 0) >= _params()["known_stem_count"]


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
    """A space-free piece of text that is not a known word: each Arabic-script word in it transliterated."""
    return _ARABIC_WORD.sub(_match_to_latin, token)


def _to_latin(text: str, scheme: str, capitalize: bool = False) -> str:
    text = _normalizer()(text)
    if capitalize:
        return _capitalized(text, _SCHEME_FUNCTIONS[scheme])
    # one split on spaces and a dict lookup per token; a token that is not a known word (punctuation
    # attached, a newline, an unknown word, another script) goes through the word pattern, cached
    known = _known().get
    return _SCHEME_FUNCTIONS[scheme](" ".join([known(token) or _token_to_latin(token) for token in text.split(" ")]))


def _wergor(latin: str) -> str:
    return latin.replace("’", "ë")


def _ascii(latin: str) -> str:
    return latin.translate(_ascii_table())


_SCHEME_FUNCTIONS = {"hawar": str, "wergor": _wergor, "ascii": _ascii}
_SPLIT_WORDS = re.compile(f"({_ARABIC_WORD.pattern})")
_ALNUM = re.compile(r"[^\W_]")


def _capitalized(text: str, convert) -> str:
    """Latin with the first word of each sentence (``sorani.sentence_spans``) and the known proper names
    (``translit_names.tsv``) capitalized. Everything else is as without ``capitalize``."""
    from bisect import bisect_right

    from .tokenizer import sentence_spans

    starts = [start for start, _ in sentence_spans(text)]
    parts = _SPLIT_WORDS.split(text)
    position = 0
    for k, part in enumerate(parts):
        if k % 2:
            latin = convert(word_to_latin(part))
            sentence = bisect_right(starts, position) - 1
            first = sentence >= 0 and not _ALNUM.search(text, starts[sentence], position)
            parts[k] = _upper_first(latin) if first or _is_name(part) else latin
        else:
            parts[k] = convert(part)
        position += len(part)
    return "".join(parts)


def _upper_first(latin: str) -> str:
    """The first letter in upper case (after a leading ’ or '): ’êraq → ’Êraq, ëêraq → Ëêraq."""
    for i, char in enumerate(latin):
        if char.upper() != char:
            return latin[:i] + char.upper() + latin[i + 1 :]
    return latin


@functools.lru_cache(maxsize=None)
def _names() -> frozenset[str]:
    return frozenset(row["name"] for row in load_table("translit_names.tsv"))


@functools.lru_cache(maxsize=100_000)
def _is_name(word: str) -> bool:
    """A proper name of ``translit_names.tsv``, alone or with nominal suffixes (کوردستانی, هەولێرەوە)."""
    names = _names()
    if word.startswith("ر"):
        word = "ڕ" + word[1:]
    if word in names:
        return True
    from .morphology.analyzer import _best_split

    return _best_split(word)[0] in names


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
    no_seat = _no_seat()
    for i, char in enumerate(word):
        starts_syllable = i == 0 or word[i - 1] in _VOWELS
        if char in _VOWELS and starts_syllable and char != "i" and not (i and char in no_seat):
            out.append("ئ")
        if char == "i" and i == 0:
            out.append("ئ")
            continue
        out.append(table.get(char, char))
    return "".join(out)


@functools.lru_cache(maxsize=None)
def _no_seat() -> frozenset[str]:
    return frozenset(row["vowel"] for row in load_table("translit_no_seat.tsv"))


@functools.lru_cache(maxsize=None)
def _whole_words() -> dict[str, str]:
    return {row["latin"]: row["arabic"] for row in load_table("translit_words.tsv")}


def _to_arabic(text: str) -> str:
    return _LATIN_WORD.sub(lambda m: word_to_arabic(m.group()), text)


def transliterate(text: str, *, target: str = "latin", scheme: str = "hawar", capitalize: bool = False) -> str:
    """Transliterate running text. ``target="latin"`` (default) writes Arabic-script Sorani in Latin letters
    (``scheme``: ``hawar`` with ’ for ع, ``wergor`` with ë, or ``ascii``); ``capitalize=True`` also
    capitalizes the first word of each sentence and the known proper names. ``target="arabic"`` writes
    Hawar Latin in Arabic script. Punctuation, digits, other scripts and spacing pass through.

    >>> transliterate("ئەمڕۆ مستەفا کازمی گەیشتە واشنتن. عێراق و کوردستان", capitalize=True)
    'Emřo Mistefa Kazimî geyşte Waşintin. ’Êraq û Kurdistan'
    """
    require_str(text)
    if target not in TARGETS:
        raise ConfigError(f"unknown target {target!r}; choose latin or arabic")
    if scheme not in SCHEMES:
        raise ConfigError(f"unknown scheme {scheme!r}; choose from {', '.join(SCHEMES)}")
    if not isinstance(capitalize, bool):
        raise ConfigError(f"capitalize must be True or False, not {capitalize!r}")
    return _to_latin(text, scheme, capitalize) if target == "latin" else _to_arabic(text)
