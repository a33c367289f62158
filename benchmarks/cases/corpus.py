"""corpus: sorani.corpus.build end to end over the documents (MB/s), when the corpus pipeline exists."""

from __future__ import annotations

from . import Case, Skip

GROUP, UNIT = "corpus", "words"


def ours(texts):
    try:
        from sorani.corpus import build
    except ImportError as exc:
        raise Skip("sorani.corpus.build does not exist yet") from exc

    def run(docs):
        result = build(docs)
        return (
            list(result) if hasattr(result, "__iter__") and not isinstance(result, (str, bytes)) else result
        )

    return [Case(GROUP, "sorani", "corpus.build (end to end)", "full", run)]


PEERS: dict = {}
