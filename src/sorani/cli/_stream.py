"""Streaming helpers shared by the line-oriented commands: read files or stdin line by line, decode
strictly (or with replacement), map a picklable function over the lines (optionally in ``-j N``
processes, order kept) and write stdout as it goes."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator

from ..errors import InputError

Processor = Callable[[str], object]


def add_stream_arguments(parser: argparse.ArgumentParser, *, jsonl: bool = True) -> None:
    parser.add_argument("inputs", nargs="*", metavar="FILE", help="input files (default: stdin; - is stdin)")
    if jsonl:
        parser.add_argument("--jsonl", action="store_true", help="one JSON object per input line")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (order is kept)")
    parser.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="bad UTF-8: stop with an error naming file and line (strict), or use U+FFFD and go on",
    )


def iter_lines(paths: Iterable[str], errors: str = "strict") -> Iterator[str]:
    """Yield decoded lines (without their line break) from files or stdin, one at a time."""
    for path in list(paths) or ["-"]:
        if path == "-" and sys.stdin is None:  # started with stdin closed (<&-)
            raise InputError("no standard input to read: name a FILE")
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        name = "<stdin>" if path == "-" else path
        try:
            for lineno, raw in enumerate(stream, 1):
                try:
                    line = raw.decode("utf-8", errors)
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"{name}:{lineno}: invalid UTF-8 at byte {exc.start} (use --errors replace to go on)"
                    ) from None
                yield line.rstrip("\r\n")
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


def map_lines(func: Processor, lines: Iterable[str], jobs: int = 1) -> Iterator[object]:
    """``map(func, lines)``, in ``jobs`` processes when ``jobs > 1``, keeping input order and streaming."""
    if jobs <= 1:
        yield from map(func, lines)
        return
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        # Batches keep memory bounded while amortizing inter-process overhead.
        it = iter(lines)
        while True:
            batch: list[str] = []
            try:
                batch.extend(itertools.islice(it, 2048 * jobs))
            except (InputError, OSError):  # a bad line or file: write the lines before it first, as -j 1 does
                yield from pool.imap(func, batch, chunksize=256)
                raise
            if not batch:
                break
            yield from pool.imap(func, batch, chunksize=256)


def stdout():
    """``sys.stdout``, or ``InputError`` when the command was started with it closed (>&-)."""
    if sys.stdout is None:
        raise InputError("no standard output to write to")
    return sys.stdout


def _input_waits(paths: list[str]) -> Callable[[], bool] | None:
    """None unless the input is standard input from a pipe or a terminal (``tail -f log | sorani …``), not a
    file; then a test of whether it has nothing to read right now (the next read would wait). Where select
    cannot watch it (pipes on Windows), every line counts as waiting."""
    import select

    if (paths and "-" not in paths) or sys.stdin is None:
        return None
    try:
        fd = sys.stdin.fileno()
        if stat.S_ISREG(os.fstat(fd).st_mode):
            return None
    except (AttributeError, OSError, ValueError):  # a replaced sys.stdin without a file descriptor
        return None
    try:
        select.select([fd], [], [], 0)
    except (OSError, ValueError):
        return lambda: True
    return lambda: not select.select([fd], [], [], 0)[0]


def write_out(items: Iterable[object], render: Callable[[object], str],
              waits: Callable[[], bool] | None = None) -> None:
    """Write each rendered item and a line break. With ``waits`` (a live stdin, ``_input_waits``), what is
    written is flushed whenever the input has nothing more to read yet, so results show up as the lines come
    in, while a fast producer (``cat big.txt | sorani …``) keeps block-buffered output (a flush per line cost
    45%)."""
    out = stdout()
    for item in items:
        out.write(render(item))
        out.write("\n")
        if waits is not None and waits():
            out.flush()
    out.flush()


def dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def run_stream(args: argparse.Namespace, func: Processor, render: Callable[[object], str]) -> int:
    if args.jobs < 1:
        raise InputError("-j/--jobs must be at least 1")
    write_out(map_lines(func, iter_lines(args.inputs, args.errors), args.jobs), render,
              waits=_input_waits(args.inputs))
    return 0
