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
import unicodedata
from importlib import resources

from ._data import load_table
from .errors import ConfigError, require_str

SCHEMES = ("hawar", "wergor", "ascii", "ipa")
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
    return _set_marks(word) or "-" * (len(word) + 2)


def _set_marks(word: str) -> str | None:
    """``_marks(word)``, or None when the word has no P mark (most words)."""
    prefixes = _prefix_set()
    marked = [i for i in range(2, len(word) - 1) if word[:i] in prefixes]
    if not marked:
        return None
    marks = ["-"] * (len(word) + 2)
    for i in marked:
        marks[i + 1] = "P"
    return "".join(marks)


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


# The run-time scorer: for each letter class (C for every consonant, which share their labels; و, ی and ئ),
# one function compiled from the templates that sums a dict lookup per template. A score is one integer: for
# a consonant the bizroke score (weight of iC minus weight of C), for و, ی and ئ the scores of its options
# packed in lanes of _LANE bits (packing is linear: the packed sum is the pack of the sums, read back once).
# Weights are the model's four decimals times 10,000, so the sums are exact.
_LANE = 40
_LANE_BIAS = 1 << (_LANE - 1)
_LANE_MASK = (1 << _LANE) - 1
_RUN_LIMIT = 1 << 17  # the runs cache of label_word is emptied when it holds more runs than this


def _letter_class(letter: str) -> str:
    return "C" if _letters()[letter]["kind"] == "consonant" else letter


def _pack(cls: str, keys: tuple[str, ...], row: dict[str, float]) -> int:
    weights = [round(row.get(key, 0.0) * 10_000) for key in keys]
    if cls == "C":
        return weights[1] - weights[0]
    return sum(weight << (_LANE * j) for j, weight in enumerate(weights))


@functools.lru_cache(maxsize=None)
def _scorers() -> dict[str, object]:
    """Letter class -> its scorer, a function of (window, skeleton, previous label, marks)."""
    by_template: dict[str, dict[str, dict[str, float]]] = {name: {} for name, _ in TEMPLATES}
    for feature, row in _model()[1].items():
        name, _, value = feature.partition("=")
        if name in by_template:
            by_template[name][value] = row
    out = {}
    for a, (options, keys, _) in _letter_plan().items():
        cls = _letter_class(a)
        if len(options) < 2 or cls in out:
            continue
        env = {f"t{k}": {v: _pack(cls, keys, r) for v, r in by_template[name].items() if any(key in r for key in keys)}.get
               for k, (name, _) in enumerate(TEMPLATES)}
        out[cls] = _compile(" + ".join(f"t{k}({expr}, 0)" for k, (_, expr) in enumerate(TEMPLATES)), env)
    return out


@functools.lru_cache(maxsize=None)
def _prefix_set() -> frozenset[str]:
    """The words of two letters or more that set a P mark after them (count ≥ ``prefix_count``)."""
    minimum = _params()["prefix_count"]
    return frozenset(w for w, n in _morphology().items() if n >= minimum and len(w) >= 2)


@functools.lru_cache(maxsize=None)
def _letter_plan() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]]:
    """letter -> (its options, their labels, whether it is a consonant)."""
    return {a: (candidates(a), tuple(label_key(a, o) for o in candidates(a)), row["kind"] == "consonant")
            for a, row in _letters().items()}


@functools.lru_cache(maxsize=None)
def _labeller() -> tuple[dict, dict, re.Pattern]:
    """letter -> (options, labels, is a consonant, its scorer or None for a vowel letter, None or (the bias
    that makes every lane non-negative, the lanes' shifts)); the skeleton table; the pattern of the runs of letters with a choice (all but the vowel letters ا ە ێ ۆ)."""
    scorers = _scorers()
    letters = {}
    for a, (options, keys, consonant) in _letter_plan().items():
        scorer = scorers[_letter_class(a)] if len(options) > 1 else None
        lanes = None
        if scorer and not consonant:
            lanes = (sum(_LANE_BIAS << (_LANE * j) for j in range(len(keys))), tuple(_LANE * j for j in range(len(keys))))
        letters[a] = (options, keys, consonant, scorer, lanes)
    vowels = "".join(a for a, (options, _, _) in _letter_plan().items() if len(options) == 1)
    return letters, _shape_table(), re.compile(f"[^{vowels}]+")


@functools.lru_cache(maxsize=1024)  # maxsize ≥ 1000: emptied with the per-word caches (benchmarks/run.py)
def _run_cache() -> dict[str, tuple[str, ...]]:
    """A run's letters, context and marks -> its labels (see label_word), for the runs seen in this run."""
    return {}


def label_word(word: str) -> list[str]:
    """The Latin string for each letter of ``word``, chosen greedily left to right by the perceptron.

    Works run by run: the labels of a run of letters between vowel letters (which have one option each)
    depend only on the letters up to three before and after it, the marks around it, and the label of the
    letter before it, a vowel letter's only label or the word start, which that context fixes. So a run is
    decided once per context (kept in ``_run_cache``) and copied where it comes again."""
    letters, shape_table, choice_runs = _labeller()
    n = len(word)
    padded = _PAD + word + "$$$"
    marks = _set_marks(word)
    runs = _run_cache()
    shape = None
    labels: list[str] = []
    start = 0
    for match in choice_runs.finditer(word):
        begin, end = match.span()
        for letter in word[start:begin]:
            labels.append(letters[letter][0][0])
        key = padded[begin : end + 6]
        if marks is not None and "P" in marks[begin : end + 2]:
            key += marks[begin : end + 2]  # - and P: a key with marks never equals one without
        run = runs.get(key)
        if run is None:
            if shape is None:
                shape = padded.translate(shape_table)
            if len(runs) > _RUN_LIMIT:
                runs.clear()
            previous = letters[word[begin - 1]][1][0] if begin else "^"
            run = runs[key] = _decide_run(word, padded, shape, marks or "-" * (n + 2), begin, end, previous)
        labels += run
        start = end
    for letter in word[start:]:
        labels.append(letters[letter][0][0])
    return labels


def _decide_run(word: str, padded: str, shape: str, marks: str, begin: int, end: int, previous: str) -> tuple:
    """The labels of word[begin:end], a run of letters that all have a choice, after the label ``previous``."""
    letters = _labeller()[0]
    labels = []
    for i in range(begin, end):
        options, keys, consonant, scorer, lanes = letters[word[i]]
        if i == 0 and consonant:
            k = 0  # no bizroke before the first letter (the ئ seat writes a vowel onset)
        elif i == 1 and consonant and letters[word[0]][2]:
            k = 1  # a word never starts with a cluster
        else:
            score = scorer(padded[i : i + 7], shape[i : i + 7], previous, marks[i : i + 3])
            if consonant:
                k = 1 if score > 0 else 0
            else:
                bias, shifts = lanes
                score += bias
                scores = [(score >> shift) & _LANE_MASK for shift in shifts]
                k = scores.index(max(scores))  # ties go to the earlier option
        labels.append(options[k])
        previous = keys[k]
    return tuple(labels)


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


@functools.lru_cache(maxsize=1 << 17)
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


@functools.lru_cache(maxsize=None)
def _arabic_letters() -> tuple[dict[int, str], re.Pattern]:
    """Arabic-only letters (ط ذ ص …) as the Sorani letters of loanword spelling (translit_arabic_letters.tsv),
    and a pattern that finds any of them."""
    table = str.maketrans({row["letter"]: row["sorani"] for row in load_table("translit_arabic_letters.tsv")})
    return table, re.compile("[" + re.escape("".join(map(chr, table))) + "]")


def _prepared(text: str) -> str:
    """The text as the Arabic → Latin side reads it: normalized (initial ر kept) and the Arabic-only letters
    as Sorani spells them."""
    text = _normalizer()(text)
    table, found = _arabic_letters()
    # most texts have none of these letters, and a search is much cheaper than a translate pass
    return text.translate(table) if found.search(text) else text


def _to_latin(text: str, scheme: str, capitalize: bool = False) -> str:
    text = _prepared(text)
    if capitalize:
        return _capitalized(text, _SCHEME_FUNCTIONS[scheme])
    # one split into words and what lies between them, then a dict lookup per word (a cache of whole
    # space-separated tokens, punctuation attached, held more entries than its bound on a large corpus)
    known, to_latin = _known().get, word_to_latin
    parts = _SPLIT_WORDS.split(text)
    parts[1::2] = [known(word) or to_latin(word) for word in parts[1::2]]
    if scheme != "hawar":  # only the words written here: a ’ used as a quote mark, or Latin input, stays
        parts[1::2] = map(_SCHEME_FUNCTIONS[scheme], parts[1::2])
    return "".join(parts)


def _wergor(latin: str) -> str:
    return latin.replace("’", "ë")


def _ascii(latin: str) -> str:
    return latin.translate(_ascii_table())


_SCHEME_FUNCTIONS = {"hawar": str, "wergor": _wergor, "ascii": _ascii}


@functools.lru_cache(maxsize=None)
def _ipa_tables() -> tuple[dict[int, str], dict[str, str], dict[str, str]]:
    """From ``translit_ipa.tsv``: (Hawar letter -> IPA for any position, the word-initial exceptions,
    the Arabic letter behind ’ or a word-initial seat -> its IPA)."""
    letters, initial, sources = {}, {}, {}
    for row in load_table("translit_ipa.tsv"):
        if row["arabic"]:
            sources[row["arabic"] + ("^" if row["position"] == "initial" else "")] = row["ipa"]
        elif row["position"] == "initial":
            initial[row["hawar"]] = row["ipa"]
        else:
            letters[row["hawar"]] = row["ipa"]
    return str.maketrans(letters), initial, sources


@functools.lru_cache(maxsize=1 << 16)
def word_to_ipa(word: str) -> str:
    """One normalized Arabic-script word in IPA, read from its Hawar Latin: ’ is ʕ where the word has ع and
    ʔ where it has a seat ئ inside it (matched in order), and a word-initial seat gives ʔ."""
    letters, initial, sources = _ipa_tables()
    latin = word_to_latin(word)
    ipa = (initial.get(latin[:1]) or latin[:1].translate(letters)) + latin[1:].translate(letters)
    if "’" in ipa:
        parts = ipa.split("’")
        sounds = _apostrophe_sounds(word, len(parts) - 1, sources)
        ipa = "".join(part + sound for part, sound in zip(parts, sounds + [""]))
    return sources["ئ^"] + ipa if word.startswith("ئ") else ipa


def _apostrophe_sounds(word: str, count: int, sources: dict[str, str]) -> list[str]:
    """The IPA of each of the ``count`` ’ of ``word``'s Hawar, from the letters that can write one (ع, and a
    seat ئ inside the word) in order; when a seat was read as nothing and the numbers differ, the ’ are
    the ع ones."""
    sounds = [sources[char] for char in word[:1] if char == "ع"] + [sources[char] for char in word[1:] if char in sources]
    return sounds if len(sounds) == count else [sources["ع"]] * count


def _to_ipa(text: str) -> str:
    """Each Arabic-script word in IPA; everything between words (punctuation, digits, Latin) as it is."""
    parts = _SPLIT_WORDS.split(_prepared(text))
    parts[1::2] = map(word_to_ipa, parts[1::2])
    return "".join(parts)


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
# A letter may carry combining marks: decomposed (NFD) text, as macOS and some keyboards write it, spells ê as
# e + U+0302 and ş as s + U+0327; the word is composed (NFC) before it is read.
_LATIN_WORD = re.compile(r"(?:[a-zçêîûşřłḧẍë’'][\u0300-\u036f]*)+", re.IGNORECASE)
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


@functools.lru_cache(maxsize=None)
def _latin_tokens() -> re.Pattern:
    """A web address, an e-mail address or an @mention (kept as written: it names something), else a word."""
    from .tokenizer import EMAIL_PATTERN, MENTION_PATTERN, URL_PATTERN

    return re.compile(f"{URL_PATTERN}|{EMAIL_PATTERN}|{MENTION_PATTERN}|(?P<word>{_LATIN_WORD.pattern})", re.IGNORECASE)


def _word_or_kept(match: re.Match) -> str:
    word = match.group("word")
    if word is None:
        return match.group()
    return word_to_arabic(word if word.isascii() else unicodedata.normalize("NFC", word))


def _to_arabic(text: str) -> str:
    return _latin_tokens().sub(_word_or_kept, text)


def transliterate(text: str, *, target: str = "latin", scheme: str = "hawar", capitalize: bool = False) -> str:
    """Transliterate running text. ``target="latin"`` (default) writes Arabic-script Sorani in Latin letters
    (``scheme``: ``hawar`` with ’ for ع, ``wergor`` with ë, ``ascii``, or ``ipa``, a broad phonemic
    transcription from ``translit_ipa.tsv``); ``capitalize=True`` also
    capitalizes the first word of each sentence and the known proper names. ``target="arabic"`` writes
    Hawar Latin (``scheme="hawar"`` or ``"wergor"``) in Arabic script, keeping web and e-mail addresses and
    @mentions as written. Arabic-only letters (ط ص ذ …) are read as Sorani spells them in loanwords
    (``translit_arabic_letters.tsv``). Punctuation, digits, other scripts and spacing pass through.

    >>> transliterate("ئەمڕۆ مستەفا کازمی گەیشتە واشنتن. عێراق و کوردستان", capitalize=True)
    'Emřo Mistefa Kazimî geyşte Waşintin. ’Êraq û Kurdistan'
    >>> transliterate("ئێمە لە عێراق ڕایگەیاند.", scheme="ipa")
    'ʔeːmɛ lɛ ʕeːɾɑːq rɑːjɡɛjɑːnd.'
    """
    require_str(text)
    if target not in TARGETS:
        raise ConfigError(f"unknown target {target!r}; choose latin or arabic")
    if scheme not in SCHEMES:
        raise ConfigError(f"unknown scheme {scheme!r}; choose from {', '.join(SCHEMES)}")
    if not isinstance(capitalize, bool):
        raise ConfigError(f"capitalize must be True or False, not {capitalize!r}")
    if target == "arabic" and scheme == "ascii":
        raise ConfigError("target='arabic' reads Hawar Latin (or Wergor's ë for ’); ASCII Latin cannot be "
                          "read back (sh, rr and ii stand for one letter or two)")
    if scheme == "ipa":
        if target == "arabic" or capitalize:
            raise ConfigError("scheme='ipa' writes Arabic-script Sorani in IPA; it has no capitals and cannot be "
                              "read back to Arabic script")
        return _to_ipa(text)
    return _to_latin(text, scheme, capitalize) if target == "latin" else _to_arabic(text)
