"""Drug recognition: lexicon terms, unseen drugs by USAN stem or sponsor code, abbreviations.

Pure functions over the text; the spaCy component in ``components.py`` only wraps them.
Precedence on overlaps: lexicon > abbreviation defined in the text > model entity > stem > code.

Modules (name — what it holds — imports from, inside this package):

- lexical — lexicon terms, dosed regimen short forms, drug classes, treatment-context and
  name-tail filters — none
- stems — unseen drugs by USAN stem, the fast stem scan, stems before a bracket — none
- codes — sponsor codes, study numbers, payload / cell-line codes, biosimilar product
  codes, short codes the text defines as a drug or doses (``short_code_hits``),
  ``_sentence_of`` — none
- brackets — bracketed short forms and the drugs each bracket reads — none
- definitions — short forms the text defines (pairs, brackets, "consisted of", composite
  parts, classes) — brackets, codes
- short_forms — mentions of defined short forms, the two definition passes, placebo short
  forms, joined parts — brackets, definitions
- letters — one-letter short forms and the standard letters "P" / "H" — none
- find — ``find_drugs`` (all passes together), ``drug_names`` — brackets, codes, definitions,
  letters, lexical, short_forms, stems
"""

from her2mine.extract.drugs.codes import is_sponsor_code, study_number_brackets
from her2mine.extract.drugs.find import find_drugs

__all__ = ["find_drugs", "is_sponsor_code", "study_number_brackets"]
