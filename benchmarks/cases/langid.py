"""langid: sorani.identify, one call per sentence (sentences/s), and one call per document as the corpus
pipeline makes it (long documents are judged on their first MAX_CHARS characters; its rate in MB/s is the
one to read). No peer identifies Sorani."""

from __future__ import annotations

from . import Case, Skip

GROUP, UNIT = "langid", "sentences"


def ours(texts):
    import sorani

    if not hasattr(sorani, "identify"):
        raise Skip("sorani.identify does not exist yet")
    split: dict[int, list[str]] = {}  # each text's sentences, split in the untimed warm-up

    def identify_all(docs):
        if id(docs) not in split:
            split[id(docs)] = [s for d in docs for s in sorani.sentences(d)]
        return [sorani.identify(s) for s in split[id(docs)]]

    def identify_docs(docs):
        return [sorani.identify(d) for d in docs]

    return [Case(GROUP, "sorani", "identify (per sentence)", "small", identify_all),
            Case(GROUP, "sorani", "identify (per document)", "small", identify_docs)]


PEERS: dict = {}
