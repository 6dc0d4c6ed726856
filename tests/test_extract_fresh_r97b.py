"""Fresh round 97b, arms: a design randomised in two steps ("randomly assigned to A or B,
followed by C. ... were further assigned to receive or not to receive X": a factorial whose
backbone is C), the partner of a regimen written again at another dose ("A and B with X 320 mg
(P320 group) or X 400 mg (P400 group)": one regimen), groups that patients given a regimen
"formed", a group label written bare after "during", and the one arm named before a compared
pair whose order goes against the comparative ("more frequent with TH (11% v 23%)")."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

FEC = "cyclophosphamide+epirubicin+fluorouracil"


def _arms(nlp, text: str) -> dict[float, str | None]:
    return {r.value: r.arm for r in rows_of(nlp, text, ARM_ROW) if r.measure not in ("HR", "OR")}


# 1. A second randomisation adds a factor: each level on the shared sequence.


def test_further_assigned_to_receive_or_not_is_a_factorial_on_the_sequence(nlp):
    """The FinHer design: "A or B, followed by FEC", then "further assigned to receive or not
    to receive X": FEC is every arm's backbone, X's levels leave A and B out."""
    text = (
        "Adjuvant docetaxel or vinorelbine with or without trastuzumab for breast cancer\n\n"
        "Methods: A total of 1010 women with node-positive or high-risk node-negative cancer "
        "were randomly assigned to receive three cycles of docetaxel or vinorelbine, followed by "
        "three cycles of fluorouracil, epirubicin, and cyclophosphamide (FEC). The 232 women "
        "whose tumors had an amplified HER2 gene were further assigned to receive or not to "
        "receive nine weekly trastuzumab infusions given concomitantly with docetaxel or "
        "vinorelbine.\n"
        "Results: Recurrence-free survival at 3 years was 91.1% in the docetaxel group and 86.8% "
        "in the vinorelbine group (hazard ratio, 0.58; 95% CI, 0.40 to 0.85; P=0.005). Febrile "
        "neutropenia occurred in 21.9% of the patients who received docetaxel and in 1.4% of "
        "those who received vinorelbine. Among the women with HER2-positive cancer, those who "
        "received trastuzumab had better 3-year recurrence-free survival than those who did not "
        "(89.3% vs 77.6%; hazard ratio, 0.42; 95% CI, 0.21 to 0.83; P=0.01)."
    )
    arms = _arms(nlp, text)
    assert arms[91.1] == arms[21.9] == "cyclophosphamide+docetaxel+epirubicin+fluorouracil"
    assert arms[86.8] == arms[1.4] == "cyclophosphamide+epirubicin+fluorouracil+vinorelbine"
    assert arms[89.3] == f"{FEC}+trastuzumab"
    assert arms[77.6] == FEC


def test_further_randomised_to_x_or_no_x_after_a_sequence(nlp):
    """ "further randomized to lapatinib or no lapatinib" after "A or B, followed by EC"."""
    text = (
        "Neoadjuvant paclitaxel or nab-paclitaxel followed by EC with or without lapatinib\n\n"
        "Methods: Patients were randomly assigned to paclitaxel or nab-paclitaxel, followed by "
        "four cycles of epirubicin and cyclophosphamide. Patients with HER2-positive tumours "
        "were further randomized to lapatinib or no lapatinib.\n"
        "Results: The pCR rate was 38.0% in the nab-paclitaxel group and 29.0% in the "
        "paclitaxel group. The pCR rate was 45.0% with lapatinib and 36.0% without lapatinib."
    )
    arms = _arms(nlp, text)
    ec = "cyclophosphamide+epirubicin"
    assert arms[38.0] == f"{ec}+nab-paclitaxel"
    assert arms[29.0] == f"{ec}+paclitaxel"
    assert arms[45.0] == f"{ec}+lapatinib"
    assert arms[36.0] == ec


def test_a_second_sentence_without_further_is_read_as_before(nlp):
    """Guard: one randomisation "A or B, followed by C" and no further assignment: the
    sequence arms, as before."""
    text = (
        "Docetaxel or vinorelbine followed by FEC\n\n"
        "Methods: Women were randomly assigned to receive three cycles of docetaxel or "
        "vinorelbine, followed by three cycles of fluorouracil, epirubicin, and cyclophosphamide "
        "(FEC).\n"
        "Results: Recurrence-free survival at 3 years was 91.1% in the docetaxel group and 86.8% "
        "in the vinorelbine group."
    )
    arms = _arms(nlp, text)
    assert arms[91.1] == "cyclophosphamide+docetaxel+epirubicin+fluorouracil"
    assert arms[86.8] == "cyclophosphamide+epirubicin+fluorouracil+vinorelbine"


# 2. The partner written again at another dose: a dose arm of the whole regimen.

_DTP = "docetaxel+pyrotinib+trastuzumab"


def test_partner_at_two_doses_is_one_regimen(nlp):
    """ "docetaxel and trastuzumab every 3 weeks with pyrotinib 320 mg once daily (P320 group)
    or pyrotinib 400 mg once daily (P400 group)": both groups carry the three drugs, the
    "respectively" pair too."""
    text = (
        "Pyrotinib 320 mg versus 400 mg with docetaxel and trastuzumab\n\n"
        "Methods: Patients with HER2-positive early breast cancer were randomly assigned 1:1 to "
        "receive 6 cycles of docetaxel (75 mg/m2) and trastuzumab (8 mg/kg loading, then 6 "
        "mg/kg) every 3 weeks with pyrotinib 320 mg once daily (P320 group) or pyrotinib 400 mg "
        "once daily (P400 group).\n"
        "Results: The tpCR rates were 60.0% in the P320 group and 67.4% in the P400 group. In "
        "hormone receptor-negative patients, the tpCR rates were 75.0% and 80.8%, respectively "
        "(P=0.642). The objective response rates were 91.1% and 93.5% in the P320 and P400 "
        "groups."
    )
    assert _arms(nlp, text) == dict.fromkeys((60.0, 67.4, 75.0, 80.8, 91.1, 93.5), _DTP)


def test_partner_at_two_doses_with_lettered_arms(nlp):
    """ "paclitaxel plus trastuzumab with neratinib 160 mg daily (arm A) or neratinib 240 mg
    daily (arm B)"."""
    text = (
        "Two doses of neratinib with paclitaxel and trastuzumab\n\n"
        "Methods: Patients were randomized to paclitaxel plus trastuzumab with neratinib 160 mg "
        "daily (arm A) or neratinib 240 mg daily (arm B).\n"
        "Results: The ORR was 55.0% in arm A and 62.5% in arm B."
    )
    both = "neratinib+paclitaxel+trastuzumab"
    assert _arms(nlp, text) == {55.0: both, 62.5: both}


def test_other_drug_at_another_dose_or_alone_keeps_two_regimens(nlp):
    """Guards: "A 320 mg plus X or A 400 mg alone" and "X plus A 320 mg or A 400 mg alone"
    are two regimens as written."""
    first = (
        "Two doses of pyrotinib\n\n"
        "Methods: Patients were randomly assigned to pyrotinib 320 mg plus capecitabine (arm A) "
        "or pyrotinib 400 mg alone (arm B).\n"
        "Results: The ORR was 60.0% in arm A and 45.0% in arm B."
    )
    second = first.replace(
        "pyrotinib 320 mg plus capecitabine (arm A)", "capecitabine plus pyrotinib 320 mg (arm A)"
    )
    for text in (first, second):
        assert _arms(nlp, text) == {60.0: "capecitabine+pyrotinib", 45.0: "pyrotinib"}


# 3. Groups the patients given a regimen "formed".


def test_patients_given_a_regimen_formed_the_group(nlp):
    """ "Patients who continued A with B formed the TBP group and those given B alone formed
    the PTX group": both groups are arms; the unlabelled pair and the "respectively" pair take
    their order."""
    text = (
        "Trastuzumab beyond progression with paclitaxel: a real-world study\n\n"
        "Methods: We reviewed patients with HER2-positive metastatic breast cancer who "
        "progressed on trastuzumab. Patients who continued trastuzumab with paclitaxel formed "
        "the TBP group and those given paclitaxel alone formed the PTX group.\n"
        "Results: Median OS was 11.2 mo in the TBP group and 8.6 mo in the PTX group (HR 0.72, "
        "95% CI 0.55-0.94). Median PFS was 4.4 vs 3.6 mo (HR 0.81, 95% CI 0.63-1.04). ORR was "
        "26.3% in the TBP group and 18.1% in the PTX group (P=0.12). Grade ≥3 neutropenia "
        "occurred in 28.5% and 26.0% of pts, respectively."
    )
    tp, p = "paclitaxel+trastuzumab", "paclitaxel"
    assert _arms(nlp, text) == {
        11.2: tp, 8.6: p, 4.4: tp, 3.6: p, 26.3: tp, 18.1: p, 28.5: tp, 26.0: p
    }  # fmt: skip


def test_constituted_and_made_up_name_groups(nlp):
    """ "those treated with A constituted the combination group, and those who received B made
    up the monotherapy group"."""
    text = (
        "Pertuzumab in routine practice\n\n"
        "Methods: In this retrospective cohort, patients treated with pertuzumab plus "
        "trastuzumab constituted the dual group, and those who received trastuzumab made up the "
        "single group.\n"
        "Results: The pCR rate was 58.2% in the dual group and 41.7% in the single group."
    )
    assert _arms(nlp, text) == {58.2: "pertuzumab+trastuzumab", 41.7: "trastuzumab"}


def test_formed_without_a_group_word_names_no_group(nlp):
    """Guard: "trastuzumab plus paclitaxel formed the backbone of therapy" names no group: a
    one-regimen cohort's value stays the whole cohort's."""
    text = (
        "Trastuzumab plus paclitaxel in older women\n\n"
        "Methods: In this single-arm cohort, trastuzumab plus paclitaxel formed the backbone of "
        "therapy.\n"
        "Results: The ORR was 48.0%."
    )
    assert _arms(nlp, text) == {48.0: None}


# 4. A group label written bare after "during".

_PT, _PTP = "pertuzumab+trastuzumab", "paclitaxel+pertuzumab+trastuzumab"


def test_label_after_during_names_the_group(nlp):
    """ "in 3.3% of patients during P+T and 16.7% during P+T+Pac" in a randomised trial whose
    groups are "the P+T group" and "the P+T+Pac group"."""
    text = (
        "Paclitaxel added to pertuzumab and trastuzumab in older patients\n\n"
        "Methods: Patients aged 70 years or older were randomly assigned to trastuzumab and "
        "pertuzumab (the P+T group) or trastuzumab and pertuzumab plus weekly paclitaxel (the "
        "P+T+Pac group).\n"
        "Results: Median PFS was 12.8 months in the P+T group and 20.6 months in the P+T+Pac "
        "group. Grade 3 or 4 adverse events occurred in 3.3% of patients during P+T and 16.7% "
        "during P+T+Pac."
    )
    assert _arms(nlp, text) == {12.8: _PT, 20.6: _PTP, 3.3: _PT, 16.7: _PTP}


def test_label_after_under_names_the_group(nlp):
    """ "under Ptz-T" and "under Ptz-T-Cb" name the arms labelled so."""
    text = (
        "Carboplatin added to pertuzumab and trastuzumab\n\n"
        "Methods: Patients were randomly assigned to pertuzumab plus trastuzumab (Ptz-T arm) or "
        "pertuzumab plus trastuzumab and carboplatin (Ptz-T-Cb arm).\n"
        "Results: Diarrhoea occurred in 8.5% of patients under Ptz-T and 21.0% under "
        "Ptz-T-Cb."
    )
    assert _arms(nlp, text) == {8.5: _PT, 21.0: "carboplatin+pertuzumab+trastuzumab"}


def test_during_a_word_label_names_no_group(nlp):
    """Guard: "during the control phase" is no label written bare (a word, no capitals)."""
    text = (
        "Pertuzumab versus control\n\n"
        "Methods: Patients were randomized to pertuzumab plus trastuzumab (pertuzumab group) or "
        "trastuzumab (control group).\n"
        "Results: Diarrhoea occurred in 28.0% of patients during the control phase."
    )
    assert _arms(nlp, text)[28.0] is None


# 5. The comparative that names one arm of a pair in the design's order.

_TDM1, _TH = "trastuzumab emtansine", "paclitaxel+trastuzumab"
_T5_DESIGN = (
    "Adjuvant T-DM1 versus paclitaxel plus trastuzumab\n\n"
    "Methods: Patients with stage I HER2-positive breast cancer were randomly assigned 3:1 to "
    "T-DM1 or paclitaxel plus trastuzumab (TH).\n"
)


def test_more_frequent_with_the_second_arm_takes_the_larger_value(nlp):
    """ "more frequent with TH (11% v 23%)" after "more frequent with T-DM1 (31% v 3%)": the
    brackets keep the design's order, TH has the larger value."""
    text = _T5_DESIGN + (
        "Results: Thrombocytopenia of any grade was more frequent with T-DM1 (31% v 3%), whereas "
        "grade 2 or higher neuropathy was more frequent with TH (11% v 23%)."
    )
    assert _arms(nlp, text) == {31.0: _TDM1, 3.0: _TH, 11.0: _TDM1, 23.0: _TH}


def test_less_common_with_an_arm_takes_the_smaller_value(nlp):
    """ "less common with T-DM1 (21% v 9%)": T-DM1 has the smaller value."""
    text = _T5_DESIGN + ("Results: Alopecia of any grade was less common with T-DM1 (21% v 9%).")
    assert _arms(nlp, text) == {21.0: _TH, 9.0: _TDM1}


def test_pair_that_agrees_with_the_comparative_keeps_the_named_arm_first(nlp):
    """Guards: "more frequent with T-DM1 (31% v 3%)" and "less frequent with TH (2% v 20%)":
    the named arm takes the first value, as before."""
    text = _T5_DESIGN + (
        "Results: Thrombocytopenia was more frequent with T-DM1 (31% v 3%). Neuropathy of grade 2 "
        "or higher was less frequent with TH (2% v 20%)."
    )
    assert _arms(nlp, text) == {31.0: _TDM1, 3.0: _TH, 2.0: _TH, 20.0: _TDM1}
