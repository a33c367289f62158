"""``sorani identify [--spans]``."""

from __future__ import annotations

import argparse

from .. import langid
from . import positive_int
from ._stream import add_stream_arguments, dumps, run_stream


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("identify", help="the language of each line (JSONL), or --spans for mixed lines")
    add_stream_arguments(p, jsonl=False)
    p.add_argument("--spans", action="store_true", help="runs of sentences with their language")
    p.add_argument("--top", type=positive_int, default=3, metavar="K", help="how many label scores to print")
    p.set_defaults(func=_run)


def identify_line(line: str, top: int = 3) -> dict:
    prediction = langid.identify(line)
    return {"label": prediction.label, "score": prediction.score,
            "scores": dict(list(prediction.scores.items())[:top])}


def spans_line(line: str) -> dict:
    return {"spans": [{"start": s.start, "end": s.end, "label": s.label, "score": s.score}
                      for s in langid.identify_spans(line)]}


def _run(args: argparse.Namespace) -> int:
    if args.spans:
        return run_stream(args, spans_line, dumps)
    import functools

    return run_stream(args, functools.partial(identify_line, top=args.top), dumps)
