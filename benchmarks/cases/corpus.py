"""corpus: sorani.corpus.build end to end over the documents (MB/s), when the corpus pipeline exists."""

from __future__ import annotations

from . import Case, Skip

GROUP, UNIT = "corpus", "words"


def ours(texts):
    try:
        from sorani.corpus import build
    except ImportError as exc:
        raise Skip("sorani.corpus.build does not exist yet") from exc

    import json
    import tempfile
    from pathlib import Path

    def run(docs):
        # the pipeline reads files and writes a folder: the documents go through a JSONL file, as in real use
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "docs.jsonl"
            with open(source, "w", encoding="utf-8") as handle:
                for number, doc in enumerate(docs):
                    handle.write(json.dumps({"id": str(number), "text": doc}, ensure_ascii=False) + "\n")
            return build([source], Path(tmp) / "out")

    return [Case(GROUP, "sorani", "corpus.build (end to end)", "full", run)]


PEERS: dict = {}
