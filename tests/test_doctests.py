"""The examples in docstrings and docs are real: run them."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = [
    "sorani",
    "sorani.alphabet",
    "sorani._data",
    "sorani.normalizer",
    "sorani.tokenizer",
    "sorani.evaluate.metrics",
    "sorani.repair",
    "sorani.morphology",
    "sorani.morphology.analyzer",
    "sorani.morphology.verbs",
    "sorani.langid",
    "sorani.translit",
    "sorani.legacy",
    "sorani.numbers",
    "sorani.dates",
    "sorani.collation",
    "sorani.stoplists",
    "sorani.kurdish_calendar",
]
DOCS = ["README.md", "docs/normalization.md", "docs/numbers-dates.md", "docs/langid.md", "docs/transliteration.md", "docs/morphology.md", "docs/legacy-fonts.md", "docs/repair.md"]


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.parametrize("name", DOCS)
def test_markdown_examples(name):
    result = doctest.testfile(str(ROOT / name), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
