"""Figures as data (contract v2): the one home of the figures vocabulary and its reading.

:mod:`.vocabulary` names every allowed unit, measure, modality and qualifier and the number
tolerance; the JSON Schema, the F rules, the recommender, the exports and the site all take
them from there (a test keeps the schema in step). :mod:`.interval` turns a figure into the
``low``/``high`` interval of its signed, scaled statistic and into words. :mod:`.cues` holds
the Chinese cue words of the annotation guideline (``site/guide/annotation.md``).
"""

from .interval import Interval, bounds, bounds_of, reading, scaled
from .vocabulary import MEASURES, MODALITIES, QUALIFIERS, RANKABLE, UNITS, close, default_modality

__all__ = ["Interval", "bounds", "bounds_of", "reading", "scaled", "MEASURES", "MODALITIES", "QUALIFIERS",
           "RANKABLE", "UNITS", "close", "default_modality"]
