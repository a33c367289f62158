"""tokenize: sorani.tokenize (tokens with spans and kinds) on the full text against KLPT's word_tokenize on a
2,000-word slice (KLPT scans its multi-word lexicon per sentence, ~3k words/s); rates are per word."""

from __future__ import annotations

from . import Case, Skip

GROUP, UNIT = "tokenize", "words"


def ours(texts):
    import sorani

    if not hasattr(sorani, "tokenize"):
        raise Skip("sorani.tokenize does not exist yet")
    return [Case(GROUP, "sorani", "tokenize", "full", lambda d: [sorani.tokenize(x) for x in d])]


def klpt(texts):
    from klpt.tokenize import Tokenize

    tok = Tokenize("Sorani", "Arabic")
    return [
        Case(GROUP, "KLPT", "Tokenize.word_tokenize", "words2k", lambda d: [tok.word_tokenize(x) for x in d])
    ]


PEERS = {"KLPT": klpt}
