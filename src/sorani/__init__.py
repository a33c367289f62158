"""sorani: fast, correct text processing for Central Kurdish (Sorani, ckb).

>>> import sorani
>>> sorani.normalize("هێزێكی")
'هێزێکی'
"""

from ._version import RULES_VERSION, __version__
from .errors import SoraniError
from .normalizer import Alignment, Normalizer, normalize
from .repair import repair_text
from .tokenizer import Token, sentence_spans, sentences, tokenize

__all__ = [
    "RULES_VERSION",
    "__version__",
    "SoraniError",
    "Alignment",
    "Normalizer",
    "normalize",
    "repair_text",
    "sentences",
    "sentence_spans",
    "Token",
    "tokenize",
]
