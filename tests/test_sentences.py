"""Sentence splitting on real Sorani text."""

from __future__ import annotations

import pytest

import sorani


def test_sample_quoted_sentences_end_after_closing_quote(news_sample):
    sents = sorani.sentences(news_sample)
    assert sents[0].startswith("نووسینگەی راگەیاندنی") and sents[0].endswith('هەردوولا. "')
    assert sents[1].startswith("بەپێی راگەیێندراوەکە") and sents[1].endswith('نیشتمانیی عێراق. "')
    assert not any(s == '"' for s in sents)
    # ".." inside the quoted passage does not split it
    assert any("ئەمنی.. عێراق ئەمڕۆ" in s for s in sents)
    assert sents[-1].endswith("دەنوێنن.")
    assert len(sents) == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ئەمڕۆ باران بارى. سبەی بەفر دەبارێت!", ["ئەمڕۆ باران بارى.", "سبەی بەفر دەبارێت!"]),
        ("چۆنی؟ باشم.", ["چۆنی؟", "باشم."]),
        ("ڕێژەکە 3.5 بوو. ئێستا ٣٫٥ە.", ["ڕێژەکە 3.5 بوو.", "ئێستا ٣٫٥ە."]),
        ("لە 26.7.2021 گەیشت. ئینجا ڕۆیشت.", ["لە 26.7.2021 گەیشت.", "ئینجا ڕۆیشت."]),
        ("سەیری www.gov.krd بکە. سوپاس.", ["سەیری www.gov.krd بکە.", "سوپاس."]),
        ("بنووسە بۆ info@knn.krd تکایە. سوپاس.", ["بنووسە بۆ info@knn.krd تکایە.", "سوپاس."]),
        ("د. کەمال فوئاد هات. قسەی کرد.", ["د. کەمال فوئاد هات.", "قسەی کرد."]),
        ("کورد... نەتەوەیەکە. بەڵێ.", ["کورد... نەتەوەیەکە.", "بەڵێ."]),
        ("گوتی: «ئێمە ئامادەین.» پاشان ڕۆیشت.", ["گوتی: «ئێمە ئامادەین.»", "پاشان ڕۆیشت."]),
        ('گوتی: "ئێمە ئامادەین." پاشان ڕۆیشت.', ['گوتی: "ئێمە ئامادەین."', "پاشان ڕۆیشت."]),
        ("یەکەم دێڕ\nدووەم دێڕ", ["یەکەم دێڕ", "دووەم دێڕ"]),
        ("  \n\n", []),
    ],
)
def test_sentence_table(text, expected):
    assert sorani.sentences(text) == expected


def test_spans_match_sentences(news_sample):
    spans = sorani.sentence_spans(news_sample)
    assert [news_sample[s:e] for s, e in spans] == sorani.sentences(news_sample)
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def test_latin_initials_do_not_end_a_sentence():
    assert sorani.sentences("سەردانی U.S.A. کرد. ئینجا گەڕایەوە.") == ["سەردانی U.S.A. کرد.", "ئینجا گەڕایەوە."]
    assert sorani.sentences("J. K. Rowling ئەم کتێبەی نووسی. باشە.") == ["J. K. Rowling ئەم کتێبەی نووسی.", "باشە."]


def test_many_addresses_keep_their_periods():
    # every address is protected, and a period after one still ends the sentence
    text = " ".join(f"بنێرە بۆ user{i}.name@gov.krd." for i in range(300))
    spans = sorani.sentence_spans(text)
    assert len(spans) == 300
    assert sorani.sentences(text)[0] == "بنێرە بۆ user0.name@gov.krd."


def test_bidi_marks_after_punctuation_stay_with_their_sentence():
    # an RLM after the final . (web and Word text) was a "sentence" of its own, or started the next one
    text = "ئەمڕۆ باران باری.\u200f سبەی بەفر دەبارێت.\u200f"
    assert sorani.sentences(text) == ["ئەمڕۆ باران باری.\u200f", "سبەی بەفر دەبارێت.\u200f"]
    assert sorani.sentence_spans(text) == [(0, 18), (19, 38)]
    assert sorani.sentences("\u202bد.\u200f کەمال فوئاد هات.\u202c") == ["\u202bد.\u200f کەمال فوئاد هات.\u202c"]
    # nothing but invisible controls is not a sentence, like nothing but spaces
    assert sorani.sentences("سوپاس. \u200c") == ["سوپاس."]
    assert sorani.sentences("\u200f\n\u200e") == []
