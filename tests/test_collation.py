"""Kurdish alphabetical order and stopwords."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sorani
from sorani.alphabet import ALPHABET


def test_letters_follow_the_alphabet():
    assert sorani.sorted_words(reversed(ALPHABET)) == list(ALPHABET)


def test_real_words():
    words = ["ڕێگا", "ڕۆژ", "ران", "زەوی", "لاوان", "ڵام", "هەولێر", "ەوە", "وڵات", "ۆرگان", "یاری", "ێستا", "ئاسۆ"]
    assert sorani.sorted_words(words) == [
        "ئاسۆ", "ران", "ڕۆژ", "ڕێگا", "زەوی", "لاوان", "ڵام", "هەولێر", "ەوە", "وڵات", "ۆرگان", "یاری", "ێستا",
    ]  # fmt: skip
    # Unicode order would put ڕ ڵ ێ ۆ ە after ی
    assert sorted(words) != sorani.sorted_words(words)


def test_lookalikes_digits_and_mixed_script():
    assert sorani.sort_key("كورد")[0] == sorani.sort_key("کورد")[0]  # Arabic kaf sorts as ک
    assert sorani.sorted_words(["١٠", "٩", "2"]) == ["2", "٩", "١٠"]  # digit runs by value
    mixed = ["zebra", "ئاو", "Apple", "10", "ب", "!"]
    assert sorani.sorted_words(mixed) == sorani.sorted_words(list(reversed(mixed)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=8), max_size=20))
def test_sort_is_total_and_deterministic(words):
    once = sorani.sorted_words(words)
    assert once == sorani.sorted_words(list(reversed(words))) and sorted(once) == sorted(words)


def test_stopword_lists(news_sample):
    default, search, corpus = sorani.stopwords(), sorani.stopwords("search"), sorani.stopwords("corpus")
    assert search <= default and corpus <= default and default == search | corpus
    assert {"و", "لە", "بە", "کە", "بۆ"} <= search
    assert "نییە" in corpus and "نییە" not in search  # negation matters for search
    assert all(sorani.normalize(w) == w for w in default)  # normalized form (KLPT's list is not)
    tokens = [t.text for t in sorani.tokenize(sorani.normalize(news_sample)) if t.kind == "word"]
    ratio = sum(t in corpus for t in tokens) / len(tokens)
    assert 0.15 < ratio < 0.5  # running prose


def test_one_str_is_not_a_list_of_words():
    # sorted_words("ڕێژە") used to sort the letters of the word
    with pytest.raises(TypeError, match="iterable of str"):
        sorani.sorted_words("ڕێژە")
    with pytest.raises(TypeError):
        sorani.sorted_words(["ڕێ", 5])
    with pytest.raises(sorani.SoraniError, match="reverse"):
        sorani.sorted_words(["ڕێ", "ران"], reverse="yes")
    assert sorani.sorted_words(("ڕێ", "ران"), reverse=True) == ["ڕێ", "ران"]


def test_letter_look_ups_refuse_a_non_str():
    # None and 5 were -1 and False, as if they were a non-Kurdish character
    from sorani.alphabet import alphabet_index, is_kurdish_letter

    assert alphabet_index("ڕ") == alphabet_index("ر") + 1
    assert is_kurdish_letter("ڵ") and not is_kurdish_letter("ك")
    for bad in (None, 5, ["ڕ"]):
        with pytest.raises(TypeError, match="char must be str"):
            alphabet_index(bad)
        with pytest.raises(TypeError, match="char must be str"):
            is_kurdish_letter(bad)


def test_runs_of_digits_compare_by_value_however_long():
    # the runs were padded to 24 digits: longer ones compared as text (10^24 before 999…9, 0…05 before 3)
    words = ["ژمارە " + n for n in ("1" + "0" * 24, "9" * 24, "0" * 30 + "5", "٣", "۱۱", "10", "007")]
    assert sorani.sorted_words(words) == ["ژمارە " + n for n in (
        "٣", "0" * 30 + "5", "007", "10", "۱۱", "9" * 24, "1" + "0" * 24)]
    shorter = ["ڕێ", "ڕێ!", "ڕێ٠٠٩", "ڕێ10", "ڕێگا"]  # as before
    assert sorani.sorted_words(reversed(shorter)) == shorter
