"""The registry of benchmark groups. Each group is one small module in this package.

A group module defines (stdlib imports only at module level: it is imported both by run.py, with sorani, and by
peers_worker.py, inside the peers' virtual environment, without sorani):

- ``GROUP``: its name; ``UNIT``: what its rate counts, ``"words"`` or ``"sentences"``;
- ``ours(texts) -> list[Case]``: sorani's cases; raise ``Skip("why")`` when the sorani function does not exist;
- ``PEERS``: ``{peer name: builder}``; ``builder(texts) -> list[Case]`` imports the peer lazily (in the worker).

``texts`` is a :class:`corpus.Texts`: named document lists (``full``, ``small``, ``words2k``, ``noisy``,
``clean``) built identically on both sides, so a case names its text and both sides count the same units.
A new group is one new module plus its name in ``GROUPS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

GROUPS = [
    "normalize",
    "tokenize",
    "sentences",
    "morphology",
    "transliteration",
    "langid",
    "repair",
    "numbers",
    "corpus",
]


class Skip(Exception):
    """Raised by ``ours()`` when the sorani side of a group does not exist yet."""


@dataclass
class Case:
    """One timed operation: ``func(documents)`` over the named text of a :class:`corpus.Texts`."""

    group: str
    impl: str  # "sorani", "KLPT", "AsoSoft", "ckb-textify"
    label: str  # the function, as a reader would call it
    text: str  # key into Texts
    func: Callable[[list[str]], object]
    pair: str = ""  # rows of a group with the same pair key are compared (ours/peer); "" = the whole group

    @property
    def ours(self) -> bool:
        return self.impl == "sorani"


def load(group: str):
    """The module of ``group`` (raises KeyError for an unknown group)."""
    if group not in GROUPS:
        raise KeyError(f"unknown benchmark group {group!r}; known: {', '.join(GROUPS)}")
    return importlib.import_module(f"{__name__}.{group}")


def safe(func: Callable[[str], object], text: str) -> object:
    """``func(text)``, or None when it raises (KLPT's transliterator crashes on some inputs): the attempt is
    timed and counted, the crash is not fatal."""
    try:
        return func(text)
    except Exception:  # noqa: BLE001
        return None
