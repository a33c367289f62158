"""morphology: sorani.analyze (per word) and sorani.segment against KLPT's Stem.analyze (per word) and
Tokenize.word_tokenize (KLPT's way of splitting clitics); ours on a 60 KB slice, KLPT's on a 2,000-word
slice; rates per word."""

from __future__ import annotations

from . import Case, Skip

GROUP, UNIT = "morphology", "words"


def ours(texts):
    import sorani

    cases = []
    if hasattr(sorani, "analyze"):
        cases.append(
            Case(
                GROUP,
                "sorani",
                "analyze (per word)",
                "small",
                lambda d: [sorani.analyze(w) for x in d for w in x.split()],
                pair="analyze",
            )
        )
    if hasattr(sorani, "segment"):
        cases.append(
            Case(
                GROUP, "sorani", "segment", "small", lambda d: [sorani.segment(x) for x in d], pair="segment"
            )
        )
    if not cases:
        raise Skip("sorani.analyze / sorani.segment do not exist yet")
    return cases


def klpt(texts):
    from klpt.stem import Stem
    from klpt.tokenize import Tokenize

    stem, tok = Stem("Sorani", "Arabic"), Tokenize("Sorani", "Arabic")
    return [
        Case(
            GROUP,
            "KLPT",
            "Stem.analyze (per word)",
            "words2k",
            lambda d: [stem.analyze(w) for x in d for w in x.split()],
            pair="analyze",
        ),
        Case(
            GROUP,
            "KLPT",
            "Tokenize.word_tokenize",
            "words2k",
            lambda d: [tok.word_tokenize(x) for x in d],
            pair="segment",
        ),
    ]


PEERS = {"KLPT": klpt}
