"""The benchmark texts, built the same way by sorani's side and by the peers' worker (stdlib only)."""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SORANI_SHARED_DATA", ROOT.parent / "shared" / "data"))
DEFAULT = [SHARED / "corpus" / "ktc-textbooks.jsonl", SHARED / "corpus" / "tweets-sorani.txt"]
FALLBACK = ROOT / "src" / "sorani" / "data" / "samples" / "news-sample.txt"
FLORES = SHARED / "normalization" / "synthetic-flores" / "Sorani-Arabic"
QUICK_BYTES = 400_000  # --quick: the corpus slice for a smoke run
SMALL_BYTES = 60_000  # the slice for peers that manage a few thousand words per second
SLOW_WORDS = 2_000  # the slice for the slowest peer functions (KLPT's word_tokenize and Stem.analyze)


def load_documents(paths: list[str] | None = None, quick: bool = False) -> tuple[list[str], str]:
    """Documents (JSONL: one per line's "text"; other files: one per non-empty line) and a description.

    Falls back to the bundled news article, repeated to about 1 MB, when no corpus file exists.
    """
    candidates = [Path(p) for p in paths] if paths else DEFAULT
    docs: list[str] = []
    names = []
    for path in candidates:
        if not path.is_file():
            continue
        names.append(path.name)
        docs += read_documents(path)
    if not docs:
        text = FALLBACK.read_text(encoding="utf-8")
        docs = [line for line in text.splitlines() if line.strip()] * 150
        names = ["bundled news sample ×150"]
    if quick:
        docs = head(lines(docs), QUICK_BYTES)
        names = [f"{name} (quick slice)" for name in names]
    return docs, " + ".join(names)


def read_documents(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        if path.suffix == ".jsonl":
            return [json.loads(line)["text"] for line in handle if line.strip()]
        return [line.rstrip("\n") for line in handle if line.strip()]


def lines(docs: list[str]) -> list[str]:
    """The non-empty lines of the documents (slices are made of lines, so one long chapter cannot blow a
    slow peer's budget, and ckb-textify never sees a paragraph-less run of thousands of words)."""
    return [line for doc in docs for line in doc.splitlines() if line.strip()]


def head(docs: list[str], max_bytes: int, measure=None) -> list[str]:
    """Documents up to about ``max_bytes`` (or ``max`` units of ``measure``), taken evenly from the start and
    the end, so that a slice of a two-file corpus still holds both kinds of text."""
    measure = measure or (lambda doc: len(doc.encode()))
    half, out, size = max_bytes / 2, [], 0
    for doc in docs:
        if size >= half:
            break
        out.append(doc)
        size += measure(doc)
    tail, size = [], 0
    for doc in reversed(docs[len(out) :]):
        if size >= half:
            break
        tail.append(doc)
        size += measure(doc)
    return out + tail[::-1]


def nbytes(docs: list[str]) -> int:
    return sum(len(d.encode()) for d in docs)


def nwords(docs: list[str]) -> int:
    return sum(len(d.split()) for d in docs)


class Texts:
    """The named texts every case runs on; both processes build them identically from the same corpus.

    - ``full``: the corpus (or its quick slice);
    - ``small``: about 60 KB of its lines, start and end (for slow peers);
    - ``words2k``: about 2,000 words of its lines, start and end (for the slowest);
    - ``noisy`` / ``clean``: FLORES devtest Sorani with 100% synthetic keyboard noise, and its clean side.
    """

    def __init__(self, paths: list[str] | None = None, quick: bool = False):
        self.full, self.description = load_documents(paths, quick)
        self._cache: dict[str, list[str]] = {"full": self.full}

    def get(self, name: str) -> list[str]:
        """The documents called ``name``; FileNotFoundError when its data is absent."""
        if name not in self._cache:
            self._cache[name] = self._build(name)
        return self._cache[name]

    def _build(self, name: str) -> list[str]:
        if name == "small":
            return head(lines(self.full), SMALL_BYTES)
        if name == "words2k":
            return head(lines(self.full), SLOW_WORDS, measure=lambda doc: len(doc.split()))
        if name in ("noisy", "clean"):
            path = FLORES / ("devtest_100.src" if name == "noisy" else "devtest_100.trg")
            if not path.is_file():
                raise FileNotFoundError(f"{name} text not found: {path}")
            return read_documents(path)
        raise KeyError(f"unknown text {name!r}")

    def describe(self, name: str) -> str:
        docs = self.get(name)
        label = {
            "full": self.description,
            "small": "lines from the start and end of `full`",
            "words2k": "lines from the start and end of `full`",
            "noisy": "FLORES devtest, 100% keyboard noise",
            "clean": "FLORES devtest, clean",
        }[name]
        return f"{label}: {nbytes(docs) / 1e6:.2f} MB, {nwords(docs):,} words"
