"""Small regex helpers shared by the modules that match word lists."""

from __future__ import annotations

import re


def trie_pattern(words, *, word_start: bool = False) -> str:
    """A regex matching any of ``words`` (longest first), nested by shared prefixes so that the engine
    decides on one character at a time instead of trying every word in turn.

    >>> trie_pattern(["سی", "سێ", "سێزدە"])
    '(?:س(?:ی|ێ(?:زدە)?))'

    With ``word_start=True`` each first letter is followed by a lookbehind that it does not continue a
    word. Put after the letter, the check still lets the engine skip ahead by first letters, which a
    leading lookbehind would prevent.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict, top: bool = False) -> str:
        branches = [
            re.escape(char) + (rf"(?<![^\W\d_]{re.escape(char)})" if top and word_start else "") + build(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return "(?:" + build(trie, top=True) + ")"


def finite_language(pattern: str) -> frozenset[str]:
    """Every string that ``pattern`` matches in full, for a pattern of literal letters, ``(?:…)`` groups,
    ``|`` and ``?`` only (ValueError for any other syntax).

    >>> sorted(finite_language("(?:ێت|ات)?(?:ەوە)?"))
    ['', 'ات', 'اتەوە', 'ێت', 'ێتەوە', 'ەوە']
    """
    strings, end = _alternatives(pattern, 0)
    if end != len(pattern):
        raise ValueError(f"unbalanced ) in {pattern!r}")
    return frozenset(strings)


def _alternatives(pattern: str, i: int) -> tuple[set[str], int]:
    out: set[str] = set()
    while True:
        strings, i = _sequence(pattern, i)
        out |= strings
        if i < len(pattern) and pattern[i] == "|":
            i += 1
            continue
        return out, i


def _sequence(pattern: str, i: int) -> tuple[set[str], int]:
    out = {""}
    while i < len(pattern) and pattern[i] not in "|)":
        if pattern.startswith("(?:", i):
            item, i = _alternatives(pattern, i + 3)
            if i >= len(pattern) or pattern[i] != ")":
                raise ValueError(f"unbalanced ( in {pattern!r}")
            i += 1
        elif pattern[i] in "\\.^$*+?{}[](":
            raise ValueError(f"unsupported syntax at {i} in {pattern!r}")
        else:
            item, i = {pattern[i]}, i + 1
        if i < len(pattern) and pattern[i] == "?":
            item, i = item | {""}, i + 1
        out = {a + b for a in out for b in item}
    return out, i
