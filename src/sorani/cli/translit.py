"""``sorani translit [--to latin|arabic] [--scheme hawar|wergor|ascii|ipa] [--capitalize]``."""

from __future__ import annotations

import argparse
import functools

from .. import translit
from ._stream import add_stream_arguments, run_stream


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("translit", help="transliterate each line between Arabic script and Latin")
    add_stream_arguments(p, jsonl=False)
    p.add_argument("--to", dest="target", choices=translit.TARGETS, default="latin",
                   help="latin: Arabic-script Sorani to Latin (default); arabic: Hawar Latin to Arabic script")
    p.add_argument("--scheme", choices=translit.SCHEMES, default="hawar",
                   help="Latin letters: hawar (’ for ع, default), wergor (ë for ع), ascii (sh, rr, ii) or "
                        "ipa (a broad phonemic transcription); ascii and ipa are Arabic-to-Latin only")
    p.add_argument("--capitalize", action="store_true", help="capitalize sentence starts and known proper names")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    func = functools.partial(translit.transliterate, target=args.target, scheme=args.scheme,
                             capitalize=args.capitalize)
    func("")  # a bad combination of options fails here, before any input is read
    return run_stream(args, func, str)
