"""langid: sorani.identify, one call per sentence (sentences/s). No peer identifies Sorani."""

from __future__ import annotations

from . import Case, Skip

GROUP, UNIT = "langid", "sentences"


def ours(texts):
    import sorani

    if not hasattr(sorani, "identify"):
        raise Skip("sorani.identify does not exist yet")
    split = [s for d in texts.get("small") for s in sorani.sentences(d)]
    return [
        Case(
            GROUP, "sorani", "identify (per sentence)", "small", lambda d: [sorani.identify(s) for s in split]
        )
    ]


PEERS: dict = {}
