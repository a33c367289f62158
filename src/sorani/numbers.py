"""Numbers in Sorani: words ↔ values, and finding numbers in running text.

>>> number_to_words(21000)
'بیست و یەک هەزار'
>>> number_to_words(4, ordinal=True), number_to_words(3, ordinal="ەمین")
('چوارەم', 'سێیەمین')
>>> words_to_number("دوو سەد و پەنجا و شەش")
256
>>> [(n.text, n.value, n.kind) for n in find_numbers("لە عێراق ٢٥٠٠ سەربازە، گەڕی چوارەمی")]
[('٢٥٠٠', 2500, 'cardinal'), ('چوارەمی', 4, 'ordinal')]
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import alphabet
from ._data import load_table
from ._regex import trie_pattern
from .errors import ConfigError, InputError, require_str

MAX_VALUE = 10**15
ORDINAL_SUFFIXES = ("ەم", "ەمین")


@dataclass(slots=True)
class NumberSpan:
    """A number found in text: its span, its text, its value, and its kind: cardinal, ordinal, decimal,
    percent, or date and time (whose value is an ISO string, as from ``find_dates``)."""

    start: int
    end: int
    text: str
    value: int | Decimal | str
    kind: str


@functools.lru_cache(maxsize=None)
def _lexicon() -> tuple[dict[str, tuple[str, str]], dict[int, str], dict[str, str]]:
    """(word -> (value, kind), value -> first spelling, kind -> first spelling of zero/point/minus)."""
    words: dict[str, tuple[str, str]] = {}
    spelling: dict[int, str] = {}
    special: dict[str, str] = {}
    for row in load_table("number_words.tsv"):
        words[row["word"]] = (row["value"], row["kind"])
        if row["kind"] in ("unit", "ten", "hundred", "scale", "zero"):
            spelling.setdefault(int(row["value"]), row["word"])
        if row["kind"] in ("point", "minus", "zero"):
            special.setdefault(row["kind"], row["word"])
    return words, spelling, special


def _below_thousand(n: int) -> list[str]:
    _, spell, _ = _lexicon()
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(spell[100] if hundreds == 1 else spell[hundreds] + spell[100])
    if rest:
        if rest < 20 or rest % 10 == 0:
            parts.append(spell[rest])
        else:
            parts += [spell[rest - rest % 10], spell[rest % 10]]
    return parts


def _cardinal(n: int) -> str:
    _, spell, special = _lexicon()
    if n == 0:
        return special["zero"]
    groups = []
    scales = sorted((v for v in spell if v >= 1000), reverse=True)
    for scale in scales:
        count, n = divmod(n, scale)
        if count:
            # 1000 is هەزار, not یەک هەزار; a million and up keep the یەک
            head = [] if (count == 1 and scale == 1000) else _below_thousand(count)
            groups.append(" و ".join(head) + (" " if head else "") + spell[scale])
    if n:
        groups.append(" و ".join(_below_thousand(n)))
    return " و ".join(groups)


def _ordinal_of(words: str, suffix: str) -> str:
    """Attach ـەم / ـەمین to the last word: after a vowel a glide ی comes in (سێیەم, نۆیەم); after وو the
    suffix follows directly (دووەم)."""
    if words.endswith("وو") or not words.endswith(tuple("اێۆیەوی")):
        return words + suffix
    return words + "ی" + suffix


def number_to_words(n: int | float | str | Decimal, *, ordinal: bool | str = False) -> str:
    """Write a number in Sorani words. Integers up to 10^15, negatives, decimals; ``ordinal=True`` (ـەم)
    or ``ordinal="ەمین"`` for ordinals.

    >>> number_to_words(1_000_000), number_to_words(-3.5)
    ('یەک ملیۆن', 'سالب سێ پۆینت پێنج')
    """
    if isinstance(n, bool) or not isinstance(n, (int, float, str, Decimal)):
        raise TypeError(f"n must be a number or a numeric str, not {type(n).__name__}")
    if not isinstance(ordinal, bool) and ordinal not in ORDINAL_SUFFIXES:
        raise ConfigError(f"ordinal must be True, False or one of {ORDINAL_SUFFIXES}, not {ordinal!r}")
    try:
        value = Decimal(str(n).translate(_DIGIT_TABLE).replace("٫", ".")) if not isinstance(n, int) else n
    except InvalidOperation:
        raise InputError(f"not a number: {n!r}") from None
    if isinstance(value, Decimal) and not value.is_finite():
        raise InputError(f"not a finite number: {n!r}")
    if abs(value) >= MAX_VALUE * 1000:
        raise InputError(f"{n!r} is too large (up to 10^15 is supported)")
    _, _, special = _lexicon()
    sign = special["minus"] + " " if value < 0 else ""
    if ordinal and value < 0:  # an ordinal counts a place in a row: there is no minus third
        raise InputError("an ordinal must not be negative")
    value = abs(value)
    if isinstance(value, Decimal) and value != value.to_integral_value():
        if ordinal:
            raise InputError("an ordinal must be a whole number")
        whole, _, fraction = format(value, "f").partition(".")
        digits = " ".join(_cardinal(int(d)) for d in fraction[: len(fraction) - len(fraction.lstrip("0"))])
        tail = _cardinal(int(fraction))
        fraction_words = f"{digits} {tail}" if digits else tail
        return f"{sign}{_cardinal(int(whole))} {special['point']} {fraction_words}"
    words = sign + _cardinal(int(value))
    if ordinal:
        suffix = ordinal if isinstance(ordinal, str) else ORDINAL_SUFFIXES[0]
        words = _ordinal_of(words, suffix)
    return words


_DIGIT_TABLE = alphabet.TO_LATIN_DIGITS


@functools.lru_cache(maxsize=None)
def _word_split_re() -> re.Pattern:
    """Number words, longest first, so that joined forms (دووسەد, سێسەد) split into their parts."""
    words = sorted(_lexicon()[0], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _strip_ordinal(token: str) -> tuple[str, bool]:
    for suffix in ("یەمین", "ەمین", "یەم", "ەم"):
        if token.endswith(suffix) and len(token) > len(suffix):
            stem = token[: -len(suffix)]
            if stem in _lexicon()[0] or _word_split_re().fullmatch(stem) or _splits(stem):
                return stem, True
    # یەکەم, دووەم: the stem ends the way the word does
    return token, False


def _splits(token: str) -> list[str] | None:
    """A run of joined number words (دووسەد) as its words, or None."""
    pieces = _word_split_re().findall(token)
    return pieces if pieces and "".join(pieces) == token else None


def words_to_number(text: str) -> int | Decimal:
    """The value of a number written in Sorani words; tolerant of spacing, ZWNJ and joined hundreds.

    >>> words_to_number("بیست و یەک هەزار"), words_to_number("سێیەم"), words_to_number("سێ پۆینت پێنج")
    (21000, 3, Decimal('3.5'))
    """
    require_str(text)
    from .normalizer import normalize

    tokens = normalize(text).replace("\u200c", " ").split()
    if not tokens:
        raise InputError("no number words in an empty text")
    if tokens[-1] == "و":
        raise InputError(f"a number does not end in و: {text!r}")
    lexicon = _lexicon()[0]
    values: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        if token == "و" and values:
            continue
        if token.startswith("و") and token[1:] in lexicon and values:  # و joined to the next word
            token = token[1:]
        if i == len(tokens) - 1 and token not in lexicon:
            token, _ = _strip_ordinal(token)
        pieces = [token] if token in lexicon else _splits(token)
        if pieces is None:
            raise InputError(f"not a number word: {token!r}")
        values += [lexicon[p] for p in pieces]
    return _evaluate(values, text)


def _evaluate(values: list[tuple[str, str]], text: str) -> int | Decimal:
    negative = bool(values) and values[0][1] == "minus"
    if negative:
        values = values[1:]
    kinds = [k for _, k in values]
    if "point" in kinds:
        at = kinds.index("point")
        whole = _integer(values[:at], text)
        rest = values[at + 1 :]
        zeros = 0
        while rest and rest[0][1] == "zero" and len(rest) > 1:
            zeros, rest = zeros + 1, rest[1:]
        fraction = str(_integer(rest, text))
        result: int | Decimal = Decimal(f"{whole}.{'0' * zeros}{fraction}")
    else:
        result = _integer(values, text)
    return -result if negative else result


def _integer(values: list[tuple[str, str]], text: str) -> int:
    """The value of number words in the order Sorani writes them: groups below a thousand ([unit] سەد, a
    ten, a unit), each followed by a larger scale than the next (هەزار, ملیۆن …). Anything else, such as
    دوو سێ (two or three) or سەد سەد, is no single number: ``InputError``."""
    if not values:
        raise InputError(f"not a number: {text!r}")
    if len(values) == 1 and values[0][1] == "zero":
        return 0
    total = group = 0
    stage = 0  # within a group: 0 nothing yet, 1 a unit that may take سەد, 2 سەد, 3 a ten, 4 a last unit
    last_scale = None
    for value, kind in values:
        if kind in ("point", "minus"):
            raise InputError(f"misplaced {value!r} in {text!r}")
        number = int(value)
        if kind == "hundred" and stage in (0, 1) and group < 10:
            group, stage = (group or 1) * number, 2
        elif kind == "ten" and stage in (0, 2):
            group, stage = group + number, 3
        elif kind == "unit" and (stage in (0, 2) or (stage == 3 and number < 10)):
            group, stage = group + number, (1 if stage == 0 else 4)
        elif kind == "scale" and (last_scale is None or number < last_scale):
            total += (group or 1) * number
            group, stage, last_scale = 0, 0, number
        else:
            raise InputError(f"not one number: {text!r}")
    return total + group


# -------------------------------------------------------------------------------------------- finding
_D = "[0-9٠-٩۰-۹]"
_ANY_DIGIT = re.compile(_D)
_DIGITS_RE = re.compile(
    rf"(?<![\w.٫]){_D}+(?:[,٬]{_D}{{3}}(?!{_D}))*(?:[.٫]{_D}+)?(?:\s?[%٪])?(?:ەمین|ەم)?(?![\w])"
)


@functools.lru_cache(maxsize=None)
def _words_re() -> re.Pattern:
    lexicon = _lexicon()[0]
    plain = [w for w, (_, k) in lexicon.items() if k not in ("point", "minus")]
    word = trie_pattern(plain)
    sequence = rf"{word}+(?:(?:\s+و)?\s+{word}+)*"
    return re.compile(rf"(?<![^\W\d_]){sequence}(?P<ordinal>ی?ەمین|ی?ەم)?(?:(?<=م)(?:ی|ین|یش))?(?![^\W\d_])")


def find_numbers(text: str) -> list[NumberSpan]:
    """Numbers in running text: digits in any of the three sets (with thousands separators, decimals,
    percent signs and ordinal endings) and number words (cardinal and ordinal, joined by و).

    >>> [(n.text, n.value, n.kind) for n in find_numbers("٣٫٥٪ و 1,000 و بیست و یەک هەزار")]
    [('٣٫٥٪', Decimal('3.5'), 'percent'), ('1,000', 1000, 'cardinal'), ('بیست و یەک هەزار', 21000, 'cardinal')]
    """
    require_str(text)
    from .dates import numeric_pattern, read_numeric

    found, taken = [], []
    has_digits = _ANY_DIGIT.search(text) is not None
    for m in numeric_pattern().finditer(text) if has_digits else ():
        read = read_numeric(m)
        if read is not None:
            found.append(NumberSpan(m.start(), m.end(), m.group(), read[0], read[1]))
            taken.append((m.start(), m.end()))
    starts = [a for a, _ in taken]
    for m in _DIGITS_RE.finditer(text) if has_digits else ():
        at = bisect.bisect_right(starts, m.start()) - 1
        if at < 0 or m.start() >= taken[at][1]:  # not inside a date or time
            found.append(_digit_span(m))
    for m in _words_re().finditer(text):
        found += _word_spans(m)
    found.sort(key=lambda s: s.start)
    return found


def _digit_span(m: re.Match) -> NumberSpan:
    raw = m.group()
    body = raw.rstrip("ەمین").rstrip()
    kind = "ordinal" if raw.endswith("ەم") or raw.endswith("ەمین") else "cardinal"
    if body.endswith(("%", "٪")):
        body, kind = body[:-1].rstrip(), "percent"
    ascii_body = body.translate(_DIGIT_TABLE).replace("٫", ".").replace("٬", "").replace(",", "")
    if "." in ascii_body:
        value: int | Decimal = Decimal(ascii_body)
        kind = "decimal" if kind == "cardinal" else kind
    else:
        try:
            value = int(ascii_body)
        except ValueError:  # more digits than Python turns into an int (sys.get_int_max_str_digits)
            value = Decimal(ascii_body)
    return NumberSpan(m.start(), m.end(), raw, value, kind)


_MAX_NUMBER_WORDS = 64  # more words than any number below 10^18 takes (with its و)


def _word_spans(m: re.Match) -> list[NumberSpan]:
    """The numbers of a run of number words: one when the run reads as one number, else the longest runs
    from the left that do (دوو سێ جار, two or three times, holds the numbers 2 and 3, not 5)."""
    span = _word_span(m.group(), m.start(), m.group("ordinal") and m.end("ordinal") - m.start())
    if span is not None:
        return [span]
    text, base = m.group(), m.start()
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", text)]
    out, i = [], 0
    while i < len(words):
        # grow the run from words[i] while it reads as one number (a number's beginning is one too, but for a
        # dangling و, پۆینت or سالب: a few misses in a row are allowed)
        best, misses = None, 0
        for j in range(i + 1, min(len(words), i + _MAX_NUMBER_WORDS) + 1):
            if text[words[j - 1][0] : words[j - 1][1]] == "و":
                continue
            start, end = words[i][0], words[j - 1][1] if j < len(words) else len(text)
            ordinal = j == len(words) and m.group("ordinal") and m.end("ordinal") - base - start
            span = _word_span(text[start:end], base + start, ordinal)
            if span is not None:
                best, misses = (j, span), 0
            else:
                misses += 1
                if misses > 2:
                    break
        if best is None:
            i += 1
        else:
            i = best[0]
            out.append(best[1])
    return out


def _word_span(text: str, start: int, ordinal_end: int | None) -> NumberSpan | None:
    """``text`` (at ``start``) as one number; ``ordinal_end``: where its ordinal ending ends, if it has one
    (an ezafe or ـیش may follow it)."""
    try:
        if ordinal_end:
            value = words_to_number(text[:ordinal_end])
            kind = "ordinal"
        else:
            value = words_to_number(text)
            kind = "cardinal"
    except InputError:
        return None
    return NumberSpan(start, start + len(text), text, value, kind)
