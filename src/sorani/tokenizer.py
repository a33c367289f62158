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
from dataclasses import dataclass

import regex

from ._data import load_table
from .errors import require_str

KINDS = (
    "word", "number", "percent", "date", "time", "url", "email", "hashtag", "mention", "emoji", "punct",
    "symbol", "latin",
)  # fmt: skip


@dataclass(slots=True, frozen=True)
class Token:
    """A token: its text, its ``[start, end)`` span in the input string, and its kind (see ``KINDS``)."""

    text: str
    start: int
    end: int
    kind: str


_D = "[0-9٠-٩۰-۹]"
_NUMBER = rf"{_D}+(?:[,٬]{_D}{{3}}(?!{_D}))*(?:[.٫]{_D}+)?"
_ARABIC_LETTER = r"[\p{Script_Extensions=Arabic}&&[\p{L}\p{M}]]"
_ARABIC_WORD = rf"{_ARABIC_LETTER}(?:{_ARABIC_LETTER}|[\u200c\u200d]+(?={_ARABIC_LETTER}))*"
_URL_TAIL = r"[^\s<>\"«»]*[^\s<>\"«».,;:!?،؛؟)\]}'’]"
_EMOJI = (
    r"(?:[\U0001F1E6-\U0001F1FF]{2}"
    r"|\p{Extended_Pictographic}[\uFE0F\U0001F3FB-\U0001F3FF]*(?:\u200d\p{Extended_Pictographic}[\uFE0F\U0001F3FB-\U0001F3FF]*)*)"
)

# Order matters where alternatives can start with the same character: url/email before latin,
# date/time/percent before number.
_TOKEN_PATTERN = "|".join(
    f"(?P<{kind}>{pattern})"
    for kind, pattern in (
        ("word", _ARABIC_WORD),
        ("date", rf"{_D}{{4}}-{_D}{{1,2}}-{_D}{{1,2}}(?!{_D})|{_D}{{1,2}}(?P<sep>[/.\-]){_D}{{1,2}}(?P=sep){_D}{{4}}(?!{_D})"
                 rf"|{_D}{{1,2}}/{_D}{{1,2}}/{_D}{{2}}(?!{_D})"),
        ("time", rf"{_D}{{1,2}}:{_D}{{2}}(?::{_D}{{2}})?(?!{_D})"),
        ("percent", rf"{_NUMBER}[%٪]|[%٪]{_NUMBER}"),
        ("number", _NUMBER),
        ("url", rf"(?:https?://|www\.){_URL_TAIL}"),
        ("email", r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"),
        ("latin", r"\p{Latin}[\p{Latin}\p{M}0-9]*(?:['’\-]\p{Latin}[\p{Latin}\p{M}0-9]*)*"),
        ("mention", r"@[\w\p{M}]+"),
        ("hashtag", r"#[\w\p{M}\u200c]+"),
        ("emoji", _EMOJI),
        ("other", r"[\p{L}\p{M}]+"),  # letters of other scripts: kind "word"
        ("punct", r"\.{2,}|[!?؟]{2,}|\p{P}"),
        ("symbol", r"\S"),
    )
)
_TOKEN_RE = regex.compile(_TOKEN_PATTERN, regex.V1)
_KIND_OF_GROUP = {kind: kind for kind in KINDS} | {"other": "word", "sep": "date"}


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
    kinds = _KIND_OF_GROUP
    if not normalize:
        return [Token(m.group(), m.start(), m.end(), kinds[m.lastgroup]) for m in _TOKEN_RE.finditer(text)]
    from .normalizer import normalize as _normalize

    normalized, alignment = _normalize(text, offsets=True)
    tokens = []
    for m in _TOKEN_RE.finditer(normalized):
        start, end = alignment.span(m.start(), m.end())
        tokens.append(Token(m.group(), start, end, kinds[m.lastgroup]))
    return tokens


def words(text: str) -> list[str]:
    """Just the token strings (a convenience for counting and search).

    >>> words("ئەمڕۆ، یەکشەممە")
    ['ئەمڕۆ', '،', 'یەکشەممە']
    """
    require_str(text)
    return [m.group() for m in _TOKEN_RE.finditer(text)]


# ------------------------------------------------------------------------------------------- sentences
_CLOSERS = r"(?:[ \t]*(?:[»”’)\]]|\"(?=\s|$)))*"


@functools.lru_cache(maxsize=None)
def _sentence_re() -> regex.Pattern:
    abbreviations = sorted({row["abbr"] for row in load_table("abbreviations.tsv")}, key=len, reverse=True)
    abbr = "|".join(regex.escape(a) for a in abbreviations)
    protected = "|".join(
        (
            rf"(?:https?://|www\.){_URL_TAIL}",
            r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
            rf"{_D}+(?:[.٫,٬/:\-]{_D}+)+",  # decimals, dates, times
            r"\.{2,}|…",  # ellipsis: never a boundary, never split
            rf"(?<![\w\p{{M}}])(?:{abbr})\.",
        )
    )
    return regex.compile(rf"(?P<skip>{protected})|(?P<end>[.!?؟]+{_CLOSERS})|(?P<line>\n)", regex.V1)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` spans of the sentences in ``text``, without surrounding whitespace.

    Sentences end at . ! ? ؟ (with any closing quotes or brackets that follow) and at line breaks. They do
    not end inside an ellipsis (.. or ...), a decimal, a date, a URL, an e-mail address or a listed
    abbreviation (``sorani/data/abbreviations.tsv``).

    >>> sentence_spans("یەکەم. دووەم")
    [(0, 6), (7, 12)]
    """
    require_str(text)
    spans = []
    start = 0
    for m in _sentence_re().finditer(text):
        if m.lastgroup == "skip":
            continue
        end = m.end() if m.lastgroup == "end" else m.start()
        _add_span(text, start, end, spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + (len(piece) - len(piece.lstrip()))
        spans.append((offset, offset + len(stripped)))


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (see :func:`sentence_spans`).

    >>> sentences("د. کەمال هات. سڵاو!")
    ['د. کەمال هات.', 'سڵاو!']
    """
    return [text[s:e] for s, e in sentence_spans(text)]
