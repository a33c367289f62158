"""Times the peers (KLPT, AsoSoft, ckb-textify) inside their own virtual environment.

run.py starts it as ``benchmarks/.peers-venv/bin/python peers_worker.py`` and writes one JSON request to its
stdin: ``{"corpus": [paths] | null, "quick": bool, "repeat": int, "budget": seconds, "groups": [names]}``.
It builds the same texts as run.py (corpus.Texts), takes each group's ``PEERS`` from the cases registry,
times every case with the same methodology (timing.median_seconds: warm-up, then the median of the repeats)
and prints one JSON object: ``{"results": [{group, impl, label, pair, text, seconds}], "failures": [...],
"versions": {...}}``. A peer that fails to import or crashes is reported in "failures", never fatal.
Units (words, sentences) are counted by run.py on the same texts, so both sides count alike.
"""

from __future__ import annotations

import json
import platform
import sys
import traceback
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cases
from corpus import Texts
from timing import median_seconds

DISTRIBUTIONS = {"KLPT": "klpt", "AsoSoft": "asosoft", "ckb-textify": "ckb-textify"}


def last_line(exc: BaseException) -> str:
    return traceback.format_exception_only(type(exc), exc)[-1].strip()


def run(request: dict) -> dict:
    texts = Texts(request.get("corpus"), request.get("quick", False))
    results, failures, broken = [], [], {}
    for group in request.get("groups") or cases.GROUPS:
        module = cases.load(group)
        for peer, build in module.PEERS.items():
            if peer in broken:
                failures.append({"peer": peer, "group": group, "error": broken[peer]})
                continue
            try:
                built = build(texts)
            except Exception as exc:  # noqa: BLE001  not installed (then skipped for the later groups too), or it fails
                failures.append({"peer": peer, "group": group, "error": last_line(exc)})
                if isinstance(exc, ImportError):
                    broken[peer] = f"not importable: {last_line(exc)}"
                continue
            for case in built:
                try:
                    docs = texts.get(case.text)
                    seconds = median_seconds(
                        lambda c=case, d=docs: c.func(d),
                        request.get("repeat", 5),
                        request.get("budget", 60.0),
                    )
                except Exception as exc:  # noqa: BLE001  a peer's crash is reported, not fatal
                    failures.append(
                        {"peer": peer, "group": group, "error": f"{case.label}: {last_line(exc)}"}
                    )
                    continue
                results.append(
                    {
                        "group": group,
                        "impl": case.impl,
                        "label": case.label,
                        "pair": case.pair,
                        "text": case.text,
                        "seconds": seconds,
                    }
                )
    versions = {}
    for peer, dist in DISTRIBUTIONS.items():
        try:
            versions[peer] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[peer] = None
    versions["python"] = platform.python_version()
    return {"results": results, "failures": failures, "versions": versions}


def main() -> None:
    request = json.load(sys.stdin)
    json.dump(run(request), sys.stdout)


if __name__ == "__main__":
    main()
