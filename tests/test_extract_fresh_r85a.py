"""Fresh round 85a: every-arm values against title arms, Background drug lists, pooled arm
pairs, survival differences, RT + T. A title naming the arms its own way ("docetaxel with
lapatinib, trastuzumab or both followed by FEC") left the registry more arms than "in all three
arms" counts, so the value got no arm; "13.3 and 7.3 months in first-line and second-line
patients, respectively" took a single-arm study's Background drugs ("docetaxel or paclitaxel");
"89.1% in arms B+C" took arm B; "a numerically longer survival of about 6 months" was a median;
"in the RT + T arm" named no arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, rows_of

EORTC = (
    "Neoadjuvant docetaxel with lapatinib, trastuzumab or both followed by FEC in HER2-positive "
    "early breast cancer: pathological complete response in a randomised phase II trial\n\n"
    "Women with HER2-positive, operable or locally advanced breast cancer were randomised 1:1:1 "
    "to docetaxel with lapatinib (arm A), docetaxel with trastuzumab (arm B) or docetaxel with "
    "lapatinib plus trastuzumab (arm C) for three cycles, followed by three cycles of FEC100 "
    "before surgery. Grade 3–4 diarrhoea occurred in 20.0% of patients in arm A, 2.4% in arm B "
    "and 25.6% in arm C. A decline in left ventricular ejection fraction of grade 2 or more was "
    "observed in 2.4% of patients in all three arms."
)
FEC = "cyclophosphamide+docetaxel+epirubicin+fluorouracil"
ARM_A, ARM_B, ARM_C = (f"{FEC}+lapatinib", f"{FEC}+trastuzumab", f"{FEC}+lapatinib+trastuzumab")

BIOSIMILAR = (
    "A randomised, double-blind study of PF-05280014 (a potential trastuzumab biosimilar) vs "
    "trastuzumab, both in combination with paclitaxel, as first-line treatment for HER2-positive "
    "metastatic breast cancer\n\n"
    "707 patients were randomly assigned 1:1 to PF-05280014 or trastuzumab-EU, each with "
    "paclitaxel. Infusion-related reactions were reported in 5.1% of patients in both groups."
)
PT = "paclitaxel+trastuzumab"


def _arms_of(rows, value: float, endpoint: str) -> list:
    return [r.arm for r in rows if r.value == value and r.endpoint == endpoint]


def test_all_three_arms_are_the_methods_arms_not_the_title_arms(nlp):
    """The title's three arms (without FEC) and the Methods' three (with it) make six in the
    registry; "in all three arms" is the three arms the Methods sentence defines."""
    rows = rows_of(nlp, EORTC, ARM_ROW)
    assert _arms_of(rows, 2.4, "AE") == [ARM_A, ARM_B, ARM_C]
    assert _arms_of(rows, 2.4, "AE_G3") == [ARM_B]


def test_both_groups_of_biosimilar_twins_under_a_twin_title(nlp):
    """The title's "PF-05280014 vs trastuzumab" and the Methods' pair are twins of one regimen:
    "in both groups" is two rows of that regimen, not one row with no arm."""
    rows = rows_of(nlp, BIOSIMILAR, ARM_ROW)
    assert _arms_of(rows, 5.1, "AE") == [PT, PT]


def test_both_arms_of_a_two_arm_design_stay_two_rows(nlp):
    """Duration of response "in both arms" with the design sentence right above."""
    text = (
        "Overall survival with PF-05280014 or trastuzumab-EU plus paclitaxel in first-line "
        "HER2-positive metastatic breast cancer: final analysis of REFLECTIONS B327-02\n\n"
        "Patients were randomised 1:1 to PF-05280014 plus paclitaxel or trastuzumab-EU plus "
        "paclitaxel. Among responders, the median duration of response was 11.2 months in both "
        "arms."
    )
    assert _arms_of(rows_of(nlp, text, ARM_ROW), 11.2, "DOR") == [PT, PT]


def test_not_reached_in_either_group_names_each_cohort(nlp):
    """ "Median OS was not reached in either group": one NR median per defined group."""
    text = (
        "Real-world outcomes of first-line trastuzumab and pertuzumab with docetaxel or weekly "
        "paclitaxel in HER2-positive metastatic breast cancer: a multicentre retrospective "
        "cohort study\n\n"
        "We compared patients treated with trastuzumab, pertuzumab and docetaxel (THP) with "
        "those treated with weekly paclitaxel, pertuzumab and trastuzumab (wPHP). Median OS was "
        "not reached in either group (adjusted HR 1.12; 95% CI 0.78-1.61)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows if r.endpoint == "OS" and r.measure == "median"] == [
        "docetaxel+pertuzumab+trastuzumab",
        "paclitaxel+pertuzumab+trastuzumab",
    ]


def test_both_groups_of_a_three_arm_design_name_no_arm(nlp):
    """Negative: with three arms, all defined in one sentence, "in both groups" cannot say
    which two; the value keeps no arm."""
    text = (
        "Lapatinib, trastuzumab or both\n\n"
        "Patients were randomly assigned to lapatinib, trastuzumab or lapatinib plus "
        "trastuzumab. Rash occurred in 7% of patients in both groups."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert _arms_of(rows, 7.0, "AE") == [None]


JBCRG = (
    "Eribulin with pertuzumab and trastuzumab\n\n"
    "Background: Taxane-free regimens are needed for patients with HER2-positive advanced breast "
    "cancer who cannot tolerate docetaxel or paclitaxel. JBCRG-M03 evaluated eribulin combined "
    "with pertuzumab and trastuzumab. Methods: In this multicenter, single-arm phase II study in "
    "Japan, patients received eribulin 1.4 mg/m2 on days 1 and 8 with pertuzumab and "
    "trastuzumab every 3 weeks as first- or second-line therapy. Results: Median PFS was 9.2 "
    "months (95% CI, 6.5-12.3) overall, and 13.3 and 7.3 months in first-line and second-line "
    "patients, respectively."
)


def test_respectively_list_of_lines_takes_no_background_drugs(nlp):
    """ "13.3 and 7.3 months in first-line and second-line patients, respectively": the
    sentence's own list, subgroups of a single-arm study, not "docetaxel or paclitaxel"."""
    rows = rows_of(nlp, JBCRG, ARM_ROW)
    assert _arms_of(rows, 13.3, "PFS") == [None]
    assert _arms_of(rows, 7.3, "PFS") == [None]


def test_respectively_run_without_own_list_keeps_the_arms_under_discussion(nlp):
    """Negative: "were 20.1 and 14.2 months, respectively" lists nothing of its own, so the
    design's arms (the comparison under discussion) stay the values' arms."""
    text = (
        "Pertuzumab with trastuzumab and docetaxel\n\n"
        "Patients were randomly assigned to pertuzumab plus trastuzumab or trastuzumab alone. "
        "Median PFS was 20.1 and 14.2 months, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert _arms_of(rows, 20.1, "PFS") == ["pertuzumab+trastuzumab"]
    assert _arms_of(rows, 14.2, "PFS") == ["trastuzumab"]


ATEZO = (
    "Atezolizumab with neoadjuvant chemotherapy\n\n"
    "Pts were randomized 1:1:1 to arm A, PH + carboplatin and paclitaxel (CbT) x 6 cycles; arm "
    "B, atezolizumab + PH + doxorubicin and cyclophosphamide (AC) x 3 followed by atezolizumab + "
    "PH + CbT x 6; or arm C, atezolizumab + PH + CbT x 6. The 3-yr EFS was 85.4% in arm A and "
    "89.1% in {} (HR 0.71, 95% CI 0.48-1.06, P=0.09)."
)


def test_arms_joined_by_plus_are_pooled(nlp):
    """ "89.1% in arms B+C" (or "arms B + C") is the two arms pooled: no arm; arm A's stays."""
    for pooled in ("arms B+C", "arms B + C"):
        rows = rows_of(nlp, ATEZO.format(pooled), ARM_ROW)
        assert _arms_of(rows, 89.1, "EFS") == [None], pooled
        assert _arms_of(rows, 85.4, "EFS") == ["carboplatin+paclitaxel+pertuzumab+trastuzumab"]


def test_class_named_arms_pooled_take_no_other_arm(nlp):
    """ "in the atezolizumab arms pooled" names no arm, and the value does not take arm A's
    regimen from the other phrase of the sentence."""
    rows = rows_of(nlp, ATEZO.format("the atezolizumab arms pooled"), ARM_ROW)
    assert _arms_of(rows, 89.1, "EFS") == [None]


def test_single_arm_label_is_not_pooled(nlp):
    """Negative: "in arm B" (no "+") is arm B's value."""
    rows = rows_of(nlp, ATEZO.format("arm B"), ARM_ROW)
    assert _arms_of(rows, 89.1, "EFS") == [
        "atezolizumab+carboplatin+cyclophosphamide+doxorubicin+paclitaxel+pertuzumab+trastuzumab"
    ]


PYROTINIB = (
    "Pyrotinib and capecitabine with or without trastuzumab\n\n"
    "Patients were randomly assigned to pyrotinib and capecitabine with trastuzumab or pyrotinib "
    "and capecitabine alone. Median OS was 25.1 months versus 19.3 months. Although the OS "
    "difference did not reach statistical significance, continuing trastuzumab with pyrotinib "
    "and capecitabine resulted in a numerically longer survival of about 6 months."
)


def test_longer_survival_of_n_months_is_a_difference(nlp):
    """ "a numerically longer survival of about 6 months" is a difference, no OS median; the
    medians compared before it stay."""
    values = [r.value for r in rows_of(nlp, PYROTINIB, ARM_ROW) if r.endpoint == "OS"]
    assert values == [25.1, 19.3]


def test_gain_of_n_months_is_a_difference(nlp):
    """ "median OS was 25.1 versus 19.3 months, a gain of 5.8 months": 5.8 is no median."""
    text = (
        "Pyrotinib and capecitabine with or without trastuzumab\n\n"
        "Patients were randomly assigned to pyrotinib and capecitabine with trastuzumab or "
        "pyrotinib and capecitabine alone. Median OS was 25.1 versus 19.3 months, a gain of 5.8 "
        "months."
    )
    values = [r.value for r in rows_of(nlp, text, ARM_ROW) if r.endpoint == "OS"]
    assert 5.8 not in values
    assert 25.1 in values


def test_longer_median_of_n_months_is_a_median(nlp):
    """Negative: "a longer median OS of 25.1 months" states the arm's median itself."""
    text = (
        "Pyrotinib and capecitabine with or without trastuzumab\n\n"
        "Patients were randomly assigned to pyrotinib and capecitabine with trastuzumab or "
        "pyrotinib and capecitabine alone. Patients given trastuzumab had a longer median OS of "
        "25.1 months."
    )
    values = [r.value for r in rows_of(nlp, text, ARM_ROW) if r.endpoint == "OS"]
    assert values == [25.1]


RT_T = (
    "Radiotherapy with or without trastuzumab in HER2-positive DCIS\n\n"
    "Patients were randomly assigned to whole-breast radiotherapy (RT) alone or to RT with "
    "trastuzumab (RT + T). Grade 3 or higher adverse events were reported in 3.6% of patients "
    "in the RT + T arm and 2.3% of patients in the RT arm."
)


def test_short_form_spaced_around_plus_names_its_arm(nlp):
    """ "the RT + T arm" is the arm "(RT + T)" named; "the RT arm" (radiotherapy, no drug) has
    no arm."""
    rows = rows_of(nlp, RT_T, ARM_ROW)
    assert _arms_of(rows, 3.6, "AE_G3") == ["trastuzumab"]
    assert _arms_of(rows, 2.3, "AE_G3") == [None]
