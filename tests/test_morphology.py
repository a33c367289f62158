"""Segmentation, lemmas and analyses of real Sorani words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sorani
from sorani.errors import ConfigError


@pytest.mark.parametrize(
    ("word", "pieces", "features"),
    [
        ("گوندەکان", ["گوند", "ەکان"], {"definite": "def", "number": "pl"}),
        ("پیاوێک", ["پیاو", "ێک"], {"definite": "indef", "number": "sg"}),
        ("ئەویش", ["ئەو", "یش"], {"additive": "yes"}),
        ("عێراقدا", ["عێراق", "دا"], {"case": "loc"}),
        ("جاشەوە", ["جاش", "ەوە"], {"case": "abl"}),
        ("حکومەتی", ["حکومەت", "ی"], {"ezafe": "yes"}),
        ("ماڵەکەی", ["ماڵ", "ەکە", "ی"], {"definite": "def", "number": "sg", "ezafe": "yes"}),
        ("تایبەتییەکان", ["تایبەتی", "یەکان"], {"definite": "def", "number": "pl"}),
    ],
)
def test_affix_classes(word, pieces, features):
    best = sorani.analyze(word)[0]
    assert [m.surface for m in best.morphemes] == pieces
    assert best.features == features and best.morphemes[0].role == "stem"


@pytest.mark.parametrize("verb", ["ڕایگەیاند", "ڕایگەیاندووە", "دەبێت", "بەڕێوەبچێت"])
def test_verbs_of_the_sample_stay_whole(verb):
    assert sorani.segment(verb) == [verb]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # the verbal particle ەوە stays with a finite verb (verb_shapes.tsv); the postposition ەوە splits
        ("بتوێنێتەوە", ["بتوێنێتەوە"]),
        ("دەدرەوشێنەوە", ["دەدرەوشێنەوە"]),
        ("لە جاشەوە", ["لە", "جاش", "ەوە"]),
        ("بە چییەوە", ["بە", "چی", "یەوە"]),
    ],
)
def test_verbal_particle_versus_postposition(text, tokens):
    assert sorani.segment(text) == tokens


def test_lemmas_and_stems():
    assert sorani.lemmatize("گوندەکان") == "گوند"
    assert sorani.lemmatize("دەبێت") == "بوون"  # from the UniMorph lemma table
    assert sorani.stem("پیاوێک") == "پیاو"
    assert sorani.stem("دەکوژم", mode="aggressive") == "کوژم"
    with pytest.raises(ConfigError):
        sorani.stem("پیاو", mode="brutal")


def test_segment_keeps_punctuation_apart(news_sample):
    pieces = sorani.segment("لە عێراقدا وەک سوپا بەکاردێت.")
    assert pieces == ["لە", "عێراق", "دا", "وەک", "سوپا", "بەکاردێت", "."]
    assert "".join(sorani.segment(news_sample[:500])) == "".join(news_sample[:500].split())


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_properties(text):
    # morphemes concatenate back to the normalized word, segment loses only spaces, nothing crashes
    assert "".join(sorani.segment(text)) == "".join(ch for ch in text if not ch.isspace())
    for token in sorani.tokenize(text):
        if token.kind == "word":
            for analysis in sorani.analyze(token.text):
                assert "".join(m.surface for m in analysis.morphemes) == sorani.normalize(token.text)
