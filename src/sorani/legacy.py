"""Text stored in legacy Kurdish font encodings (Ali-K, Ali-Web, Dylan, Zarnegar): detect the font and
decode to Unicode. The tables are data (``sorani/data/legacy_fonts.tsv``), with the sources each row was
checked against.

>>> decode_legacy("ضاو و طوند", font="ali-k")
'چاو و گوند'
>>> detect_legacy("ئةم ثارةية بؤ طوندةكة دةضيت") , detect_legacy("ذهب المؤمن إلى السوق")
('ali-k', None)
"""

from __future__ import annotations

import functools
import re

import regex

from ._data import decode_cell, load_table
from .errors import ConfigError, require_str

FONTS = ("ali-k", "ali-web", "dylan", "zarnegar")
# A word keeps its combining marks: the fonts' fatha, kasra and tanwin must not split it into short known
# fragments (سالٌی is not سال + ی).
_WORD = regex.compile(r"[\p{L}\p{M}]+")
# Letters that standard Sorani text contains and no legacy font produces: text with them is not legacy.
_UNICODE_SORANI_LETTERS = "ێۆڵڕڤ"


@functools.lru_cache(maxsize=None)
def _table(font: str) -> tuple[re.Pattern, dict[str, str], dict[str, str]]:
    """(pattern, plain map, word-final map) of a font; all rows apply in one pass, longest first."""
    rows = [(decode_cell(row["from"]), decode_cell(row["to"]), row["context"])
            for row in load_table("legacy_fonts.tsv") if row["font"] == font]
    plain = {source: target for source, target, context in rows if not context}
    final = {source: target for source, target, context in rows if context == "final"}
    alternatives = [re.escape(k) for k in sorted(plain, key=len, reverse=True)]
    alternatives += [re.escape(k) + r"(?![^\W\d_])(?<=[^\W\d_]" + re.escape(k) + ")" for k in final]
    return re.compile("|".join(alternatives)), plain, final


def decode_legacy(text: str, *, font: str | None = None) -> str:
    """``text`` decoded from a legacy font (detected when ``font`` is None; returned unchanged when no
    legacy font is detected)."""
    require_str(text)
    if font is None:
        font = detect_legacy(text)
        if font is None:
            return text
    if font not in FONTS:
        raise ConfigError(f"unknown legacy font {font!r}; choose from {', '.join(FONTS)}")
    pattern, plain, final = _table(font)
    return pattern.sub(lambda m: plain.get(m.group()) or final[m.group()], text)


@functools.lru_cache(maxsize=1)
def _share_tools():
    """The normalizer and the word frequencies (a cached function) that ``_known_share`` uses, imported
    once rather than on every call."""
    from .morphology.analyzer import _counts
    from .normalizer import normalize

    return normalize, _counts


def _known_share(text: str) -> float:
    normalize, word_counts = _share_tools()
    words = [w for w in _WORD.findall(normalize(text)) if len(w) > 1][:300]
    if not words:
        return 0.0
    counts = word_counts()
    return sum(1 for w in words if counts.get(w, 0) >= 2) / len(words)


def detect_legacy(text: str) -> str | None:
    """The legacy font ``text`` was stored in, or None. A font is named only when decoding with it turns
    the text into known Sorani words clearly better than the text as it stands, so plain Arabic or
    Persian text (with its ؤ ث ض ط ة) and standard Unicode Sorani are not taken for legacy text."""
    require_str(text)
    sample = text[:3000]
    if not _WORD.search(sample) or sum(map(sample.count, _UNICODE_SORANI_LETTERS)) > 2:
        return None
    candidates = [font for font in FONTS if _table(font)[0].search(sample)]
    if not candidates:
        return None
    best, best_share = None, _known_share(sample) + 0.15
    for font in candidates:
        share = _known_share(decode_legacy(sample, font=font))
        if share > best_share:
            best, best_share = font, share
    return best if best_share >= 0.4 else None
