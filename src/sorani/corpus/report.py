"""``stats.json`` and ``report.html`` for a corpus build. The plots are drawn with matplotlib and written
into the page as inline SVG, so the report is one self-contained file. Drawing them costs a fixed second or
two per build (mostly importing matplotlib), whatever the size of the corpus."""

from __future__ import annotations

import html
import io
import json
from collections import Counter
from pathlib import Path


def write_stats(out: Path, stats: dict, extra: dict) -> dict:
    clusters: dict[str, list[str]] = {}
    for kept, duplicate, _stage in stats["clusters"]:
        clusters.setdefault(kept, []).append(duplicate)
    result = {
        **extra,
        "documents": {"input": stats["input"], "accepted": stats["accepted"],
                      "rejected": stats["input"] - stats["accepted"]},
        "rejected_by_stage": dict(stats["stages"].most_common()),
        "rejected_by_reason": dict(stats["reasons"].most_common()),
        "languages": dict(stats["languages"].most_common()),
        "words": {"accepted": sum(stats["lengths_accepted"]), "rejected": sum(stats["lengths_rejected"])},
        "dedup_clusters": {"count": len(clusters),
                           "largest": sorted(clusters.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:20]},
        "normalization_examples": [{"id": i, "before": b, "after": a} for i, b, a in stats["examples"]],
    }
    (out / "stats.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def _svg(figure) -> str:
    """The figure as an inline ``<svg>`` element (text kept as text, so the page stays small)."""
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _bar(counts: dict, title: str, color: str) -> str:
    """Horizontal bars of the 15 largest counts (most common on top), with their values."""
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(6.4, 0.35 * max(3, len(counts)) + 0.8))
    labels = list(counts)[:15][::-1]
    axis.barh(labels, [counts[k] for k in labels], color=color)
    axis.set_title(title)
    axis.set_xlabel("documents")
    for i, label in enumerate(labels):
        axis.text(counts[label], i, f" {counts[label]:,}", va="center", fontsize=8)
    return _svg(figure)


def _plain_numbers():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: f"{value:,.0f}" if value >= 1 else f"{value:g}")


def _histogram(accepted: list[int], rejected: list[int]) -> str:
    """Document lengths in words, accepted and rejected stacked, on bins that grow by half (a log scale)."""
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(6.4, 3.2))
    values = [v for v in accepted + rejected if v > 0] or [1]
    bins = [1.0]
    while bins[-1] < max(values):
        bins.append(bins[-1] * 1.5)
    if len(bins) < 2:
        bins.append(1.5)
    axis.hist([accepted or [0], rejected or [0]], bins=bins, label=["accepted", "rejected"],
              color=["#2a7f62", "#c0504d"], stacked=True)
    axis.set_xscale("log")
    # plain numbers on the log axis: its default labels (10², as TeX) go through the mathtext parser,
    # which took most of the time of drawing the report
    axis.xaxis.set_major_formatter(_plain_numbers())
    axis.set_xlabel("words per document")
    axis.set_ylabel("documents")
    axis.set_title("Document length")
    axis.legend()
    return _svg(figure)


def write_html(out: Path, result: dict, stats: dict) -> None:
    docs = result["documents"]
    stages = {"accepted": docs["accepted"], **result["rejected_by_stage"]}
    images = [
        _bar(stages, "Where the documents went", "#4472c4"),
        _bar(result["rejected_by_reason"] or {"(none)": 0}, "Rejections by reason", "#c0504d"),
        _bar(result["languages"] or {"(not run)": 0}, "Languages (document level)", "#8064a2"),
        _histogram(stats["lengths_accepted"], stats["lengths_rejected"]),
    ]
    e = html.escape
    rows = "".join(f"<tr><td>{e(k)}</td><td>{v}</td></tr>" for k, v in result["rejected_by_reason"].items())
    clusters = "".join(f"<tr><td>{e(k)}</td><td>{e(', '.join(v))}</td></tr>"
                       for k, v in result["dedup_clusters"]["largest"])
    examples = "".join(f"<tr><td>{e(x['id'])}</td><td dir=rtl>{e(x['before'])}</td><td dir=rtl>{e(x['after'])}</td></tr>"
                       for x in result["normalization_examples"])
    skipped = "".join(f"<li>{e(name)}: {e(note)}</li>" for name, note in result.get("stages_skipped", {}).items())
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sorani corpus report</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}}svg{{max-width:100%;height:auto}}.n{{font-size:2em}}</style>
</head><body><h1>sorani corpus report</h1>
<p>sorani {e(result['sorani_version'])}, rules {e(result['rules_version'])}, engine {e(result['engine'])},
{result['seconds']:.1f} s, {result['mb_per_second']:.2f} MB/s.</p>
<p><span class=n>{docs['input']}</span> documents in, <span class=n>{docs['accepted']}</span> accepted,
<span class=n>{docs['rejected']}</span> rejected; {result['words']['accepted']:,} words kept.</p>
{'<h2>Stages not run</h2><ul>' + skipped + '</ul>' if skipped else ''}
{''.join(f'<p>{i}</p>' for i in images)}
<h2>Rejections by reason</h2><table><tr><th>reason</th><th>documents</th></tr>{rows}</table>
<h2>Duplicate clusters ({result['dedup_clusters']['count']})</h2>
<table><tr><th>kept</th><th>duplicates</th></tr>{clusters}</table>
<h2>Normalization, before and after</h2><table><tr><th>id</th><th>before</th><th>after</th></tr>{examples}</table>
<h2>Configuration</h2><pre>{e(json.dumps(result['config'], indent=1))}</pre></body></html>"""
    (out / "report.html").write_text(page, encoding="utf-8")
