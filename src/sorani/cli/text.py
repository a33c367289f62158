"""``sorani normalize``, ``sorani sentences``, ``sorani tokenize`` and ``sorani demo``."""

from __future__ import annotations

import argparse
import functools

from .. import normalizer, tokenizer
from .._data import data_text
from ._stream import add_stream_arguments, dumps, run_stream


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("normalize", help="normalize text line by line")
    add_stream_arguments(p)
    p.add_argument("--tier", choices=normalizer.TIERS, default="standard",
                   help="unicode (invisible and look-alike code points), standard (default: also Arabic and "
                        "Persian letters, ه/ە, initial ڕ, spacing) or repair (also keyboard-typed Sorani)")
    p.add_argument("--digits", choices=normalizer.DIGIT_STYLES, default="keep", help="digit style")
    p.add_argument("--diacritics", choices=normalizer.DIACRITIC_MODES, default="keep", help="Arabic harakat")
    p.add_argument("--no-initial-r", dest="initial_r", action="store_false", help="keep word-initial ر")
    p.set_defaults(func=_run_normalize)

    p = subparsers.add_parser("sentences", help="split each line (a paragraph) into sentences")
    add_stream_arguments(p)
    p.set_defaults(func=_run_sentences)

    p = subparsers.add_parser("tokenize", help="word-level tokens of each line")
    add_stream_arguments(p)
    p.add_argument("--normalize", action="store_true", help="normalize token texts (spans stay raw)")
    p.set_defaults(func=_run_tokenize)

    p = subparsers.add_parser("demo", help="normalize, split and tokenize the bundled sample article")
    p.set_defaults(func=run_demo)


def normalize_line(line: str, **options) -> dict:
    return {"raw": line, "text": _normalizer(**options)(line)}


@functools.lru_cache(maxsize=8)
def _normalizer(**options) -> normalizer.Normalizer:
    return normalizer.Normalizer(**options)


def sentences_line(line: str) -> list[dict]:
    return [{"text": line[s:e], "start": s, "end": e} for s, e in tokenizer.sentence_spans(line)]


def tokenize_line(line: str, normalize: bool = False) -> list[dict]:
    return [
        {"text": t.text, "start": t.start, "end": t.end, "kind": t.kind}
        for t in tokenizer.tokenize(line, normalize=normalize)
    ]


def _run_normalize(args: argparse.Namespace) -> int:
    func = functools.partial(
        normalize_line, tier=args.tier, digits=args.digits, diacritics=args.diacritics, initial_r=args.initial_r
    )
    _normalizer(**func.keywords)  # fail fast on a bad option (e.g. an unavailable tier) before reading input
    render = dumps if args.jsonl else (lambda item: item["text"])
    return run_stream(args, func, render)


def _run_sentences(args: argparse.Namespace) -> int:
    if args.jsonl:
        return run_stream(args, sentences_line, lambda item: dumps({"sentences": item}))
    return run_stream(args, sentences_line, lambda item: "\n".join(s["text"] for s in item))


def _run_tokenize(args: argparse.Namespace) -> int:
    func = functools.partial(tokenize_line, normalize=args.normalize)
    if args.jsonl:
        return run_stream(args, func, lambda item: dumps({"tokens": item}))
    return run_stream(args, func, lambda item: " ".join(t["text"] for t in item))


def run_demo(args: argparse.Namespace | None = None) -> int:
    raw = data_text("samples/news-sample.txt")
    normalized = normalizer.normalize(raw)
    tokens = tokenizer.tokenize(raw, normalize=True)
    changed = {raw[t.start : t.end]: t.text for t in tokens if raw[t.start : t.end] != t.text}
    print(f"== normalized (standard tier): {len(changed)} distinct words changed ==")
    items = [f"{before} -> {after}" for before, after in changed.items()]
    print("\n".join("  " + " · ".join(items[i : i + 4]) for i in range(0, len(items), 4)))
    sents = tokenizer.sentences(normalized)
    print(f"\n== {len(sents)} sentences; the first two and the last ==")
    for sentence in sents[:2] + sents[-1:]:
        print("-", sentence)
    kinds: dict[str, int] = {}
    for token in tokens:
        kinds[token.kind] = kinds.get(token.kind, 0) + 1
    print(f"\n== {len(tokens)} tokens: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + " ==")
    third = tokenizer.tokenize(sents[2])
    print(" | ".join(f"{t.text}/{t.kind}" for t in third))
    return 0
