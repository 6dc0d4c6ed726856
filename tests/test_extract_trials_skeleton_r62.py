"""Trial-reader skeleton (after pipeline 0.3.120; same outputs): the context readers of rounds 35-60
each repeated one skeleton (a trigger, a test of it, a pattern searched in a window before it or
matched at it, a test of the name, the hit). ``trials.readers.Reader`` now states each reader's
own part and ``read_matches`` runs the rest; the "trial"/"study" offsets standing as words
(``noun_words``) are found once for all readers; ``_named_after_report`` is gated on what every
name it keeps follows. Each old form is restated here and compared with the new one on every
gold text, every gold sentence and the edge cases below. Round 62d settled the forms' trigger
and group tests (the noun "trial"/"trials"/"study" as a word, the character before the blanks
at the noun, a group's bare name or shape rejected); the old forms restate those rules too."""

from __future__ import annotations

import re

import pytest
from gold_data import gold_texts

from her2mine.extract.fastre import literal_starts
from her2mine.extract.hits import Hit
from her2mine.extract.sentences import sentence_spans
from her2mine.extract.trials import context as ctx
from her2mine.extract.trials import names, rarer, titles
from her2mine.extract.trials.readers import Reader, noun_words, read_hits, read_matches

# Edge cases: each reader's shape and its near misses (plural or run-on nouns, tabs, newlines,
# group names, rejected names, names at the text's start).
_EDGES = [
    "In the randomised phase II EORTC HERON trial and the phase 3 JCOG KESTREL study, x.",
    "the EORTC NSABP trial; the EORTC HERON trials; the EORTC DBCG trial; EORTC HERON trial",
    "The PELICAN (Pertuzumab Early Locally Invasive Cancer Adjuvant Neoadjuvant) trial and "
    "the HERA (n = 120) study and the KITE (Kestrel Inhibitor Trial Evaluation)\tstudy.",
    "the randomised KESTREL III trial, OSPREY V (HERON) trial, the KESTREL IV\tstudy, OSPREY X"
    " (HERxy) study",
    "the phase II KESTREL platform trial; the phase II NSABP adjuvant trial; the HER2 basket study",
    "the neoadjuvant GeparKestrel trial, the SystHERon registry, the GeparKestrel registries",
    "the Neo-heron trial, the Two-stage study, the Open-label trial; neo-heron and the "
    "Neo-heron study; the Neo-kestrel\ttrial",
    "ABCD1607 (KESTREL TEA study) enrolled; NCT0123 (KESTREL study); AB12345 (HER2 TRIAL) x",
    "the randomised KESTREL trial, the randomized NSABP trials, the phase 1a/1b Beamion LUNG-1 "
    "trial and the phase 2 Kestrel BREAST-2 study",
    "the Korean multicentre KBCSG-012 registry study; the prospective observational SAFE-HER "
    "cohort study; the randomized TROPiCS-02 trial; the randomised T1234 trial",
    "the PACS 04 trial, the phase II SOLTI-1303 PATRICIA trial, the IBCSG 55-17 TOUCH trial, "
    "this single-arm phase II study (TDM4258g), a randomised phase 3 trial (KATHERINE).",
    "a trial (HBCG-PY-05) of x; The Cancer Genome Atlas study (TCGA); the pilot trial (KESTREL "
    "01; NCT01234567); a substudy (HBCG-PY-05)",
    "the ALTAIR-2 adjuvant trial, the PANTHER basket study, the ECOG-ACRIN randomized trial, "
    "the HER2-positive adjuvant trial, the ORYX platform trials",
    "IMpassion050 was a double-blind phase 3 trial. In NeoPHOEBE, a randomised phase 2 study, "
    "x. In NSCLC, a phase 3 trial showed. In HER2-positive BCBM, a phase 2 study, x",
    "KESTREL (NCT01234567) is an open-label study; HERON\tis\ta\tpivotal trial (n = 40), and",
    "(Funded by Roche; PHEREXA ClinicalTrials.gov number, NCT01026142.) (KESTREL EudraCT number"
    ", 2015-001234-56; HERON Current Controlled Trials number, ISRCTN12345678.)",
    "KATHERINE (NCT01772472) and the APHINITY trial (NCT01358877), and (ClinicalTrials.gov "
    "NCT01234567)",
    "the TDM4450g and BO17929 studies, the NeoSphere, TRYPHAENA and PEONY trials, the adjuvant "
    "and metastatic trials",
    "two phase 1 studies (RC48-C001 and RC48-C006), two trials (ACE-Breast-01, CTR20171162; and "
    "NCT03255070), studies (HER2-positive and HER2-low)",
    "we report the final overall survival of OSPREY-5; updated results of HARRIER; final "
    "analysis of BCBM patients; the 5-year update from the KESTREL trial",
    "primary results from TROPiCS-02; final results of\tKESTREL; interim analysis of the HERON"
    "; long-term outcomes from the KESTREL cohorts; mature data of HERON-2; metadata of HERON",
    "results of KESTREL; final results of the kestrel; final results from the HER2CLIMB; "
    "extended survival of TNM; final data from CTCAE-5",
    "trial study trials studies registry",
    # near misses of the trigger tests (two blanks before the noun, a bracket the noun does not
    # close, a bracket far after it) and of the name tests (counted words, mixed case)
    "the KESTREL III  trial; the Neo-kestrel  trial; ABCD1607 (KESTREL TEA study, n = 40) x",
    "a randomised phase 3 trial    (KATHERINE) and the PART 2 trial and the COHORT 2 study",
    "the IBCSG 55-17 Kestrel trial; the SOLTI-1303 HER2-low trial; the phase 2 PART 2 trial",
    " trial\n study\tregistry (trial) study)",
]


def _texts() -> list[str]:
    """Every gold text, each gold sentence and the edge cases."""
    out = []
    for text in gold_texts():
        out += [text, *(text[a:b] for a, b in sentence_spans(text))]
    return out + _EDGES + ["Title\n\n" + e for e in _EDGES]


def _found(text: str) -> list[int]:
    return literal_starts(text, ("trial", "study"))


def _hit(m: re.Match[str], g: int = 1) -> Hit:
    return Hit("trial", m.start(g), m.end(g), m.group(g), m.group(g), [], "rules")


def _regs(matches) -> list[tuple[str, tuple]]:
    """What a reader's matches are: the pattern and every group's span."""
    return [(m.re.pattern, m.regs) for m in matches]


# --- the old forms (pipeline 0.3.120), restated --------------------------------------------------

_OLD_NOUN_OR_REGISTRY = re.compile(r"(?:trials?|study|registry)\b")


def _old_noun_at(text: str, q: int) -> bool:
    return text[q - 1 : q].isspace() and _OLD_NOUN_OR_REGISTRY.match(text, q) is not None


def _before_blanks(text: str, q: int) -> int:
    """The offset of the character before the whitespace run that ends at ``q`` (round 62d)."""
    return len(text[:q].rstrip()) - 1


def _char_before_blanks(text: str, q: int) -> str:
    i = _before_blanks(text, q)
    return text[i : i + 1] if i >= 0 else ""


def _old_named_after_group_word(text: str, found: list[int]) -> list[Hit]:
    hits = []
    for q in found:
        if not text[q - 1 : q].isspace() or ctx._NOUN_WORD.match(text, q) is None:
            continue
        m = rarer._NAME_AFTER_GROUP_WORD.search(text, max(0, q - 100), q)
        name = m.group(1) if m is not None else ""
        if m is not None and names._title_name(name) and not names._group_name(name):
            hits.append(_hit(m))
    return hits


def _old_named_before_expansion(text: str, found: list[int]) -> list[Hit]:
    hits = []
    for q in found:
        e = _before_blanks(text, q)
        if not _old_noun_at(text, q) or text[e : e + 1] != ")":
            continue
        b = text.rfind("(", max(0, q - 160), e)
        if b < 0 or text.find(")", b, e) >= 0:
            continue
        m = rarer._NAME_BEFORE_BRACKET.search(text, max(0, b - 40), b)
        if m is None or not names._acronym_name(m.group(1)):
            continue
        gloss = text[b + 1 : e].lower()
        letters = [c for c in m.group(1).lower() if c.isalpha()]
        spelled = rarer.letters_in_order(letters, gloss, rarer.starts_word(gloss)) >= 0
        if len(gloss.split()) >= 2 and spelled:
            hits.append(_hit(m))
    return hits


def _old_numeral_names(text: str, found: list[int]) -> list[Hit]:
    hits = []
    for q in found:
        if not _old_noun_at(text, q) or _char_before_blanks(text, q) not in ("I", "V", "X", ")"):
            continue
        m = rarer._NUMERAL_NAME.search(text, max(0, q - 60), q)
        if m is None or not names._title_name(m.group(1)):
            continue
        hits.append(_hit(m, 1))
        alias = m.group(2)
        if alias is not None and (
            names._acronym_name(alias) or names._numbered_mixed_case_name(alias)
        ):
            hits.append(_hit(m, 2))
    return hits


def _old_design_words_setting_names(text: str, found: list[int]) -> list[Hit]:
    hits = []
    for q in found:
        if not _old_noun_at(text, q):
            continue
        m = rarer._DESIGN_WORDS_THEN_SETTING.search(text, max(0, q - 100), q)
        if m is not None and ctx._setting_word_name(m.group(1)):
            hits.append(_hit(m, 1))
    return hits


def _old_coined_names(text: str, found: list[int]) -> list[Hit]:
    hits = []
    for q in found:
        if not _old_noun_at(text, q):
            continue
        m = rarer._COINED_BEFORE_NOUN.search(text, max(0, q - 90), q)
        if m is not None and names._coined_mixed_case(m[1]) and names._acronym_name(m[1]):
            hits.append(_hit(m, 1))
    return hits


def _old_hyphenated_names(text: str, found: list[int]) -> list[Hit]:
    hits = []
    for q in found:
        if not _old_noun_at(text, q) or not _char_before_blanks(text, q).islower():
            continue
        m = rarer._HYPHENATED_TITLE_CASE.search(text, max(0, q - 40), q)
        if m is None:
            continue
        low = m.group(1).lower()
        if low in rarer._COMMON_COMPOUNDS or low in text or names._NOT_A_NAME.fullmatch(low):
            continue
        if rarer._SUBJECT_DESIGN_WORD.fullmatch(low) is None and not rarer._descriptive_compound(
            low
        ):
            hits.append(_hit(m, 1))
    return hits


def _old_number_bracket_names(text: str, found: list[int]) -> list[Hit]:
    hits = []
    for q in found:
        if not _old_noun_at(text, q) or rarer._NOUN_CLOSES_BRACKET.match(text, q) is None:
            continue
        m = rarer._NUMBER_BEFORE_NAME.search(text, max(0, q - 60), q)
        if m is not None and names._title_name(m[2]) and not rarer.is_registry_id(m[1]):
            hits += [_hit(m, 1), _hit(m, 2)]
    return hits


def _old_rarer_shaped_names(text: str, found: list[int]) -> list[Hit]:
    hits = _old_named_after_group_word(text, found) + _old_named_before_expansion(text, found)
    hits += [
        Hit("trial", a, b, text[a:b], text[a:b], [], "rules")
        for a, b in rarer.study_number_brackets(text)
    ]
    hits += rarer._word_protocol_names(text) + rarer._observational_names(text)
    hits += _old_numeral_names(text, found) + _old_hyphenated_names(text, found)
    hits += _old_design_words_setting_names(text, found) + _old_number_bracket_names(text, found)
    if "registry" in text:
        found = literal_starts(text, ("trial", "study", "registry"))
    return hits + _old_coined_names(text, found) + rarer._data_source_short_forms(text)


def _old_named_after_design_words(text: str, found: list[int]):
    for q in found:
        if not _old_noun_at(text, q):
            continue
        m = ctx._NAME_AFTER_DESIGN_WORDS.search(text, max(0, q - 90), q)
        if m is None and _char_before_blanks(text, q).isdigit():
            m = ctx._MEMBER_AFTER_DESIGN_WORDS.search(text, max(0, q - 90), q)
        if m is not None and (
            names._title_name(m.group(1))
            or names._trial_number(m.group(1))
            or names._numbered_mixed_case_name(m.group(1))
        ):
            yield m
        elif m is None and text.find("he ", max(0, q - 90), q) >= 0:
            m = ctx._NAME_AFTER_SETTING_WORDS.search(text, max(0, q - 90), q)
            if m is not None and names._acronym_name(m.group(1)):
                yield m


def _old_named_near_design_noun(text: str, found: list[int]):
    for q in found:
        a = max(0, q - 60)
        noun = _old_noun_at(text, q)
        m = ctx._NUMBERED_NAME.search(text, a, q) if noun else None
        if m is not None and names._title_name(m.group(1).split()[0]):
            yield m
        m = ctx._NAME_AFTER_GROUP_ID.search(text, a, q) if noun else None
        if m is not None and names._title_name(m.group(1)):
            yield m
        bracket = text[q + 5 :].lstrip(" \t").startswith("(")
        m = ctx._BRACKET_AFTER_NOUN.match(text, q) if bracket else None
        if m is not None and ctx._bracket_names_trial(text, m.group(1), a, q):
            yield m


def _old_named_as_subject(text: str, found: list[int]):
    for q in found:
        if not _old_noun_at(text, q):
            continue
        window = text[max(0, q - 120) : q]
        if " a " not in window and " an " not in window and "\t" not in window:
            continue
        if ctx._SUBJECT_TAIL.search(text, max(0, q - 120), q) is None:
            continue
        m = ctx._NAME_AS_SUBJECT.search(text, max(0, q - 120), q)
        if m is None or not names._acronym_name(m.group(1)):
            continue
        if m.group(2) is None or ctx._appositive_head(text, q, m.start(1)):
            yield m


def _old_named_before_setting_word(text: str, found: list[int]):
    for q in found:
        if not text[q - 1 : q].isspace():
            continue
        m = ctx._NAME_BEFORE_SETTING_WORD.search(text, max(0, q - 60), q)
        if m is None or ctx._NOUN_WORD.match(text, q) is None:
            continue
        if ctx._setting_word_name(m.group(1)):
            yield m


def _old_named_before_registration(text: str):
    for i in literal_starts(text, ctx._REGISTRATION_WORDS):
        m = ctx._NAME_BEFORE_REGISTRATION.search(text, max(0, i - 60), i)
        if m is not None:
            yield m


def _old_context_matches(text: str):
    the, title = ctx._CONTEXT_PATTERNS
    found = _found(text)
    starts = ctx._the_candidates(text, found)
    yield from ctx.finditer_at(the, text, starts)
    if "HER2" in text or "ERBB2" in text:
        yield from ctx._subtype_named(text, starts)
    if "):" in text:
        yield from title.finditer(text)
    yield from _old_named_before_registration(text)
    yield from _old_named_after_design_words(text, found)
    yield from _old_named_near_design_noun(text, found)
    yield from _old_named_as_subject(text, found)
    yield from _old_named_before_setting_word(text, found)
    if "(NCT" not in text and "(ClinicalTrials.gov" not in text:
        return
    brackets = [b.start() for b in ctx._NCT_BRACKET.finditer(text)]
    for pattern in ctx._NAME_BEFORE:
        for b in brackets:
            m = pattern.search(text, max(0, b - 120), b)
            if m:
                yield m


def _old_coordinated_names(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for q in literal_starts(text, ("trials", "studies")):
        m = ctx._COORDINATED.search(text, max(0, q - 150), q)
        if m is None:
            continue
        items = [
            i
            for i in ctx._COORDINATED_ITEM.finditer(text, m.start(1), m.end(1))
            if i.group(0) not in ctx._COORDINATED_WORDS
        ]
        if all(names._trial_number(i[0]) or names._context_name(i[0]) for i in items):
            hits += [_hit(i, 0) for i in items]
    return hits


def _old_bracketed_names(text: str) -> list[Hit]:
    hits: list[Hit] = []
    if "(" not in text:
        return hits
    for q in literal_starts(text, ("trials", "studies")):
        m = ctx._BRACKETED_COORDINATED.match(text, q)
        if m is None:
            continue
        items = [
            i
            for i in ctx._COORDINATED_ITEM.finditer(text, m.start(1), m.end(1))
            if i.group(0) not in ctx._COORDINATED_WORDS
        ]
        ns = [i.group(0) for i in items]
        if not any(names._protocol_number(n) or ctx.is_registry_id(n) for n in ns):
            continue
        if all(
            names._protocol_number(n) or names._numbered_name(n) or ctx.is_registry_id(n)
            for n in ns
        ):
            hits += [_hit(i, 0) for i in items if not ctx.is_registry_id(i.group(0))]
    return hits


def _old_named_after_report(text: str) -> list[Hit]:
    hits = []
    for q in literal_starts(text, titles._REPORT_NOUNS):
        m = titles._REPORT_OF_NAME.match(text, q)
        if m is None or titles._REPORT_QUALIFIED.search(text, max(0, q - 40), q) is None:
            continue
        name = m.group(1)
        if not (names._title_name(name) or names._numbered_mixed_case_name(name)):
            continue
        if titles._NOUN_AFTER.match(text, m.end(1)) is None:
            hits.append(_hit(m))
    return hits


# --- equivalence ---------------------------------------------------------------------------------


def _nouns(text: str) -> list[int]:
    return noun_words(text, _found(text))


def _nouns_and_registries(text: str) -> list[int]:
    return noun_words(text, literal_starts(text, ("trial", "study", "registry")))


_HIT_READERS = {
    "group word": (
        lambda t: read_hits((rarer._AFTER_GROUP_WORD,), t, _nouns(t)),
        lambda t: _old_named_after_group_word(t, _found(t)),
    ),
    "expansion": (
        lambda t: rarer._named_before_expansion(t, _nouns(t)),
        lambda t: _old_named_before_expansion(t, _found(t)),
    ),
    "numeral": (
        lambda t: rarer._numeral_names(t, _nouns(t)),
        lambda t: _old_numeral_names(t, _found(t)),
    ),
    "design words, setting": (
        lambda t: read_hits((rarer._DESIGN_WORDS_SETTING,), t, _nouns(t)),
        lambda t: _old_design_words_setting_names(t, _found(t)),
    ),
    "coined": (
        lambda t: read_hits((rarer._COINED,), t, _nouns_and_registries(t)),
        lambda t: _old_coined_names(t, literal_starts(t, ("trial", "study", "registry"))),
    ),
    "hyphenated": (
        lambda t: read_hits((rarer._HYPHENATED,), t, _nouns(t)),
        lambda t: _old_hyphenated_names(t, _found(t)),
    ),
    "number bracket": (
        lambda t: rarer._number_bracket_names(t, _nouns(t)),
        lambda t: _old_number_bracket_names(t, _found(t)),
    ),
    "rarer shapes": (
        lambda t: rarer._rarer_shaped_names(t, _found(t)),
        lambda t: _old_rarer_shaped_names(t, _found(t)),
    ),
    "coordinated": (ctx._coordinated_names, _old_coordinated_names),
    "bracketed": (ctx._bracketed_names, _old_bracketed_names),
    "after report": (titles._named_after_report, _old_named_after_report),
}

_MATCH_READERS = {
    "design words": (
        lambda t: ctx._named_after_design_words(t, _nouns(t)),
        lambda t: _old_named_after_design_words(t, _found(t)),
    ),
    "near design noun": (
        lambda t: ctx._named_near_design_noun(t, _found(t)),
        lambda t: _old_named_near_design_noun(t, _found(t)),
    ),
    "subject": (
        lambda t: ctx._named_as_subject(t, _nouns(t)),
        lambda t: _old_named_as_subject(t, _found(t)),
    ),
    "setting word": (
        lambda t: ctx._named_before_setting_word(t, _found(t)),
        lambda t: _old_named_before_setting_word(t, _found(t)),
    ),
    "registration": (ctx._named_before_registration, _old_named_before_registration),
    "context matches": (ctx._context_matches, _old_context_matches),
    "context matches, offsets given": (
        lambda t: ctx._context_matches(t, _found(t), _nouns(t)),
        _old_context_matches,
    ),
}


@pytest.mark.parametrize("reader", sorted(_HIT_READERS))
def test_hit_readers_equal_their_old_forms(reader):
    """Each reader that builds hits gives the old form's hits, in order, on every gold text and
    sentence and every edge case (and finds some)."""
    new, old = _HIT_READERS[reader]
    found = 0
    for text in _texts():
        want = old(text)
        assert new(text) == want, text
        found += len(want)
    assert found > 0


@pytest.mark.parametrize("reader", sorted(_MATCH_READERS))
def test_match_readers_equal_their_old_forms(reader):
    """Each reader that yields matches yields the old form's (same pattern, same groups), in
    order, on every gold text and sentence and every edge case (and finds some)."""
    new, old = _MATCH_READERS[reader]
    found = 0
    for text in _texts():
        want = _regs(old(text))
        assert _regs(new(text)) == want, text
        found += len(want)
    assert found > 0


def test_report_gate_passes_every_text_the_reader_names_from():
    """``_REPORT_NAME_GATE`` holds in every text where the ungated reader finds a name, and
    skips most gold texts (it is a gate, not a formality)."""
    named = skipped = 0
    for text in _texts():
        gated = titles._REPORT_NAME_GATE.search(text) is None
        if _old_named_after_report(text):
            named += 1
            assert not gated, text
        skipped += gated
    assert named >= 8
    assert skipped > len(_texts()) // 2


# --- the skeleton itself -------------------------------------------------------------------------

_WORD_BEFORE = re.compile(r"\b([A-Z]+)\s+\Z")
_LOWER_BEFORE = re.compile(r"\b([a-z]+)\s+\Z")


def test_read_matches_orders_by_trigger_then_reader():
    """At each trigger the readers are read in their order; triggers in theirs."""
    text = "ALPHA beta trial GAMMA delta trial"
    triggers = _found(text)
    readers = (Reader(_LOWER_BEFORE, 20), Reader(_WORD_BEFORE, 20))
    assert [m[1] for m in read_matches(readers, text, triggers)] == ["beta", "delta"]
    readers = (Reader(re.compile(r"\b([A-Z]+)\s+[a-z]+\s+\Z"), 20), Reader(_LOWER_BEFORE, 20))
    got = [m[1] for m in read_matches(readers, text, triggers)]
    assert got == ["ALPHA", "beta", "GAMMA", "delta"]


_ANY_WORD_BEFORE = re.compile(r"\b(\w+)\s+\Z")


def test_otherwise_is_read_only_where_nothing_matched():
    """A chain reads its next reader where the pattern finds nothing or the trigger test fails;
    a match its name test rejects ends the chain (negative: the next reader, which would read
    "ALPHA", is not asked once the first rejects it)."""
    chain = Reader(
        _WORD_BEFORE, 20, name=lambda name: name != "ALPHA", otherwise=Reader(_ANY_WORD_BEFORE, 20)
    )
    text = "x beta trial; ALPHA trial; GAMMA trial"
    assert [m[1] for m in read_matches((chain,), text, _found(text))] == ["beta", "GAMMA"]
    gated = Reader(_WORD_BEFORE, 20, at=lambda t, q: False, otherwise=Reader(_LOWER_BEFORE, 20))
    assert [m[1] for m in read_matches((gated,), text, _found(text))] == ["beta"]


def test_a_window_of_zero_matches_at_the_trigger():
    """With no window the pattern is matched at the trigger, not searched before it."""
    text = "HERON trial (KESTREL) trial"
    reader = Reader(re.compile(r"trial \((\w+)\)"))
    assert [m[1] for m in read_matches((reader,), text, _found(text))] == ["KESTREL"]


def test_noun_words_need_whitespace_before_and_a_word_end():
    """A noun counts where it stands as a word after whitespace: "trials" (round 62d) but not
    "trialists", "studying", "(trial" or the text's first word."""
    text = "trial x trials y trialists z studying (trial\ttrial\nstudy registry registryx"
    got = [text[q : q + 6] for q in noun_words(text, literal_starts(text, ("trial", "study")))]
    assert got == ["trials", "trial\n", "study "]
    both = literal_starts(text, ("trial", "study", "registry"))
    assert [text[q : q + 8] for q in noun_words(text, both)] == [
        "trials y",
        "trial\nst",
        "study re",
        "registry",
    ]
