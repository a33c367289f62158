"""Sorting in the Kurdish alphabetical order (``sorani.alphabet.ALPHABET``).

Unicode order puts ڕ, ڵ, ێ, ۆ and ە far from the letters they follow in the alphabet (ر, ل, ی, و, ه).
Here words are compared letter by letter in the Kurdish order, after standard normalization (so ك sorts
as ک) with diacritics, ZWNJ and tatweel ignored. Runs of digits (of any of the three sets) compare by
value and come before letters; other characters keep their Unicode order before the Kurdish letters. Ties are
broken by the original string, so the order is total and the same on every run.

>>> sorted_words(["ڕێ", "زەوی", "ران", "ئاو", "ۆ", "وەرز", "ەوە", "هەر"])
['ئاو', 'ران', 'ڕێ', 'زەوی', 'هەر', 'ەوە', 'وەرز', 'ۆ']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from . import alphabet
from .errors import require_bool, require_str

_DIGIT_RUN = re.compile("[0-9]+")  # runs of digits compare by value: 9 before 10
_KURDISH_BASE = 0xF0000  # a private-use plane: Kurdish letters sort after every other character


@functools.lru_cache(maxsize=None)
def _table() -> dict[int, str]:
    table = {ord(d): str(v) for d, v in alphabet.DIGIT_VALUE.items()}
    table.update({ord(letter): chr(_KURDISH_BASE + i) for i, letter in enumerate(alphabet.ALPHABET)})
    return table


@functools.lru_cache(maxsize=None)
def _normalizer():
    from .normalizer import Normalizer

    return Normalizer(diacritics="remove", punctuation=False, spacing=False)


@functools.lru_cache(maxsize=65536)
def sort_key(word: str) -> tuple[str, str]:
    """The key that sorts ``word`` in Kurdish alphabetical order.

    >>> sort_key("ڕێ") > sort_key("ران") and sort_key("ڕێ") < sort_key("زەوی")
    True
    """
    require_str(word, "word")
    key = _DIGIT_RUN.sub(_number_key, _normalizer()(word).translate(_table()))
    return key, word


def _number_key(match: re.Match) -> str:
    """A run of digits as its number of significant digits, then those digits: ordered by value however long
    (padding to a fixed width put 10^24 before 999…9 and 0…05 before 3); still only digits, so a number
    sorts against other characters as before."""
    digits = match.group().lstrip("0") or "0"
    return f"{len(digits):010d}{digits}"


def sorted_words(words: Iterable[str], *, reverse: bool = False) -> list[str]:
    """``words`` sorted in Kurdish alphabetical order.

    >>> sorted_words(["ڕێ", "ران"])
    ['ران', 'ڕێ']
    """
    if isinstance(words, str):  # sorting the letters of one word is never what was meant
        raise TypeError("words must be an iterable of str, not a str")
    require_bool(reverse, "reverse")
    return sorted(words, key=sort_key, reverse=reverse)
