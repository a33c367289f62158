"""``sorani numbers``, ``sorani dates`` and ``sorani sort``."""

from __future__ import annotations

import argparse
import datetime
import functools
from decimal import Decimal

from .. import collation, dates, numbers
from ..errors import InputError
from ._stream import add_stream_arguments, dumps, iter_lines, run_stream, stdout


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("numbers", help="numbers in each line as JSONL spans, or --spell numbers as words")
    add_stream_arguments(p, jsonl=False)
    p.add_argument("--spell", nargs="+", metavar="N", help="write these numbers in words instead of reading input")
    p.add_argument("--ordinal", choices=("ەم", "ەمین"), help="with --spell: write ordinals")
    p.set_defaults(func=_run_numbers)

    p = subparsers.add_parser("dates", help="dates and times in each line as JSONL spans")
    add_stream_arguments(p, jsonl=False)
    p.add_argument("--ref", type=_date, metavar="YYYY-MM-DD", help="resolve ئەمڕۆ، سبەی، weekdays against it")
    p.set_defaults(func=_run_dates)

    p = subparsers.add_parser("sort", help="sort lines in Kurdish alphabetical order")
    p.add_argument("inputs", nargs="*", metavar="FILE", help="input files (default: stdin)")
    p.add_argument("--reverse", action="store_true", help="from the end of the alphabet")
    p.add_argument("--unique", action="store_true", help="drop repeated lines")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="bad UTF-8: stop with an error naming file and line (strict), or use U+FFFD and go "
                        "on")
    p.set_defaults(func=_run_sort)


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r}") from None


def _json_value(value):
    return str(value) if isinstance(value, Decimal) else value


def numbers_line(line: str) -> dict:
    return {"numbers": [{"start": n.start, "end": n.end, "text": n.text, "value": _json_value(n.value),
                         "kind": n.kind} for n in numbers.find_numbers(line)]}


def dates_line(line: str, ref: datetime.date | None = None) -> dict:
    return {"dates": [{"start": d.start, "end": d.end, "text": d.text, "value": d.value, "kind": d.kind}
                      for d in dates.find_dates(line, ref=ref)]}


def _run_numbers(args: argparse.Namespace) -> int:
    if args.spell:
        for value in args.spell:
            print(numbers.number_to_words(value, ordinal=args.ordinal or False))  # it reads digit strings
        return 0
    if args.ordinal:
        raise InputError("--ordinal goes with --spell")
    return run_stream(args, numbers_line, dumps)


def _run_dates(args: argparse.Namespace) -> int:
    return run_stream(args, functools.partial(dates_line, ref=args.ref), dumps)


def _run_sort(args: argparse.Namespace) -> int:
    out = stdout()
    lines = list(iter_lines(args.inputs, args.errors))
    if args.unique:
        lines = list(dict.fromkeys(lines))
    out.write("".join(f"{line}\n" for line in collation.sorted_words(lines, reverse=args.reverse)))
    return 0
