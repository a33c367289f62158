"""Verb parses over ``verb_stems.tsv`` and ``verb_affixes.tsv``.

A finite verb is read as [preverb or nominal part] [negation] [aspect/mood] [agent clitic] STEM [voice] [tail],
anchored on a present or past stem from the table; its lemma is the infinitive with the preverb or nominal part
in front (ڕایگەیاند → ڕا + ی + گە + یاند → ڕاگەیشتن, causative of the base verb as in UniMorph).
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass

from .._data import load_table
from .._regex import finite_language


@dataclass(frozen=True, slots=True)
class VerbParse:
    lemma: str
    pieces: tuple[tuple[str, str], ...]  # (surface, role), concatenating to the word
    features: tuple[tuple[str, str], ...]
    evidence: int  # how many verbal affixes (negation, aspect, agent, voice, tail) the parse found
    stem_length: int
    nominal_head: bool  # a nominal part stands before the verb (compound verb)

    @property
    def finite_markers(self) -> int:
        """Negation, aspect, agent and voice affixes: what tells a verb from a noun."""
        return sum(role in ("prefix", "clitic") for _, role in self.pieces) + any(
            key == "voice" for key, _ in self.features)


@functools.cache
def _affixes() -> dict[str, list[tuple[str, str, dict]]]:
    out: dict[str, list[tuple[str, str, dict]]] = {}
    for row in load_table("verb_affixes.tsv"):
        features = dict(part.split("=") for part in row["features"].split("|") if part)
        out.setdefault(row["kind"], []).append((row["form"], row["role"], features))
    return out


@functools.cache
def _stems() -> tuple[tuple[str, str, str], ...]:
    """(stem, kind, infinitive), longest stems first, then in table order (not in a set's order, which changes
    with the hash seed: a stem that is both past and present, بەست, would get either tense)."""
    rows = []
    for row in load_table("verb_stems.tsv"):
        rows.append((row["past"], "past", row["infinitive"]))
        for present in row["present"].split("|"):
            if present != "-":
                    rows.append((present, "present", row["infinitive"]))
    return tuple(sorted(dict.fromkeys(rows), key=lambda r: -len(r[0])))


_KINDS = ("present", "past")


@functools.cache
def _ending_plan() -> tuple[dict[str, tuple[tuple, tuple]], dict]:
    """What ``parses`` looks for from the end of a word: every string that ends a string of ``_right_table``
    (itself too), each with the readings of that string after a present and a past stem (empty when it is
    only the end of one), each reading as (voice, tail, shaped like an infinitive, its pieces, the voice's
    feature), a flat table the garbage collector need not walk; and a letter trie of the
    reversed stems of ``_stems()``: letter -> (the node below, the entries of the stem that ends there in
    table order, each with its kind's place in ``_KINDS``; empty when none does), so that one look-up reads
    both."""
    rights = _right_table()
    voices = _voice_features()
    ends: dict[str, list] = {}
    for index, kind in enumerate(_KINDS):
        for right, tails in rights.get(kind, {}).items():
            for i in range(len(right) + 1):
                ends.setdefault(right[i:], [(), ()])
            ends[right][index] = tuple(  # (each reading with its pieces after the stem and its voice feature)
                (voice, tail, shaped, tuple((p, "suffix") for p in (voice, tail) if p), voices[voice] if voice else "")
                for voice, tail, shaped in tails)
    trie: dict = {}
    for entry in _stems():
        node = trie
        for ch in reversed(entry[0]):
            node = node.setdefault(ch, {})
        node[""] = node.get("", ()) + ((entry, _KINDS.index(entry[1])),)

    def pairs(node: dict) -> dict:
        return {ch: (pairs(child), child.get("", ())) for ch, child in node.items() if ch}

    return {end: tuple(found) for end, found in ends.items()}, pairs(trie)


@functools.cache
def _right_patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    a = _affixes()

    def alt(kind: str) -> str:
        return "|".join(sorted((form for form, _, _ in a[kind]), key=len, reverse=True))

    present_tail, past_tail, inf_tail = (a[k][0][0] for k in ("present_tail", "past_tail", "infinitive_tail"))
    return {  # a present stem takes a present voice and a present ending, or a past voice and a past ending
        "present": (re.compile(rf"(?P<voice>{alt('present_voice')})?(?P<tail>{present_tail})"),
                    re.compile(rf"(?P<voice>{alt('past_voice')})(?P<tail>{past_tail}|{inf_tail})")),
        "past": (re.compile(rf"(?P<voice>)(?P<tail>{past_tail}|{inf_tail})"),),
    }


@functools.cache
def _preverbs() -> frozenset[str]:
    return frozenset(form for form, _, _ in _affixes()["preverb"])


def preverb_forms() -> frozenset[str]:
    """The preverbs of ``verb_affixes.tsv`` (هەڵ ڕا دا …)."""
    return _preverbs()


@functools.cache
def past_stems() -> frozenset[str]:
    """The past stems of ``verb_stems.tsv`` (کرد، گرت، هات …)."""
    return frozenset(row["past"] for row in load_table("verb_stems.tsv"))


@functools.cache
def _left_affixes(finite: bool) -> tuple[dict[str, tuple[tuple, ...]], int]:
    """The ways [negation] [aspect/mood] [agent] can end what precedes a stem, by the string they spell
    (empty ones included): each as (order, negation, aspect, agent, their features); and the longest."""
    a = _affixes()
    none = [("", "", {})]
    out: dict[str, list[tuple]] = {}
    order = 0
    for agent, _, agent_f in none + (a["agent"] if finite else []):
        for asp, _, asp_f in none + (a["aspect"] if finite else []):
            for neg, _, neg_f in none + a["negation"]:
                out.setdefault(neg + asp + agent, []).append((order, neg, asp, agent, {**neg_f, **asp_f, **agent_f}))
                order += 1
    return {spelled: tuple(rows) for spelled, rows in out.items()}, max(map(len, out))


@functools.cache
def _left_trie(finite: bool) -> dict:
    """``_left_affixes`` as a letter trie of the reversed spellings: the key "" of a node holds the rows of
    the spelling that ends there (the root's: the rows that spell nothing)."""
    root: dict = {}
    for spelled, rows in _left_affixes(finite)[0].items():
        node = root
        for ch in reversed(spelled):
            node = node.setdefault(ch, {})
        node[""] = rows
    return root


@functools.cache
def _prefixed_ends(finite: bool) -> dict:
    """What a part before a stem ends in when one of its readings has a negation, aspect or mood prefix or a
    preverb: the spellings of those prefixes (with an agent after them), and a preverb with or without an
    agent after it; as a letter trie of the reversed strings ("" marks an end). A present stem needs one of
    them before it (unless a past voice follows it)."""
    table = _left_affixes(finite)[0]
    ends = {spelled for spelled, rows in table.items()
            if any(row[4].keys() & {"negation", "aspect", "mood"} for row in rows)}
    ends |= {p + spelled for p in _preverbs() for spelled in table}
    trie: dict = {}
    for end in ends:
        node = trie
        for ch in reversed(end):
            node = node.setdefault(ch, {})
        node[""] = True
    return trie


def _ends_prefixed(left: str, finite: bool) -> bool:
    """Does ``left`` end in one of the strings of ``_prefixed_ends``?"""
    return _ends_in(left, _prefixed_ends(finite))


def _ends_in(left: str, node: dict) -> bool:
    """Does ``left`` end in one of the strings of a trie of ``_prefixed_ends``?"""
    for i in range(len(left) - 1, -1, -1):
        node = node.get(left[i])
        if node is None:
            return False
        if "" in node:
            return True
    return False


MIN_STEM_COUNT = 1  # as in the analyzer: a known word has at least this count


@functools.cache
def _lexicon() -> dict[str, int]:
    """The analyzer's word counts (one dict, loaded once)."""
    from .analyzer import _counts

    return _counts()


@functools.lru_cache(maxsize=50_000)
def _left_parses(left: str, finite: bool) -> tuple[tuple[tuple[tuple[str, str], ...], dict, int, str, bool, bool],
                                                     ...]:
    """Ways to read what precedes the stem: [preverb or known nominal part] [negation] [aspect] [agent].
    An agent clitic needs a preverb, negation or aspect before it; an infinitive takes neither aspect nor
    agent. Each as (pieces, features, how many of negation, aspect and agent it has, and what ``parses``
    asks of every one, here once for a left part: the preverb or nominal part in front (the head), whether a
    preverb is among the pieces, whether the pieces start with a nominal part)."""
    counts, preverbs = _lexicon(), _preverbs()
    node = _left_trie(finite)
    size = len(left)
    found = list(node.get("", ()))
    for i in range(size - 1, -1, -1):  # the spelled endings of left, by one walk from its end
        node = node.get(left[i])
        if node is None:
            break
        rows = node.get("")
        if rows:
            found.extend(rows)
    if len(found) > 1:
        found.sort(key=lambda row: row[0])  # in the order of the affix table
    out = []
    for _, neg, asp, agent, features in found:
        head = left[: size - len(neg) - len(asp) - len(agent)]
        if agent and not (neg or asp or head in preverbs):
            continue
        pieces = [(head, "preverb" if head in preverbs else "stem")] if head else []
        if head and head not in preverbs and not (len(head) >= 2 and counts.get(head, 0) >= MIN_STEM_COUNT):
            # a known nominal part and a preverb: باوەڕ + پێ + کراو (no preverb ends another one)
            preverb = next((p for p in _preverb_list() if head.endswith(p) and len(head) - len(p) >= 2
                            and counts.get(head[: -len(p)], 0) >= MIN_STEM_COUNT), None) if head.endswith(
                _preverb_list()) else None
            if preverb is None:
                continue
            pieces = [(head[: -len(preverb)], "stem"), (preverb, "preverb")]
        if neg:
            pieces.append((neg, "prefix"))
        if asp:
            pieces.append((asp, "prefix"))
        if agent:
            pieces.append((agent, "clitic"))
        head = "".join(p for p, r in pieces if r in ("preverb", "stem"))
        out.append((tuple(pieces), features, bool(neg) + bool(asp) + bool(agent), head,
                    any(r == "preverb" for _, r in pieces), bool(head) and pieces[0][1] == "stem"))
    return tuple(out)


@functools.cache
def _preverb_list() -> tuple[str, ...]:
    return tuple(form for form, _, _ in _affixes()["preverb"])


def _right_parses(kind: str, right: str) -> tuple[tuple[str, str, bool], ...]:
    """Ways to read what follows a stem of ``kind`` (present or past) as [voice] [tail]: (voice, tail, whether
    it is shaped like an infinitive: a past stem or a voice + ن)."""
    out = []
    for pattern in _right_patterns()[kind]:
        match = pattern.fullmatch(right)
        if match:
            voice, tail = match.group("voice") or "", match.group("tail") or ""
            out.append((voice, tail, bool(_infinitive_tail().fullmatch(tail)) and (kind == "past" or bool(voice))))
    return tuple(out)


@functools.cache
def _right_table() -> dict[str, dict[str, tuple[tuple[str, str, bool], ...]]]:
    """kind -> every string ``_right_parses`` reads after a stem of that kind -> its readings. The voices and
    tails are finite languages, so the strings are listed once instead of matched for every new word."""
    a = _affixes()

    def language(*kinds: str) -> set[str]:
        return {s for kind in kinds for form, _, _ in a[kind] for s in finite_language(form)}

    past_tails = language("past_tail", "infinitive_tail")
    shapes = {"present": {v + t for v in language("present_voice") | {""} for t in language("present_tail")}
              | {v + t for v in language("past_voice") for t in past_tails},
              "past": past_tails}
    return {kind: {s: found for s in sorted(strings) if (found := _right_parses(kind, s))}
            for kind, strings in shapes.items()}




@functools.cache
def _parse_plan() -> tuple:
    """The tables ``parses`` reads for every word, fetched once: the irregular forms, ``_ending_plan``, the
    tries of ``_prefixed_ends`` (non-finite, finite) and the past voices."""
    return (irregular_forms(), *_ending_plan(), (_prefixed_ends(False), _prefixed_ends(True)), _past_voices())


def _parse_order(parse: VerbParse) -> tuple:
    return parse.nominal_head, -parse.stem_length, len(parse.pieces)


_START_AND_LENGTH = operator.itemgetter(0, 1)


@functools.lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[VerbParse, ...]:
    """Verb parses of a normalized ``word``, best first.

    >>> [(p.lemma, p.pieces) for p in parses("ڕایگەیاند")][0]
    ('ڕاگەیشتن', (('ڕا', 'preverb'), ('ی', 'clitic'), ('گە', 'stem'), ('یاند', 'suffix')))
    """
    irregular, right_ends, stems, prefixed, past_voices = _parse_plan()
    if word in irregular:
        return (irregular[word],)
    candidates = []  # every stem of the table that occurs in the word where what follows it can end it
    end = len(word)
    while end >= 0:  # (where what follows a stem would begin, found from the end of the word)
        kinds = right_ends.get(word[end:])
        if kinds is None:  # (and no longer string that ends the word can follow a stem)
            break
        if kinds[0] or kinds[1]:
            node, start = stems, end  # the stems that end there, shortest first
            while start:
                start -= 1
                step = node.get(word[start])
                if step is None:
                    break
                node, entries = step
                if entries:
                    for entry, kind in entries:
                        tails = kinds[kind]
                        if tails:
                            candidates.append((start, end - start, entry, tails))
        end -= 1
    if not candidates:
        return ()
    if len(candidates) > 1:
        candidates.sort(key=_START_AND_LENGTH)  # from the start of the word, shorter stems first (table order)
    results: dict[tuple, VerbParse] = {}
    for start, _, (stem_, kind, infinitive), tails in candidates:
        left = word[:start]
        for voice, tail, shaped_infinitive, after, voice_feature in tails:
            voice_past = voice in past_voices
            needs_prefix = kind == "present" and not voice_past
            # past stem + ن: the masdar, or with دە/نە before it a finite 3pl (دەکردن, دەبوون)
            for infinitive_form in ((True, False) if shaped_infinitive else (False,)):
                finite = not infinitive_form
                if needs_prefix and (left[-1:] not in prefixed[finite] or not _ends_in(left, prefixed[finite])):
                    continue  # (no reading of the left part could pass the test below)
                for pieces, features, evidence, head, has_preverb, nominal in _left_parses(left, finite):
                    if (shaped_infinitive and not infinitive_form and "aspect" not in features
                            and "negation" not in features):
                        continue
                    if (needs_prefix and "negation" not in features and "aspect" not in features
                            and "mood" not in features and not has_preverb):
                        continue  # a present stem needs a prefix or a preverb before it
                    if len(stem_) == 1 and not evidence and not voice:
                        continue
                    if (kind == "present" and not voice and not tail and stem_[-1] not in "اەێۆوی"
                            and features.get("aspect") == "ipfv"):
                        continue  # دە/ئە + a present stem needs a person ending unless the stem ends in a vowel (دەڵێ)
                    key = pieces + ((stem_, "stem"),) + after  # (head: the preverb / nominal part)
                    score = evidence + bool(voice) + bool(tail)
                    known = results.get(key)
                    if known is None or known.evidence < score:  # (a parse is built only when it is kept)
                        feats = dict(features)
                        feats["tense"] = "pst" if kind == "past" or voice_past else "prs"
                        if infinitive_form:
                            feats["verbform"] = "inf"
                        if voice:
                            feats["voice"] = voice_feature
                        results[key] = VerbParse(head + infinitive, key, tuple(feats.items()), score, len(stem_),
                                                 nominal)
    if len(results) < 2:
        return tuple(results.values())
    return tuple(sorted(results.values(), key=_parse_order))


@functools.cache
def _voice_features() -> dict[str, str]:
    a = _affixes()
    return {form: f.get("voice", "") for form, _, f in a["present_voice"] + a["past_voice"]}


@functools.cache
def _past_voices() -> frozenset[str]:
    return frozenset(form for form, _, _ in _affixes()["past_voice"])


@functools.cache
def _infinitive_tail() -> re.Pattern[str]:
    return re.compile(_affixes()["infinitive_tail"][0][0])


@functools.cache
def irregular_forms() -> dict[str, VerbParse]:
    """Forms of ``verb_forms.tsv`` (negative copula, subjunctive of بوون) as verb parses."""
    out = {}
    for row in load_table("verb_forms.tsv"):
        pieces = row["pieces"].split()
        features = tuple(part.split("=") for part in row["features"].split("|") if part)
        out[row["form"]] = VerbParse(row["lemma"], tuple((p, "stem" if i == 0 else "suffix") for i, p in enumerate(pieces)),
                                     tuple((k, v) for k, v in features), 2, len(pieces[0]), False)
    return out


@functools.cache
def auxiliaries() -> frozenset[str]:
    """Infinitives of the auxiliary and light verbs (``verb_stems.tsv``, column auxiliary)."""
    return frozenset(row["infinitive"] for row in load_table("verb_stems.tsv") if row["auxiliary"] == "yes")


@functools.cache
def _masdar_ends() -> tuple[str, ...]:
    return tuple(sorted(past_stems() | _past_voices()))


def may_be_masdar(word: str) -> bool:
    """A quick test before ``parses``: does ``word`` end in a past stem or a past voice + ن or نەوە?"""
    last = word[-1:]
    if last == "ن":
        return word[:-1].endswith(_masdar_ends())
    if last == "ە" and word.endswith("نەوە"):
        return word[:-4].endswith(_masdar_ends())
    return False


def is_infinitive(parse: VerbParse) -> bool:
    return ("verbform", "inf") in parse.features


_CONDITION = re.compile(r"(!?)(\w+)(?:(>=|<=|=|<|>)(\d+))?")


# (a bare fact holds when it is not 0: its number is 0)
_COMPARE = {None: operator.ne, "=": operator.eq, ">=": operator.ge, "<=": operator.le, "<": operator.lt,
            ">": operator.gt}


@functools.cache
def _preference_rows() -> tuple[tuple[tuple[tuple[int, object, int, bool], ...], bool], ...]:
    """``verb_preference.tsv``: each row as (its conditions, prefer the verb). A condition is (the index of
    its fact in ``_FACTS``, the comparison, the number, negated)."""
    rows = []
    for row in load_table("verb_preference.tsv"):
        conditions = []
        for part in row["when"].split():
            match = _CONDITION.fullmatch(part)
            if match is None or match.group(2) not in _FACTS:
                raise ValueError(f"verb_preference.tsv: bad condition {part!r}")
            negated, fact, op, number = match.groups()
            conditions.append((_FACTS.index(fact), _COMPARE[op], int(number or 0), bool(negated)))
        rows.append((tuple(conditions), row["prefer"] == "verb"))
    return tuple(rows)


_FACTS = ("infinitive", "preverb", "nominal", "stem_length", "head_length", "clitic", "markers", "pieces", "past",
          "present", "participle", "ends_in_y_or_e", "noun_whole", "noun_count", "noun_reaches_tail")


def preference_facts(parse: VerbParse, word: str, noun_stem: str, noun_stem_count: int) -> tuple[int, ...]:
    """The facts the rows of ``verb_preference.tsv`` test (in ``_FACTS`` order), of a verb parse of ``word``
    and of the stem and lexicon count of its best nominal reading."""
    pieces = parse.pieces
    last, last_role = pieces[-1]
    clitic, markers = False, 0  # (finite_markers, counted in the same pass)
    for _, role in pieces:
        if role == "clitic":
            clitic, markers = True, markers + 1
        elif role == "prefix":
            markers += 1
    stem_end = 1
    for surface, _ in pieces[:-1]:
        stem_end += len(surface)
    tense, voice = None, False
    for key, value in parse.features:
        if key == "tense":
            tense = value
        elif key == "voice":
            voice = True
    return (("verbform", "inf") in parse.features, pieces[0][1] == "preverb", parse.nominal_head, parse.stem_length,
            len(pieces[0][0]), clitic, markers + voice, len(pieces), tense == "pst", tense == "prs",
            last_role == "suffix" and (last.startswith("وو") or last.startswith("او")), last in ("ی", "ە"),
            noun_stem == word, noun_stem_count, len(noun_stem) >= stem_end)


def preference_row(parse: VerbParse, word: str, noun_stem: str, noun_stem_count: int) -> int:
    """The number of the row of ``verb_preference.tsv`` that decides (the first whose conditions hold)."""
    facts = preference_facts(parse, word, noun_stem, noun_stem_count)
    for number, (conditions, _) in enumerate(_preference_rows()):
        for index, compare, number_, negated in conditions:  # (all conditions hold: no break)
            if compare(facts[index], number_) == negated:
                break
        else:
            return number
    raise ValueError("verb_preference.tsv needs a last row without conditions")


def prefer_verb(parse: VerbParse, word: str, noun_stem: str, noun_stem_count: int) -> bool:
    """Should the verb reading rank above the best nominal reading (stem ``noun_stem``)? The rows of
    ``verb_preference.tsv`` decide (set on the UniMorph training rows only)."""
    return _preference_rows()[preference_row(parse, word, noun_stem, noun_stem_count)][1]


def lemma_of(parse: VerbParse, lemmas: frozenset[str] | set[str]) -> str:
    """The infinitive; a masdar in ەوە keeps it when the lemma list has that infinitive (گواستنەوە)."""
    if is_infinitive(parse) and parse.pieces[-1][0].startswith("نەوە") and parse.lemma + "ەوە" in lemmas:
        return parse.lemma + "ەوە"
    return parse.lemma
