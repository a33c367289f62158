"""numbers: sorani.find_numbers + sorani.find_dates over the text (MB/s). AsoSoft only converts numbers to
words, which is a different task, so there is no peer."""

from __future__ import annotations

from . import Case, Skip

GROUP, UNIT = "numbers", "words"


def ours(texts):
    import sorani

    if not (hasattr(sorani, "find_numbers") and hasattr(sorani, "find_dates")):
        raise Skip("sorani.find_numbers / sorani.find_dates do not exist yet")
    return [
        Case(
            GROUP,
            "sorani",
            "find_numbers + find_dates",
            "full",
            lambda d: [(sorani.find_numbers(x), sorani.find_dates(x)) for x in d],
        )
    ]


PEERS: dict = {}
