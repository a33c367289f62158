"""The ``sorani`` console script: one command with verb sub-commands.

Each sub-command lives in a module of this package that defines ``register(subparsers)``; adding a
command means adding a module and one line to ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .._version import RULES_VERSION, __version__
from ..errors import SoraniError

COMMAND_MODULES: tuple[str, ...] = (
    "sorani.cli.text",
    "sorani.cli.numbers",
    "sorani.cli.langid",
    "sorani.cli.corpus",
    "sorani.cli.translit",
    "sorani.cli.morph",
    "sorani.cli.legacy",
    "sorani.cli.evaluate",
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (naming the command and pointing to its -h), exit 2; the
    sub-command parsers are of this class too."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} -h)\n")


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sorani",
        description="Text processing for Central Kurdish (Sorani). Run `sorani COMMAND -h` for a command's options.",
    )
    parser.add_argument(
        "--version", action="version", version=f"sorani {__version__} (rules {RULES_VERSION})"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    _describe(subparsers)
    return parser


def _describe(subparsers: argparse._SubParsersAction) -> None:
    """A command's one-line help from the list of commands also heads its own ``-h`` (nested ones too)."""
    for action in subparsers._choices_actions:
        command = subparsers.choices[action.dest]
        if command.description is None and action.help:
            command.description = action.help[0].upper() + action.help[1:] + "."
        for nested in command._subparsers._group_actions if command._subparsers else ():
            if isinstance(nested, argparse._SubParsersAction):
                _describe(nested)


def main(argv: list[str] | None = None) -> int:
    # stderr keeps Python's backslashreplace: a file name that is not UTF-8 (a surrogate escape) must still print
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors=errors)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # pragma: no cover - e.g. `sorani tokenize big.txt | head`
        return 0
    except (SoraniError, OSError) as exc:
        if isinstance(exc, SoraniError) or not (exc.filename and exc.strerror):
            message = str(exc) or type(exc).__name__
        else:
            message = f"{exc.filename}: {exc.strerror}"
        print(f"sorani: error: {message}", file=sys.stderr)
        return 2
    except NotImplementedError as exc:
        print(f"sorani: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
