"""Held-out round 5 (b): early-breast-cancer abstracts outside the gold set on trastuzumab
duration, de-escalation and neoadjuvant cardiac safety (NSABP B-41, PHARE, TRYPHAENA,
BERENICE), each checking one reading that went wrong on them."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, registry_of

from her2mine.extract.numbers import parse_values

B41 = (
    "Lapatinib as a component of neoadjuvant therapy for HER2-positive operable breast cancer "
    "(NSABP protocol B-41): an open-label, randomised phase 3 trial\n\n"
    "Methods Women with operable HER2-positive breast cancer were randomly assigned (1:1:1) to "
    "receive doxorubicin and cyclophosphamide followed by weekly paclitaxel plus trastuzumab, "
    "lapatinib, or trastuzumab plus lapatinib. "
    "Findings 529 women were randomly assigned: 181 to trastuzumab, 174 to lapatinib, and 174 "
    "to the combination. "
    "Grade 3 or worse diarrhoea occurred in 20% of patients in the lapatinib group and 27% in "
    "the combination group compared with 2% in the trastuzumab group. "
    "Symptomatic congestive heart failure occurred in four (1%) patients given trastuzumab, "
    "seven (4%) given lapatinib and five (3%) given the combination."
)


def test_a_later_count_of_the_arms_restates_them_by_their_own_drugs(nlp):
    # "181 to trastuzumab, 174 to lapatinib" names the backbone arms whose own part is that
    # drug (the combination arm also holds each); it adds no bare trastuzumab/lapatinib arm.
    names = sorted(a.name for a in registry_of(nlp, B41).arms)
    assert names == [
        "cyclophosphamide+doxorubicin+lapatinib+paclitaxel",
        "cyclophosphamide+doxorubicin+lapatinib+paclitaxel+trastuzumab",
        "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab",
    ]


def test_the_combination_names_the_arm_holding_both_alternatives(nlp):
    # In an "A, B, or A plus B" design whose allocation says "174 to the combination",
    # "the combination (group)" is the A+B arm.
    got = arms_of(nlp, B41)
    both = "cyclophosphamide+doxorubicin+lapatinib+paclitaxel+trastuzumab"
    assert got[20.0] == "cyclophosphamide+doxorubicin+lapatinib+paclitaxel"
    assert got[27.0] == both
    assert got[2.0] == "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"
    assert got[1.0] == "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"
    assert got[3.0] == both


def test_the_bare_combination_stays_unread_unless_the_allocation_names_it(nlp):
    # Negative: the same design without "to the combination" keeps its three-arm caution for
    # a bare "given the combination"; round 51: "the combination group" is still the arm
    # uniting the other two arms' own drugs.
    text = B41.replace("and 174 to the combination", "and 174 to trastuzumab plus lapatinib")
    got = arms_of(nlp, text)
    assert got[27.0] == "cyclophosphamide+doxorubicin+lapatinib+paclitaxel+trastuzumab"
    assert got[3.0] is None


def test_the_combination_names_no_arm_when_no_arm_combines_the_others(nlp):
    # Negative: three arms where none is the others together: "the combination" stays unread.
    text = (
        "T\n\nPatients were randomly assigned to lapatinib plus capecitabine, trastuzumab plus "
        "capecitabine, or neratinib plus paclitaxel. Diarrhoea occurred in 30% of patients in "
        "the combination group."
    )
    assert arms_of(nlp, text) == {30.0: None}


PHARE_MARGIN = (
    "Trastuzumab for 6 months or 12 months in HER2-positive early breast cancer (PHARE)\n\n"
    "Methods The primary endpoint was disease-free survival. The non-inferiority margin was a "
    "hazard ratio of 1·15. Findings 2-year disease-free survival was 93·8% (95% CI 92·6–94·9) "
    "in the 12-month group and 91·1% (89·7–92·4) in the 6-month group (hazard ratio 1·28, 95% "
    "CI 1·05–1·56; p=0·29)."
)


def test_a_non_inferiority_margin_ratio_is_no_result(nlp):
    ex = extract_text(nlp, PHARE_MARGIN)
    ratios = [(o.endpoint, o.value, o.p) for o in ex.outcomes if o.measure == "HR"]
    assert ratios == [("DFS", 1.28, "0.29")]


def test_a_ratio_after_the_word_margin_in_a_result_is_kept():
    # Negative: a result ratio with its margin named after it stays a value.
    got = parse_values("DFS was non-inferior (hazard ratio 0.91; non-inferiority margin 1.3).")
    assert [(v.kind, v.value) for v in got] == [("HR", 0.91)]


TRYPHAENA_LVEF = (
    "Pertuzumab plus trastuzumab with neoadjuvant chemotherapy (TRYPHAENA)\n\n"
    "Results: Cardiac dysfunction (LVEF decline of 10% or more from baseline to below 50%) "
    "occurred in 5.6% of patients. An LVEF decline >=10% points and to <50% was seen in 3.9%."
)


def test_cut_offs_of_an_ejection_fraction_decline_are_no_rates(nlp):
    # "of 10% or more", "to below 50%", ">=10% points", "to <50%" define the event; only the
    # rates of patients with it are values.
    ex = extract_text(nlp, TRYPHAENA_LVEF)
    assert [(o.endpoint, o.value) for o in ex.outcomes] == [("AE", 5.6), ("AE", 3.9)]


def test_rates_near_threshold_words_are_kept():
    # Negative: "from 10% to 25%" and "in 12%" are rates; only "10% or more" is a cut-off.
    got = parse_values("Diarrhoea rose from 10% to 25%; rash in 10% or more, fatigue in 12%.")
    assert [v.value for v in got] == [10.0, 25.0, 12.0]


BERENICE = (
    "Cardiac safety of neoadjuvant pertuzumab plus trastuzumab with anthracycline-based "
    "chemotherapy: the BERENICE study\n\n"
    "Methods: Patients were enrolled into one of two cohorts by investigator choice. Cohort A "
    "received dose-dense doxorubicin and cyclophosphamide for four cycles followed by weekly "
    "paclitaxel for 12 weeks; cohort B received fluorouracil, epirubicin and cyclophosphamide "
    "for four cycles followed by docetaxel for four cycles. Pertuzumab and trastuzumab were "
    "given in both cohorts from the start of the taxane.\n"
    "Results: The pCR rate (ypT0/is ypN0) was 61.8% in cohort A and 60.7% in cohort B."
)


def test_lettered_cohorts_that_received_regimens_are_arms(nlp):
    # "Cohort A received X; cohort B received Y" defines lettered arms, and drugs "given in
    # both cohorts" join each.
    assert arms_of(nlp, BERENICE) == {
        61.8: "cyclophosphamide+doxorubicin+paclitaxel+pertuzumab+trastuzumab",
        60.7: "cyclophosphamide+docetaxel+epirubicin+fluorouracil+pertuzumab+trastuzumab",
    }


def test_drugs_given_in_only_one_cohort_join_no_other(nlp):
    # Negative: without "in both/all ...", the drugs of a later sentence stay out of the arms.
    text = BERENICE.replace("were given in both cohorts", "were given in cohort A")
    got = arms_of(nlp, text)
    assert got[60.7] == "cyclophosphamide+docetaxel+epirubicin+fluorouracil"
