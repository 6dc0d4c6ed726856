"""Trial recognition: the trial lexicon, name patterns and registry ids, kept as written.

Modules (name — what it holds — imports from):

- names — name shapes: acronyms, study/protocol numbers, coined mixed case, words that are no
  name, short forms that abbreviate a name — (none in the package)
- families — registry ids, name families, cooperative groups' numbers and the acronyms
  bracketed after them — names
- readers — the skeleton the context readers share: ``Reader`` (a reader's own pattern, window,
  trigger and name tests), ``read_matches``/``read_hits`` (the rest), ``noun_words``/
  ``noun_at`` (the "trial"/"trials"/"study"/"registry" offsets standing as words),
  ``blanks_start``/``after_blanks`` (trigger tests read past blanks) — names
- context — names read around "trial"/"study" ("the NAME trial", design words, brackets,
  subjects, registration notes, coordinated names, programme words) — names, families, readers
- titles — names read from the title and from report nouns — names, context, readers
- rarer — names of rarer shapes (rounds 59b, 60c) — names, families, context, readers
- registries — named registries ("the KESTREL registry", "KESTREL is a prospective
  registry"; round 64c) — names, context, readers
- study_numbers — a group's study number without its group, after the noun ("the Alliance
  trial A011202") or enrolling patients ("In S1613, ...", "B-47 enrolled"; round 64c) — names,
  readers
- find — ``find_trials``, ``start_words``, other uses of a name and short forms — names,
  families, context, titles, rarer, registries, study_numbers, readers
"""

from her2mine.extract.trials.families import is_registry_id
from her2mine.extract.trials.find import find_trials, start_words

__all__ = ["find_trials", "is_registry_id", "start_words"]
