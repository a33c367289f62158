"""Normalization of Sorani text in tiers: ``unicode`` ⊂ ``standard`` ⊂ ``repair``.

The rules are data (``sorani/data/charmap.tsv``, ``compose.tsv``, ``rules.tsv``, ``h_final.tsv``); this
module only compiles them into a few fast passes:

1. the tier's character map (presentation forms, look-alike letters, invisible controls, odd spaces, and
   the digit and diacritic options), applied with ``str.replace`` for each mapped character that occurs;
2. one regex pass composing letters written with combining marks (و + ٚ → ۆ);
3. the context rules of ``rules.tsv`` in order, each one precompiled regex.

Every tier is idempotent. ``offsets=True`` also returns an :class:`Alignment` from output to input.

>>> normalize("هێزێكی ره‌زبه‌ر")
'هێزێکی ڕەزبەر'
>>> normalize("شاه و گوناه که")
'شاه و گوناه کە'
>>> normalize("٢٦/٧/٢٠٢١", digits="latin")
'26/7/2021'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from . import alphabet
from ._data import decode_cell, load_table
from .errors import ConfigError, require_bool, require_str

TIERS = ("unicode", "standard", "repair")
DIGIT_STYLES = ("keep", "latin", "arabic-indic", "persian")
DIACRITIC_MODES = ("keep", "remove")
_TIER_RANK = {"unicode": 0, "standard": 1, "repair": 2}

# Character classes substituted into rules.tsv patterns.
_ARABIC_LETTER = "\u0620-\u063f\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f"
_MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed"
_CLASSES = {"L": _ARABIC_LETTER, "M": _MARKS, "W": r"\w" + _MARKS}

Edit = tuple[int, int, str]
_JOINERS = re.compile("[\u200c\u200d\u0640]")


# --------------------------------------------------------------------------------------------- alignment
class Alignment:
    """Maps each output character, and so any output span, back to the input span it came from.

    ``alignment[i]`` is the ``(start, end)`` input span of output character ``i``;
    ``alignment.span(a, b)`` is the input span of the output span ``[a, b)``. Both starts and ends are
    non-decreasing and lie within ``[0, len(input)]``.
    """

    __slots__ = ("starts", "ends", "source_length")

    def __init__(self, starts: array, ends: array, source_length: int):
        self.starts = starts
        self.ends = ends
        self.source_length = source_length

    @classmethod
    def identity(cls, length: int) -> Alignment:
        return cls(array("q", range(length)), array("q", range(1, length + 1)), length)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The input span ``(start, end)`` that produced the output span ``[start, end)``."""
        n = len(self.starts)
        if not 0 <= start <= end <= n:
            raise IndexError(f"span ({start}, {end}) outside output of length {n}")
        if start == end:
            anchor = self.starts[start] if start < n else self.source_length
            return anchor, anchor
        return self.starts[start], self.ends[end - 1]

    def __repr__(self) -> str:
        return f"Alignment(output={len(self)}, input={self.source_length})"

    def apply(self, text_length: int, edits: list[Edit]) -> Alignment:
        """The alignment after replacing spans of the current text (``edits`` sorted, non-overlapping)."""
        starts, ends = array("q"), array("q")
        position = 0
        for start, end, replacement in edits:
            starts.extend(self.starts[position:start])
            ends.extend(self.ends[position:start])
            if replacement:
                if end > start:
                    s, e = self.starts[start], self.ends[end - 1]
                else:  # pure insertion: anchor it at the end of what precedes
                    s = e = self.ends[start - 1] if start else 0
                starts.extend([s] * len(replacement))
                ends.extend([e] * len(replacement))
            position = end
        starts.extend(self.starts[position:text_length])
        ends.extend(self.ends[position:text_length])
        return Alignment(starts, ends, self.source_length)


def _apply_edits(text: str, edits: list[Edit]) -> str:
    pieces, position = [], 0
    for start, end, replacement in edits:
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


# ------------------------------------------------------------------------------------------------ steps
@dataclass(frozen=True, eq=False)
class Step:
    """One normalization pass. Calling it transforms a string; :meth:`edits` lists what it would change.

    ``trigger`` holds substrings one of which must occur for the step to change anything: a fast
    pre-check (``in`` runs at memory speed) that lets most rules skip most texts. A step with a
    ``mapping`` is a character map: it finds which mapped characters occur and replaces each with
    ``str.replace``, which beats ``str.translate`` several times over when few distinct characters map.
    """

    name: str
    pattern: re.Pattern
    replace: str | Callable[[re.Match], str]
    trigger: tuple[str, ...] = ()
    mapping: Mapping[str, str] | None = None
    frequent: tuple[tuple[str, str], ...] = ()  # mapped characters checked one by one before the rest

    def __call__(self, text: str) -> str:
        if self.trigger and not any(t in text for t in self.trigger):
            return text
        return self.apply(text)

    @functools.cached_property
    def apply(self) -> Callable[[str], str]:
        """The step without its trigger pre-check."""
        if self.mapping is not None:
            return self._apply_mapping
        return functools.partial(self.pattern.sub, self.replace)

    def _apply_mapping(self, text: str) -> str:
        for char, target in self.frequent:
            if char in text:
                text = text.replace(char, target)
        if self.pattern.search(text):
            for char in set(self.pattern.findall(text)):
                text = text.replace(char, self.mapping[char])
        return text

    def edits(self, text: str) -> list[Edit]:
        if self.trigger and not any(t in text for t in self.trigger):
            return []
        pattern, replace = self.pattern, self.replace
        if self.mapping is not None:
            pattern = re.compile(_char_class(set(self.mapping))) if self.mapping else pattern
        if callable(replace):
            return [(m.start(), m.end(), replace(m)) for m in pattern.finditer(text)]
        return [(m.start(), m.end(), m.expand(replace)) for m in pattern.finditer(text)]


def _char_class(chars: set[str]) -> str:
    """A regex character class matching exactly ``chars``, with runs collapsed into ranges."""
    codes = sorted(ord(c) for c in chars)
    parts, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = chr(codes[i]), chr(codes[j])
        parts.append(re.escape(first) if i == j else f"{re.escape(first)}-{re.escape(last)}")
        i = j + 1
    return "[" + "".join(parts) + "]"


def _expand_from(cell: str) -> list[str]:
    if ".." in cell:
        first, last = (int(p.strip()[2:], 16) for p in cell.split(".."))
        return [chr(c) for c in range(first, last + 1)]
    return [decode_cell(cell)]


def _tier_rows(name: str, tier: str) -> list[dict[str, str]]:
    return [row for row in load_table(name) if _TIER_RANK[row["tier"]] <= _TIER_RANK[tier]]


@functools.lru_cache(maxsize=64)
def _char_map(tier: str, digits: str, diacritics: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for row in _tier_rows("charmap.tsv", tier):
        for char in _expand_from(row["from"]):
            if row["to"] == "NFKC":
                target = unicodedata.normalize("NFKC", char)
                if target == char or not unicodedata.name(char, ""):
                    continue
                if target.startswith(" ") and target.strip():  # isolated harakat forms: "ﹰ" -> " ً"
                    target = target.lstrip(" ")
            else:
                target = decode_cell(row["to"])
            mapping[char] = target
    if digits != "keep":
        target_set = alphabet.DIGIT_SETS[digits]
        for digit_set in alphabet.DIGIT_SETS.values():
            if digit_set != target_set:
                mapping.update(zip(digit_set, target_set))
    if diacritics == "remove":
        mapping.update(dict.fromkeys(alphabet.DIACRITICS, ""))
    # Close the map over itself so one pass is enough (ﻙ -> ك -> ک).
    for _ in range(3):
        mapping = {k: "".join(mapping.get(c, c) for c in v) for k, v in mapping.items()}
    return {k: v for k, v in mapping.items() if k != v}


def _translate_table(mapping: dict[str, str]) -> list:
    """A list-indexed translate table: much faster than a dict because misses do not raise."""
    size = max((ord(k) for k in mapping), default=0) + 1
    table: list = list(range(size))
    for char, target in mapping.items():
        table[ord(char)] = target if target else None
    return table


@functools.lru_cache(maxsize=None)
def _h_final_words() -> tuple[str, ...]:
    return tuple(sorted({row["word"] for row in load_table("h_final.tsv")}, key=len, reverse=True))


def _compile_rule(pattern: str) -> re.Pattern:
    words = _h_final_words()
    guards = "".join(f"(?<!(?<![{_CLASSES['W']}]){re.escape(w)})" for w in words)
    pattern = pattern.replace("{NOT_H_FINAL}", guards)
    pattern = pattern.replace("{H_FINAL_STEMS}", "|".join(re.escape(w[:-1]) for w in words))
    for key, value in _CLASSES.items():
        pattern = pattern.replace("{" + key + "}", value)
    return re.compile(pattern)


# ----------------------------------------------------------------------------------------- normalizer
class Normalizer:
    """A configured normalizer. Build one and reuse it; calling it normalizes a string.

    Options:
      tier: ``"unicode"``, ``"standard"`` (default) or ``"repair"``.
      digits: ``None``/``"keep"`` (default), ``"latin"``, ``"arabic-indic"`` or ``"persian"``.
      diacritics: ``"keep"`` (default) or ``"remove"`` (Arabic harakat, which Sorani does not write).
      initial_r: turn word-initial ر into ڕ (standard tier; default True).
      zwnj: remove ZWNJ after the ه rule (standard tier; default True).
      punctuation: Latin , ; ? after Kurdish words become ، ؛ ؟ (standard tier; default True).
      spacing: tidy spaces around punctuation and collapse runs of spaces (standard tier; default True).

    >>> n = Normalizer(tier="unicode")
    >>> n("ســــڵاو\\u200f")
    'سڵاو'
    >>> [step.name for step in Normalizer(spacing=False, punctuation=False).steps]
    ['charmap', 'compose', 'zwj', 'tatweel', 'h_zwnj', 'zwnj', 'h_medial', 'h_final', 'h_final_listed', 'initial_r']
    """

    def __init__(
        self,
        tier: str = "standard",
        *,
        digits: str | None = None,
        diacritics: str = "keep",
        initial_r: bool = True,
        zwnj: bool = True,
        punctuation: bool = True,
        spacing: bool = True,
    ):
        if tier not in TIERS:
            raise ConfigError(f"unknown tier {tier!r}; choose from {', '.join(TIERS)}")
        digits = "keep" if digits is None else digits
        if digits not in DIGIT_STYLES:
            raise ConfigError(f"unknown digits style {digits!r}; choose from {', '.join(DIGIT_STYLES)}")
        if diacritics not in DIACRITIC_MODES:
            raise ConfigError(f"unknown diacritics mode {diacritics!r}; choose keep or remove")
        for name, value in (("initial_r", initial_r), ("zwnj", zwnj), ("punctuation", punctuation),
                            ("spacing", spacing)):
            require_bool(value, name)
        self.options = {
            "tier": tier,
            "digits": digits,
            "diacritics": diacritics,
            "initial_r": bool(initial_r),
            "zwnj": bool(zwnj),
            "punctuation": bool(punctuation),
            "spacing": bool(spacing),
        }
        if tier == "repair":
            # The repair tier is built on the standard tier plus lexicon-driven restoration.
            self._repair = _repair_step()
        self._steps: tuple[Step, ...] | None = None

    def __repr__(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self.options.items())
        return f"Normalizer({opts})"

    def __eq__(self, other: object) -> bool:  # two normalizers with the same options do the same
        return self.options == other.options if isinstance(other, Normalizer) else NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self.options.items()))

    def __reduce__(self):  # picklable by options; the compiled steps are rebuilt lazily
        tier = self.options["tier"]
        kwargs = {k: v for k, v in self.options.items() if k != "tier"}
        return (functools.partial(Normalizer, tier, **kwargs), ())

    @property
    def steps(self) -> tuple[Step, ...]:
        """The passes this normalizer runs, in order. Each is callable on a string."""
        if self._steps is None:
            self._steps = _build_steps(**self.options)
        return self._steps

    @functools.cached_property
    def _plan(self) -> tuple[tuple[str | None, frozenset[str] | None, tuple[str, ...], Callable[[str], str]], ...]:
        """Each step as (its one trigger, the first characters of its several triggers, the triggers, the step
        without its pre-check): one ``in`` for a single trigger, and a step of several is passed over at once
        when the text holds none of their first characters."""
        plan = []
        for step in self.steps:
            trigger = step.trigger
            if len(trigger) == 1:
                plan.append((trigger[0], None, (), step.apply))
            elif trigger and all(trigger):
                plan.append((None, frozenset(t[0] for t in trigger), trigger, step.apply))
            else:
                plan.append((None, None, trigger, step.apply))
        return tuple(plan)

    @functools.cached_property
    def _active(self) -> frozenset[str]:
        """The characters some step can act on: the first characters of the triggers and the characters of the
        maps. A text without any of them is left as it is, so it needs no pass at all (an empty set when some
        step runs on every text)."""
        chars: set[str] = set()
        for step in self.steps:
            if step.trigger and all(step.trigger):
                chars.update(t[0] for t in step.trigger)
            elif not step.trigger and step.mapping is not None:
                chars.update(step.mapping)
            else:
                return frozenset()
        return frozenset(chars)

    def __call__(self, text: str) -> str:
        if text.__class__ is not str:  # (a str passes without the call)
            require_str(text)
        active = self._active
        if active and active.isdisjoint(text) and self.options["tier"] != "repair":
            return text
        for single, firsts, trigger, apply in self._plan:
            if single is not None:
                if single not in text:
                    continue
            elif trigger:
                if firsts is not None and firsts.isdisjoint(text):
                    continue
                for t in trigger:
                    if t in text:
                        break
                else:
                    continue
            text = apply(text)
        if self.options["tier"] == "repair":
            text = self._repair(text)
        return text

    def normalize(self, text: str, *, offsets: bool = False):
        """Normalize ``text``; with ``offsets=True`` return ``(normalized, Alignment)``."""
        require_bool(offsets, "offsets")
        if not offsets:
            return self(text)
        require_str(text)
        if self.options["tier"] == "repair":
            raise ConfigError("offsets are not available for the repair tier; use tier='standard' with "
                              "offsets=True")
        alignment = Alignment.identity(len(text))
        for step in self.steps:
            edits = step.edits(text)
            if edits:
                alignment = alignment.apply(len(text), edits)
                text = _apply_edits(text, edits)
        return text, alignment


def _repair_step():
    """The repair pass (``sorani.repair.repair_normalized``), run after the standard tier's steps."""
    try:
        from .repair import repair_normalized
    except ImportError:
        raise NotImplementedError(
            "the 'repair' tier (restoring Arabic/Persian-keyboard and legacy-font text) is not implemented "
            "yet; use tier='standard'"
        ) from None
    return repair_normalized


@functools.lru_cache(maxsize=64)
def _build_steps(**options) -> tuple[Step, ...]:
    tier, digits, diacritics = options["tier"], options["digits"], options["diacritics"]
    mapping = _char_map("standard" if tier == "repair" else tier, digits, diacritics)
    # The standard-tier look-alikes are common in real text: test for them one by one (``in`` is cheap) and
    # leave one regex scan for the hundreds of rare characters (presentation forms, controls, spaces).
    frequent = tuple(
        (char, target)
        for row in _tier_rows("charmap.tsv", tier)
        if row["tier"] == "standard" and len(char := decode_cell(row["from"])) == 1
        for target in [mapping.get(char, char)]
        if target != char
    )
    rare = set(mapping) - {char for char, _ in frequent}
    steps = [
        Step(
            "charmap",
            re.compile(_char_class(rare)) if rare else re.compile(r"(?!)"),
            lambda m, _map=mapping: _map[m.group()],
            # read-only: the steps are shared by every normalizer with these options (and the cached map)
            mapping=MappingProxyType(mapping),
            frequent=frequent,
        )
    ]
    rank = _TIER_RANK[tier]
    compose = {
        decode_cell(row["from"]): "".join(mapping.get(c, c) for c in decode_cell(row["to"]))
        for row in _tier_rows("compose.tsv", tier)
    }
    # A joiner or tatweel between a letter and its mark changes nothing visible; it goes with the composition
    # (otherwise removing the ZWNJ or tatweel later would leave a sequence to compose on a second pass).
    compose_re = re.compile("|".join(
        re.escape(k[:-1]) + _JOINERS.pattern + "*" + re.escape(k[-1])
        for k in sorted(compose, key=len, reverse=True)
    ))
    marks = tuple(sorted({sequence[-1] for sequence in compose}))
    steps.append(Step("compose", compose_re, lambda m, _c=compose: _c[_JOINERS.sub("", m.group())], trigger=marks))
    for row in load_table("rules.tsv"):
        if _TIER_RANK[row["tier"]] > rank or not _option_enabled(row["option"], options):
            continue
        trigger = tuple(decode_cell(t) for t in row["trigger"].split("|")) if row["trigger"] else ()
        steps.append(Step(row["name"], _compile_rule(row["pattern"]), row["replace"], trigger=trigger))
    return tuple(steps)


def _option_enabled(option: str, options: dict) -> bool:
    if not option:
        return True
    if "=" in option:
        key, value = option.split("=", 1)
        return options[key] == value
    return bool(options[option])


@functools.lru_cache(maxsize=32)
def _default(tier: str, digits: str | None) -> Normalizer:
    return Normalizer(tier, digits=digits)


def normalize(text: str, *, tier: str = "standard", digits: str | None = None, offsets: bool = False):
    """Normalize Sorani text (see :class:`Normalizer` for the tiers and options).

    With ``offsets=True`` the result is ``(normalized, alignment)``; ``alignment.span(a, b)`` gives the span
    of the raw input that produced ``normalized[a:b]``.

    >>> text, alignment = normalize("ره‌زبه‌ر", offsets=True)
    >>> text, alignment.span(0, len(text))
    ('ڕەزبەر', (0, 8))
    """
    require_str(text)
    if tier not in TIERS or (digits is not None and digits not in DIGIT_STYLES):
        Normalizer(tier, digits=digits)  # the ConfigError naming the option (an unhashable one fails the cache)
    return _default(tier, digits).normalize(text, offsets=offsets)


def iter_steps(text: str, normalizer: Normalizer | None = None) -> Iterator[tuple[str, str]]:
    """Yield ``(step name, text after the step)`` for each step that changed something: for explaining. The
    repair tier's pass comes last, as ``"repair"`` (``sorani.repair.explain`` tells its changes apart)."""
    require_str(text)
    normalizer = normalizer or _default("standard", None)
    for step in normalizer.steps:
        new = step(text)
        if new != text:
            yield step.name, new
        text = new
    if normalizer.options["tier"] == "repair":
        new = normalizer._repair(text)
        if new != text:
            yield "repair", new
