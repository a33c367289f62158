"""Dates and times in running Sorani text, with ISO values.

>>> [(d.text, d.value, d.kind) for d in find_dates("سبەی دووشەممە (٢٦/٧/٢٠٢١) کاتژمێر ١٠:٣٠")]
[('سبەی', None, 'relative'), ('دووشەممە', None, 'weekday'), ('٢٦/٧/٢٠٢١', '2021-07-26', 'date'), ('١٠:٣٠', '10:30', 'time')]
>>> import datetime
>>> [(d.text, d.value) for d in find_dates("سبەی دووشەممە", ref=datetime.date(2021, 7, 25))]
[('سبەی', '2021-07-26'), ('دووشەممە', '2021-07-26')]
>>> find_dates("١ی خاکەلێوەی ٢٧٢١")[0].value
'2021-03-21'
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from . import alphabet
from ._data import load_table
from ._regex import trie_pattern
from .errors import InputError, require_str
from .kurdish_calendar import KURDISH_YEAR_OFFSET, gregorian_to_kurdish, kurdish_to_gregorian

KINDS = ("date", "month", "weekday", "relative", "time")
_DIGIT_TABLE = alphabet.TO_LATIN_DIGITS
_D = "[0-9٠-٩۰-۹]"
_ANY_DIGIT = re.compile(_D)
_PAST = ("ڕابردوو", "پێشوو")
_NEXT = ("داهاتوو", "دواتر")


@dataclass(slots=True)
class DateSpan:
    """A date or time found in text. ``value`` is ISO 8601 (``2021-07-26``, ``2021-07``, ``--07-26`` for a
    day without a year, ``10:30``) or None when it needs a reference date that was not given."""

    start: int
    end: int
    text: str
    value: str | None
    kind: str


@functools.lru_cache(maxsize=None)
def _names() -> dict[str, tuple[str, int]]:
    return {row["name"]: (row["calendar"], int(row["number"])) for row in load_table("calendar_names.tsv")}


def _ambiguous(name: str) -> bool:
    return name in _ambiguous_names()


@functools.lru_cache(maxsize=None)
def _ambiguous_names() -> frozenset[str]:
    return frozenset(row["name"] for row in load_table("calendar_names.tsv") if row["ambiguous"] == "yes")


@functools.lru_cache(maxsize=None)
def _relative() -> dict[str, int]:
    return {row["word"]: int(row["offset"]) for row in load_table("relative_days.tsv")}


@functools.lru_cache(maxsize=None)
def _name_pattern() -> re.Pattern:
    """All month, weekday and relative-day names in one prefix tree. It has no leading lookbehind (which
    would make the engine test every position); the word start is checked on each match instead."""
    names = list(_names()) + list(_relative())
    return re.compile(rf"(?P<name>{_tolerant(trie_pattern(names))})[یيى]?(?![^\W\d_])")


_DAY_BEFORE = re.compile(rf"(?<![0-9٠-٩۰-۹])({_D}{{1,2}})\s*[یيى]?\s*$")
_YEAR_AFTER = re.compile(rf"[یيى]?\s+(?:ساڵی\s+)?({_D}{{4}})(?![0-9٠-٩۰-۹])")



def _numeric_parts() -> list[str]:
    return [
        # each starts with a digit and looks behind it afterwards: much faster than a leading lookbehind
        rf"(?P<ymd>{_D}(?<!{_D}{_D}){_D}{{3}}([/.\-]){_D}{{1,2}}\2{_D}{{1,2}}(?!{_D}))",
        rf"(?P<dmy>{_D}(?<![{_D[1:-1]}/.]{_D}){_D}?([/.\-]){_D}{{1,2}}\4(?:{_D}{{4}}|{_D}{{2}})(?![{_D[1:-1]}/]))",
        rf"(?P<time>{_D}(?<!{_D}{_D}){_D}?:{_D}{{2}}(?::{_D}{{2}})?(?!{_D}))",
    ]


@functools.lru_cache(maxsize=None)
def numeric_pattern() -> re.Pattern:
    """Numeric dates and times only (used by ``find_numbers`` to tell them from plain numbers)."""
    return re.compile("|".join(_numeric_parts()))


def read_numeric(m: re.Match) -> tuple[str, str] | None:
    """(ISO value, kind) of a ``numeric_pattern`` match, or None if it is not a valid date or time."""
    try:
        value, kind = _read(m, None)
    except (InputError, ValueError):
        return None
    return value, kind


# Raw text may still have the look-alikes the standard tier fixes; the spans must point into it, so the
# pattern accepts them instead of normalizing first.
_LOOKALIKES = {"ڕ": "[ڕر]", "ک": "[کك]", "ی": "[یيى]", "ە": "(?:ە|ه\u200c?|ة)"}


@functools.lru_cache(maxsize=None)
def _modifier_after() -> re.Pattern:
    """ڕابردوو / داهاتوو … after a weekday (the words of _PAST and _NEXT, look-alikes accepted)."""
    return re.compile(rf"[یيى]?\s+{_tolerant(trie_pattern(_PAST + _NEXT))}(?![^\W\d_])")


def _tolerant(pattern: str) -> str:
    return re.sub("[ڕکیە]", lambda m: _LOOKALIKES[m.group()], pattern)


def find_dates(text: str, *, ref: datetime.date | None = None) -> list[DateSpan]:
    """Dates and times in ``text``: numeric dates (day/month/year, or year-month-day; any digit set;
    a year after 2600 is read as Kurdish solar), month names (Syriac-derived, Gregorian, Kurdish solar)
    with a day and/or year, weekdays (with ڕابردوو/داهاتوو), relative days (ئەمڕۆ، سبەی، دوێنێ …) and
    times. Weekdays and relative days get a value only against ``ref``.
    """
    require_str(text)
    if ref is not None and not isinstance(ref, datetime.date):
        raise TypeError(f"ref must be a datetime.date, not {type(ref).__name__}")
    if isinstance(ref, datetime.datetime):
        ref = ref.date()  # the values are dates: a time of day in ref must not turn them into datetimes
    spans = []
    for m in numeric_pattern().finditer(text) if _ANY_DIGIT.search(text) else ():
        read = read_numeric(m)
        if read is not None:
            spans.append(DateSpan(m.start(), m.end(), m.group(), read[0], read[1]))
    for m in _name_pattern().finditer(text):
        start = m.start()
        if start and (text[start - 1].isalpha() or text[start - 1] == "\u200c"):
            continue
        span = _read_name(text, m, ref)
        if span is not None:
            spans.append(span)
    spans.sort(key=lambda span: span.start)
    return spans


def _read_name(text: str, m: re.Match, ref: datetime.date | None) -> DateSpan | None:
    name = _canonical(m.group("name"))
    start, end = m.span()
    if name not in _names() and name not in _relative():
        return None
    if name in _relative() or _names()[name][0] == "weekday":
        end = m.end("name")
    if name in _relative():
        value = None if ref is None else _shifted(ref, _relative()[name])
        return DateSpan(start, end, text[start:end], value, "relative")
    calendar, number = _names()[name]
    if calendar == "weekday":
        modifier = _modifier_after().match(text, end)
        if modifier:
            end = modifier.end()
        tail = _canonical(modifier.group().strip()) if modifier else ""
        value = None if ref is None else _resolve_weekday(number, ref, tail)
        return DateSpan(start, end, text[start:end], value, "weekday")
    day_match = _DAY_BEFORE.search(text, max(0, start - 8), start)
    year_match = _YEAR_AFTER.match(text, end)
    if day_match:
        start = day_match.start()
    if year_match:
        end = year_match.end()
    day = _int(day_match.group(1)) if day_match else None
    year = _int(year_match.group(1)) if year_match else None
    try:
        value, kind = _value_of_named(calendar, number, name, day, year, ref)
    except (InputError, ValueError):
        return None
    if kind is None:
        return None
    return DateSpan(start, end, text[start:end], value, kind)


def _resolve_weekday(weekday: int, ref: datetime.date, modifier: str) -> str | None:
    delta = (weekday - ref.isoweekday()) % 7
    if modifier.endswith(_PAST):
        delta = delta - 7 if delta else -7
    elif modifier.endswith(_NEXT):
        delta = delta or 7
    return _shifted(ref, delta)


def _shifted(ref: datetime.date, days: int) -> str | None:
    """``ref`` + ``days`` as ISO, or None beyond the dates Python has (سبەی of 9999-12-31)."""
    try:
        return (ref + datetime.timedelta(days=days)).isoformat()
    except OverflowError:
        return None


@functools.lru_cache(maxsize=1024)
def _canonical(name: str) -> str:
    """The table spelling of a matched name or phrase (the raw text may be unnormalized)."""
    from .normalizer import normalize

    name = normalize(name)
    if name in _names() or name in _relative():
        return name
    fixed = name.replace("ر", "ڕ")  # ر typed for ڕ inside a name (ئەمرۆ)
    return fixed if fixed in _names() or fixed in _relative() else name


def _int(digits: str) -> int:
    return int(digits.translate(_DIGIT_TABLE))


def _iso(year: int, month: int, day: int) -> str:
    if year > 2600:  # a Kurdish solar year
        return kurdish_to_gregorian(year, month, day).isoformat()
    return datetime.date(year, month, day).isoformat()


def _read(m: re.Match, ref: datetime.date | None) -> tuple[str | None, str | None]:
    group = m.lastgroup
    text = m.group()
    if group == "ymd":
        y, mo, d = (_int(p) for p in re.split(r"[/.\-]", text))
        return _iso(y, mo, d), "date"
    if group == "dmy":
        d, mo, y = (_int(p) for p in re.split(r"[/.\-]", text))
        if y < 100:
            y += 2000 if y < 50 else 1900
        return _iso(y, mo, d), "date"
    parts = [_int(p) for p in text.split(":")]
    datetime.time(*parts)  # validates
    return ":".join(f"{p:02d}" for p in parts), "time"


def _value_of_named(calendar: str, month: int, name: str, day: int | None, year: int | None,
                    ref: datetime.date | None) -> tuple[str | None, str | None]:
    if day is None and year is None:
        # a bare month name counts unless it is also an ordinary word (the ambiguous column)
        return (None, None) if _ambiguous(name) else (None, "month")
    if calendar == "kurdish":
        if year is None:
            if ref is None:
                return None, "date"
            year = gregorian_to_kurdish(ref)[0]
        elif year < 2600:
            year += KURDISH_YEAR_OFFSET  # written as a Solar Hijri year
        if day is None:
            return kurdish_to_gregorian(year, month, 1).isoformat()[:7], "month"
        return kurdish_to_gregorian(year, month, day).isoformat(), "date"
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    if year is None:
        if ref is None:
            datetime.date(2000, month, day)  # validates (2000 is a leap year)
            return f"--{month:02d}-{day:02d}", "date"
        year = ref.year
    return datetime.date(year, month, day).isoformat(), "date"
