"""Word-level tokens on real Sorani text."""

from __future__ import annotations

import pickle

import pytest

import sorani
from sorani import Token


def kinds(text):
    return [(t.text, t.kind) for t in sorani.tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بڕیارە سبەی دووشەممە (٢٦/٧/٢٠٢١)", [("بڕیارە", "word"), ("سبەی", "word"), ("دووشەممە", "word"),
                                            ("(", "punct"), ("٢٦/٧/٢٠٢١", "date"), (")", "punct")]),
        ("ڕێژەکە 3.5% بوو", [("ڕێژەکە", "word"), ("3.5%", "percent"), ("بوو", "word")]),
        ("ڕێژەی ٪٥٠", [("ڕێژەی", "word"), ("٪٥٠", "percent")]),
        ("سەیری https://www.rudaw.net/sorani/kurdistan، بکە",
         [("سەیری", "word"), ("https://www.rudaw.net/sorani/kurdistan", "url"), ("،", "punct"), ("بکە", "word")]),
        ("www.gov.krd.", [("www.gov.krd", "url"), (".", "punct")]),
        ("ئیمەیڵ: info@knn.krd", [("ئیمەیڵ", "word"), (":", "punct"), ("info@knn.krd", "email")]),
        ("کاتژمێر ١٠:٣٠ی بەیانی", [("کاتژمێر", "word"), ("١٠:٣٠", "time"), ("ی", "word"), ("بەیانی", "word")]),
        ("ئێستا لە عێراق ٢٥٠٠ سەربازە.", [("ئێستا", "word"), ("لە", "word"), ("عێراق", "word"), ("٢٥٠٠", "number"),
                                        ("سەربازە", "word"), (".", "punct")]),
        ("نرخی ١,٥٠٠ دینار و ٣٫٥ کیلۆ", [("نرخی", "word"), ("١,٥٠٠", "number"), ("دینار", "word"), ("و", "word"),
                                        ("٣٫٥", "number"), ("کیلۆ", "word")]),
        ("#کوردستان @rudaw_net 😀👍🏽", [("#کوردستان", "hashtag"), ("@rudaw_net", "mention"), ("😀", "emoji"),
                                       ("👍🏽", "emoji")]),
        ("جۆ بایدن (Joe Biden)", [("جۆ", "word"), ("بایدن", "word"), ("(", "punct"), ("Joe", "latin"),
                                 ("Biden", "latin"), (")", "punct")]),
        ("ئەمنی.. عێراق", [("ئەمنی", "word"), ("..", "punct"), ("عێراق", "word")]),
        ("چی؟!", [("چی", "word"), ("؟!", "punct")]),
        ("ســـڵاو", [("ســـڵاو", "word")]),  # tatweel stays inside its word
        ("پەیوەندی‌یەکان", [("پەیوەندی‌یەکان", "word")]),  # ZWNJ inside a word
        ("دۆلار $ و €", [("دۆلار", "word"), ("$", "symbol"), ("و", "word"), ("€", "symbol")]),
    ],
)
def test_token_table(text, expected):
    assert kinds(text) == expected


def test_spans_slice_back_on_sample(news_sample):
    tokens = sorani.tokenize(news_sample)
    assert len(tokens) > 500
    assert all(news_sample[t.start : t.end] == t.text for t in tokens)
    # nothing but whitespace lies between tokens
    position = 0
    for t in tokens:
        assert news_sample[position : t.start].strip() == ""
        position = t.end
    assert ("٢٦/٧/٢٠٢١", "date") in [(t.text, t.kind) for t in tokens]


def test_normalize_keeps_raw_spans():
    raw = "هێزێكی رایگەیاند"
    tokens = sorani.tokenize(raw, normalize=True)
    assert [t.text for t in tokens] == ["هێزێکی", "ڕایگەیاند"]
    assert [raw[t.start : t.end] for t in tokens] == ["هێزێكی", "رایگەیاند"]


def test_token_is_slotted_and_picklable():
    token = sorani.tokenize("کورد")[0]
    assert token == Token("کورد", 0, 4, "word")
    assert not hasattr(token, "__dict__")
    assert pickle.loads(pickle.dumps(token)) == token


def test_type_error():
    with pytest.raises(TypeError):
        sorani.tokenize(42)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("هەنگاوی 1️⃣ و #️⃣", [("هەنگاوی", "word"), ("1️⃣", "emoji"), ("و", "word"), ("#️⃣", "emoji")]),
     ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f سڵاو",
      [("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "emoji"), ("سڵاو", "word")])],
)
def test_keycaps_and_tag_sequences_are_one_emoji(text, expected):
    # 1️⃣ used to be a number, then a lone variation selector and a lone keycap mark as symbols; the flag of
    # Scotland one emoji and six symbol tokens of invisible tag characters
    assert [(t.text, t.kind) for t in sorani.tokenize(text)] == expected


def test_email_local_part_is_at_most_64_characters():
    # RFC 5321's bound; it also keeps long runs of - . _ linear for the pattern
    ok = "a" * 64 + "@gov.krd"
    assert [t.kind for t in sorani.tokenize(f"بنێرە بۆ {ok}")] == ["word", "word", "email"]
    too_long = "a" * 65 + "@gov.krd"
    assert "email" not in {t.kind for t in sorani.tokenize(too_long)}
    dashes = sorani.tokenize("-" * 5000)
    assert len(dashes) == 5000 and {t.kind for t in dashes} == {"punct"}
