"""``sorani evaluate TASK [--gold FILE ...]``."""

from __future__ import annotations

import argparse

from ..evaluate import TASKS, evaluate


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("evaluate", help="score sorani on gold dev data and print the first misses")
    p.add_argument("task", choices=sorted(TASKS), help="what to evaluate")
    p.add_argument("--gold", action="append", metavar="FILE",
                   help="gold file(s) instead of evaluation/; for translit the shared data folder, for langid "
                        "its langid folder")
    p.add_argument("--show", type=_count, default=10, metavar="N", help="how many misses to print")
    p.set_defaults(func=_run)


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 0, not {value!r}")
    return number


def _run(args: argparse.Namespace) -> int:
    print(evaluate(args.task, args.gold, args.show).render(args.show))
    return 0
