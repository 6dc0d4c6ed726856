"""Held-out round 10h: readings other agents left open (second-line, prior-therapy-heavy texts).

A drug named as an example of a prior therapy ("previously treated with a HER2-directed ADC such
as trastuzumab deruxtecan") took the value as its arm; a backbone written after the
alternatives ("lapatinib (L), trastuzumab (T), or both (LT) with weekly paclitaxel") gave every
value the arm lapatinib+trastuzumab; "Beamion LUNG-1" was read as the trial "LUNG-1"; an
any-grade event in a ";" clause of its own took the grade >=3 qualifier of the clause before;
a bracket with a brand and a dose ("inetetamab (Cipterbin, 2 mg/kg) plus vinorelbine") broke
the regimen.
"""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, registry_of, trials_in


def _codes(nlp, text: str) -> list[tuple[str, float]]:
    ex = extract_text(nlp, text)
    return [(o.endpoint, o.value) for o in ex.outcomes]


def _arms(nlp, text: str) -> list[list[str]]:
    return [a.drugs for a in registry_of(nlp, text).arms]


ZONGERTINIB = (
    "Zongertinib in HER2-mutant NSCLC\n\n"
    "In phase 1b, patients with pretreated HER2-mutant non-small-cell lung cancer were randomly "
    "assigned to zongertinib 120 mg or 240 mg once daily. In the cohort of patients previously "
    "treated with platinum-based chemotherapy, the objective response rate was 71% with "
    "zongertinib 120 mg. Among patients previously treated with a HER2-directed antibody-drug "
    "conjugate such as trastuzumab deruxtecan, the objective response rate was 48%. Grade 3 or "
    "higher drug-related adverse events occurred in 17% of patients; diarrhoea occurred in 56%, "
    "mostly grade 1."
)


def test_a_drug_named_as_an_example_of_a_prior_therapy_is_no_arm(nlp):
    # Before: 48% went to trastuzumab deruxtecan, the example of the prior ADC class (the
    # "previously" phrase reached only 40 characters, short of the class's long name).
    arms = arms_of(nlp, ZONGERTINIB)
    assert arms[71.0] == "zongertinib"
    assert arms[48.0] is None


def test_examples_after_long_prior_therapy_classes_are_no_arms(nlp):
    # Before: 40% went to trastuzumab emtansine, 6.1 to trastuzumab+trastuzumab emtansine.
    lead = "Title\n\nIn this single-arm phase 2 study, patients received zongertinib 120 mg daily. "
    assert arms_of(
        nlp,
        lead + "In patients who had progressed on at least two lines of HER2-directed therapy "
        "including trastuzumab emtansine, the ORR was 40%.",
    ) == {40.0: None}
    assert arms_of(
        nlp,
        lead + "In patients whose disease was refractory to two or more lines of anti-HER2 "
        "therapy, namely trastuzumab and T-DM1, median PFS was 6.1 months.",
    ) == {6.1: None}


def test_an_example_of_a_partner_drug_stays_in_the_arm(nlp):
    # Negative: no prior phrase before the class ("each with a taxane such as paclitaxel").
    text = (
        "Title\n\nPatients were randomly assigned to lapatinib or trastuzumab, each with a taxane "
        "such as paclitaxel. PFS was 8.8 months with lapatinib and 11.4 months with trastuzumab."
    )
    assert arms_of(nlp, text) == {8.8: "lapatinib+paclitaxel", 11.4: "paclitaxel+trastuzumab"}


NEOALTTO = (
    "Lapatinib with trastuzumab for HER2-positive early breast cancer (NeoALTTO)\n\n"
    "Women with HER2-positive primary breast cancer were randomly assigned to lapatinib (L), "
    "trastuzumab (T), or both (LT) with weekly paclitaxel for 12 weeks before surgery. pCR rate "
    "was significantly higher in the LT group (51.3%; 95% CI 43.1-59.5) than in the T group "
    "(29.5%; 22.4-37.5; p=0.0001). No significant difference in pCR was recorded between the L "
    "group (24.7%; 18.1-32.3) and the T group (p=0.34)."
)


def test_a_backbone_after_the_alternatives_and_or_both_joins_every_arm(nlp):
    # Before: the arms were lapatinib+trastuzumab and paclitaxel; 51.3 went to
    # lapatinib+trastuzumab, 29.5 to trastuzumab and 24.7 to lapatinib (no backbone).
    assert arms_of(nlp, NEOALTTO) == {
        51.3: "lapatinib+paclitaxel+trastuzumab",
        29.5: "paclitaxel+trastuzumab",
        24.7: "lapatinib+paclitaxel",
    }


def test_or_both_without_brackets_makes_three_arms_with_the_backbone(nlp):
    # Before: "lapatinib, trastuzumab" (and "paclitaxel with trastuzumab, lapatinib") was one
    # regimen: the comma list before "or both" was not read as alternatives.
    three = [
        ["lapatinib", "paclitaxel"],
        ["paclitaxel", "trastuzumab"],
        ["lapatinib", "paclitaxel", "trastuzumab"],
    ]
    after = (
        "Title\n\nPatients were randomly assigned to lapatinib, trastuzumab, or both with weekly "
        "paclitaxel for 12 weeks."
    )
    before = (
        "Title\n\nPatients were randomly assigned to weekly paclitaxel with trastuzumab, "
        "lapatinib, or both for 12 weeks."
    )
    assert sorted(_arms(nlp, after)) == sorted(three)
    assert sorted(_arms(nlp, before)) == sorted(three)


def test_a_partner_after_an_or_list_without_both_is_shared_only_by_one_role(nlp):
    # Round 37: without "or both", "A or B with C" shares C when A and B are single drugs of
    # one role (as after "X or placebo"); else C stays with B as written.
    text = (
        "Title\n\nPatients were randomly assigned to lapatinib or trastuzumab with weekly "
        "paclitaxel for 12 weeks."
    )
    assert _arms(nlp, text) == [["lapatinib", "paclitaxel"], ["paclitaxel", "trastuzumab"]]
    # Negative: an ADC is no choice of the antibody's role (it carries its own payload).
    adc = text.replace("lapatinib or", "trastuzumab emtansine or")
    assert _arms(nlp, adc) == [["trastuzumab emtansine"], ["paclitaxel", "trastuzumab"]]


def test_a_programme_word_before_a_capitals_name_with_a_number_is_part_of_it():
    # Before: "LUNG-1", half of the trial's name.
    text = "Methods: In Beamion LUNG-1 (NCT04886804), patients received zongertinib."
    assert trials_in(text) == ["Beamion LUNG-1", "NCT04886804"]
    # Negative: a section heading before the name is no part of it.
    assert trials_in("Methods LUNG-1 (NCT04886804) enrolled 100 patients.") == [
        "LUNG-1",
        "NCT04886804",
    ]


def test_an_event_with_a_verb_of_its_own_after_a_semicolon_is_any_grade(nlp):
    # Before: 56% was AE_G3 (the qualifier of the clause before the ";").
    assert _codes(nlp, ZONGERTINIB)[-2:] == [("AE_G3", 17.0), ("AE", 56.0)]
    text = "Title\n\nGrade ≥3 diarrhoea occurred in 12%; diarrhoea occurred in 56%, mostly grade 1."
    assert _codes(nlp, text) == [("AE_G3", 12.0), ("AE", 56.0)]


def test_a_grade_heading_still_reaches_the_items_after_a_semicolon(nlp):
    # Negative: a heading list gives no item a verb of its own.
    text = "Title\n\nGrade ≥3 adverse events: neutropenia 20%; diarrhoea 10%."
    assert _codes(nlp, text) == [("AE_G3", 20.0), ("AE_G3", 10.0)]


def test_a_bracket_with_a_brand_and_a_dose_does_not_break_the_regimen(nlp):
    # Before: 38.5 went to vinorelbine alone.
    text = (
        "Title\n\nIn a separate exploratory cohort, inetetamab (Cipterbin, 2 mg/kg) plus "
        "vinorelbine achieved an objective response rate of 38.5%."
    )
    assert arms_of(nlp, text) == {38.5: "inetetamab+vinorelbine"}


def test_a_bracket_with_a_brand_and_a_result_still_breaks_the_regimen(nlp):
    # Negative: a result in the bracket ("%") closes the regimen before it.
    text = (
        "Title\n\nPatients were randomly assigned to trastuzumab (Herceptin, 36%) or lapatinib. "
        "PFS was 8.8 months with trastuzumab and 6.1 months with lapatinib."
    )
    assert arms_of(nlp, text) == {8.8: "trastuzumab", 6.1: "lapatinib"}
