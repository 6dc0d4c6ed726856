"""Read-through after rounds 58-60: a second ``_DESIGN_WORD`` in trials.py (round 59's review)
overwrote the title readers' design-word test; ``_associated_factor_ratio`` judged every ratio
by the sentence's first "associated with"; the study-number gate was stricter than its pattern;
the every-arm bracket's closing search ran past its sentence."""

from __future__ import annotations

from extract_helpers import extract_text

from her2mine.extract.drugs.codes import study_number_brackets


def _trials(nlp, text: str) -> list[str]:
    return extract_text(nlp, text).trials


def test_title_closing_name_after_a_trial_title(nlp):
    """ "A Randomized Trial of ...: KESTREL": a name closing a title whose words call it a trial."""
    text = (
        "A Randomized Trial of Pyrotinib Plus Capecitabine in HER2-Positive Breast Cancer: "
        "KESTREL\n\nPatients received pyrotinib plus capecitabine. The ORR was 40%."
    )
    assert _trials(nlp, text) == ["KESTREL"]


def test_title_closing_name_needs_a_design_word(nlp):
    """Negative: "preclinical", "uncontrolled" are no design words of a trial title."""
    text = (
        "Preclinical and uncontrolled observations of pyrotinib: KESTREL\n\nPatients received "
        "pyrotinib. The ORR was 40%."
    )
    assert _trials(nlp, text) == []


def test_code_in_a_bracket_after_a_trial_is_its_number(nlp):
    """ "In a trial (RC48-C006) of disitamab vedotin": the trial's number."""
    text = "Title\n\nIn a trial (RC48-C006) of disitamab vedotin, the ORR was 40%."
    assert _trials(nlp, text) == ["RC48-C006"]


HRS = (
    "Title\n\nPatients were randomised to docetaxel with or without trastuzumab. {first}, and "
    "{second}."
)
AGE = "higher age was associated with shorter OS (HR 1.50, 95% CI 1.10-2.00)"
ADDED = "the addition of trastuzumab was associated with longer OS (HR 0.60, 95% CI 0.45-0.80)"


def _upper_first(clause: str) -> str:
    return clause[0].upper() + clause[1:]


def _hrs(nlp, text: str) -> list[float]:
    return [o.value for o in extract_text(nlp, text).outcomes if o.measure == "HR"]


def test_each_ratio_judged_by_its_own_association(nlp):
    """The factor's HR is dropped and the treatment's kept, in either order."""
    assert _hrs(nlp, HRS.format(first=_upper_first(AGE), second=ADDED)) == [0.6]
    assert _hrs(nlp, HRS.format(first=_upper_first(ADDED), second=AGE)) == [0.6]


def test_study_number_gate_allows_the_patterns_gap():
    """ "OSPREY (ABCD1602)  was a phase 2 trial" (two spaces): the gate lets it through."""
    text = "OSPREY (ABCD1602)  was a phase 2 trial of trastuzumab."
    assert [text[a:b] for a, b in study_number_brackets(text)] == ["ABCD1602"]


def test_every_arm_bracket_closes_in_its_sentence(nlp):
    """ "in both arms (45%" with no ")" in its sentence is no every-arm bracket, whatever a
    later sentence closes."""
    text = (
        "Title\n\nPatients were randomised to docetaxel plus trastuzumab or docetaxel plus "
        "pertuzumab and trastuzumab. Alopecia was similar in both arms (45% of patients. "
        "Diarrhoea (grade 1) was mild)."
    )
    rows = [o for o in extract_text(nlp, text).outcomes if o.value == 45.0]
    assert len(rows) == 1
