#!/usr/bin/env python
"""Throughput of sorani against its peers and against the str.translate floor, in one run.

    python benchmarks/run.py [--corpus FILE ...] [--repeat 5] [--quick] [--groups normalize,tokenize]
                             [--markdown OUT.md] [--no-peers]

sorani runs in this process; KLPT, AsoSoft and ckb-textify run in their own virtual environment
(benchmarks/.peers-venv, made by benchmarks/setup_peers.sh) through peers_worker.py, on the same documents,
with the same methodology (timing.py): one process, one core, a warm-up, then the median of the repeats.
Slow peers are timed on a slice of the corpus (the "text" column says which); rates are per second.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import sorani  # noqa: E402
from corpus import head, load_documents, nbytes, nwords  # noqa: E402
from timing import median_seconds  # noqa: E402

PEERS_PYTHON = HERE / ".peers-venv" / "bin" / "python"
SMALL_BYTES = 60_000  # the slice for peers that run at a few thousand words per second


def clear_word_caches() -> None:
    """Empty sorani's bounded per-word caches (data tables, cached without bound, stay loaded): each timed
    run then sees the text for the first time, as a real corpus pass would."""
    import functools

    for name, module in list(sys.modules.items()):
        if not name.startswith("sorani"):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if isinstance(value, functools._lru_cache_wrapper) and (info().maxsize or 0) >= 1000:
                value.cache_clear()


def sentences_of(docs: list[str]) -> list[str]:
    return [s for d in docs for s in sorani.sentences(d)]


def our_cases(docs: list[str], small: list[str]):
    """(group, name, documents, function, unit) for sorani; groups whose function is missing are skipped."""
    from sorani.normalizer import _char_map, _translate_table

    table = _translate_table(_char_map("standard", "keep", "keep"))
    standard, unicode_tier = sorani.Normalizer(), sorani.Normalizer("unicode")
    cases = [
        ("floor", "str.translate (one pass, standard char map)", docs, lambda d: [x.translate(table) for x in d]),
        ("normalize", "sorani normalize (standard)", docs, lambda d: [standard(x) for x in d]),
        ("normalize", "sorani normalize (unicode)", docs, lambda d: [unicode_tier(x) for x in d]),
        ("tokenize", "sorani tokenize (spans, kinds)", docs, lambda d: [sorani.tokenize(x) for x in d]),
        ("sentences", "sorani sentences", docs, lambda d: [sorani.sentences(x) for x in d]),
    ]
    if hasattr(sorani, "analyze"):
        cases.append(("analyze", "sorani analyze (per word, cached)", docs,
                      lambda d: [sorani.analyze(w) for x in d for w in x.split()]))
    if hasattr(sorani, "segment"):
        cases.append(("segment", "sorani segment", docs, lambda d: [sorani.segment(x) for x in d]))
    if hasattr(sorani, "transliterate"):
        cases.append(("translit", "sorani transliterate", docs, lambda d: [sorani.transliterate(x) for x in d]))
    if hasattr(sorani, "identify"):
        cases.append(("langid", "sorani identify (per sentence)", docs,
                      lambda d: [sorani.identify(s) for s in sentences_of(d)]))
    try:
        repair = sorani.Normalizer("repair")
        cases.append(("repair", "sorani normalize (repair)", small, lambda d: [repair(x) for x in d]))
    except NotImplementedError:
        pass
    if hasattr(sorani, "find_numbers") and hasattr(sorani, "find_dates"):
        cases.append(("numbers", "sorani find_numbers + find_dates", docs,
                      lambda d: [(sorani.find_numbers(x), sorani.find_dates(x)) for x in d]))
    return cases


def run_peers(args) -> dict:
    if args.no_peers:
        return {"results": [], "failures": [{"peer": "all", "error": "skipped (--no-peers)"}]}
    if not PEERS_PYTHON.exists():
        return {"results": [], "failures": [{"peer": "all", "error": "not installed: run benchmarks/setup_peers.sh"}]}
    request = {"corpus": args.corpus, "quick": args.quick, "repeat": args.repeat, "small_bytes": SMALL_BYTES,
               "groups": args.groups}
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run([str(PEERS_PYTHON), str(HERE / "peers_worker.py")], input=json.dumps(request),
                          capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        return {"results": [], "failures": [{"peer": "worker", "error": done.stderr.strip()[-300:]}]}
    return json.loads(done.stdout)


def format_rows(rows: list[dict], floor_mbs: float) -> list[list[str]]:
    """Table rows: our rows carry their multiple of the floor and their ratio to each peer of the group."""
    table = []
    for row in rows:
        mbs = row["bytes"] / row["seconds"] / 1e6
        kwords = row["units"] / row["seconds"] / 1e3
        ours = row["name"].startswith("sorani")
        versus = ""
        if ours:
            peers = [r for r in rows if r["group"] == row["group"] and not r["name"].startswith("sorani")]
            versus = "; ".join(f"{ratio(row, p):.1f}× {p['name'].split()[0]}" for p in peers)
        table.append([row["group"], row["name"], f"{row['bytes'] / 1e6:.2f} MB", f"{mbs:.2f}", f"{kwords:.1f}",
                      f"{mbs / floor_mbs:.2f}" if ours and floor_mbs else "", versus])
    return table


def ratio(ours: dict, peer: dict) -> float:
    """How many times faster ours is, per word (the texts of the two may be different slices)."""
    return (ours["units"] / ours["seconds"]) / (peer["units"] / peer["seconds"])


def markdown(table: list[list[str]], header: list[str]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in table]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="*", help="corpus files (JSONL with a text field, or text lines)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="a 400 KB slice, for a smoke run")
    parser.add_argument("--groups", type=lambda s: s.split(","), help="only these groups, e.g. normalize,tokenize")
    parser.add_argument("--markdown", metavar="OUT", help="also write the table as Markdown")
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args(argv)

    docs, description = load_documents(args.corpus, args.quick)
    small = head(docs, SMALL_BYTES)
    rows = []
    for group, name, documents, func in our_cases(docs, small):
        if args.groups and group not in args.groups and group != "floor":
            continue
        seconds = median_seconds(lambda: func(documents), args.repeat, setup=clear_word_caches)
        rows.append({"group": group, "name": name, "seconds": seconds, "bytes": nbytes(documents),
                     "units": nwords(documents)})
        print(f"  {name}: {nbytes(documents) / seconds / 1e6:.2f} MB/s", file=sys.stderr)
    peers = run_peers(args)
    rows += peers["results"]
    order = {g: i for i, g in enumerate(["floor", "normalize", "tokenize", "sentences", "analyze", "segment",
                                          "translit", "langid", "repair", "numbers"])}
    rows.sort(key=lambda r: (order.get(r["group"], 99), not r["name"].startswith("sorani")))
    floor = next((r["bytes"] / r["seconds"] / 1e6 for r in rows if r["group"] == "floor"), 0.0)
    header = ["group", "implementation", "text", "MB/s", "k words/s", "× floor", "sorani vs peer (per word)"]
    table = format_rows(rows, floor)
    stamp = (f"{datetime.date.today()}, {platform.python_implementation()} {platform.python_version()}, "
             f"{os.cpu_count()} cores, one process; corpus: {description} ({nbytes(docs) / 1e6:.1f} MB, "
             f"{nwords(docs):,} words); slices for slow peers: {nbytes(small) / 1e3:.0f} KB")
    text = markdown(table, header)
    print(stamp)
    print(text)
    for failure in peers["failures"]:
        print(f"peer not measured: {failure['peer']}: {failure['error']}")
    if args.markdown:
        notes = "".join(f"\n- peer not measured: {f['peer']}: {f['error']}" for f in peers["failures"])
        Path(args.markdown).write_text(f"{stamp}\n\n{text}\n{notes}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
