"""Legacy font decoding and detection, with round trips through each font's own table."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sorani
from sorani._data import load_table
from sorani.errors import ConfigError

SENTENCE = "ئەم پارەیە بۆ گوندەکە دەچێت و ژنەکان لە ڕۆژی ساڵی تازەدا دێن"


def encode(text: str, font: str) -> str:
    """Unicode -> the legacy font, using the single-letter rows of the font's table in reverse."""
    rows = [r for r in load_table("legacy_fonts.tsv") if r["font"] == font and not r["context"]]
    reverse = {}
    for row in rows:
        if len(row["to"]) == 1 and row["to"] not in reverse and len(row["from"]) == 1:
            reverse[row["to"]] = row["from"]
    for row in rows:  # sequences for letters that have no single-code-point form in the font
        if len(row["to"]) == 1 and row["to"] not in reverse:
            reverse[row["to"]] = row["from"]
    return "".join(reverse.get(ch, ch) for ch in text)


@pytest.mark.parametrize("font", ["ali-k", "ali-web", "dylan"])
def test_round_trip_through_each_font(font):
    legacy_text = encode(SENTENCE, font)
    assert legacy_text != SENTENCE
    assert sorani.normalize(sorani.decode_legacy(legacy_text, font)) == SENTENCE


def test_detection():
    assert sorani.detect_legacy(encode(SENTENCE, "ali-k")) == "ali-k"
    assert sorani.detect_legacy(SENTENCE) is None  # standard Unicode Sorani
    assert sorani.detect_legacy("ذهب المؤمن إلى السوق وطلب ثلاثة كتب") is None  # Arabic with ؤ is not Ali-K
    assert sorani.detect_legacy("امروز هوا خیلی خوب است") is None
    assert sorani.decode_legacy("ضاو و طوند") == "چاو و گوند"  # detected, then decoded


def test_table_details_and_errors():
    assert sorani.decode_legacy("شاه", font="ali-k") == "شاهـ"  # a final ه was /h/ in Ali-K
    assert sorani.decode_legacy("سه\u200cر که", font="zarnegar") == "سەر کە"
    assert sorani.decode_legacy("طاهیر گوند", font="ali-web") == "گاهیر طوند"  # Ali-Web swaps ط and گ
    with pytest.raises(ConfigError):
        sorani.decode_legacy("x", font="times")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_never_crashes(text):
    font = sorani.detect_legacy(text)
    assert font in (None, *sorani.legacy.FONTS)
    sorani.decode_legacy(text)
