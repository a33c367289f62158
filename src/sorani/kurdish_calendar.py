"""The Kurdish solar calendar and the Gregorian calendar.

The Kurdish solar months (خاکەلێوە … ڕەشەمێ) are aligned with the Solar Hijri months, and the Kurdish year
is the Solar Hijri year + 1321 (Newroz 2721 = 21 March 2021). The leap years follow the 33-year-cycle
arithmetic with the published break years (as in the widely used "jalaali" algorithm), valid for Solar
Hijri years -61 to 3177.

>>> kurdish_to_gregorian(2721, 1, 1)
datetime.date(2021, 3, 21)
>>> gregorian_to_kurdish(datetime.date(2021, 7, 26))
(2721, 5, 4)
"""

from __future__ import annotations

import datetime

from .errors import InputError

KURDISH_YEAR_OFFSET = 1321
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394,
           2456, 3178)  # fmt: skip


def _div(a: int, b: int) -> int:
    return int(a / b)


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def _solar_year(jy: int) -> tuple[int, int, int]:
    """(leap, Gregorian year, day in March of Newroz) for Solar Hijri year ``jy``."""
    if not _BREAKS[0] <= jy < _BREAKS[-1]:
        raise InputError(f"Kurdish year {jy + KURDISH_YEAR_OFFSET} (Solar Hijri {jy}) is outside the supported "
                         f"range {_BREAKS[0] + KURDISH_YEAR_OFFSET}-{_BREAKS[-1] + KURDISH_YEAR_OFFSET - 1}")
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    if leap == -1:
        leap = 4
    return leap, gy, march


def month_length(year: int, month: int) -> int:
    """Days in a Kurdish solar month (31 for months 1-6, 30 for 7-11, 29 or 30 for the twelfth)."""
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if _solar_year(year - KURDISH_YEAR_OFFSET)[0] == 0 else 29


def kurdish_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a Kurdish solar date (year in the Kurdish era, e.g. 2721)."""
    for name, value in (("year", year), ("month", month), ("day", day)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be int, not {type(value).__name__}")
    if not 1 <= month <= 12 or not 1 <= day <= month_length(year, month):
        raise InputError(f"no such Kurdish solar date: {year}-{month}-{day}")
    jy = year - KURDISH_YEAR_OFFSET
    _, gy, march = _solar_year(jy)
    newroz = datetime.date(gy, 3, march).toordinal()
    return datetime.date.fromordinal(newroz + (month - 1) * 31 - _div(month, 7) * (month - 7) + day - 1)


def gregorian_to_kurdish(date: datetime.date) -> tuple[int, int, int]:
    """(year, month, day) in the Kurdish solar calendar for a Gregorian date."""
    if not isinstance(date, datetime.date):
        raise TypeError(f"date must be a datetime.date, not {type(date).__name__}")
    ordinal = date.toordinal()
    jy = date.year - 621
    leap, gy, march = _solar_year(jy)
    k = ordinal - datetime.date(gy, 3, march).toordinal()
    if k >= 0:
        if k <= 185:
            return jy + KURDISH_YEAR_OFFSET, 1 + _div(k, 31), _mod(k, 31) + 1
        k -= 186
    else:
        jy -= 1
        k += 179
        if leap == 1:  # the year before was a leap year: its last month had 30 days
            k += 1
    return jy + KURDISH_YEAR_OFFSET, 7 + _div(k, 30), _mod(k, 30) + 1
