"""Times the peers (KLPT, AsoSoft, ckb-textify) inside their own virtual environment.

Run by run.py as ``.peers-venv/bin/python peers_worker.py`` with a JSON request on stdin; prints one JSON
object of results. Each peer is imported lazily; one that fails to import or crashes is reported, not fatal.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import head, load_documents, nbytes, nwords  # noqa: E402
from timing import median_seconds  # noqa: E402


def peer_cases(docs, small):
    """(group, peer, operation, documents, function, unit) for every peer operation we compare with."""
    cases = []

    def klpt():
        from klpt.preprocess import Preprocess
        from klpt.stem import Stem
        from klpt.tokenize import Tokenize
        from klpt.transliterate import Transliterate

        pre = Preprocess("Sorani", "Arabic", numeral="Latin")
        tok = Tokenize("Sorani", "Arabic")
        stem = Stem("Sorani", "Arabic")
        tr = Transliterate("Sorani", "Arabic", target_script="Latin")
        return [
            ("normalize", "KLPT Preprocess.preprocess", docs, lambda d: [pre.preprocess(x) for x in d], "words"),
            ("tokenize", "KLPT Tokenize.word_tokenize", small, lambda d: [tok.word_tokenize(x) for x in d], "words"),
            ("sentences", "KLPT Tokenize.sent_tokenize", docs, lambda d: [tok.sent_tokenize(x) for x in d], "words"),
            ("analyze", "KLPT Stem.analyze", small,
             lambda d: [stem.analyze(w) for x in d for w in x.split()], "words"),
            ("segment", "KLPT Tokenize.word_tokenize", small, lambda d: [tok.word_tokenize(x) for x in d], "words"),
            ("translit", "KLPT Transliterate", small, lambda d: [_safe(tr.transliterate, x) for x in d], "words"),
        ]

    def asosoft():
        import asosoft as a

        return [
            ("normalize", "AsoSoft Normalize", small, lambda d: [a.Normalize(x) for x in d], "words"),
            ("translit", "AsoSoft Ar2La", small, lambda d: [a.Ar2La(x) for x in d], "words"),
        ]

    def textify():
        from ckb_textify import NormalizationConfig, Pipeline

        pipe = Pipeline(NormalizationConfig())
        return [("normalize", "ckb-textify Pipeline.normalize", small, lambda d: [pipe.normalize(x) for x in d],
                 "words")]

    failures = []
    for name, make in (("klpt", klpt), ("asosoft", asosoft), ("ckb-textify", textify)):
        try:
            cases += make()
        except Exception as exc:  # a peer that does not install or import is reported
            failures.append({"peer": name, "error": f"{type(exc).__name__}: {exc}"})
    return cases, failures


def _safe(func, text):
    try:
        return func(text)
    except Exception:  # KLPT's transliterator raises on some inputs; count the attempt
        return None


def main() -> None:
    request = json.load(sys.stdin)
    docs, description = load_documents(request.get("corpus"), request.get("quick", False))
    small = head(docs, request.get("small_bytes", 60_000))
    wanted = set(request.get("groups") or [])
    cases, failures = peer_cases(docs, small)
    results = []
    for group, peer, documents, func, unit in cases:
        if wanted and group not in wanted:
            continue
        try:
            seconds = median_seconds(lambda: func(documents), request.get("repeat", 5), request.get("budget", 60))
            results.append({"group": group, "name": peer, "seconds": seconds, "bytes": nbytes(documents),
                            "units": nwords(documents), "unit": unit})
        except Exception:
            failures.append({"peer": peer, "error": traceback.format_exc(limit=1).strip().splitlines()[-1]})
    json.dump({"corpus": description, "results": results, "failures": failures}, sys.stdout)


if __name__ == "__main__":
    main()
