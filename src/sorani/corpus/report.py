"""``stats.json`` and ``report.html`` for a corpus build. The plots are small SVG drawings written into the
page, so the report is one self-contained file, drawn in milliseconds (matplotlib took about two seconds
to import and render them, as long as the pipeline takes for 10 MB)."""

from __future__ import annotations

import bisect
import html
import json
import math
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


_WIDTH, _LABEL, _ROW = 640, 210, 22  # page units: plot width, label column, bar height


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">'
            f'<title>{html.escape(title)}</title><text x="{width / 2}" y="18" text-anchor="middle" '
            f'font-size="14">{html.escape(title)}</text>{"".join(body)}</svg>')


def _bar(counts: dict, title: str, color: str) -> str:
    """Horizontal bars of the 15 largest counts (as they come: most common first), with their values."""
    labels = list(counts)[:15]
    top = max((counts[k] for k in labels), default=0) or 1
    span = _WIDTH - _LABEL - 70
    body = []
    for i, label in enumerate(labels):
        y = 30 + i * _ROW
        length = span * counts[label] / top
        body.append(f'<text x="{_LABEL - 6}" y="{y + 15}" text-anchor="end">{html.escape(str(label))}</text>'
                    f'<rect x="{_LABEL}" y="{y + 3}" width="{length:.1f}" height="{_ROW - 6}" fill="{color}"/>'
                    f'<text x="{_LABEL + length + 4:.1f}" y="{y + 15}">{counts[label]:,}</text>')
    body.append(f'<line x1="{_LABEL}" y1="28" x2="{_LABEL}" y2="{32 + len(labels) * _ROW}" stroke="#444"/>')
    return _svg(_WIDTH, 40 + len(labels) * _ROW + 16, title, body)


def _histogram(accepted: list[int], rejected: list[int]) -> str:
    """Document lengths in words, accepted and rejected stacked, on bins that grow by half (a log scale)."""
    values = [v for v in accepted + rejected if v > 0] or [1]
    bins = [1.0]
    while bins[-1] < max(values):
        bins.append(bins[-1] * 1.5)
    if len(bins) < 2:
        bins.append(1.5)
    count_of = [[0] * (len(bins) - 1), [0] * (len(bins) - 1)]
    for side, lengths in enumerate((accepted, rejected)):
        for value, count in Counter(lengths).items():
            if value >= 1:  # 0 words has no place on a log scale
                count_of[side][min(bisect.bisect_right(bins, value) - 1, len(bins) - 2)] += count
    height, left, bottom = 240, 60, 200
    top = max(a + r for a, r in zip(*count_of)) or 1
    step = (_WIDTH - left - 20) / (len(bins) - 1)
    body = []
    for i, (a, r) in enumerate(zip(*count_of)):
        x = left + i * step
        ha, hr = (bottom - 40) * a / top, (bottom - 40) * r / top
        body.append(f'<rect x="{x:.1f}" y="{bottom - ha:.1f}" width="{step - 1:.1f}" height="{ha:.1f}" fill="#2a7f62">'
                    f'<title>{bins[i]:.0f}-{bins[i + 1]:.0f} words: {a:,} accepted</title></rect>'
                    f'<rect x="{x:.1f}" y="{bottom - ha - hr:.1f}" width="{step - 1:.1f}" height="{hr:.1f}" '
                    f'fill="#c0504d"><title>{bins[i]:.0f}-{bins[i + 1]:.0f} words: {r:,} rejected</title></rect>')
    value = 1
    while value <= bins[-1]:  # ticks at 1, 10, 100 ...: bin i starts at 1.5 ** i words
        x = left + step * math.log(value, 1.5)
        body.append(f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle">{value:,}</text>')
        value *= 10
    body.append(f'<text x="{left}" y="36">tallest bar: {top:,} documents</text>'
                f'<text x="{_WIDTH / 2}" y="{height - 6}" text-anchor="middle">words per document (log scale)</text>'
                f'<rect x="{left}" y="46" width="10" height="10" fill="#2a7f62"/>'
                f'<text x="{left + 15}" y="55">accepted</text>'
                f'<rect x="{left + 85}" y="46" width="10" height="10" fill="#c0504d"/>'
                f'<text x="{left + 100}" y="55">rejected</text>'
                f'<line x1="{left}" y1="{bottom}" x2="{_WIDTH - 20}" y2="{bottom}" stroke="#444"/>')
    return _svg(_WIDTH, height, "Document length", body)


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
