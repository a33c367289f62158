"""Imported once by the fork server of the local engine (``-j N``), so that the workers forked from it
start with sorani's modules imported and its models and tables loaded: the language ID model, the
normalizer's tables and the lexicon of legacy-font detection, about a second of work per process that
every spawned worker would otherwise repeat. Nothing here changes what a worker computes."""

from __future__ import annotations


def _warm_up() -> None:
    import numpy  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    from ..config import Config
    from ..io import Document
    from ..stages import process_document, shard_languages, shard_signatures

    # Sorani in an old font and in Unicode: legacy detection, language ID and normalization load their data
    text = "ئةم ثارةية بؤ طوندةكة دةضيت. ئەمڕۆ سەرۆکوەزیرانی عێراق گەیشتە واشنتن و لەگەڵ بایدن کۆبووەوە."
    config = Config()
    documents = [Document("warm-up", text, "")]
    languages = shard_languages(documents, config)  # builds language ID's batch tables too
    record, words = process_document(documents[0], config, languages)
    if words:
        shard_signatures([words], config.dedup.shingle, config.dedup.num_perm, config.dedup.seed)


try:
    _warm_up()
except Exception:  # noqa: BLE001 - a worker loads whatever is missing itself
    pass
