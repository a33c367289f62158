"""Properties over arbitrary Unicode, biased towards the characters that matter for Sorani."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import sorani

INTERESTING = list(
    "ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنهەوۆیێ"  # the alphabet
    "كيىةۀھې"  # look-alikes
    "\u200c\u200d\u0640\u200f\u202b\u00a0\ufeff"  # invisible and odd characters
    "\u065a\u0306\u0654\u064e\u0651"  # combining marks
    "ﻙﻮﺭﺩﻻ"  # presentation forms
    "٠١٢٣٤٥٦٧٨٩۰۱۲3.٫,،؛؟?;:!«»\"()%٪/-"  # digits and punctuation
    " \n\t"
)
text_strategy = st.text(st.one_of(st.sampled_from(INTERESTING), st.characters()), max_size=60)


@settings(max_examples=400, deadline=None)
@given(text_strategy)
def test_tiers_are_idempotent_and_never_crash(text):
    for tier in ("unicode", "standard"):
        once = sorani.normalize(text, tier=tier)
        assert sorani.normalize(once, tier=tier) == once


@settings(max_examples=200, deadline=None)
@given(text_strategy, st.sampled_from(["latin", "arabic-indic", "persian", None]))
def test_digit_options_are_idempotent(text, digits):
    once = sorani.normalize(text, digits=digits)
    assert sorani.normalize(once, digits=digits) == once


@settings(max_examples=300, deadline=None)
@given(text_strategy, st.sampled_from(["unicode", "standard"]))
def test_alignment_is_monotonic_and_inside_input(text, tier):
    out, alignment = sorani.normalize(text, tier=tier, offsets=True)
    assert out == sorani.normalize(text, tier=tier)
    assert len(alignment) == len(out)
    starts, ends = list(alignment.starts), list(alignment.ends)
    assert starts == sorted(starts) and ends == sorted(ends)
    assert all(0 <= s <= e <= len(text) for s, e in zip(starts, ends))
    assert alignment.span(0, len(out))[1] <= len(text)


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_token_spans_slice_back(text):
    tokens = sorani.tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert all(t.kind in sorani.tokenizer.KINDS for t in tokens)
    # nothing is dropped: tokens cover every character that is not whitespace (str.isspace)
    assert "".join(t.text for t in tokens) == "".join(ch for ch in text if not ch.isspace())


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_normalized_tokens_point_into_raw_text(text):
    for t in sorani.tokenize(text, normalize=True):
        assert 0 <= t.start <= t.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_sentence_spans_are_ordered_and_stripped(text):
    spans = sorani.sentence_spans(text)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
