"""The benchmark corpus, loaded the same way by sorani's side and by the peers' worker (stdlib only)."""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SORANI_SHARED_DATA", ROOT.parent / "shared" / "data"))
DEFAULT = [SHARED / "corpus" / "ktc-textbooks.jsonl", SHARED / "corpus" / "tweets-sorani.txt"]
FALLBACK = ROOT / "src" / "sorani" / "data" / "samples" / "news-sample.txt"


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
        with open(path, encoding="utf-8") as handle:
            if path.suffix == ".jsonl":
                docs += [json.loads(line)["text"] for line in handle if line.strip()]
            else:
                docs += [line.rstrip("\n") for line in handle if line.strip()]
    if not docs:
        text = FALLBACK.read_text(encoding="utf-8")
        docs = [line for line in text.splitlines() if line.strip()] * 150
        names = ["bundled news sample ×150"]
    if quick:
        docs = head(docs, 400_000)
    return docs, " + ".join(names)


def head(docs: list[str], max_bytes: int) -> list[str]:
    """The first documents up to about ``max_bytes`` UTF-8 bytes, taken evenly from start and end so that a
    slice of a two-file corpus still holds both kinds of text."""
    half, out, size = max_bytes // 2, [], 0
    for doc in docs:
        if size >= half:
            break
        out.append(doc)
        size += len(doc.encode())
    tail, size = [], 0
    for doc in reversed(docs[len(out):]):
        if size >= half:
            break
        tail.append(doc)
        size += len(doc.encode())
    return out + tail[::-1]


def nbytes(docs: list[str]) -> int:
    return sum(len(d.encode()) for d in docs)


def nwords(docs: list[str]) -> int:
    return sum(len(d.split()) for d in docs)
