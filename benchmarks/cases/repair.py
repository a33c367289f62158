"""repair: normalize(tier="repair") on keyboard-noisy text (FLORES devtest with 100% synthetic noise) and on
clean text (its clean side), MB/s. No peer repairs keyboard-mangled Sorani."""

from __future__ import annotations

from . import Case, Skip

GROUP, UNIT = "repair", "words"


def ours(texts):
    import sorani

    try:
        repair = sorani.Normalizer("repair")
    except Exception as exc:  # the tier does not exist yet, or its data is missing
        raise Skip(f"the repair tier is not available: {exc}") from exc
    return [
        Case(GROUP, "sorani", 'normalize(tier="repair"), noisy', "noisy", lambda d: [repair(x) for x in d]),
        Case(GROUP, "sorani", 'normalize(tier="repair"), clean', "clean", lambda d: [repair(x) for x in d]),
    ]


PEERS: dict = {}
