"""Word-level tokens and sentences.

One precompiled pattern finds every token; nothing but whitespace is skipped, so the tokens and the
spaces between them always give back the input. Morpheme and clitic splitting is the job of
``sorani.segment`` (morphology).

>>> [(t.text, t.kind) for t in tokenize("بڕیارە سبەی (٢٦/٧/٢٠٢١) 3.5% بێت.")]
[('بڕیارە', 'word'), ('سبەی', 'word'), ('(', 'punct'), ('٢٦/٧/٢٠٢١', 'date'), (')', 'punct'), ('3.5%', 'percent'), ('بێت', 'word'), ('.', 'punct')]
>>> sentences('کازمی گوتی: "ئەمڕۆ دەچین." پاشان ڕۆیشت.')
['کازمی گوتی: "ئەمڕۆ دەچین."', 'پاشان ڕۆیشت.']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import regex

from ._data import load_table
from .errors import require_bool, require_str
from .normalizer import _char_class

KINDS = (
    "word", "number", "percent", "date", "time", "url", "email", "hashtag", "mention", "emoji", "punct",
    "symbol", "latin",
)  # fmt: skip


@dataclass(slots=True)
class Token:
    """A token: its text, its ``[start, end)`` span in the input string, and its kind (see ``KINDS``)."""

    text: str
    start: int
    end: int
    kind: str


_D = "[0-9٠-٩۰-۹]"
_NUMBER = rf"{_D}+(?:[,٬]{_D}{{3}}(?!{_D}))*(?:[.٫]{_D}+)?"
_URL_TAIL = r"[^\s<>\"«»]*[^\s<>\"«».,;:!?،؛؟)\]}'’]"
URL_PATTERN = rf"(?:https?://|www\.){_URL_TAIL}"
# The local part is at most 64 characters (RFC 5321, 4.5.3.1.1). The bound also keeps a long run of - . _
# (or a.a.a…) linear: unbounded, the pattern rescanned the rest of the run from every position in it.
EMAIL_PATTERN = r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
MENTION_PATTERN = r"@\w+"

# The token pattern runs on the standard library's `re`, about twice as fast as `regex` here. `re` has no
# Unicode property classes, so the few it needs are computed once with `regex` over the blocks concerned.
_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
                  (0x10EC0, 0x10EFF), (0x1EE00, 0x1EEFF))  # fmt: skip
_LATIN_BLOCKS = ((0x0041, 0x024F), (0x0250, 0x02AF), (0x1D00, 0x1DBF), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F),
                 (0xA720, 0xA7FF), (0xAB30, 0xAB6F), (0xFF21, 0xFF5A))  # fmt: skip
_EMOJI_BLOCKS = ((0x00A9, 0x00AE), (0x203C, 0x3299), (0x1F000, 0x1FAFF))
_MARK_BLOCKS = ((0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F))


def _class(prop: str, blocks) -> str:
    test = regex.compile(prop, regex.V1)
    chars = {chr(c) for first, last in blocks for c in range(first, last + 1) if test.match(chr(c))}
    return _char_class(chars)


@functools.lru_cache(maxsize=None)
def _token_re() -> re.Pattern:
    arabic = _class(r"[\p{Script_Extensions=Arabic}&&[\p{L}\p{M}]]", _ARABIC_BLOCKS)
    latin = _class(r"\p{Latin}", _LATIN_BLOCKS)
    marks = _class(r"\p{M}", _MARK_BLOCKS)
    pictographic = _class(r"\p{Extended_Pictographic}", _EMOJI_BLOCKS)
    punctuation = _char_class({chr(c) for c in range(0x10000) if unicodedata.category(chr(c)).startswith("P")})
    emoji_mod = "[\uFE0F\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]*"  # variation, skin tone, tag characters
    latin_word = rf"{latin}(?:{latin}|{marks}|[0-9])*"
    parts = (
        ("word", rf"{arabic}+(?:[\u200c\u200d]+{arabic}+)*"),
        ("keycap", r"[0-9#*]\uFE0F?\u20E3"),  # 1️⃣ #️⃣: one emoji, before a digit can start a number
        ("date", rf"{_D}{{4}}-{_D}{{1,2}}-{_D}{{1,2}}(?!{_D})|{_D}{{1,2}}/{_D}{{1,2}}/(?:{_D}{{4}}|{_D}{{2}})(?!{_D})"
                 rf"|{_D}{{1,2}}\.{_D}{{1,2}}\.{_D}{{4}}(?!{_D})|{_D}{{1,2}}-{_D}{{1,2}}-{_D}{{4}}(?!{_D})"),
        ("time", rf"{_D}{{1,2}}:{_D}{{2}}(?::{_D}{{2}})?(?!{_D})"),
        ("percent", rf"{_NUMBER}[%٪]|[%٪]{_NUMBER}"),
        ("number", _NUMBER),
        ("url", URL_PATTERN),
        ("email", EMAIL_PATTERN),
        ("latin", rf"{latin_word}(?:['’\-]{latin_word})*"),
        ("mention", MENTION_PATTERN),
        ("hashtag", r"#[\w\u200c]+"),
        ("emoji", rf"[\U0001F1E6-\U0001F1FF]{{2}}|{pictographic}{emoji_mod}(?:\u200d{pictographic}{emoji_mod})*"),
        ("other", r"[^\W\d_]+"),  # letters of other scripts: kind "word"
        ("punct", rf"\.{{2,}}|[!?؟]{{2,}}|{punctuation}"),
        ("symbol", r"\S"),
    )
    return re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in parts))


_KIND_OF_GROUP = {kind: kind for kind in KINDS} | {"other": "word", "keycap": "emoji"}


@functools.lru_cache(maxsize=None)
def _kind_by_index() -> tuple[str | None, ...]:
    """Token kind by group number (``match.lastindex`` is a little cheaper than ``lastgroup``)."""
    pattern = _token_re()
    kinds: list[str | None] = [None] * (pattern.groups + 1)
    for name, index in pattern.groupindex.items():
        kinds[index] = _KIND_OF_GROUP[name]
    return tuple(kinds)


def tokenize(text: str, *, normalize: bool = False) -> list[Token]:
    """Split ``text`` into word-level tokens with their spans.

    ``text[t.start:t.end] == t.text`` holds for every token. With ``normalize=True`` the text is first
    normalized (standard tier); each token's text is then the normalized form and its span points into the
    raw input.

    >>> [t.text for t in tokenize("سەردانی https://gov.krd، ١٠:٣٠ 🇮🇶 #کوردستان")]
    ['سەردانی', 'https://gov.krd', '،', '١٠:٣٠', '🇮🇶', '#کوردستان']
    >>> tokenize("هێزێكی", normalize=True)
    [Token(text='هێزێکی', start=0, end=6, kind='word')]
    """
    require_str(text)
    require_bool(normalize, "normalize")
    kinds = _kind_by_index()
    if not normalize:
        return [Token(m.group(), m.start(), m.end(), kinds[m.lastindex]) for m in _token_re().finditer(text)]
    from .normalizer import normalize as _normalize

    normalized, alignment = _normalize(text, offsets=True)
    tokens = []
    for m in _token_re().finditer(normalized):
        start, end = alignment.span(m.start(), m.end())
        tokens.append(Token(m.group(), start, end, kinds[m.lastindex]))
    return tokens


def words(text: str) -> list[str]:
    """Just the token strings (a convenience for counting and search).

    >>> words("ئەمڕۆ، یەکشەممە")
    ['ئەمڕۆ', '،', 'یەکشەممە']
    """
    require_str(text)
    return [m.group() for m in _token_re().finditer(text)]


# ------------------------------------------------------------------------------------------- sentences
# Bidi controls and the BOM right after the punctuation (an RLM keeps a final . on the right) end the sentence
# with it: they are not the start of the next one, nor a sentence of their own.
_BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_CLOSERS = rf"(?:[ \t]*(?:[»”’)\]]|\"(?=\s|$))|[{_BIDI_CONTROLS}])*"
_INVISIBLE = frozenset(_BIDI_CONTROLS + "\u200b\u200c\u200d")
_INVISIBLE_RE = re.compile(rf"[\s{_BIDI_CONTROLS}\u200b\u200c\u200d]+")
_CANDIDATE_RE = re.compile(rf"[.!?؟]+{_CLOSERS}|\n")
_DIGITS = frozenset("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
_PROTECTED_RE = re.compile(
    rf"(?:https?://|www\.){_URL_TAIL}|{EMAIL_PATTERN}"
)


@functools.lru_cache(maxsize=None)
def _abbreviation_re() -> re.Pattern:
    abbreviations = sorted({row["abbr"] for row in load_table("abbreviations.tsv")}, key=len, reverse=True)
    return re.compile(r"(?:^|(?<=[^\w\u064b-\u065f\u0670]))(?:" + "|".join(map(re.escape, abbreviations)) + r")\Z")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences in ``text``, without surrounding whitespace.

    Sentences end at . ! ? ؟ (with any closing quotes or brackets, and bidi marks such as an RLM, that follow)
    and at line breaks; a piece holding only spaces and invisible controls is no sentence. They do
    not end inside an ellipsis (.. or ...), a decimal, a date, a URL, an e-mail address or a listed
    abbreviation (``sorani/data/abbreviations.tsv``).

    >>> sentence_spans("یەکەم. دووەم")
    [(0, 6), (7, 12)]
    """
    require_str(text)
    protected = (
        [m.span() for m in _PROTECTED_RE.finditer(text)]
        if ("://" in text or "www." in text or "@" in text)
        else ()
    )
    protected_starts = [a for a, _ in protected]
    abbreviation = _abbreviation_re()
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE_RE.finditer(text):
        position = m.start()
        if text[position] == "\n":
            _add_span(text, start, position, spans)
            start = m.end()
            continue
        run = m.group()
        if run.startswith(".."):  # an ellipsis is never a boundary
            continue
        if run[0] == "." and run.rstrip().rstrip(_BIDI_CONTROLS) == ".":
            before = text[position - 1] if position else ""
            after = text[position + 1] if position + 1 < len(text) else ""
            if before in _DIGITS and after in _DIGITS:  # 3.5, 26.7.2021
                continue
            if abbreviation.search(text, max(0, position - 8), position):
                continue
        if protected:  # the spans are disjoint and in order: the last one starting at or before position
            k = bisect_right(protected_starts, position) - 1
            if k >= 0 and position < protected[k][1]:
                continue
        _add_span(text, start, m.end(), spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped and (stripped[0] not in _INVISIBLE or not _INVISIBLE_RE.fullmatch(stripped)):  # not only controls
        offset = start + (len(piece) - len(piece.lstrip()))
        spans.append((offset, offset + len(stripped)))


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see :func:`sentence_spans`).

    >>> sentences("د. کەمال هات. سڵاو!")
    ['د. کەمال هات.', 'سڵاو!']
    """
    return [text[s:e] for s, e in sentence_spans(text)]
