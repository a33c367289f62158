"""normalize: sorani's standard and unicode tiers against the peers' normalizers (MB/s, words/s)."""

from __future__ import annotations

from . import Case

GROUP, UNIT = "normalize", "words"


def ours(texts):
    import sorani

    standard, unicode_tier = sorani.Normalizer(), sorani.Normalizer("unicode")
    return [
        Case(GROUP, "sorani", 'normalize(tier="standard")', "full", lambda d: [standard(x) for x in d]),
        Case(GROUP, "sorani", 'normalize(tier="unicode")', "full", lambda d: [unicode_tier(x) for x in d]),
    ]


def klpt(texts):
    from klpt.preprocess import Preprocess

    pre = Preprocess("Sorani", "Arabic", numeral="Latin")
    return [Case(GROUP, "KLPT", "Preprocess.preprocess", "full", lambda d: [pre.preprocess(x) for x in d])]


def asosoft(texts):
    import asosoft

    return [Case(GROUP, "AsoSoft", "Normalize", "small", lambda d: [asosoft.Normalize(x) for x in d])]


def textify(texts):
    from ckb_textify import NormalizationConfig, Pipeline

    pipe = Pipeline(NormalizationConfig())
    return [
        Case(GROUP, "ckb-textify", "Pipeline.normalize", "small", lambda d: [pipe.normalize(x) for x in d])
    ]


PEERS = {"KLPT": klpt, "AsoSoft": asosoft, "ckb-textify": textify}
