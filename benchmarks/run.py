#!/usr/bin/env python
"""Throughput of sorani against its peers and against the str.translate floor, in one run.

    python benchmarks/run.py [--corpus PATH ...] [--repeat 5] [--quick] [--only GROUP] [--markdown OUT]
                             [--no-peers]

sorani runs in this process; KLPT, AsoSoft and ckb-textify run in their own virtual environment
(benchmarks/.peers-venv, made by benchmarks/setup_peers.sh) through peers_worker.py, on the same texts, with
the same methodology (timing.py): one process, one core, a warm-up, then the median of the repeats.
The groups are the modules of benchmarks/cases/ (see cases/__init__.py); a group whose sorani function does
not exist yet is skipped with a note. Slow peers run on a slice of the corpus (the "text" column says which);
the peers run first, and sorani is then timed on its own text and on every slice a peer ran on, so the ratio
ours/peer always compares the two on the very same text. "cost in floors"
is a sorani stage's time over the time of one str.translate pass over the same text (2× = two passes' worth).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import cases
from corpus import Texts, nbytes, nwords
from timing import median_seconds

PEERS_PYTHON = HERE / ".peers-venv" / "bin" / "python"
UNIT_LABEL = {"words": "words/s", "sentences": "sentences/s"}
HEADER = ["group", "implementation", "function", "text", "MB/s", "rate", "cost in floors", "ours / peer"]


# ---------------------------------------------------------------- pure helpers (tested in tests/test_benchmarks.py)


def median(values: list[float]) -> float:
    """The median of the timed repeats."""
    if not values:
        raise ValueError("no timings")
    return statistics.median(values)


def mb_per_s(nbytes_: int, seconds: float) -> float:
    """Throughput in MB/s of UTF-8 bytes (10^6 bytes)."""
    return nbytes_ / seconds / 1e6 if seconds > 0 else float("inf")


def ratio(ours_rate: float, peer_rate: float) -> float:
    """How many times faster ours is than the peer (both rates in the same unit, e.g. words/s)."""
    return ours_rate / peer_rate if peer_rate > 0 else float("inf")


def format_rate(value: float, unit: str = "") -> str:
    """A rate with 3 significant figures and a k/M suffix: 1234567 -> '1.23M', 3012 -> '3.01k', 12.5 -> '12.5'."""
    for scale, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            value, prefix = value / scale, suffix
            break
    else:
        prefix = ""
    digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    text = f"{value:.{digits}f}{prefix}"
    return f"{text} {unit}".strip()


def format_ratio(value: float) -> str:
    """'12×' for large ratios, '1.4×' or '0.53×' for small ones."""
    if value >= 100:
        return f"{value:,.0f}×"
    return f"{value:.1f}×" if value >= 1 else f"{value:.2f}×"


def markdown(rows: list[list[str]], header: list[str] = HEADER) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def plain(rows: list[list[str]], header: list[str] = HEADER) -> str:
    """The same table, aligned for a terminal."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in [header, *rows])


def select_groups(only: list[str] | None) -> list[str]:
    """The groups to run, in registry order: all, or those named by --only (repeatable, comma-separated)."""
    if not only:
        return list(cases.GROUPS)
    wanted = {g.strip() for item in only for g in item.split(",") if g.strip()}
    unknown = wanted - set(cases.GROUPS)
    if unknown:
        raise SystemExit(f"unknown group(s): {', '.join(sorted(unknown))}; known: {', '.join(cases.GROUPS)}")
    return [g for g in cases.GROUPS if g in wanted]


def table_rows(rows: list[dict], floors: dict[str, float]) -> list[list[str]]:
    """Table rows from measured rows (dicts with group, impl, label, pair, text, seconds, bytes, units, unit).

    Our rows carry their cost in floors (their time over the time of one str.translate pass over the same
    text) and their speed-up over each peer of the same group and pair on the same text."""
    out = []
    for row in rows:
        speed = mb_per_s(row["bytes"], row["seconds"])
        rate = row["units"] / row["seconds"]
        ours = row["impl"] == "sorani"
        floor = floors.get(row["text"]) if ours else None
        versus = []
        if ours:
            for peer in rows:
                if (
                    peer["group"] == row["group"]
                    and peer["impl"] not in ("sorani", "floor")
                    and peer["text"] == row["text"]
                    and (not peer["pair"] or not row["pair"] or peer["pair"] == row["pair"])
                ):
                    versus.append(
                        f"{format_ratio(ratio(rate, peer['units'] / peer['seconds']))} {peer['impl']}"
                    )
        out.append(
            [
                row["group"],
                row["impl"],
                row["label"],
                row["text_label"],
                f"{speed:.2f}",
                format_rate(rate, UNIT_LABEL.get(row["unit"], row["unit"])),
                format_ratio(floor / speed) if floor else "",
                "; ".join(versus),
            ]
        )
    return out


# ---------------------------------------------------------------- running


def clear_word_caches() -> None:
    """Empty sorani's bounded per-word caches (data tables, cached without bound, stay loaded): each timed
    run then sees the text for the first time, as a real corpus pass would."""
    import functools

    for name, module in list(sys.modules.items()):
        if not name.startswith("sorani"):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper) and (value.cache_info().maxsize or 0) >= 1000:
                value.cache_clear()


def count_units(texts: Texts, name: str, unit: str, memo: dict) -> int:
    """Words (whitespace-separated) or sentences (sorani.sentences) of a text, the same for every side."""
    key = (name, unit)
    if key not in memo:
        docs = texts.get(name)
        if unit == "sentences":
            import sorani

            memo[key] = sum(len(sorani.sentences(d)) for d in docs)
        else:
            memo[key] = nwords(docs)
    return memo[key]


def peer_texts(peer_rows: list[dict]) -> dict[str, set[tuple[str, str]]]:
    """For each group, the (pair, text) combinations the peers ran on."""
    out: dict[str, set[tuple[str, str]]] = {}
    for row in peer_rows:
        out.setdefault(row["group"], set()).add((row["pair"], row["text"]))
    return out


def with_peer_texts(built: list, on: set[tuple[str, str]]) -> list:
    """Our cases, plus a copy of each on every text a peer of the same pair ran on, so that every peer row has
    a sorani row on the very same text to be compared with."""
    out = list(built)
    for case in built:
        for pair, text in sorted(on):
            same_pair = not pair or not case.pair or pair == case.pair
            if same_pair and text != case.text and (case.label, text) not in {(c.label, c.text) for c in out}:
                out.append(dataclasses.replace(case, text=text))
    return out


def run_ours(
    groups: list[str],
    texts: Texts,
    repeat: int,
    budget: float,
    notes: list[str],
    extra: dict[str, set[tuple[str, str]]] | None = None,
) -> list[dict]:
    import sorani  # noqa: F401  (fails early and clearly when src is not importable)

    rows = []
    for group in groups:
        module = cases.load(group)
        try:
            built = module.ours(texts)
        except cases.Skip as skip:
            notes.append(f"{group}: skipped: {skip}")
            continue
        for case in with_peer_texts(built, (extra or {}).get(group, set())):
            try:
                docs = texts.get(case.text)
            except FileNotFoundError as exc:
                notes.append(f"{group}: {case.label} skipped: {exc}")
                continue
            seconds = median_seconds(
                lambda c=case, d=docs: c.func(d), repeat, budget, setup=clear_word_caches
            )
            rows.append(
                {
                    "group": group,
                    "impl": "sorani",
                    "label": case.label,
                    "pair": case.pair,
                    "text": case.text,
                    "seconds": seconds,
                    "unit": module.UNIT,
                }
            )
            print(
                f"  sorani {case.label} [{case.text}]: {mb_per_s(nbytes(docs), seconds):.2f} MB/s",
                file=sys.stderr,
            )
    return rows


def run_floor(texts: Texts, names: list[str], repeat: int) -> list[dict]:
    """One str.translate pass with the standard tier's own character map, as the list-indexed table that the
    normalizer builds (its fastest form), over each text our rows use."""
    from sorani.normalizer import _char_map, _translate_table

    table = _translate_table(_char_map("standard", "keep", "keep"))
    rows = []
    for name in names:
        docs = texts.get(name)
        seconds = median_seconds(lambda docs=docs: [d.translate(table) for d in docs], repeat)
        rows.append(
            {
                "group": "floor",
                "impl": "floor",
                "label": "str.translate (standard char map)",
                "pair": "",
                "text": name,
                "seconds": seconds,
                "unit": "words",
            }
        )
    return rows


def run_peers(args, groups: list[str], budget: float) -> dict:
    if args.no_peers:
        return {"results": [], "failures": [{"peer": "all", "group": "-", "error": "skipped (--no-peers)"}]}
    if not PEERS_PYTHON.exists():
        return {
            "results": [],
            "failures": [
                {"peer": "all", "group": "-", "error": "not installed: run bash benchmarks/setup_peers.sh"}
            ],
        }
    groups = [g for g in groups if cases.load(g).PEERS]
    if not groups:
        return {"results": [], "failures": []}
    request = {
        "corpus": args.corpus,
        "quick": args.quick,
        "repeat": args.repeat,
        "budget": budget,
        "groups": groups,
    }
    env = dict(os.environ, PYTHONHASHSEED="0")  # KLPT's lemmatize answers depend on the hash seed
    done = subprocess.run(
        [str(PEERS_PYTHON), str(HERE / "peers_worker.py")],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        return {
            "results": [],
            "failures": [{"peer": "worker", "group": "-", "error": done.stderr.strip()[-400:]}],
        }
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus",
        nargs="+",
        metavar="PATH",
        help="corpus files (JSONL with a text field, or one document per line)",
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs after the warm-up (median; >= 5)")
    parser.add_argument("--quick", action="store_true", help="a 400 KB slice of the corpus, for a smoke run")
    parser.add_argument(
        "--only",
        action="append",
        metavar="GROUP",
        help=f"only these groups (repeatable or comma-separated): {', '.join(cases.GROUPS)}",
    )
    parser.add_argument("--markdown", metavar="OUT", help="also write the table as Markdown to OUT")
    parser.add_argument("--no-peers", action="store_true", help="time sorani only")
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="seconds per case: slower cases get fewer repeats, never fewer than 3",
    )
    args = parser.parse_args(argv)
    groups = select_groups(args.only)

    texts = Texts(args.corpus, args.quick)
    notes: list[str] = []
    peers = run_peers(args, groups, args.budget)
    rows = run_ours(groups, texts, args.repeat, args.budget, notes, peer_texts(peers["results"]))
    rows += [dict(r, unit=cases.load(r["group"]).UNIT) for r in peers["results"]]
    rows += run_floor(texts, sorted({r["text"] for r in rows if r["impl"] == "sorani"}), args.repeat)
    memo: dict = {}
    for row in rows:
        row["bytes"] = nbytes(texts.get(row["text"]))
        row["units"] = count_units(texts, row["text"], row["unit"], memo)
        row["text_label"] = f"{row['text']} ({row['bytes'] / 1e6:.2f} MB)"
    order = {g: i for i, g in enumerate(["floor", *cases.GROUPS])}
    rows.sort(key=lambda r: (order.get(r["group"], 99), r["impl"] != "sorani"))
    floors = {r["text"]: mb_per_s(r["bytes"], r["seconds"]) for r in rows if r["group"] == "floor"}
    table = table_rows(rows, floors)

    versions = peers.get("versions") or {}
    peer_versions = ", ".join(f"{k} {v}" for k, v in versions.items() if k != "python" and v)
    stamp = [
        f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        (
            f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()} (peers: Python {versions.get('python', '-')}, "
            f"{peer_versions or '-'})"
        ),
        (
            f"- method: one process, one core, one warm-up then the median of {args.repeat} repeats "
            f"(at least 3 within {args.budget:.0f} s per case)"
        ),
    ]
    stamp += [f"- text `{name}`: {texts.describe(name)}" for name in sorted({r["text"] for r in rows})]
    for failure in peers["failures"]:
        notes.append(f"{failure['group']}: peer not measured: {failure['peer']}: {failure['error']}")
    print("\n".join(stamp))
    print()
    print(plain(table))
    if notes:
        print()
        print("\n".join(f"note: {n}" for n in notes))
    if args.markdown:
        body = "\n".join(stamp) + "\n\n" + markdown(table) + "\n"
        if notes:
            body += "\n" + "\n".join(f"- {n}" for n in notes) + "\n"
        Path(args.markdown).write_text(body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
