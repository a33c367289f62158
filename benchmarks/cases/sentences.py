"""sentences: sorani.sentences against KLPT's sent_tokenize, on the same text (sentences/s)."""

from __future__ import annotations

from . import Case, Skip

GROUP, UNIT = "sentences", "sentences"


def ours(texts):
    import sorani

    if not hasattr(sorani, "sentences"):
        raise Skip("sorani.sentences does not exist yet")
    return [Case(GROUP, "sorani", "sentences", "full", lambda d: [sorani.sentences(x) for x in d])]


def klpt(texts):
    from klpt.tokenize import Tokenize

    tok = Tokenize("Sorani", "Arabic")
    return [
        Case(GROUP, "KLPT", "Tokenize.sent_tokenize", "full", lambda d: [tok.sent_tokenize(x) for x in d])
    ]


PEERS = {"KLPT": klpt}
