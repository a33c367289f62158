"""``sorani decode-legacy [--font F]``."""

from __future__ import annotations

import argparse
import functools

from .. import legacy
from ._stream import add_stream_arguments, run_stream


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("decode-legacy", help="decode text stored in a legacy Kurdish font (Ali-K, …)")
    add_stream_arguments(p, jsonl=False)
    p.add_argument("--font", choices=legacy.FONTS, help="the font (default: detected line by line)")
    p.set_defaults(func=lambda args: run_stream(args, functools.partial(legacy.decode_legacy, font=args.font), str))
