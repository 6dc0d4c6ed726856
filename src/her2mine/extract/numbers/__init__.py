"""Numeric results in a sentence: medians, rates, hazard/odds ratios, their 95% CIs and P values.

Pure functions over the text, covering the journal styles seen in oncology abstracts:
NEJM ``0.62; 95% CI, 0.51 to 0.75; P<0.001``, Lancet ``0·36 [95% CI 0·28–0·45]; p<0·0001``,
JCO ``P < .001``, ``(HR, 0.28; 95% CI, 0.22-0.37)``, ``hazard ratio for progression or death,
0.50``, ``18.5 vs 12.4 months``, ``not reached``/``NR``. Offsets always refer to the input text.

Modules (name — what it holds — imports from), lowest first:

- patterns — number atoms, CI / P / ratio-key patterns, units, "just before" guards — (none)
- value — ``Value``, one numeric result — (none)
- folding — typography, month "m", superscript and decimal-comma folds; ``to_float``,
  ``normalise_p``, unit names — (none)
- atoms — the number atoms that may be values and the guards that say one is none — folding,
  patterns
- ratio_lists — gaps between listed ratios, ``LIST_JOIN`` — folding, patterns
- attach — the CI and P attached to a value — folding, patterns, ratio_lists, value
- ratios — hazard and odds ratios: keys, scales, margins, bare and listed ratios — atoms,
  attach, folding, patterns, ratio_lists, value
- times_rates — medians and rates, and why a time or percentage is none — folding, patterns,
  ratios, value
- units — table-header units and units inherited from the next value — folding, patterns,
  times_rates, value
- pairs — pair marks, NR units, shared and moved P values, ``closed_between`` — folding,
  patterns, units, value
- parse — ``parse_values``, the entry point — atoms, attach, pairs, patterns, ratios,
  times_rates, units, value
"""

from __future__ import annotations

from her2mine.extract.numbers.atoms import is_subgroup_p
from her2mine.extract.numbers.folding import fold_superscripts, fold_typography, normalise_p
from her2mine.extract.numbers.pairs import closed_between
from her2mine.extract.numbers.parse import parse_values
from her2mine.extract.numbers.patterns import (
    _KEY_RE,
    DECIMAL,
    P_WORD,
    p_matches,
    ratio_candidates,
)
from her2mine.extract.numbers.ratio_lists import LIST_JOIN
from her2mine.extract.numbers.value import Value

__all__ = [
    "DECIMAL",
    "LIST_JOIN",
    "P_WORD",
    "_KEY_RE",
    "Value",
    "closed_between",
    "fold_superscripts",
    "fold_typography",
    "is_subgroup_p",
    "normalise_p",
    "p_matches",
    "parse_values",
    "ratio_candidates",
]
