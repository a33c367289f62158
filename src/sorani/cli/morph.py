"""``sorani analyze``, ``sorani lemmatize`` and ``sorani segment``."""

from __future__ import annotations

import argparse

from .. import morphology
from ..tokenizer import tokenize
from ._stream import add_stream_arguments, dumps, run_stream


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("segment", help="morpheme-level tokens of each line")
    add_stream_arguments(p, jsonl=False)
    p.set_defaults(func=lambda args: run_stream(args, morphology.segment, " ".join))
    p = subparsers.add_parser("lemmatize", help="the lemma of each word of each line")
    add_stream_arguments(p, jsonl=False)
    p.set_defaults(func=lambda args: run_stream(args, lemmatize_line, " ".join))
    p = subparsers.add_parser("analyze", help="the best analysis of each word of each line (JSONL)")
    add_stream_arguments(p, jsonl=False)
    p.set_defaults(func=lambda args: run_stream(args, analyze_line, dumps))


def lemmatize_line(line: str) -> list[str]:
    return [morphology.lemmatize(t.text) if t.kind == "word" else t.text for t in tokenize(line)]


def analyze_line(line: str) -> list[dict]:
    out = []
    for token in tokenize(line):
        if token.kind != "word":
            continue
        a = morphology.analyze(token.text)[0]
        out.append({"word": a.word, "lemma": a.lemma, "stem": a.stem, "pos": a.pos, "score": a.score, "features": a.features,
                    "morphemes": [[m.surface, m.role] for m in a.morphemes]})
    return out
