"""The normalizer on real Sorani text: each row is an input seen in the wild and its standard form."""

from __future__ import annotations

import pickle
import re

import pytest

import sorani
from sorani.errors import ConfigError
from sorani.normalizer import Normalizer, iter_steps

STANDARD = [
    # (raw, standard) — from the sample article, the keyboard dev pairs and common web habits
    ("هێزێكی", "هێزێکی"),  # Arabic kaf in the sample article
    ("رایگەیاند", "ڕایگەیاند"),  # word-initial ر
    ("لە راگەیێندراوێکدا", "لە ڕاگەیێندراوێکدا"),
    ("شاه", "شاه"),  # genuine final /h/
    ("گوناه", "گوناه"),
    ("ئاگاه", "ئاگاه"),
    ("پادشاه و شاه", "پادشاه و شاه"),
    ("که", "کە"),  # old-style final ه
    ("ئه‌وه‌ی", "ئەوەی"),  # ه + ZWNJ
    ("ره‌زبه‌ر", "ڕەزبەر"),
    ("ســــڵاو", "سڵاو"),  # tatweel
    ("بەهـ بەهـ", "بەهـ بەهـ"),  # tatweel after a final ه marks /h/ and stays
    ("ھەولێر", "هەولێر"),  # heh doachashmee inside a word
    ("شاھ", "شاه"),
    ("كوردي", "کوردی"),
    ("ئازادى", "ئازادی"),
    ("عةمرت نةمينئ", "عەمرت نەمینئ"),  # Arabic-keyboard teh marbuta and yeh
    ("خانۀ", "خانە"),
    ("پەیوەندی‌یەکان", "پەیوەندییەکان"),  # ZWNJ
    ("ﻙﻮﺭﺩ", "کورد"),  # presentation forms
    ("ﻻ", "لا"),  # lam-alef ligature
    ("رو\u065aژ", "ڕۆژ"),  # decomposed ۆ
    ("دی\u065a", "دێ"),  # decomposed ێ
    ("سا\u0644\u065a", "ساڵ"),  # decomposed ڵ
    ("\u202bئەمڕۆ\u202c", "ئەمڕۆ"),  # bidi embedding
    ("ئەمڕۆ\u200f", "ئەمڕۆ"),  # RLM
    ("لە\u00a0هەولێر", "لە هەولێر"),  # NBSP
    ("لە  هەولێر", "لە هەولێر"),
    ("عێراق , ئەمریکا", "عێراق، ئەمریکا"),
    ("عێراق،ئەمریکا", "عێراق، ئەمریکا"),
    ("چۆنی ?", "چۆنی؟"),
    ("بەڵێ;", "بەڵێ؛"),
    ("١,٠٠٠ دینار", "١,٠٠٠ دینار"),  # comma between digits is not touched
    ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # ZWJ inside emoji stays
    ("Hello, world?", "Hello, world?"),  # Latin text keeps Latin punctuation
]


@pytest.mark.parametrize(("raw", "expected"), STANDARD)
def test_standard_tier(raw, expected):
    assert sorani.normalize(raw) == expected


UNICODE = [
    ("هێزێكی", "هێزێكی"),  # look-alikes are the standard tier's job
    ("رایگەیاند", "رایگەیاند"),
    ("ســــڵاو", "سڵاو"),
    ("ﻙﻮﺭﺩ", "كورد"),
    ("لە\u2009هەولێر", "لە هەولێر"),
    ("کورد\u200bستان", "کوردستان"),
]


@pytest.mark.parametrize(("raw", "expected"), UNICODE)
def test_unicode_tier(raw, expected):
    assert sorani.normalize(raw, tier="unicode") == expected


def test_sample_article(news_sample):
    text = sorani.normalize(news_sample)
    assert "ك" not in text and "هێزێکی" in text
    assert "ڕایگەیاند" in text and " رایگەیاند" not in text
    assert "٢٦/٧/٢٠٢١" in text
    assert sorani.normalize(news_sample, digits="latin").count("26/7/2021") == 1


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("latin", "26/7/2021 3.5"),
        ("arabic-indic", "٢٦/٧/٢٠٢١ ٣٫٥"),
        ("persian", "۲۶/۷/۲۰۲۱ ۳٫۵"),
        (None, "٢٦/٧/۲۰21 ٣٫٥"),
    ],
)
def test_digit_styles(digits, expected):
    assert sorani.normalize("٢٦/٧/۲۰21 ٣٫٥", digits=digits) == expected


def test_options():
    assert Normalizer(initial_r=False)("رایگەیاند") == "رایگەیاند"
    assert Normalizer(diacritics="remove")("سَلام") == "سلام"
    assert Normalizer()("سَلام") == "سَلام"
    assert Normalizer(zwnj=False)("کتێب\u200cخانە") == "کتێب\u200cخانە"
    assert Normalizer(spacing=False)("لە  هەولێر") == "لە  هەولێر"


def test_offsets_map_back_to_raw_spans():
    raw = "ره‌زبه‌ر  ، هێزێكی"
    text, alignment = sorani.normalize(raw, offsets=True)
    assert text == sorani.normalize(raw) == "ڕەزبەر، هێزێکی"
    assert len(alignment) == len(text)
    start = text.index("هێزێکی")
    assert raw[slice(*alignment.span(start, start + 6))] == "هێزێكی"
    assert raw[slice(*alignment.span(0, 6))] == "ره‌زبه‌ر"
    assert alignment.span(0, 0) == (0, 0)
    with pytest.raises(IndexError):
        alignment.span(0, len(text) + 1)


def test_errors():
    with pytest.raises(TypeError, match="must be str"):
        sorani.normalize(b"bytes")
    with pytest.raises(TypeError):
        Normalizer()(None)
    with pytest.raises(ConfigError, match="unknown tier"):
        sorani.normalize("x", tier="strict")
    with pytest.raises(ConfigError, match="digits"):
        Normalizer(digits="roman")


@pytest.mark.parametrize("tier", ["unicode", "standard", "repair"])
def test_joiner_next_to_tatweel_goes_in_one_pass(tier):
    # the ZWJ rule ran before the tatweel rule, so a ZWJ next to a tatweel was only removed on a second pass
    raw = "سڵاو بۆ هاوڕێیانـ\u200d، بەخێربێن بۆ کوردستان\u200dـ!"
    once = sorani.normalize(raw, tier=tier)
    assert "\u200d" not in once and "\u0640" not in once
    assert sorani.normalize(once, tier=tier) == once
    if tier != "repair":
        text, alignment = sorani.normalize(raw, tier=tier, offsets=True)
        assert text == once and len(alignment) == len(text)


def test_steps_cannot_change_other_normalizers():
    # the steps (and their character map) are shared by every normalizer with the same options
    raw = "ﻛﻮﺭﺩﺳﺘﺎﻥ"  # presentation forms: the map's rare characters
    step = Normalizer().steps[0]
    assert step.name == "charmap" and step.mapping["ﻛ"] == "ک"
    with pytest.raises(TypeError):
        step.mapping["ﻛ"] = "?"
    assert sorani.normalize(raw) == "کوردستان" and sorani.normalize(raw, offsets=True)[0] == "کوردستان"


def test_normalizer_pickles_and_explains():
    n = pickle.loads(pickle.dumps(Normalizer(tier="unicode", digits="latin")))
    assert n("٢ـ٣") == "23"
    assert n == Normalizer("unicode", digits="latin") and hash(n) == hash(Normalizer("unicode", digits="latin"))
    assert n != Normalizer("unicode") and len({Normalizer(), Normalizer("standard"), n}) == 2
    steps = dict(iter_steps("ره‌زبه‌ر"))
    assert steps["h_zwnj"] == "رەزبەر" and steps["initial_r"] == "ڕەزبەر"


def test_iter_steps_explains_the_repair_tier_to_its_result():
    # the repair pass was left out (the last text was 'دستان خوش بیت'), and None was an obscure TypeError
    repair = Normalizer(tier="repair")
    steps = list(iter_steps("دستان خوش بیت", repair))
    assert steps[-1] == ("repair", repair("دستان خوش بیت")) == ("repair", "دەستان خۆش بێت")
    with pytest.raises(TypeError, match="text must be str"):
        list(iter_steps(None))


def test_every_rule_row_has_reason_and_example():
    from sorani._data import load_table

    for name in ("charmap.tsv", "compose.tsv", "rules.tsv", "h_final.tsv", "abbreviations.tsv", "suffixes.tsv",
                 "number_words.tsv", "calendar_names.tsv", "relative_days.tsv", "stopwords.tsv",
                 "legacy_fonts.tsv", "translit_letters.tsv", "translit_words.tsv", "translit_params.tsv", "translit_no_seat.tsv",
                 "repair_confusions.tsv"):
        for row in load_table(name):
            assert row["reason"].strip(), (name, row)
            assert row["example"].strip(), (name, row)


def _unescape(cell: str) -> str:
    return re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), cell)


def test_rules_example_column_is_true():
    # The example written next to each standard-tier rule must hold.
    from sorani._data import load_table

    checked = 0
    for row in load_table("rules.tsv"):
        if " → " not in row["example"] or row["option"].startswith("digits"):
            continue
        for example in row["example"].split(" | "):
            before, after = (_unescape(part) for part in example.split(" → "))
            assert sorani.normalize(before, tier=row["tier"]) == after, row["name"]
            checked += 1
    assert checked >= 15


def test_offsets_on_the_repair_tier_is_a_config_error():
    # was a NotImplementedError, outside the SoraniError hierarchy
    with pytest.raises(sorani.SoraniError, match="offsets"):
        sorani.normalize("دستان خوش بیت", tier="repair", offsets=True)


@pytest.mark.parametrize("option", ["initial_r", "zwnj", "punctuation", "spacing"])
@pytest.mark.parametrize("value", ["no", "False", 0, None])
def test_switches_take_only_true_or_false(option, value):
    # Normalizer(initial_r="no") used to switch the rule on ("no" is truthy): a silent wrong result
    with pytest.raises(sorani.SoraniError, match=option):
        sorani.Normalizer(**{option: value})
    assert sorani.Normalizer(initial_r=False)("رێگا") == "رێگا"


def test_offsets_and_tokenize_normalize_take_only_true_or_false():
    with pytest.raises(sorani.SoraniError, match="offsets"):
        sorani.normalize("ره‌زبه‌ر", offsets="yes")
    with pytest.raises(sorani.SoraniError, match="normalize"):
        sorani.tokenize("هێزێكی", normalize="yes")


def test_digit_rules_examples_hold():
    # the rows for a digit style are checked with that style (the example test above skips them)
    from sorani._data import load_table

    rows = [row for row in load_table("rules.tsv") if row["option"].startswith("digits=")]
    assert len(rows) >= 6
    for row in rows:
        before, after = row["example"].split(" → ")
        assert sorani.normalize(before, digits=row["option"].split("=")[1]) == after, row["name"]


@pytest.mark.parametrize(
    ("text", "digits", "expected"),
    [("نرخی ١٬٥٠٠٬٠٠٠ دینار و ٣٫٥٪", "latin", "نرخی 1,500,000 دینار و 3.5٪"),
     ("نرخی 1,500,000 دینار و 3.5%", "arabic-indic", "نرخی ١٬٥٠٠٬٠٠٠ دینار و ٣٫٥%"),
     ("نرخی 1,500 دینار و 3.5%", "persian", "نرخی ۱٬۵۰۰ دینار و ۳٫۵%"),
     ("ساڵی 2021. و 1,5 و 1,0000", "arabic-indic", "ساڵی ٢٠٢١. و ١,٥ و ١,٠٠٠٠")],
)
def test_digit_styles_convert_the_separators_too(text, digits, expected):
    # digits="latin" used to leave the Arabic thousands separator (1٬500٬000, which does not parse), and
    # digits="persian" the full stop of a decimal
    assert sorani.normalize(text, digits=digits) == expected
