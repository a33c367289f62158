"""Loading the package's data tables.

Tables are UTF-8 TSV files in ``sorani/data`` with a header row. Lines starting with ``#`` are comments.
Code points may be written literally or as ``U+XXXX`` (several separated by spaces make a sequence), so
invisible characters stay readable in the file. Everything is loaded lazily and cached once per process.
"""

from __future__ import annotations

import functools
from importlib import resources

import regex

from .errors import DataError

_CODEPOINT = regex.compile(r"U\+([0-9A-Fa-f]{4,6})")


def decode_cell(cell: str) -> str:
    """Turn a table cell into the string it stands for.

    >>> decode_cell("U+0647 U+200C")
    'ه\\u200c'
    >>> decode_cell("ک")
    'ک'
    >>> decode_cell("")
    ''
    """
    if _CODEPOINT.fullmatch(cell.split(" ")[0] or "-"):
        parts = cell.split(" ")
        if all(_CODEPOINT.fullmatch(p) for p in parts):
            return "".join(chr(int(p[2:], 16)) for p in parts)
    return cell


def data_text(name: str) -> str:
    """The text of the shipped data file ``name`` (a path relative to ``sorani/data``)."""
    try:
        return resources.files("sorani").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging bug
        raise DataError(f"sorani data file missing: {name}") from exc


@functools.lru_cache(maxsize=None)
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV table as dicts keyed by the header, comments and blank lines skipped."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(data_text(name).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise DataError(f"{name}:{lineno}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return tuple(rows)


@functools.lru_cache(maxsize=None)
def load_wordlist(name: str) -> frozenset[str]:
    """The first column of a word list (TSV with header, or plain lines), as a frozenset."""
    words = set()
    lines = [ln for ln in data_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    start = 1 if lines and "\t" in lines[0] and lines[0].split("\t")[0] in {"word", "form"} else 0
    for line in lines[start:]:
        words.add(decode_cell(line.split("\t")[0]))
    return frozenset(words)
