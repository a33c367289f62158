"""A slot-based analyzer over ``sorani/data/suffixes.tsv`` and a word-frequency lexicon.

A word is split as stem + suffixes, the suffixes taken from the right in slot order (clitics, then
postpositions, then pronominal clitics, ezafe, and definite/indefinite/plural), each split accepted only
when what remains is a known word. Verbs with their prefixes stay whole, as in the KurdishTokenization
scheme. Results are cached per word type.
"""

from __future__ import annotations

import functools
import gzip
import math
import operator
import re
from dataclasses import dataclass, field
from importlib import resources

from .._data import load_table
from ..alphabet import ALPHABET, VOWELS
from ..errors import ConfigError, require_str
from ..normalizer import Normalizer
from ..normalizer import _default as _default_normalizer
from ..tokenizer import tokenize
from . import verbs

_VOWELS = frozenset("اەێۆوی")
MIN_STEM_COUNT = verbs.MIN_STEM_COUNT
MIN_STEM_LENGTH = 2


@dataclass(slots=True, frozen=True)
class Morpheme:
    surface: str
    role: str  # stem, suffix, clitic, ezafe, postposition, prefix


@dataclass(slots=True)
class Analysis:
    """One reading of a word: its lemma, stem, part of speech (when known), morphemes and features, and a
    score (higher is better; readings from the affix grammar alone score lower)."""

    word: str
    lemma: str
    stem: str
    pos: str
    morphemes: list[Morpheme]
    features: dict[str, str] = field(default_factory=dict)
    score: float = 0.0


@functools.cache
def _suffixes() -> tuple[tuple[str, int, str, str, dict, bool, bool, bool], ...]:
    rows = []
    for row in load_table("suffixes.tsv"):
        features = dict(part.split("=") for part in row["features"].split("|") if part)
        known = {"yes": True, "no": False}.get(row["known_stem"], row["known_stem"])
        rows.append((row["surface"], int(row["slot"]), row["after"], row["role"], features,
                     known, row["after_verb"] == "yes", row["segment"] == "yes"))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.cache
def _verb_shape() -> re.Pattern[str]:
    """A stem shaped like a finite verb (``verb_shapes.tsv``): [preverb] prefix, two or more letters, ending
    (دابمرێنێت); or a past stem of ``verb_stems.tsv`` with a preverb or a person ending (گرت، هەڵگرت)."""
    rows = load_table("verb_shapes.tsv")
    prefixes = sorted((r["form"] for r in rows if r["kind"] == "prefix"), key=len, reverse=True)
    endings = sorted((r["form"] for r in rows if r["kind"] == "ending"), key=len, reverse=True)
    preverbs = sorted(verbs.preverb_forms(), key=len, reverse=True)
    pasts = sorted(verbs.past_stems(), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(preverbs)})?(?:(?:{'|'.join(prefixes)})\w{{2,}}(?:{'|'.join(endings)})"
                         rf"|(?:{'|'.join(pasts)})(?:ی|م|ت|مان|تان|یان|ە)?)")


@functools.cache
def _counts() -> dict[str, int]:
    """Word frequencies: the repair lexicon and ``stems.tsv.gz`` (see LICENSES.md), and the lemma table."""
    raw = resources.files("sorani").joinpath("data", "repair_lexicon.tsv.gz").read_bytes()
    counts: dict[str, int] = {}
    normal = Normalizer(punctuation=False, spacing=False)
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, _, count = line.partition("\t")
        if count.isdigit():
            key = normal(word)  # the lexicon keeps some spellings as found (رستە); words are looked up normalized
            counts[key] = counts.get(key, 0) + int(count)
    for word, count in _stems_table()[0].items():
        counts[word] = counts.get(word, 0) + count
    for lemma in _lemmas().values():
        counts[lemma] = max(counts.get(lemma, 0), MIN_STEM_COUNT)
    return counts


@functools.cache
def _stems_table() -> tuple[dict[str, int], dict[str, int]]:
    """``stems.tsv.gz``: extra word counts, and how often each word ends a phrase in running text."""
    extra = resources.files("sorani").joinpath("data", "stems.tsv.gz").read_bytes()
    counts: dict[str, int] = {}
    finals: dict[str, int] = {}
    for line in gzip.decompress(extra).decode("utf-8").splitlines():
        word, count, final = line.split("\t")
        if count != "0":
            counts[word] = int(count)
        if final != "0":
            finals[word] = int(final)
    return counts, finals


@functools.cache
def _derivation() -> tuple[dict[str, tuple[tuple[int, dict[str, tuple[str, ...]]], ...]], int]:
    """``derivation.tsv``: the derivational suffixes by their last letter, then by length, longest first, each
    as suffix -> what the base may end in; and the shortest compound part."""
    rows = load_table("derivation.tsv")
    by_letter: dict[str, dict[int, dict[str, list[str]]]] = {}
    for r in rows:
        if r["kind"] == "suffix":
            form = r["form"]
            by_letter.setdefault(form[-1], {}).setdefault(len(form), {}).setdefault(form, []).append(r["after"])
    parts = [int(r["form"]) for r in rows if r["kind"] == "compound"]
    return ({letter: tuple((n, {form: tuple(after) for form, after in table.items()})
                           for n, table in sorted(by_length.items(), reverse=True))
             for letter, by_length in by_letter.items()}, min(parts, default=0))


DERIVED, COMPOUND, MASDAR = 1, 2, 3


@functools.cache
def _word_ends() -> frozenset[str]:
    """The last letters of the lexicon's words: a compound ends in one of them."""
    return frozenset(word[-1] for word in _counts() if word)


@functools.lru_cache(maxsize=200_000)
def _derived(word: str) -> int:
    """How ``word``, which the lexicon lacks, is built from what it knows: ``DERIVED`` a known base + a
    derivational suffix, ``COMPOUND`` two known words (``derivation.tsv``), ``MASDAR`` a masdar of the verb
    table (هاوکاریکردن, بڵاوبوونەوە); 0 none. Such a stem counts as known, each kind with its own ranker weight."""
    counts = _counts()
    suffixes, min_part = _derivation()
    if (word[-1:] in "نە"  # (a masdar ends in ن or ە)
            and verbs.may_be_masdar(word) and any(verbs.is_infinitive(p) for p in verbs.parses(word))):
        return MASDAR
    size = len(word)
    for length, table in suffixes.get(word[-1:], ()):
        if size - length >= MIN_STEM_LENGTH:
            afters = table.get(word[-length:])
            if afters is not None:
                base = word[:-length]
                if counts.get(base, 0) >= MIN_STEM_COUNT and any(_fits(base, after) for after in afters):
                    return DERIVED
    # (every word of the lexicon has a count of at least MIN_STEM_COUNT)
    if min_part and word[-1:] in _word_ends():
        for i in range(min_part, size - min_part + 1):
            if word[i:] in counts and word[:i] in counts:  # (the end is the rarer word)
                return COMPOUND
    return 0


def is_known(stem: str) -> bool:
    """Is ``stem`` in the lexicon, or derived from it (``derivation.tsv``)?"""
    return _counts().get(stem, 0) >= MIN_STEM_COUNT or bool(_derived(stem))


@functools.cache
def _number_words() -> frozenset[str]:
    return frozenset(row["word"] for row in load_table("number_words.tsv"))


@functools.cache
def _phrase_openers() -> frozenset[str]:
    """Words that open a phrase (``morph_context.tsv``, kind opener): no ezafe complement starts with one."""
    return frozenset(row["word"] for row in load_table("morph_context.tsv") if row["kind"] == "opener")


@functools.cache
def _opening_brackets() -> frozenset[str]:
    """Punctuation an ezafe complement may stand in (``morph_context.tsv``, kind bracket): هەرێمی (جزیرە)."""
    return frozenset(row["word"] for row in load_table("morph_context.tsv") if row["kind"] == "bracket")


def _finals() -> dict[str, int]:
    return _stems_table()[1]


@functools.cache
def _lemmas() -> dict[str, str]:
    """form -> lemma from ``lemmas.tsv`` (UniMorph training rows)."""
    try:
        return {row["form"]: row["lemma"] for row in load_table("lemmas.tsv")}
    except Exception:  # noqa: BLE001 - the table is optional
        return {}


@functools.cache
def _lemma_pos() -> dict[str, str]:
    """lemma -> part of speech (``lemmas.tsv``, column pos); the number words are NUM."""
    out = {row["word"]: "NUM" for row in load_table("number_words.tsv")}
    try:
        out.update((row["lemma"], row["pos"]) for row in load_table("lemmas.tsv") if row.get("pos"))
    except Exception:  # noqa: BLE001 - the table is optional
        pass
    return out


def _fits(stem: str, after: str) -> bool:
    """Does the stem end the way the suffix's allomorph needs? A final single و or ی can be the consonant
    (w, y) or the vowel (u, î), so it fits both."""
    if after == "any" or (stem[-1] in "وی" and not stem.endswith("وو")):
        return True
    ends_in_vowel = stem[-1] in _VOWELS
    return ends_in_vowel if after == "vowel" else not ends_in_vowel


@functools.cache
def _suffix_tries() -> tuple[dict, ...]:
    """For each slot s: a letter trie of the reversed surfaces of the suffix rows of a slot above s (nearer the
    stem); the key "" of a node holds the rows whose surface ends there, in table order, each as
    (slot, after a vowel: True, a consonant: False, either: None; needs a known stem, may follow a verb shape,
    the suffix as ``_splits`` gives it)."""
    rows = []
    for surface, slot, after, role, features, needs_known, after_verb, split in _suffixes():
        key = suffix_key(surface, slot, after)
        after_vowel = None if after == "any" else after == "vowel"  # (see _fits)
        rows.append((surface, (slot, after_vowel, needs_known, after_verb,
                               (surface, role, features, split, key, slot, needs_known, Morpheme(surface, role)))))
    tries = []
    for slot in range(max(row[1][0] for row in rows) + 1):
        root: dict = {}
        for surface, row in rows:
            if row[0] > slot:
                node = root
                for ch in reversed(surface):
                    node = node.setdefault(ch, {})
                node.setdefault("", []).append(row)
        tries.append(root)
    return tuple(tries)


@functools.cache
def _suffix_letters() -> dict[int, frozenset[str]]:
    """slot -> the last letters of the suffixes that may stand nearer the stem (a higher slot)."""
    slots = {row[1] for row in _suffixes()} | {0}
    return {slot: frozenset(row[0][-1] for row in _suffixes() if row[1] > slot) for slot in slots}


def _splits(word: str, slot: int) -> list[tuple[list[tuple], str]]:
    """Every way to peel suffixes of slot > ``slot`` off the end, as (suffixes nearest the stem first, stem);
    a suffix is (surface, role, features, segment-apart, weight name, slot, needs a known stem, its Morpheme,
    one object for every reading that has the suffix). The suffixes that end the word are found by
    one walk down a trie of reversed surfaces, longest tried first."""
    out: list[tuple[list, str]] = [([], word)]
    node = _suffix_tries()[slot]
    found = []
    j = len(word) - 1
    while j >= MIN_STEM_LENGTH:  # the stem keeps at least MIN_STEM_LENGTH letters
        node = node.get(word[j])
        if node is None:
            break
        rows = node.get("")
        if rows is not None:
            found.append((j, rows))
        j -= 1
    if not found:
        return out
    counts = _counts()
    letters = _suffix_letters()
    known: dict[str, bool] = {}
    for j, rows in reversed(found):
        rest = word[:j]
        last = rest[-1]
        # what the stem ends in (_fits): a final single و or ی fits both a vowel and a consonant
        free = last in "وی" and not rest.endswith("وو")
        vowel = last in _VOWELS
        verb_shaped = None
        for s, after, needs_known, after_verb, item in rows:
            if after is not None and not free and vowel is not after:
                continue
            if not after_verb:
                if verb_shaped is None:
                    verb_shaped = _verb_shape().fullmatch(rest) is not None
                if verb_shaped:
                    continue
            if last not in letters[s]:  # nothing nearer the stem: the rest is the stem (the loop below, written out)
                if needs_known == "number" and rest not in _number_words():
                    continue
                if counts.get(rest, 0) >= MIN_STEM_COUNT or (not needs_known and len(rest) >= 3):
                    out.append(([item], rest))
                elif len(rest) >= 4:
                    ok = known.get(rest)
                    if ok is None:
                        ok = known[rest] = bool(_derived(rest))
                    if ok:
                        out.append(([item], rest))
                continue
            for suffixes, stem in _splits(rest, s):
                if needs_known == "number" and stem not in _number_words():
                    continue
                # an unknown stem is allowed when the suffix next to it is unambiguous (known_stem=no):
                # ڕستە + ەکە + دا
                if counts.get(stem, 0) >= MIN_STEM_COUNT:
                    out.append((suffixes + [item], stem))
                    continue
                if (not suffixes[0][6]) if suffixes else not needs_known:
                    if len(stem) >= 3:
                        out.append((suffixes + [item], stem))
                        continue
                if len(stem) >= 4:
                    ok = known.get(stem)
                    if ok is None:
                        ok = known[stem] = bool(_derived(stem))
                    if ok:
                        out.append((suffixes + [item], stem))
    return out


def _candidate_readings(word: str) -> tuple[tuple[list, str], ...]:
    """The candidate nominal readings of ``word``: for each stem, the reading with the fewest suffixes
    (ئەو + یش, not ئەو + ی + ش: one morpheme is read as one piece)."""
    splits = _splits(word, 0)
    if len(splits) == 1:
        return (splits[0],)
    best: dict[str, tuple[list, str]] = {}
    for split in splits:
        stem = split[1]
        if stem not in best or len(split[0]) < len(best[stem][0]):
            best[stem] = split
    return tuple(best.values())


_readings = functools.lru_cache(maxsize=200_000)(_candidate_readings)


@functools.cache
def _support_surfaces() -> frozenset[str]:
    """The suffixes counted as paradigm evidence (``suffixes.tsv``, column support)."""
    return frozenset(row["surface"] for row in load_table("suffixes.tsv") if row["support"] == "yes")


@functools.cache
def _params() -> dict[str, float]:
    """The weights of the reading ranker (``morph_params.tsv``, fitted by ``scripts/train_morph_ranker.py``)."""
    return {row["name"]: float(row["value"]) for row in load_table("morph_params.tsv")}


@functools.cache
def _paradigms() -> tuple[dict[str, tuple[tuple[int, str, str], ...]], dict[str, int]]:
    """For every string that some lexicon word extends by a suffix of ``suffixes.tsv``: the rows of those
    suffixes, each as (slot, surface, after), and how many of the suffixes marked support=yes it was seen with
    (a stem shows its paradigm)."""
    rows = _suffixes()
    by_surface: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_surface.setdefault(row[0], []).append(i)
    lengths = sorted({len(surface) for surface in by_surface})
    found: dict[str, list[int]] = {}
    for word in _counts():
        for length in lengths:
            if len(word) > length and word[-length:] in by_surface:
                found.setdefault(word[:-length], []).extend(by_surface[word[-length:]])
    support_rows = {i for surface in _support_surfaces() for i in by_surface.get(surface, ())}
    support = {stem: len({rows[i][0] for i in found_rows if i in support_rows}) for stem, found_rows in found.items()}
    return {stem: tuple((rows[i][1], rows[i][0], rows[i][2]) for i in found_rows)
            for stem, found_rows in found.items()}, support


def _support(word: str) -> int:
    """How many of the common suffixes the lexicon has seen on ``word``."""
    return _paradigms()[1].get(word, 0)


def _own_suffixes(word: str, slot: int) -> int:
    """How many suffixes of slot ``slot`` or nearer the stem the lexicon has seen on ``word`` itself (fitting
    its ending): a split whose outermost suffix has that slot cannot explain them, so they show that the
    whole word is a stem (کوردییەکان and کوردیی for کوردی against کورد + ی)."""
    found = _paradigms()[0].get(word)
    if found is None:
        return 0
    last = word[-1]  # (_fits, for one word and many rows)
    if last in "وی" and not word.endswith("وو"):
        return len({surface for s, surface, _ in found if s >= slot})
    vowel = last in _VOWELS
    return len({surface for s, surface, after in found
                if s >= slot and (after == "any" or (vowel if after == "vowel" else not vowel))})


def suffix_key(surface: str, slot: int, after: str) -> str:
    """The name of a suffix row's weight in ``morph_params.tsv``."""
    return f"suffix:{surface}/{slot}/{after}"


_DERIVED_NAMES = {DERIVED: "derived", COMPOUND: "compound", MASDAR: "masdar"}


def _derived_features(prefix: str, kind: int) -> dict[str, float]:
    return {prefix + _DERIVED_NAMES[kind]: 1.0} if kind else {}


def reading_features(word: str, suffixes: list, stem: str, context: int = 0) -> dict[str, float]:
    """The ranker's features of one nominal reading (``suffixes`` as (surface, role, features, split, key)).
    ``context``: 0 unknown, 1 the next token ends the phrase (punctuation, the end, و بۆ لە بە), 2 a word."""
    counts = _counts()
    log_word = math.log(counts.get(word, 0) + 1)
    log_final = math.log(_finals().get(word, 0) + 1)
    if not suffixes:
        return {"whole": 1.0, "whole:log_count": log_word, "whole:support": _support(word) / 10,
                "whole:short": float(len(word) <= 2), "whole:log_final": log_final,
                "whole:function_word": float(word in _function_words()),
                **_derived_features("whole:", 0 if word in counts else _derived(word))}
    stem_count = counts.get(stem, 0)
    out = {"split": 1.0, "split:log_stem_count": math.log(stem_count + 1), "split:log_word_count": log_word,
           "split:pieces": float(len(suffixes)), "split:support": _support(stem) / 10,
           "split:short_stem": float(len(stem) <= 2), "split:unknown_stem": float(stem_count == 0),
           "split:function_stem": float(stem in _function_words()),
           **_derived_features("split:", 0 if stem_count else _derived(stem))}
    if len(suffixes) == 1 and suffixes[0][1] == "ezafe":  # an ezafe needs a word after it: never at a phrase end
        # (on a bare stem only: after ەکە ەکان ێک the ی is the ezafe or the clitic, never part of the stem)
        out["split:ezafe_log_final"] = log_final
        # after a letter that is always a vowel a final ی is the ezafe or the clitic: a lexical -î is written یی
        # there (سوپای, ئەورووپای against مێژوویی)
        out["split:ezafe_after_vowel"] = float(stem[-1] in VOWELS)
        if context:
            out["split:ezafe_phrase_end" if context == 1 else "split:ezafe_before_word"] = 1.0
    out["split:word_own_suffixes"] = float(_own_suffixes(word, suffixes[-1][5]))
    for row in suffixes:
        out[row[4]] = out.get(row[4], 0.0) + 1.0
    return out


@functools.cache
def _weights() -> tuple[float, ...]:
    p = _params()
    names = ("whole", "whole:log_count", "whole:support", "whole:short", "whole:log_final", "split",
             "split:log_stem_count", "split:log_word_count", "split:pieces", "split:support", "split:short_stem",
             "split:unknown_stem", "split:function_stem", "split:ezafe_log_final", "split:ezafe_phrase_end",
             "split:ezafe_before_word", "split:word_own_suffixes", "whole:function_word", "split:ezafe_after_vowel")
    ranges = []
    for prefix in ("whole:", "split:"):  # the least and most a derived-stem weight adds, without / with a masdar
        values = [0.0, p.get(prefix + "derived", 0.0), p.get(prefix + "compound", 0.0)]
        ranges += [(min(values), max(values)), (min(values + [p.get(prefix + "masdar", 0.0)]),
                                                max(values + [p.get(prefix + "masdar", 0.0)]))]
    return tuple(p.get(name, 0.0) for name in names) + (tuple(ranges),)


def _derived_weight(prefix: str, word: str) -> float:
    kind = _derived(word)
    return _params().get(prefix + _DERIVED_NAMES[kind], 0.0) if kind else 0.0


def _score(word: str, suffixes: list, stem: str, context: int = 0) -> float:
    """The ranker's score of a reading: the weighted sum of ``reading_features`` (weights in
    ``morph_params.tsv``)."""
    return _scores(word, ((suffixes, stem),), context)[0]


@functools.cache
def _score_tables() -> tuple[dict[str, int], dict, dict[str, int], frozenset[str], dict[str, int]]:
    """The tables ``_scores`` reads (not the weights, which the training scripts swap): counts, paradigms,
    support, function words, phrase-final counts."""
    return _counts(), *_paradigms(), _function_words(), _finals()


def _scores(word: str, readings, context: int = 0, bounds: list | None = None) -> list[float]:
    """The ranker's scores of the readings of ``word``, written out here because it runs for every new
    word; what depends on the word alone is computed once. With a list ``bounds``, the derived-stem term of
    an unknown word or stem that nothing has asked about yet (the derivation test is the dearest feature) is
    left out of the score, and (reading, least, most it can add) is put on the list instead."""
    (whole, w_log, w_support, w_short, w_final, split, s_stem, s_word, s_pieces, s_support, s_short, s_unknown,
     s_function, e_final, e_end, e_word, s_own, w_function, e_vowel, ranges) = _weights()
    params = _params()
    counts, paradigms, support, function_words, finals = _score_tables()
    log = math.log
    log_word = log(counts.get(word, 0) + 1)
    log_final = log(finals.get(word, 0) + 1)
    own: dict[int, int] | None = {} if word in paradigms else None  # (a word of no paradigm has no own suffix)
    out = []
    for suffixes, stem in readings:
        if not suffixes:
            if word in counts:
                derived = 0.0
            elif bounds is not None:
                derived = 0.0
                bounds.append((len(out), *ranges[verbs.may_be_masdar(word)]))
            else:
                derived = _derived_weight("whole:", word)
            out.append(whole + w_log * log_word + w_support * support.get(word, 0) / 10 + w_short * (len(word) <= 2)
                       + w_final * log_final + derived + w_function * (word in function_words))
            continue
        if own is None:
            own_count = 0
        else:
            outer = suffixes[-1][5]
            own_count = own.get(outer)
            if own_count is None:
                own_count = own[outer] = _own_suffixes(word, outer)
        stem_count = counts.get(stem, 0)
        if stem_count:
            derived = 0.0
        elif bounds is not None and not suffixes[0][6]:  # (after a suffix that needs a known stem, _splits
            derived = 0.0                                  # has asked already)
            bounds.append((len(out), *ranges[2 + verbs.may_be_masdar(stem)]))
        else:
            derived = _derived_weight("split:", stem)
        score = (split + s_stem * log(stem_count + 1) + s_word * log_word + s_pieces * len(suffixes)
                 + s_support * support.get(stem, 0) / 10 + s_short * (len(stem) <= 2) + s_unknown * (stem_count == 0)
                 + s_function * (stem in function_words) + s_own * own_count + derived)
        if len(suffixes) == 1 and suffixes[0][1] == "ezafe":
            score += e_final * log_final + (e_end if context == 1 else e_word if context == 2 else 0.0)
            if stem[-1] in VOWELS:
                score += e_vowel
        for row in suffixes:
            score += params.get(row[4], 0.0)
        out.append(score)
    return out


def _tokens(suffixes: list, stem: str) -> tuple[str, ...]:
    """The segment tokens of a reading: the stem, then each suffix apart or, for the rows the gold scheme
    writes attached (suffixes.tsv, column segment), on the token before it."""
    out = [stem]
    for row in suffixes:
        if row[3]:
            out.append(row[0])
        else:
            out[-1] += row[0]
    return tuple(out)


@functools.lru_cache(maxsize=200_000)
def _best_splits(word: str) -> tuple[str, ...] | list[tuple[str, ...]]:
    """The segment tokens of the best nominal reading of ``word``, or when they depend on the context, a list
    of them for each context (0 unknown, 1 at a phrase end, 2 before a word): one pass over the readings, as
    only an ezafe's score depends on the context."""
    readings = _candidate_readings(word)
    if len(readings) == 1:
        return _tokens(*readings[0])
    if not any(row[3] for suffixes, _ in readings for row in suffixes):
        return (word,)  # no reading writes a suffix apart: all are written as the word, no need to rank them
    bounds: list = []
    scores = _scores(word, readings, 0, bounds)
    if bounds:  # the derived-stem terms were left out: are the winners clear whatever they are?
        tops = _clear_winners(readings, scores, bounds)
        if tops is not None:
            if tops[0] == tops[1] == tops[2]:
                return _tokens(*readings[tops[0]])
            return [_tokens(*readings[top]) for top in tops]
        scores = _scores(word, readings)
    best = 0  # the best reading: the highest score, then the fewest suffixes, then the first
    ezafe = []  # the readings whose score depends on the context: an ezafe on a bare stem
    for i, (suffixes, _stem) in enumerate(readings):
        if i and (scores[i] > scores[best] or (scores[i] == scores[best] and len(suffixes) < len(readings[best][0]))):
            best = i
        if len(suffixes) == 1 and suffixes[0][1] == "ezafe":
            ezafe.append(i)
    if not ezafe:
        return _tokens(*readings[best])
    weights = _weights()
    tops = [best]
    for bonus in (weights[14], weights[15]):  # at a phrase end, before a word
        top = 0
        for i, (suffixes, _stem) in enumerate(readings):
            score = scores[i] + bonus if i in ezafe else scores[i]
            best_score = scores[top] + bonus if top in ezafe else scores[top]
            if i and (score > best_score or (score == best_score and len(suffixes) < len(readings[top][0]))):
                top = i
        tops.append(top)
    if tops[0] == tops[1] == tops[2]:
        return _tokens(*readings[best])
    return [_tokens(*readings[top]) for top in tops]


def _clear_winners(readings, scores, bounds) -> list[int] | None:
    """For each context (unknown, at a phrase end, before a word), the reading that wins whatever the terms
    left out of ``scores`` (``bounds``: reading, least, most) turn out to be; None if that is not clear."""
    weights = _weights()
    lows, highs = list(scores), list(scores)
    for i, least, most in bounds:
        lows[i] += least
        highs[i] += most
    ezafe = [len(suffixes) == 1 and suffixes[0][1] == "ezafe" for suffixes, _ in readings]
    tops = []
    for bonus in (0.0, weights[14], weights[15]):
        low = [value + bonus if ez else value for value, ez in zip(lows, ezafe)]
        high = [value + bonus if ez else value for value, ez in zip(highs, ezafe)]
        top = max(range(len(low)), key=low.__getitem__)
        floor = low[top] - 1e-9
        for j, value in enumerate(high):
            if j != top and value >= floor:
                return None
        tops.append(top)
    return tops


def context_after(after) -> int:
    """The context ``segment`` gives a word from the token after it (None at the end): 1 a phrase end
    (punctuation but an opening bracket, the end, a phrase opener of morph_context.tsv), 2 a word."""
    if after is None or after.text in _phrase_openers():
        return 1
    return 1 if after.kind != "word" and after.text not in _opening_brackets() else 2


def _best_split(word: str, context: int = 0) -> tuple[str, ...]:
    """The segment tokens of ``word`` in ``context``."""
    best = _best_splits(word)
    return best[context] if best.__class__ is list else best


def segment(text: str) -> list[str]:
    """Tokens in the morpheme-level scheme of the KurdishTokenization gold: clitics, postpositions, ezafe
    and definite/indefinite/plural suffixes apart, verbs whole, punctuation apart. Only spaces are lost.

    >>> segment("لە عێراقدا وەک ناو بەکاردێت")
    ['لە', 'عێراق', 'دا', 'وەک', 'ناو', 'بەکاردێت']
    """
    require_str(text)
    out: list[str] = []
    extend = out.extend
    chunk_of = _chunk
    pending = None  # the tokens of the last word so far for each context, when they depend on what follows
    for chunk in text.split():  # no token holds a space, so the text is read chunk by chunk, each cached
        context, tokens, last = chunk_of(chunk)
        if pending is not None:
            extend(pending[context])
        extend(tokens)
        pending = last
    if pending is not None:
        extend(pending[1])  # the end of the text is a phrase end
    return out


@functools.cache
def _plain_word() -> re.Pattern[str]:
    """Runs of text the tokenizer reads as one word: Kurdish letters, the Arabic-keyboard letters and marks
    of raw text (ك ى ي ة ھ ۀ أ إ آ ؤ, tatweel, harakat), ZWNJ/ZWJ only between letters."""
    letters = "".join(ALPHABET) + "كىيةھۀأإآؤ\u0640\u064b-\u0652"
    return re.compile(f"[{letters}]+(?:[\u200c\u200d]+[{letters}]+)*")


@functools.lru_cache(maxsize=200_000)
def _chunk(chunk: str) -> tuple[int, tuple[str, ...], list | None]:
    """``segment`` of a run of text without spaces: the context its first token gives the word before it
    (``context_after``), its segment tokens but those of a last word whose reading depends on what follows,
    and for such a word its tokens for each context (else None)."""
    if _plain_word().fullmatch(chunk):  # letters only: one word token, as the tokenizer gives it
        pieces = _best_splits(chunk)
        context = 1 if chunk in _phrase_openers() else 2
        return (context, (), pieces) if pieces.__class__ is list else (context, pieces, None)
    tokens = tokenize(chunk)
    out: list[str] = []
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if token.kind != "word":
            out.append(token.text)
            continue
        pieces = _best_splits(token.text)
        if pieces.__class__ is list:  # the reading depends on what follows
            if i == last:
                return context_after(tokens[0]), tuple(out), pieces
            pieces = pieces[context_after(tokens[i + 1])]
        out.extend(pieces)
    return context_after(tokens[0]), tuple(out), None


def _ranked_readings(normalized: str) -> list[tuple[float, tuple[list, str]]]:
    """The five best nominal readings of a normalized word with their scores, best first (the first is the one
    ``verb_preference.tsv`` weighs a verb parse against)."""
    readings = _candidate_readings(normalized)
    if len(readings) == 1:
        return [(_scores(normalized, readings)[0], readings[0])]
    ranked = list(zip(_scores(normalized, readings), readings))
    ranked.sort(key=lambda pair: (-pair[0], len(pair[1][0])))
    return ranked[:5] if len(ranked) > 5 else ranked


# the morphemes of stems and verb readings, one object for each (surface, role): fewer objects for the garbage collector
# to walk through in the cache of analyses
_morpheme = functools.lru_cache(maxsize=100_000)(Morpheme)
_SCORE = operator.itemgetter(5)  # (the score of an analysis record)
_NO_FEATURES: dict[str, str] = {}  # (never changed: analyze hands out copies)


@functools.cache
def _normalizer() -> Normalizer:
    """The normalizer ``normalize(word)`` uses, bound once."""
    return _default_normalizer("standard", None)


@functools.cache
def _normalize_word():
    """``_normalizer()`` as a bound method (a call through the instance's ``__call__`` slot costs more)."""
    return _normalizer().__call__


@functools.lru_cache(maxsize=200_000)
def _analyses(word: str) -> tuple[tuple, ...]:
    """The readings of ``word``, best first, each as (lemma, stem, part of speech, morphemes, features, score):
    ``analyze`` makes them into Analysis objects of the caller's own, built only there. They depend on the
    normalized word alone, so spellings that normalize alike (كوردستان, کوردستان) share one computation."""
    return _normalized_analyses(_normalize_word()(word))


@functools.lru_cache(maxsize=200_000)
def _normalized_analyses(normalized: str) -> tuple[tuple, ...]:
    """``_analyses`` of a normalized word."""
    counts = _counts()
    lemmas = _lemmas()
    lemma_pos = _lemma_pos()
    scored = _ranked_readings(normalized)
    analyses = []
    for score, (suffixes, stem_) in scored:
        if suffixes:
            if len(suffixes) == 1:
                morphemes = [_morpheme(stem_, "stem"), suffixes[0][7]]
                features = suffixes[0][2]
            else:
                morphemes = [_morpheme(stem_, "stem")]
                features = {}
                for row in suffixes:
                    morphemes.append(row[7])
                    features.update(row[2])
            lemma = lemmas.get(stem_, stem_)
        else:
            morphemes = [_morpheme(stem_, "stem")]
            features = _NO_FEATURES
            lemma = lemmas.get(normalized) or lemmas.get(stem_, stem_)
        pos = lemma_pos.get(lemma, "")
        if pos == "VERB":
            pos = ""  # a nominal reading of a verb's lemma (a masdar) is no finite verb
        # the shown score is the ranker's, so the readings come best score first; a stem the lexicon lacks
        # already scores low through the ranker's count features
        analyses.append((lemma, stem_, pos, morphemes, features, round(score, 3)))
    verb_readings = verbs.parses(normalized)[:2]
    if verb_readings:
        best_score, best_stem = analyses[0][5], analyses[0][1]
        if normalized in verbs.irregular_forms():
            first = True
        elif normalized in lemmas:  # the lemma table knows the word: the verb reading first if it agrees
            # (a masdar-shaped noun such as ئاسمان has itself as lemma either way: its part of speech decides)
            lemma = lemmas[normalized]
            first = (verbs.lemma_of(verb_readings[0], _lemma_set()) == lemma
                     and lemma_pos.get(lemma, "VERB") == "VERB")
        else:
            first = verbs.prefer_verb(verb_readings[0], normalized, best_stem, counts.get(best_stem, 0))
        top = max(best_score, 1.0) + 1 if first else best_score - 1  # a verb-table parse is no guess
        for rank, parse in enumerate(verb_readings):
            stem_ = next(surface for surface, role in reversed(parse.pieces) if role == "stem")
            morphemes = [_morpheme(surface, role) for surface, role in parse.pieces]
            analyses.append((verbs.lemma_of(parse, _lemma_set()), stem_, "VERB", morphemes, dict(parse.features),
                             round(top - rank * 0.5, 3)))
        analyses.sort(key=_SCORE, reverse=True)  # (stable, as with key -score: ties keep their order)
    return tuple(analyses)


@functools.cache
def _lemma_set() -> frozenset[str]:
    return frozenset(_lemmas().values())


def analyze(word: str) -> list[Analysis]:
    """Readings of ``word``, best first; an unknown word still gets one (with a lower score).

    The readings are the caller's own: changing one (its morphemes, its features) leaves what the next call
    returns as it was. Whitespace around the word is left out (a line read from a file keeps its line break).
    """
    if word.__class__ is not str:
        require_str(word)
    word = word.strip()
    out = []
    for lemma, stem_, pos, morphemes, features, score in _analyses(word):
        # Analysis(word, lemma, ...) field by field: the same object without the dataclass __init__ call, which
        # cost as much as the rest of a cached call (tests/test_morphology.py compares the two)
        reading = _new(Analysis)
        reading.word = word
        reading.lemma = lemma
        reading.stem = stem_
        reading.pos = pos
        reading.morphemes = morphemes.copy()
        reading.features = features.copy()
        reading.score = score
        out.append(reading)
    return out


_new = object.__new__


def lemmatize(word: str) -> str:
    """The lemma of the best reading of ``word`` (whitespace around it left out)."""
    word = require_str(word).strip()
    normalized = _normalizer()(word)
    if normalized in _lemmas():
        return _lemmas()[normalized]
    readings = _analyses(word)  # (lemma, stem, pos, ...)
    best = readings[0]
    if normalized in _function_words() and not (best[2] == "VERB" and best[0] in verbs.auxiliaries()):
        # a function word (stopwords.tsv) is no verb but an auxiliary (دەبێت، دەکات), and not a stem of one
        # or two letters plus a suffix: ئەم is not ئە + م, ئەگەر is not a form of گەیشتن
        for lemma, stem_, pos, *_ in readings:
            if stem_ == normalized or (pos != "VERB" and len(stem_) >= 3):
                return lemma
    return best[0]


@functools.cache
def _function_words() -> frozenset[str]:
    from ..stoplists import stopwords

    return frozenset(stopwords("default"))


def stem(word: str, *, mode: str = "light") -> str:
    """A search stem: ``light`` strips clitics and nominal suffixes; ``aggressive`` reduces a verb to its
    present or past stem and otherwise also strips the prefixes دە نە نا مە and a final ە/ی.

    >>> stem("پیاوێک"), stem("دەیانهێنێتەوە", mode="aggressive")
    ('پیاو', 'هێن')
    """
    word = require_str(word).strip()  # whitespace around the word is left out
    if mode not in ("light", "aggressive"):
        raise ConfigError("stem mode must be light or aggressive")
    readings = _analyses(word)  # (lemma, stem, pos, ...)
    if mode == "aggressive" and readings[0][2] == "VERB":
        return readings[0][1]  # the present or past stem of the verb
    base = next(a[1] for a in readings if a[2] != "VERB")
    if mode == "aggressive":
        for prefix in ("دە", "نە", "نا", "مە"):
            if base.startswith(prefix) and len(base) - len(prefix) >= 3:
                base = base[len(prefix) :]
                break
        if len(base) > 3 and base[-1] in "ەی":
            base = base[:-1]
    return base
