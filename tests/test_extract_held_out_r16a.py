"""Held-out round 16 (a): trial acronyms closing a title in brackets, and "the control group".
"Preoperative chemotherapy plus lapatinib or trastuzumab or both in HER2-positive operable
breast cancer (CHER-LOB)": the long name spells the title's words by chance, so it was read as
a short form of lapatinib+trastuzumab (and every later "CHER-LOB" as that regimen) and not as
the trial; its "control group", which the text never defines, took the last lettered arm."""

from __future__ import annotations

from extract_helpers import arms_of, drug_texts, extract_text, trials_in

from her2mine.extract.components import _hits

CHERLOB = (
    "Preoperative chemotherapy plus lapatinib or trastuzumab or both in HER2-positive operable "
    "breast cancer (CHER-LOB)\n\n"
    "In CHER-LOB, patients with HER2-positive operable breast cancer were randomly assigned to "
    "paclitaxel for 12 weeks followed by FEC for four courses plus trastuzumab (arm A), "
    "lapatinib (arm B), or both (arm C). The primary endpoint was pathologic complete response "
    "(pCR). A total of 121 patients were randomized. The pCR rate was 46.7% in arm C and 25.0% "
    "in the control group. The CHER-LOB results support dual HER2 blockade with lapatinib plus "
    "trastuzumab in the preoperative setting."
)

PHOEBE_TITLE = (
    "Pyrotinib plus capecitabine versus lapatinib plus capecitabine for the treatment of "
    "HER2-positive metastatic breast cancer (PHOEBE): a multicentre, open-label, randomised, "
    "controlled, phase 3 trial\n\n"
    "Patients were randomly assigned (1:1) to receive pyrotinib 400 mg or lapatinib 1250 mg "
    "once daily, in combination with capecitabine. In PHOEBE, 267 patients were randomized."
)


def test_title_bracket_after_disease_is_no_drug_short_form(nlp):
    # drugs.py:_ends_in_disease: the long form ends in "breast cancer"
    assert "CHER-LOB" not in drug_texts(nlp, CHERLOB)
    assert "PHOEBE" not in drug_texts(nlp, PHOEBE_TITLE)


def test_drug_short_form_still_defined_by_its_drugs(nlp):
    # negative: a bracket right after the drugs still defines them
    text = (
        "Patients were randomly assigned to trastuzumab plus pertuzumab plus docetaxel (THP) or "
        "trastuzumab plus docetaxel. Later, THP was given for six cycles."
    )
    hits = [h for h in _hits(nlp(text)._.her2, "drugs") if h.text == "THP"]
    assert hits and sorted(hits[-1].drugs) == ["docetaxel", "pertuzumab", "trastuzumab"]


def test_title_bracket_name_spelling_title_words_but_used_as_trial(nlp):
    # trials.py:_used_as_trial_name: "In CHER-LOB," names the trial the title closes with
    assert "CHER-LOB" in trials_in(CHERLOB)
    assert "CHER-LOB" in extract_text(nlp, CHERLOB).trials


def test_title_bracket_abbreviation_not_used_as_name_is_no_trial():
    # negative: an abbreviation of the title's words, used in the text as a population
    text = (
        "Trastuzumab plus endocrine therapy in hormone receptor-positive metastatic breast "
        "cancer (HRMBC)\n\n"
        "In HRMBC patients, trastuzumab plus anastrozole prolonged progression-free survival."
    )
    assert "HRMBC" not in trials_in(text)


def test_control_group_of_lettered_arms_is_not_the_last_arm(nlp):
    # arms.py:_order_names_control: three lettered arms, none called control
    arms = arms_of(nlp, CHERLOB)
    assert arms[25.0] is None


def test_control_arm_of_two_arm_design_is_still_the_last(nlp):
    # negative: "A versus B" of two arms: the control is B
    text = (
        "Patients were randomly assigned to trastuzumab emtansine plus pertuzumab (arm A) or "
        "docetaxel, carboplatin, trastuzumab and pertuzumab (arm B). A pathological complete "
        "response was achieved by 44.4% of patients in arm A and 55.7% of patients in the "
        "control arm (P = 0.016)."
    )
    arms = arms_of(nlp, text)
    assert arms[44.4] == "pertuzumab+trastuzumab emtansine"
    assert arms[55.7] == "carboplatin+docetaxel+pertuzumab+trastuzumab"
