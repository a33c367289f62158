"""The datatrove adapters in a small FineWeb-style pipeline."""

from __future__ import annotations

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402

import sorani  # noqa: E402
from datatrove.pipeline.filters import GopherQualityFilter  # noqa: E402

from sorani.integrations.datatrove import (  # noqa: E402
    SoraniLanguageFilter,
    SoraniNormalizer,
    SoraniQualityFilter,
    SoraniWordTokenizer,
)


def test_tokenizer_splits_sorani_punctuation(news_sample):
    tokenizer = SoraniWordTokenizer()
    assert tokenizer.word_tokenize("چۆنی؟ «باشم»") == ["چۆنی", "؟", "«", "باشم", "»"]
    assert len(tokenizer.sent_tokenize(news_sample)) == 10
    spans = tokenizer.span_tokenize(news_sample)
    assert news_sample[spans[0][0] : spans[0][1]].endswith('هەردوولا. "')


def test_pipeline_keeps_sorani_and_says_why_others_go(news_sample):
    documents = [
        Document(text=news_sample.replace("ک", "ك"), id="news"),
        Document(text="امروز هوا خیلی خوب است و ما با دوستانمان به پارک رفتیم و بازی کردیم", id="fa"),
        Document(text="\n".join(["داگرتنی بەخۆڕایی ئێستا کلیک بکە"] * 12), id="spam"),
    ]
    steps = [SoraniLanguageFilter(), SoraniNormalizer(), SoraniQualityFilter(),
             GopherQualityFilter(language=SoraniWordTokenizer(), min_doc_words=50,
                                 stop_words=sorted(sorani.stopwords("corpus")))]
    data = iter(documents)
    for step in steps:
        data = step.run(data)
    kept = list(data)
    assert [d.id for d in kept] == ["news"]
    assert "ك" not in kept[0].text and "هێزێکی" in kept[0].text
    assert kept[0].metadata["language"] == "ckb"


def test_language_filter_options():
    # keep="ckb" used to become the set {'c', 'k', 'b'}: every document dropped
    document = Document(text="ئەمڕۆ سەرۆکوەزیرانی عێراق گەیشتە واشنتن و لەگەڵ بایدن کۆبووەوە", id="s")
    assert SoraniLanguageFilter(keep="ckb").filter(document) is True
    # an unknown label ("kur" for kmr) was taken and dropped every such document
    for bad in ({"keep": 5}, {"keep": ()}, {"keep": ("ckb", "kur")}, {"min_score": 2}, {"min_score": "high"}):
        with pytest.raises(sorani.SoraniError):
            SoraniLanguageFilter(**bad)
