"""``find_trials``: runs the fixed patterns, the lexicon and the context readers, then adds other
uses of a name read from context and short forms defined after a name, and resolves overlaps."""

from __future__ import annotations

import re
from collections.abc import Iterable

from her2mine.extract.drugs import is_sponsor_code
from her2mine.extract.fastre import START, finditer_at, literal_starts, whole_word_spans
from her2mine.extract.hits import Hit, resolve_longest_first
from her2mine.extract.lexicon import TrialLexicon, starts_finder
from her2mine.extract.trials.context import (
    _bracketed_names,
    _context_matches,
    _coordinated_names,
    _programme_word_start,
)
from her2mine.extract.trials.families import (
    _FAMILIES,
    _FAMILY_WORDS,
    _REGISTRY,
    _REGISTRY_WORDS,
    _acronyms_after_group_ids,
    _bare_alliance,
    _group_numbers_alone,
    _hit,
    _performance_score,
    _year_after_group,
)
from her2mine.extract.trials.names import (
    _ACRONYM,
    _abbreviates,
    _coined_mixed_case,
    _context_name,
    _never_a_trial_name,
    _trial_number,
)
from her2mine.extract.trials.rarer import _rarer_shaped_names
from her2mine.extract.trials.readers import noun_words
from her2mine.extract.trials.registries import registry_names
from her2mine.extract.trials.study_numbers import (
    group_numbers_enrolling,
    numbers_after_noun,
    study_group_numbers,
)
from her2mine.extract.trials.titles import (
    _named_after_report,
    _title_bracket_tail,
    _title_design_phrase,
    _title_lead,
    _title_lead_with_id,
    _title_middle_names,
    _title_report_tail,
    _title_tail,
)


def _word_starts(lex: TrialLexicon) -> re.Pattern[str]:
    """``starts_finder`` of ``start_words(lex)``, built once per lexicon: one pass over the text
    instead of ``str.find`` per word (40 of them)."""
    if lex.starts is None:
        lex.starts = starts_finder(start_words(lex))
    return lex.starts


def start_words(lex: TrialLexicon) -> list[str]:
    """Every literal a registry id, a family name or (when the lexicon scan can use them) a
    lexicon name starts with: ``find_trials`` only tries its patterns where one occurs."""
    return [*_REGISTRY_WORDS, *_FAMILY_WORDS, *lex.terms.start_words]


def find_trials(
    text: str,
    lex: TrialLexicon,
    registry_ids: Iterable[str] = (),
    starts: list[int] | None = None,
) -> list[Hit]:
    """Named trials and registry ids in ``text``; DataBankList ids come without offsets.
    ``starts``: sorted offsets that include every occurrence of ``start_words(lex)``, if the
    caller has them (one scan can find those of other words too)."""
    if starts is None:
        starts = list(map(START, _word_starts(lex).finditer(text)))
    # "EudraCT 2015-..." alone: its number starts 8 characters after "EudraCT"
    eudract = [i + 8 for i in starts if text.startswith("EudraCT", i)]
    registry = sorted(starts + eudract) if eudract else starts
    hits = [_hit(m, "rules") for m in finditer_at(_REGISTRY, text, registry)]
    family = [_hit(m, "rules") for m in finditer_at(_FAMILIES, text, starts)]
    family = [h for h in family if not _year_after_group(h.text)]
    hits += [h for h in family if not _performance_score(h.text) and not _bare_alliance(h.text)]
    spans = lex.terms.spans(text, starts)
    hits += [Hit("trial", a, b, text[a:b], text[a:b], [], "rules") for a, b in spans]
    hits += _group_numbers_alone(text, hits)
    after_ids = _acronyms_after_group_ids(text, family)
    hits += after_ids
    context = _named_by_context(text)
    hits += context
    if context or after_ids:
        hits += _other_uses(text, context + after_ids)
    hits += _short_forms(text, hits)
    hits = resolve_longest_first(hits)
    seen = {h.canonical for h in hits}
    for rid in registry_ids:
        rid = rid.strip()
        if rid and rid not in seen:
            seen.add(rid)
            hits.append(Hit("trial", -1, -1, rid, rid, [], "databank"))
    return hits


def _named_by_context(text: str) -> list[Hit]:
    hits = _title_lead(text) + _title_tail(text) + _title_bracket_tail(text)
    hits += _title_report_tail(text) + _title_design_phrase(text) + _named_after_report(text)
    hits += _title_lead_with_id(text) + _title_middle_names(text)
    found = literal_starts(text, ("trial", "study"))  # (one scan for both readers)
    nouns = noun_words(text, found)  # (the nouns standing as words, tested once)
    for m in _context_matches(text, found, nouns):
        name = m.group(1)
        if _trial_number(name) or _context_name(name):
            start = _programme_word_start(text, m.start(1), name)
            name = text[start : m.end(1)]
            hits.append(Hit("trial", start, m.end(1), name, name, [], "rules"))
    hits += _rarer_shaped_names(text, found, nouns)
    hits += _coordinated_names(text) + _bracketed_names(text)
    # Round 64c: named registries, study numbers after the noun or enrolling patients
    hits += registry_names(text) + group_numbers_enrolling(text)
    hits += study_group_numbers(text)  # round 97c: "The M77001 Study Group"
    if nouns:
        hits += numbers_after_noun(text, nouns)
    return [h for h in hits if not _never_a_trial_name(h.text)]


def _other_uses(text: str, named: list[Hit]) -> list[Hit]:
    """The other whole-word uses of each name in capitals the context calls a trial: once the
    title reads "the TOUCH trial", "TOUCH evaluated ..." and "In TOUCH, ..." mention it too. A
    sponsor's drug code ("the MCLA-128 study") may name the drug elsewhere, so its uses are not
    read. A coined mixed-case name ("PeRiDoT", "NeoSTAR") recurs as well; other lower case
    ("Patients") is no name to look for."""
    out = []
    at = {h.start for h in named}
    for name in {h.canonical for h in named}:
        if is_sponsor_code(name) or (
            any(c.islower() for c in name) and not _coined_mixed_case(name)
        ):
            continue
        word = name.isalpha()
        out += [
            Hit("trial", a, b, name, name, [], "rules")
            for a, b in whole_word_spans(text, name)
            if a not in at
            and not _LONGER_NAME.match(text, b)
            and not (word and _PEOPLE.match(text, b))
        ]
    return out


# "ELDERLY patients": a name that is a plain word, in capitals before a noun for the people
# treated, is that word used as an adjective, no mention of the trial (read in ``_other_uses``
# only for a name of letters alone: "HER2CLIMB patients", "NSABP B-31 patients" stay mentions).
_PEOPLE = re.compile(r"[ \t]+(?:patients|women|men|people|persons|subjects|adults|individuals)\b")


# A use that goes on with a hyphen and a number or word is another trial's longer name: after
# "the HERMES trial", "HERMES-2 enrolled ..." is HERMES-2, no mention of HERMES.
_LONGER_NAME = re.compile(r"-[A-Za-z0-9]")


# "DESTINY-Breast03 (DB-03)", "HER2CLIMB-02 (HC-02)": a short form the text defines for a trial
# right after its name stands for that trial there and wherever the text uses it later.
_SHORT_FORM = re.compile(rf"[ \t]*\(({_ACRONYM})\)")


def _short_forms(text: str, hits: list[Hit]) -> list[Hit]:
    """Mentions of the short form in brackets right after a trial's name, if it abbreviates that
    name (two capitals or more, its letters and digits in the name's order, the first one the
    name's first: "NSABP B-31 (Alliance)", "EMILIA (T-DM1)" define none): at the definition
    and at each later whole-word use, each with the trial's own name as canonical (so the
    trials list names the trial once)."""
    out = []
    for h in hits:
        if text.find("(", h.end, h.end + 3) < 0:
            continue
        m = _SHORT_FORM.match(text, h.end)
        if m is not None and _abbreviates(m.group(1), h.text):
            short = m.group(1)
            later = [a for a, _ in whole_word_spans(text, short) if a > m.end()]
            out += [
                Hit("trial", a, a + len(short), short, h.canonical, [], "rules")
                for a in [m.start(1), *later]
            ]
    return out
