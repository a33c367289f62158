"""sorani: fast, correct text processing for Central Kurdish (Sorani, ckb).

>>> import sorani
>>> sorani.normalize("هێزێكی")
'هێزێکی'
"""

from ._version import RULES_VERSION, __version__
from .collation import sort_key, sorted_words
from .dates import DateSpan, find_dates
from .errors import SoraniError
from .kurdish_calendar import gregorian_to_kurdish, kurdish_to_gregorian
from .langid import LanguageSpan, Prediction, identify, identify_spans
from .legacy import decode_legacy, detect_legacy
from .morphology import Analysis, Morpheme, analyze, lemmatize, segment, stem
from .normalizer import Alignment, Normalizer, normalize
from .numbers import NumberSpan, find_numbers, number_to_words, words_to_number
from .stoplists import stopwords
from .repair import repair_text
from .tokenizer import Token, sentence_spans, sentences, tokenize
from .translit import transliterate

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
    "number_to_words",
    "words_to_number",
    "find_numbers",
    "NumberSpan",
    "find_dates",
    "DateSpan",
    "kurdish_to_gregorian",
    "gregorian_to_kurdish",
    "sort_key",
    "sorted_words",
    "stopwords",
    "identify",
    "identify_spans",
    "Prediction",
    "LanguageSpan",
    "transliterate",
    "detect_legacy",
    "decode_legacy",
    "analyze",
    "lemmatize",
    "segment",
    "stem",
    "Analysis",
    "Morpheme",
]
