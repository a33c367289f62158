"""sorani for datatrove (the FineWeb pipeline library): a Sorani word tokenizer and pipeline steps for
normalization, the Sorani language filter and the quality filter. Needs ``pip install "sorani[datatrove]"``.

    from datatrove.pipeline.filters import GopherQualityFilter
    from sorani.integrations.datatrove import (SoraniLanguageFilter, SoraniNormalizer, SoraniQualityFilter,
                                               SoraniWordTokenizer)

    pipeline = [reader, SoraniLanguageFilter(), SoraniNormalizer(), SoraniQualityFilter(),
                GopherQualityFilter(language=SoraniWordTokenizer(), stop_words=sorani.stopwords("corpus")),
                writer]
"""

from __future__ import annotations

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.utils.word_tokenizers import WordTokenizer

from ..langid import identify
from ..normalizer import Normalizer
from ..tokenizer import sentence_spans, sentences, tokenize


class SoraniWordTokenizer(WordTokenizer):
    """Word tokens, sentences and sentence spans for Central Kurdish (instead of datatrove's Urdu stand-in,
    which leaves ؟ ؛ « » attached and joins words across line breaks)."""

    def __init__(self, language: str = "ckb"):
        super().__init__(language)

    def word_tokenize(self, text: str) -> list[str]:
        return [t.text for t in tokenize(text)]

    def sent_tokenize(self, text: str) -> list[str]:
        return sentences(text)

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        return sentence_spans(text)


class SoraniNormalizer(PipelineStep):
    """Normalize each document's text (tier ``standard`` by default; ``repair`` for keyboard-typed text)."""

    name = "🔤 sorani normalize"
    type = "✂️ - FORMAT"

    def __init__(self, tier: str = "standard", digits: str | None = None):
        super().__init__()
        self.normalizer = Normalizer(tier, digits=digits)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for document in data:
            with self.track_time():
                document.text = self.normalizer(document.text)
            self.stat_update("normalized")
            yield document


class SoraniLanguageFilter(BaseFilter):
    """Keep documents identified as ``keep`` (default Sorani) with at least ``min_score``; the label and
    score go into the metadata, and a dropped document's reason is ``lang:<label>``."""

    name = "🌍 sorani language ID"

    def __init__(self, keep: str | tuple[str, ...] = ("ckb",), min_score: float = 0.3, exclusion_writer=None):
        super().__init__(exclusion_writer)
        from ..errors import ConfigError
        from ..langid import LABELS_DOC

        keep = (keep,) if isinstance(keep, str) else keep  # one label, not the set of its letters
        if not isinstance(keep, (tuple, list, set, frozenset)) or not keep or not all(
                isinstance(label, str) for label in keep):
            raise ConfigError(f"keep must be a label or labels such as 'ckb', not {keep!r}")
        unknown = [label for label in keep if label not in LABELS_DOC]
        if unknown:  # a misspelt label would drop every document
            raise ConfigError(f"keep: unknown label {unknown[0]!r}; choose from {', '.join(LABELS_DOC)}")
        if isinstance(min_score, bool) or not isinstance(min_score, (int, float)) or not 0 <= min_score <= 1:
            raise ConfigError(f"min_score must be a number between 0 and 1, not {min_score!r}")
        self.keep = set(keep)
        self.min_score = min_score

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        prediction = identify(doc.text[:2000])
        doc.metadata["language"] = prediction.label
        doc.metadata["language_score"] = prediction.score
        if prediction.label in self.keep and prediction.score >= self.min_score:
            return True
        return False, f"lang:{prediction.label}"


class SoraniQualityFilter(BaseFilter):
    """The corpus pipeline's Sorani-aware quality rules (see ``sorani.corpus.config.QualityConfig``)."""

    name = "🥇 sorani quality"

    def __init__(self, exclusion_writer=None, **thresholds):
        super().__init__(exclusion_writer)
        from ..corpus.config import Config, from_dict

        self.config = from_dict({"quality": thresholds}) if thresholds else Config()

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        from ..corpus.stages import quality_failure, quality_signals

        signals = quality_signals(doc.text)
        doc.metadata["sorani_quality"] = signals
        failure = quality_failure(signals, self.config)
        return (False, f"quality:{failure}") if failure else True
