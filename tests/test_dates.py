"""Dates, times and the Kurdish solar calendar on real phrases."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sorani
from sorani.errors import InputError

REF = datetime.date(2021, 7, 25)  # the Sunday of the sample article


def found(text, ref=None):
    return [(d.text, d.value, d.kind) for d in sorani.find_dates(text, ref=ref)]


def test_sample_article(news_sample):
    spans = found(news_sample, REF)
    assert ("ئەمڕۆ", "2021-07-25", "relative") in spans
    assert ("یەکشەممە", "2021-07-25", "weekday") in spans
    assert ("سبەی", "2021-07-26", "relative") in spans
    assert ("دووشەممە", "2021-07-26", "weekday") in spans
    assert ("٢٦/٧/٢٠٢١", "2021-07-26", "date") in spans
    assert ("هەینی رابردوو", "2021-07-23", "weekday") in spans  # unnormalized ر, resolved to the past


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("٢٦/٧/٢٠٢١", [("٢٦/٧/٢٠٢١", "2021-07-26", "date")]),
        ("۲۶/۷/۲۰۲۱", [("۲۶/۷/۲۰۲۱", "2021-07-26", "date")]),  # Persian digits
        ("26.7.2021", [("26.7.2021", "2021-07-26", "date")]),
        ("2021-07-26", [("2021-07-26", "2021-07-26", "date")]),
        ("31/2/2021", []),  # no such day
        ("٢٦ی تەممووزی ٢٠٢١", [("٢٦ی تەممووزی ٢٠٢١", "2021-07-26", "date")]),
        ("لە ٣ی کانوونی دووەمی ٢٠٢٢", [("٣ی کانوونی دووەمی ٢٠٢٢", "2022-01-03", "date")]),
        ("تشرینی یەکەمی ٢٠١٩", [("تشرینی یەکەمی ٢٠١٩", "2019-10", "month")]),
        ("١٥ی ئاب", [("١٥ی ئاب", "--08-15", "date")]),
        ("ئازار زۆرە", []),  # ئازار alone is a word ("torment"), not March
        ("ئابووری", []),
        ("١٤ی فێبریوەری ٢٠٢٠", [("١٤ی فێبریوەری ٢٠٢٠", "2020-02-14", "date")]),
        ("١ی خاکەلێوەی ٢٧٢١", [("١ی خاکەلێوەی ٢٧٢١", "2021-03-21", "date")]),  # Newroz
        ("گوڵانی ١٤٠٠", [("گوڵانی ١٤٠٠", "2021-04", "month")]),  # Solar Hijri year
        ("کاتژمێر ٩:٤٥", [("٩:٤٥", "09:45", "time")]),
        ("٢٥:٩٩", []),
    ],
)
def test_date_table(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("دوێنێ", "2021-07-24"), ("پێرێ", "2021-07-23"), ("دووسبەی", "2021-07-27"), ("ئەمرۆ", "2021-07-25"),
     ("هەینی", "2021-07-30"), ("هەینی داهاتوو", "2021-07-30"), ("شەممەی ڕابردوو", "2021-07-24"),
     ("٢٦ی تەممووز", "2021-07-26"), ("١٥ی گەلاوێژ", "2021-08-06")],
)
def test_relative_to_reference(text, value):
    assert found(text, REF)[0][1] == value
    assert found(text)[0][1] in (None, value) or found(text)[0][1].startswith("--")


@pytest.mark.parametrize(
    ("kurdish", "gregorian"),
    [((2721, 1, 1), datetime.date(2021, 3, 21)), ((2724, 1, 1), datetime.date(2024, 3, 20)),
     ((2720, 10, 10), datetime.date(2020, 12, 30)), ((2723, 12, 29), datetime.date(2024, 3, 19)),
     ((2724, 12, 30), datetime.date(2025, 3, 20)), ((2725, 1, 1), datetime.date(2025, 3, 21))],
)  # Newroz and leap-year ends, from the published Solar Hijri calendar (+1321)
def test_kurdish_calendar(kurdish, gregorian):
    assert sorani.kurdish_to_gregorian(*kurdish) == gregorian
    assert sorani.gregorian_to_kurdish(gregorian) == kurdish


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=datetime.date(1700, 1, 1), max_value=datetime.date(2300, 12, 31)))
def test_calendar_round_trip(day):
    assert sorani.kurdish_to_gregorian(*sorani.gregorian_to_kurdish(day)) == day


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_find_dates_never_crashes(text):
    for d in sorani.find_dates(text, ref=REF):
        assert text[d.start : d.end] == d.text and d.kind in sorani.dates.KINDS


def test_ref_with_a_time_of_day_still_gives_dates():
    # a datetime is a date too; its time of day used to leak into the values ('2021-07-26T10:00:00')
    ref = datetime.datetime(2021, 7, 25, 10, 30)
    assert [d.value for d in sorani.find_dates("سبەی دووشەممە", ref=ref)] == ["2021-07-26", "2021-07-26"]


def test_calendar_arguments_are_checked():
    for args in (("2721", 1, 1), (2721.0, 1, 1), (True, 1, 1), (2721, "1", 1)):
        with pytest.raises(TypeError):
            sorani.kurdish_to_gregorian(*args)
    with pytest.raises(InputError, match="Kurdish year 0 "):  # the year asked for, not only its Solar Hijri one
        sorani.kurdish_to_gregorian(0, 1, 1)
    assert sorani.kurdish_to_gregorian(2721, 1, 1) == datetime.date(2021, 3, 21)


def test_relative_days_beyond_the_calendar_have_no_value():
    # سبەی of 9999-12-31 was an OverflowError
    assert [d.value for d in sorani.find_dates("سبەی و دوێنێ", ref=datetime.date(9999, 12, 31))] == [None, "9999-12-30"]
    assert [d.value for d in sorani.find_dates("دوێنێ", ref=datetime.date(1, 1, 1))] == [None]
