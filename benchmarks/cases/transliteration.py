"""transliteration: sorani.transliterate (Arabic → Latin) against KLPT's Transliterate and AsoSoft's Ar2La
(G2P based), ours on the full text and theirs on a slice; rates per word.

sorani's shipped tables (the known-word and runs tables of translit_known.json.gz, the model) are data,
loaded once by the warm-up run and kept; its bounded per-word and per-window caches are emptied before each
timed run (run.py), so every word outside the known-word table is computed again each time."""

from __future__ import annotations

from . import Case, Skip, safe

GROUP, UNIT = "transliteration", "words"


def ours(texts):
    import sorani

    if not hasattr(sorani, "transliterate"):
        raise Skip("sorani.transliterate does not exist yet")
    return [Case(GROUP, "sorani", "transliterate", "full", lambda d: [sorani.transliterate(x) for x in d])]


def klpt(texts):
    from klpt.transliterate import Transliterate

    tr = Transliterate("Sorani", "Arabic", target_script="Latin")
    # KLPT raises on some unnormalized input (a lone ئ): the attempt is timed, the crash is not fatal
    return [
        Case(
            GROUP,
            "KLPT",
            "Transliterate.transliterate",
            "small",
            lambda d: [safe(tr.transliterate, x) for x in d],
        )
    ]


def asosoft(texts):
    import asosoft

    return [Case(GROUP, "AsoSoft", "Ar2La", "small", lambda d: [asosoft.Ar2La(x) for x in d])]


PEERS = {"KLPT": klpt, "AsoSoft": asosoft}
