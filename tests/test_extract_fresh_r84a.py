"""Fresh round 84a: "respectively" after a pair whose two groups carry one regimen (a sequence
trial) or whose second group takes no drug ("with trastuzumab and ... without trastuzumab")
lost the order (only pairs of two distinct arms were kept); a route word listed before the
other route of a drug ("43.2% with SC and 40.1% with IV trastuzumab") named no arm; a list of
grades gave every value the last grade; a share of patients who "discontinued" the drug, a
biomarker's bracketed cut-off ("High sTILs (≥ 30%)") and the biomarker's odds ratio were read as
results; a subgroup adjective before "patients in the X arm" hid the group."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

EC_THP = "cyclophosphamide+docetaxel+epirubicin+pertuzumab+trastuzumab"

SEQUENCE = (
    "Patients with HER2-positive early breast cancer were randomly assigned to four cycles of "
    "epirubicin and cyclophosphamide (EC) followed by four cycles of docetaxel, trastuzumab and "
    "pertuzumab (THP) (EC-first group) or the same treatments in reverse order, THP followed by "
    "EC (THP-first group). The primary end point was pathological complete response (pCR). "
    "The pCR rate was 57.1% in the EC-first group and 61.4% in the THP-first group (P = 0.61). "
    "In the hormone receptor-negative subgroup, pCR rates were 71.9% and 75.0%, respectively."
)


def test_respectively_after_a_pair_of_one_regimen_keeps_its_order(nlp):
    """Two sequence groups carry one regimen string: the later "respectively" pair is theirs."""
    rows = rows_of(nlp, SEQUENCE, ARM_ROW)
    assert arm_of(rows, 57.1) == EC_THP
    assert arm_of(rows, 71.9) == EC_THP
    assert arm_of(rows, 75.0) == EC_THP


def test_respectively_after_one_named_group_stays_unattributed(nlp):
    """Negative: a sentence naming one group only is no compared pair to refer to."""
    text = SEQUENCE.replace(
        "57.1% in the EC-first group and 61.4% in the THP-first group (P = 0.61)",
        "57.1% in the EC-first group",
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 71.9) is None
    assert arm_of(rows, 75.0) is None


WITH_WITHOUT = (
    "We retrospectively analysed patients with HER2-positive breast cancer treated with or "
    "without adjuvant trastuzumab. After adjustment, the 5-year DFS was 86.2% with trastuzumab "
    "and 73.5% without trastuzumab (adjusted HR 0.52; 95% CI 0.38-0.71). The 5-year OS was "
    "92.4% and 81.7%, respectively (adjusted HR 0.46; 95% CI 0.30-0.70)."
)


def test_respectively_after_a_pair_with_a_drugless_group(nlp):
    """The order [trastuzumab, no drug] holds a null member; it still orders the next run."""
    rows = rows_of(nlp, WITH_WITHOUT, ARM_ROW)
    assert arm_of(rows, 86.2) == "trastuzumab"
    assert arm_of(rows, 92.4) == "trastuzumab"
    assert arm_of(rows, 81.7) is None


ROUTES = (
    "We performed a meta-analysis of randomised controlled trials comparing SC with IV "
    "trastuzumab, each given with chemotherapy, in HER2-positive early breast cancer. The pooled "
    "pathological complete response (pCR) rate was 43.2% with SC and 40.1% with IV trastuzumab "
    "(OR 1.13, 95% CI 0.97-1.32; P = 0.12; I2 = 0%). Grade ≥3 adverse events occurred in 52.3% "
    "and 51.1% of patients, respectively."
)


def test_route_word_shares_the_drug_of_the_next_route(nlp):
    """ "with SC and ... with IV trastuzumab": both route arms carry trastuzumab."""
    rows = rows_of(nlp, ROUTES, ARM_ROW)
    assert arm_of(rows, 43.2) == "trastuzumab"
    assert arm_of(rows, 40.1) == "trastuzumab"
    assert arm_of(rows, 52.3) == "trastuzumab"
    assert arm_of(rows, 51.1) == "trastuzumab"


def test_route_words_written_out_share_the_drug_too(nlp):
    """The written-out routes read as the short forms do."""
    text = ROUTES.replace("SC", "subcutaneous").replace("IV", "intravenous")
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 43.2) == "trastuzumab"


def test_a_stage_numeral_is_no_route(nlp):
    """Negative: "in stage IV" is no route word, so no drug is shared with it."""
    text = (
        "Patients received trastuzumab. The objective response rate was 43.2% in stage IV "
        "and 40.1% with SC trastuzumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 43.2) is None


GRADES = (
    "Patients with HER2-positive metastatic breast cancer received pyrotinib plus capecitabine. "
    "The objective response rate was 45.5%. Grade 1, grade 2 and grade 3 fatigue occurred in "
    "27.3%, 13.6% and 4.5% of patients, respectively."
)


def test_each_listed_grade_codes_its_own_value(nlp):
    """Each value of a per-grade list takes the grade at its place."""
    rows = rows_of(nlp, GRADES, ARM_ROW)
    assert [(r.endpoint, r.value) for r in rows if r.value in (27.3, 13.6, 4.5)] == [
        ("AE", 27.3),
        ("AE", 13.6),
        ("AE_G3", 4.5),
    ]


def test_a_list_of_high_grades_stays_grade_3(nlp):
    """Negative: "Grades 3 and 4" are both grade ≥3."""
    text = GRADES.replace("Grade 1, grade 2 and grade 3 fatigue occurred in 27.3%, 13.6% and 4.5%",
                          "Grades 3 and 4 fatigue occurred in 4.5% and 1.2%")  # fmt: skip
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.endpoint for r in rows if r.value in (4.5, 1.2)] == ["AE_G3", "AE_G3"]


def test_share_that_discontinued_is_no_event_rate(nlp):
    """ "and 4% discontinued sevabertinib because of them": a discontinuation share."""
    text = (
        "Patients with HER2-mutant breast cancer received sevabertinib. The objective response "
        "rate was 38%. Treatment-related adverse events of grade 3 or higher occurred in 31% of "
        "patients, and 4% discontinued sevabertinib because of them."
    )
    values = [r.value for r in rows_of(nlp, text, ARM_ROW)]
    assert 31.0 in values
    assert 4.0 not in values


def test_event_rate_before_a_later_discontinuation_stays(nlp):
    """Negative: a rate whose own verb is "occurred" stays when a clause later says
    "discontinued"."""
    text = (
        "Patients received sevabertinib. Diarrhoea occurred in 31% of patients and no patient "
        "discontinued sevabertinib."
    )
    assert 31.0 in [r.value for r in rows_of(nlp, text, ARM_ROW)]


KRISTINE_TILS = (
    "Patients were randomly assigned to paclitaxel plus trastuzumab and pertuzumab or "
    "trastuzumab emtansine plus pertuzumab. The primary end point was total pathological "
    "complete response (tpCR). High sTILs (≥ 30%) were associated with tpCR in both treatment "
    "groups (OR, 3.02; 95% CI, 1.61 to 5.67), irrespective of HR status."
)


def test_biomarker_cutoff_and_its_ratio_are_no_outcomes(nlp):
    """A bracketed signed cut-off defines a group; the biomarker's OR is a factor's."""
    assert rows_of(nlp, KRISTINE_TILS, ARM_ROW) == []


def test_unsigned_bracketed_rate_stays(nlp):
    """Negative: a bracketed share without a comparison sign is still a rate."""
    text = KRISTINE_TILS.replace(
        "High sTILs (≥ 30%) were associated with tpCR in both treatment groups (OR, 3.02; 95% "
        "CI, 1.61 to 5.67), irrespective of HR status.",
        "A tpCR (45%) was achieved with paclitaxel plus trastuzumab and pertuzumab.",
    )
    assert 45.0 in [r.value for r in rows_of(nlp, text, ARM_ROW)]


NAB = (
    "Patients with HER2-positive early breast cancer were randomly assigned to docetaxel, "
    "trastuzumab and pertuzumab (T-HP arm) or nab-paclitaxel, trastuzumab and pertuzumab "
    "(T-nHP arm). The pCR rate was 56.2% in the T-HP arm and 65.3% in the T-nHP arm. Grade ≥3 "
    "treatment-related adverse events occurred in 33.8% of HR-positive patients in the T-nHP arm."
)


def test_subgroup_patients_in_a_group_take_its_arm(nlp):
    """ "33.8% of HR-positive patients in the T-nHP arm": that group's value."""
    rows = rows_of(nlp, NAB, ARM_ROW)
    assert arm_of(rows, 33.8) == "nab-paclitaxel+pertuzumab+trastuzumab"


def test_two_words_before_patients_do_not_reach_the_group(nlp):
    """Negative: a clause between ("of patients, and in the") is no subgroup gap."""
    text = NAB.replace("33.8% of HR-positive patients in the T-nHP arm", "33.8% of patients overall, and rarely in the T-nHP arm")  # fmt: skip
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 33.8) is None
