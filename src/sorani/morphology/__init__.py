"""Morphology: segmentation into clitics and suffixes, lemmas, stems and analyses.

>>> segment("ئەویش دەکوژم، پیاوێک هات")
['ئەو', 'یش', 'دەکوژم', '،', 'پیاو', 'ێک', 'هات']
>>> lemmatize("گوندەکان")
'گوند'
"""

from .analyzer import Analysis, Morpheme, analyze, lemmatize, segment, stem

__all__ = ["Analysis", "Morpheme", "analyze", "lemmatize", "segment", "stem"]
