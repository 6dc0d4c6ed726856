"""Short forms the text defines for drugs, regimens and drug classes.

Schwartz–Hearst pairs, direct bracket readings, "SHORT (long form)" after a lexicon short
form, "SHORT consisted of ...", and the parts of a composite short form ("TH-L").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping

from her2mine.extract.drugs.brackets import (
    _mention_letters,
    bracket_readings,
    bracketed_shorts,
    drug_mentions,
)
from her2mine.extract.drugs.codes import _sentence_of
from her2mine.extract.fastre import OPEN_BRACKET, finditer_at, literal_starts, whole_word_spans
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import DrugLexicon, load_lexicons
from her2mine.extract.numbers import DECIMAL
from her2mine.extract.regimens import CHAIN_KINDS
from her2mine.extract.sentences import join_soft_line_breaks, sentence_spans


def class_abbreviation_hits(
    text: str, hits: list[Hit], pairs: Iterable[tuple[str, int, int]]
) -> list[Hit]:
    """ "an aromatase inhibitor (AI)": every later "AI" is that class too. ``pairs``: the
    abbreviation detector's (short form, long-form start, long-form end); a pair whose long
    form is a class mention of ``hits`` defines a class short form."""
    classes = {(h.start, h.end): h for h in hits if h.kind == "class"}
    out: list[Hit] = []
    for short, ls, le in pairs:
        named = classes.get((ls, le))
        if named is None:
            continue
        for a, b in whole_word_spans(text, short):
            if not OPEN_BRACKET.fullmatch(text, le, a):  # the definition is no mention itself
                out.append(Hit("class", a, b, short, named.canonical, [], "abbreviation"))
    return out


def pairs_within_sentences(
    text: str, pairs: list[tuple[str, int, int]], sentences: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """``pairs`` without those whose long form starts in an earlier sentence than it ends in.
    The detector looks back a fixed number of tokens, so after a short title ("Pyrotinib versus
    lapatinib in ...\n\nPatients were assigned to pyrotinib plus capecitabine (pyrotinib
    group)") it aligned the letters from the title on and the label stood for every drug in
    between. A long form never runs over a sentence end, nor the title's; the letters aligned
    within the sentence would have been found there (the alignment takes the latest places), so
    dropping the pair is the detector run on the sentence alone. A line broken inside a sentence
    (a PDF copy) is no end (``join_soft_line_breaks``)."""
    starts = [s for s, _ in sentences]
    if not any(_crosses_sentence_start(starts, ls, le) for _, ls, le in pairs):
        return pairs  # (almost every text: no second list of sentences)
    starts = [s for s, _ in join_soft_line_breaks(text, sentences)]
    return [p for p in pairs if not _crosses_sentence_start(starts, p[1], p[2])]


def _crosses_sentence_start(starts: list[int], ls: int, le: int) -> bool:
    """Whether a sentence starts (``starts``, sorted) after ``ls`` and before ``le``."""
    k = bisect_right(starts, ls)
    return k < len(starts) and starts[k] < le


# "Chemotherapy plus lapatinib or trastuzumab or both in HER2-positive operable breast cancer
# (CHER-LOB)": a long form that ends in the disease abbreviates the population or names the
# trial (a title's closing bracket); the drugs it mentions on the way are not what it stands for.
_DISEASE_END = re.compile(r"(?:cancers?|carcinomas?|tumou?rs?|disease|neoplasms?)\Z", re.I)


def _ends_in_disease(text: str, end: int) -> bool:
    """Whether the long form ending at ``end`` ends with a disease word."""
    return _DISEASE_END.search(text, max(0, end - 10), end) is not None


def defined_abbreviations(
    text: str,
    hits: list[Hit],
    pairs: Iterable[tuple[str, int, int]] = (),
    consisted: list[re.Match[str]] | None = None,
    bracketed: list[tuple[int, str]] | None = None,
    readings: list[list[str] | None] | None = None,
    sentences: list[tuple[int, int]] | None = None,
    letters: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, list[str]]:
    """Short forms the text defines for drugs or regimens: short form → sorted drug list.

    ``pairs`` are (short form, long-form start, long-form end) from scispaCy's
    AbbreviationDetector; on top of it, "<drug chain> (SHORT)" is read directly because
    Schwartz–Hearst cannot align e.g. "docetaxel, trastuzumab and pertuzumab (THP)".
    ``consisted`` / ``bracketed``: ``consisted_matches(text)`` / ``bracketed_shorts(text)`` if
    the caller has them (they do not depend on ``hits``); ``readings``: ``bracket_readings``
    of ``bracketed`` for these hits, if the caller has them; ``sentences``: the text's
    sentence spans, if the caller has them; ``letters``: the drug lexicon's
    ``DrugLexicon.letters`` (the package lexicon's if None).
    """
    if letters is None:
        letters = load_lexicons().drugs.letters
    defined: dict[str, list[str]] = {}
    drug_hits = drug_mentions(hits)
    for short, ls, le in pairs:
        if _ends_in_disease(text, le) or _closes_unopened_bracket(text, ls, le):
            continue
        ls = _bracket_long_form_start(text, short, ls)
        drugs = sorted({d for h in drug_hits if ls <= h.start and h.end <= le for d in h.drugs})
        if drugs:
            defined.setdefault(short, drugs)
    bracketed = bracketed_shorts(text) if bracketed is None else bracketed
    if readings is None:
        readings = bracket_readings(text, drug_hits, bracketed, letters=letters)
    for (_, short), read in zip(bracketed, readings, strict=True):
        if read:
            defined[short] = read  # the direct "(SHORT)" reading wins
            _label_follows_reading(defined, short, read)
    _extend_earlier_shorts(drug_hits, bracketed, defined, letters)
    for m in consisted_matches(text) if consisted is None else consisted:
        short = m.group(1)
        after = [h for h in drug_hits if m.end() <= h.start <= m.end() + 120]
        if after:
            if sentences is None:
                sentences = sentence_spans(text)
            # Only the definition's own sentence: after "CNS-PFS was defined as ... or death.",
            # the next sentence's drugs ("(TUC arm ...)") define nothing.
            _, end = _sentence_of(m.end(), sentences, len(text))
            after = [h for h in after if h.start < end]
        if after:
            from her2mine.extract.regimens import group_regimens

            reg = group_regimens(text, after)[0]
            drugs = reg.drugs
            if drugs:
                defined[short] = drugs
    return defined


# The group words a Schwartz–Hearst short form may carry after the letters ("(PH group)").
_GROUP_WORDS = (" group", " arm", " groups", " arms")


def _label_follows_reading(defined: dict[str, list[str]], short: str, read: list[str]) -> None:
    """ "A (DH group) or B (PH group)": Schwartz–Hearst pairs the whole "PH group" with a long
    form reaching back over the first arm's drugs; the bracket's direct reading of "PH" is what
    the label names too."""
    for word in _GROUP_WORDS:
        if short + word in defined:
            defined[short + word] = read


# "THP (pirarubicin) 50 mg/m2 was given": a lexicon short form in capitals whose bracket right
# after it holds only a drug chain (mentions, joiners, doses) is defined by the text as those
# drugs. Schwartz–Hearst pairs it only when the short form's letters are in the long form.
_SHORT_FORM_TEXT = re.compile(r"[A-Z][A-Z0-9]{1,5}(?:-[A-Z0-9]{1,4})?")
_BRACKET_AFTER_SHORT = re.compile(r" ?\(([^()]{3,80})\)")
_CHAIN_RESIDUE = re.compile(
    rf"(?:[\s,;+/]|\b(?:and|plus|with)\b|{DECIMAL}|mg/m2|mg/m²|mg/kg|mg\b)*"
)


def long_forms_after_shorts(text: str, hits: list[Hit]) -> list[tuple[str, int, int]]:
    """(short form, long-form start, long-form end) for each lexicon short form (``hits``,
    sorted) followed by a bracket that holds nothing but a drug chain, a drug first: "THP
    (pirarubicin)", not "HP (plus docetaxel)"."""
    pairs = []
    for k, h in enumerate(hits):
        # (the cheap tests first: a short form in capitals (``_SHORT_FORM_TEXT``) is upper
        # case, most hits are not; then a slice, no call)
        if not h.text.isupper():
            continue
        after = text[h.end : h.end + 2]
        if after[:1] != "(" and after != " (":
            continue
        if h.kind not in ("drug", "regimen") or h.text[-1:] == ")":
            continue
        m = _BRACKET_AFTER_SHORT.match(text, h.end)
        if m is None or not _SHORT_FORM_TEXT.fullmatch(h.text):
            continue
        ls, le = m.span(1)
        inner = _starting_before(hits, k + 1, le)
        if not inner or any(g.end > le or g.kind not in CHAIN_KINDS for g in inner):
            continue
        if text[ls : inner[0].start].strip():
            continue  # "HP (plus docetaxel)": a joiner first adds a drug, it defines nothing
        residue, at = [], ls
        for g in inner:
            residue.append(text[at : g.start])
            at = g.end
        residue.append(text[at:le])
        if _CHAIN_RESIDUE.fullmatch(" ".join(residue)):
            pairs.append((h.text, ls, le))
    return pairs


def _starting_before(hits: list[Hit], k: int, end: int) -> list[Hit]:
    """``[g for g in hits[k:] if g.start < end]`` for ``hits`` sorted by start: the run up to
    the first that starts at ``end`` or later (no copy and no test of the rest)."""
    out = []
    for i in range(k, len(hits)):
        g = hits[i]
        if g.start >= end:
            break
        out.append(g)
    return out


def _bracket_long_form_start(text: str, short: str, ls: int) -> int:
    """Where the long form of ``short`` starts when it is the bracket right after the short
    form: the bracket's start. The detector aligns the letters from the end and may start the
    long form on a word the first letter matches: "AC-THP (doxorubicin and cyclophosphamide
    followed by THP)" matched A to "and", which dropped doxorubicin. Else ``ls``."""
    opened = text.rfind("(", max(0, ls - 200), ls)
    if opened < 0 or text.find(")", opened, ls) >= 0:
        return ls
    if not text[:opened].rstrip().endswith(short):
        return ls
    return opened + 1


def _closes_unopened_bracket(text: str, ls: int, le: int) -> bool:
    """Whether the long form ``text[ls:le]`` closes a bracket it did not open: the detector
    ran past a label ("... (the DPH arm) or docetaxel plus trastuzumab (the DH arm)" made "the
    DPH arm) or docetaxel plus trastuzumab" the long form of "the DH arm")."""
    return text.count(")", ls, le) > text.count("(", ls, le)


def _extend_earlier_shorts(
    drug_hits: list[Hit],
    bracketed: list[tuple[int, str]],
    defined: dict[str, list[str]],
    letters: Mapping[str, frozenset[str]],
) -> None:
    """ "doxorubicin and cyclophosphamide followed by paclitaxel (AC→T) or the same chemotherapy
    with trastuzumab beginning concurrently with paclitaxel (AC→TH)": a short form that adds a
    letter or two to one bracketed before it names that regimen plus the drugs the added letters
    stand for (the nearest mention before its bracket with that letter: "H", trastuzumab); the
    chain right before the bracket may hold only the drug it is given with. Only a bracket
    that reads as drugs itself is extended, and only when its own reading names no drug beyond
    the extended one ("docetaxel and cyclophosphamide (TC) or docetaxel, carboplatin and
    trastuzumab (TCH)": TCH is read in full, its C is no cyclophosphamide)."""
    earlier: list[str] = []
    for start, short in bracketed:
        for prior in earlier:
            extra = short[len(prior) :]
            if short.startswith(prior) and 1 <= len(extra) <= 2 and extra.isalpha():
                if short not in defined:
                    break  # the bracket names no drug itself ("human papillomavirus (HPV)")
                added = _drugs_of_letters(drug_hits, start, extra.lower(), defined[prior], letters)
                extended = {*defined[prior], *added}
                if added and extended.issuperset(defined[short]):
                    defined[short] = sorted(extended)
                break
        if short in defined and short not in earlier:
            earlier.append(short)


def _drugs_of_letters(
    drug_hits: list[Hit],
    pos: int,
    added: str,
    have: list[str],
    letters: Mapping[str, frozenset[str]],
) -> list[str]:
    """For each letter of ``added``, the drug of the nearest single-drug mention in the 200
    characters before ``pos`` that the letter may name (``_mention_letters``) and that ``have``
    lacks; [] if a letter names none."""
    window = [h for h in drug_hits if pos - 200 <= h.start and h.end <= pos]
    out = []
    for c in added:
        found = next(
            (
                h.drugs[0]
                for h in reversed(window)
                if len(h.drugs) == 1
                and h.drugs[0] not in have
                and c in _mention_letters(h, letters)
            ),
            None,
        )
        if found is None:
            return []
        out.append(found)
    return out


# (round 89c: not a pronoun opening the sentence, "We included patients who started A")
_CONSISTED = re.compile(
    r"(?<![A-Za-z0-9-])(?!(?:We|It|They|This|These|Those|That)\s)([A-Z][\w\-+/]{1,11})\s+(?:consisted\s+of|consisting\s+of|comprised|"
    r"comprising|included|was\s+defined\s+as)\s+"
)


_CONSISTED_WORDS = ("consisted", "consisting", "comprised", "comprising", "included")


def consisted_matches(text: str) -> list[re.Match[str]]:
    """``_CONSISTED.finditer(text)``, trying the pattern only where a match can start: the
    capitalised word right before one of its verbs (the pattern's leading lookbehind would
    otherwise make the regex engine try every position of the text)."""
    keys = literal_starts(text, _CONSISTED_WORDS)
    for d in literal_starts(text, ("defined",)):  # "was defined as": the match holds "was"
        j = d
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j < d and text.startswith("was", j - 3):
            keys.append(j - 3)
    if not keys:
        return []
    starts: set[int] = set()
    for q in keys:
        ws = q
        while ws > 0 and text[ws - 1].isspace():
            ws -= 1
        if ws == q:
            continue  # the verb follows the word after whitespace
        # the word is [A-Z][\w\-+/]{1,11}: it starts 2-12 characters before the whitespace
        starts.update(p for p in range(max(0, ws - 12), ws - 1) if "A" <= text[p] <= "Z")
    return list(finditer_at(_CONSISTED, text, sorted(starts)))


_TAXANES = frozenset({"docetaxel", "paclitaxel", "nab-paclitaxel"})


def _spelled_out_with(text: str, short: str, drug: str) -> bool:
    """Whether the text spells ``short`` out with ``drug`` in a bracket right after it:
    "THP (docetaxel, trastuzumab and pertuzumab)"."""
    pattern = r"(?<![\w-])" + re.escape(short) + r"\s*[(\[][^()\[\]]*\b" + re.escape(drug) + r"\b"
    return re.search(pattern, text, re.I) is not None


def composite_part_definitions(
    text: str, defined: dict[str, list[str]], lex: DrugLexicon
) -> dict[str, list[str]]:
    """The text's own meaning of a lexicon regimen short form it defines only as the last part
    of a combined one: "T-DXd followed by paclitaxel, trastuzumab and pertuzumab (T-DXd-THP)"
    makes THP paclitaxel, trastuzumab and pertuzumab (the lexicon's THP holds docetaxel). Only
    when the drugs after the first part's are the lexicon's with one taxane for another, and
    the text does not define the part itself (either way round: "(THP)" or "THP (docetaxel,
    ...)")."""
    out: dict[str, list[str]] = {}
    for short, drugs in defined.items():
        head, _, tail = short.rpartition("-")
        if not head or tail in defined:
            continue
        canon = lex.lookup(tail)
        if canon is None or lex.kind.get(canon) != "regimen":
            continue
        head_canon = lex.lookup(head)
        head_drugs = defined.get(head) or (lex.expand(head_canon) if head_canon else None)
        if not head_drugs:
            continue
        rest = set(drugs) - set(head_drugs)
        usual = set(lex.expand(canon))
        swapped = rest ^ usual
        if len(swapped) == 2 and swapped <= _TAXANES and len(rest) == len(usual):
            if any(_spelled_out_with(text, tail, d) for d in swapped & usual):
                continue  # "THP (docetaxel, ...)": the text spells the part out itself
            out[tail] = sorted(rest)
        elif rest and rest < usual and usual - rest <= _TAXANES and _taxane_choice(text, short):
            out[tail] = sorted(rest)  # "a taxane (docetaxel or paclitaxel) with H and P (AC-THP)"
    return out


# Round 96c: "by a taxane (docetaxel or paclitaxel, at the investigator's choice) with
# trastuzumab and pertuzumab (AC-THP; ...)": the taxane is chosen per patient, named as
# alternatives in the definition before the combined short form's bracket.
_TAXANE_NAME = r"(?:nab-)?paclitaxel|docetaxel"
_TAXANE_OR = re.compile(rf"\b(?:{_TAXANE_NAME})\s+or\s+(?:{_TAXANE_NAME})\b", re.I)
_CHOICE_REACH = 200  # characters before the bracket the alternatives are looked for in


def _taxane_choice(text: str, short: str) -> bool:
    """Whether "<taxane> or <taxane>" stands in the ``_CHOICE_REACH`` characters before the
    bracket that defines ``short`` ("(AC-THP" or "(AC-THP;"): the text leaves the taxane out
    of the part because each patient's is chosen, not because the lexicon's is meant."""
    at = text.find("(" + short)
    while at >= 0:
        if _TAXANE_OR.search(text, max(0, at - _CHOICE_REACH), at) is not None:
            return True
        at = text.find("(" + short, at + 1)
    return False
