"""The Sorani alphabet: the single source of truth for letters, character classes, canonical code points
and the Kurdish alphabetical order. Every other module takes its letters from here.

>>> ALPHABET[:5]
('ئ', 'ا', 'ب', 'پ', 'ت')
>>> is_kurdish_letter("ڕ"), is_kurdish_letter("ك")
(True, False)
>>> LATIN["ڕ"], LATIN["ێ"]
('ř', 'ê')
"""

from __future__ import annotations

from .errors import require_str

# (letter, Hawar Latin, class) in the Kurdish alphabetical order used by dictionaries and schools:
# ڕ follows ر, ڤ follows ف, ڵ follows ل, ە follows ه, ۆ follows و, ێ follows ی.
_LETTERS: tuple[tuple[str, str, str], ...] = (
    ("ئ", "", "consonant"),  # hamza seat: marks a syllable that starts with a vowel
    ("ا", "a", "vowel"),
    ("ب", "b", "consonant"),
    ("پ", "p", "consonant"),
    ("ت", "t", "consonant"),
    ("ج", "c", "consonant"),
    ("چ", "ç", "consonant"),
    ("ح", "ḧ", "consonant"),
    ("خ", "x", "consonant"),
    ("د", "d", "consonant"),
    ("ر", "r", "consonant"),
    ("ڕ", "ř", "consonant"),
    ("ز", "z", "consonant"),
    ("ژ", "j", "consonant"),
    ("س", "s", "consonant"),
    ("ش", "ş", "consonant"),
    ("ع", "’", "consonant"),
    ("غ", "ẍ", "consonant"),
    ("ف", "f", "consonant"),
    ("ڤ", "v", "consonant"),
    ("ق", "q", "consonant"),
    ("ک", "k", "consonant"),
    ("گ", "g", "consonant"),
    ("ل", "l", "consonant"),
    ("ڵ", "ł", "consonant"),
    ("م", "m", "consonant"),
    ("ن", "n", "consonant"),
    ("ه", "h", "consonant"),
    ("ە", "e", "vowel"),
    ("و", "w", "semivowel"),  # w, or the vowel u; doubled وو is û
    ("ۆ", "o", "vowel"),
    ("ی", "y", "semivowel"),  # y, or the vowel î
    ("ێ", "ê", "vowel"),
)

ALPHABET: tuple[str, ...] = tuple(letter for letter, _, _ in _LETTERS)
"""The 33 letters of the standard alphabet, in Kurdish alphabetical order."""

LATIN: dict[str, str] = {letter: latin for letter, latin, _ in _LETTERS}
"""The Hawar (Latin) letter for each Arabic-script letter, consonantal reading for و and ی."""

KURDISH_LETTERS: frozenset[str] = frozenset(ALPHABET)
VOWELS: frozenset[str] = frozenset(letter for letter, _, kind in _LETTERS if kind == "vowel")
SEMIVOWELS: frozenset[str] = frozenset(letter for letter, _, kind in _LETTERS if kind == "semivowel")
CONSONANTS: frozenset[str] = frozenset(letter for letter, _, kind in _LETTERS if kind == "consonant")

# Letters that only Sorani (among the Arabic-script languages of the region) writes this way.
DISTINCTIVE_LETTERS: frozenset[str] = frozenset("ڕڵێۆەڤ")

# Letters that join only to the preceding letter; a ZWNJ after them has no visible effect.
RIGHT_JOINING: frozenset[str] = frozenset("ئاأإآدذرڕزژوۆؤەۀة")

LATIN_DIGITS = "0123456789"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
DIGIT_SETS: dict[str, str] = {
    "latin": LATIN_DIGITS,
    "arabic-indic": ARABIC_INDIC_DIGITS,
    "persian": PERSIAN_DIGITS,
}
DIGITS: frozenset[str] = frozenset(LATIN_DIGITS + ARABIC_INDIC_DIGITS + PERSIAN_DIGITS)
DIGIT_VALUE: dict[str, int] = {d: i for s in DIGIT_SETS.values() for i, d in enumerate(s)}
TO_LATIN_DIGITS = str.maketrans({d: str(v) for d, v in DIGIT_VALUE.items()})
"""A ``str.translate`` table that writes every digit in ASCII."""

DECIMAL_SEPARATORS = ".٫"
THOUSANDS_SEPARATORS = ",٬"

# Arabic harakat and related marks that Sorani does not write; removable as "diacritics".
# U+0653-U+0655 (madda, hamza above/below) and U+065A (small v) are letter-forming marks and are handled by the
# composition table instead.
DIACRITICS: frozenset[str] = frozenset(
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0656\u0657\u0658\u0670"
)

ZWNJ = "\u200c"
ZWJ = "\u200d"
TATWEEL = "\u0640"

ARABIC_PUNCTUATION: dict[str, str] = {"،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ","}
QUOTES_OPEN = "«\"“‘‹("
QUOTES_CLOSE = "»\"”’›)"

# Arabic-script letters in regex class syntax (the Unicode Arabic blocks' letters), for code that needs
# "a letter of this script" rather than "a Kurdish letter".
ARABIC_SCRIPT_CLASS = r"\p{Script=Arabic}"


def is_kurdish_letter(char: str) -> bool:
    """True for the 33 letters of the standard Sorani alphabet."""
    return require_str(char, "char") in KURDISH_LETTERS


def alphabet_index(char: str) -> int:
    """Position of a letter in the Kurdish alphabetical order, or -1 if it is not a Kurdish letter.

    >>> alphabet_index("ئ"), alphabet_index("ڕ") - alphabet_index("ر")
    (0, 1)
    """
    try:
        return ALPHABET.index(require_str(char, "char"))
    except ValueError:
        return -1
