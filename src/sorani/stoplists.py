"""Stopword lists (``sorani/data/stopwords.tsv``), in standard normalized form.

>>> "لە" in stopwords() and "نییە" not in stopwords("search") and "نییە" in stopwords("corpus")
True
"""

from __future__ import annotations

import functools

from ._data import load_table
from .errors import ConfigError

KINDS = ("default", "search", "corpus")


def stopwords(kind: str = "default") -> frozenset[str]:
    """The stopwords for ``kind``: ``"search"`` (safe to drop from a search index: no negations, no
    numbers), ``"corpus"`` (function words, for the corpus filter's stopword ratio) or ``"default"`` (both).
    """
    if kind not in KINDS:  # (checked before the cache, which cannot hash e.g. a list)
        raise ConfigError(f"unknown stopword list {kind!r}; choose from {', '.join(KINDS)}")
    return _stopwords(kind)


@functools.lru_cache(maxsize=None)
def _stopwords(kind: str) -> frozenset[str]:
    rows = load_table("stopwords.tsv")
    if kind == "default":
        return frozenset(row["word"] for row in rows)
    return frozenset(row["word"] for row in rows if kind in row["lists"].split(","))
