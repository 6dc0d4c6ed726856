"""Left-overs round 27 (a): arms named by "X alone" and by a class. In an add-on design
("pertuzumab plus trastuzumab and docetaxel or placebo plus trastuzumab and docetaxel") "12.4
months with trastuzumab alone" took the add-on arm, though "X alone" there names the arm without
the added drug. In a single-arm "pyrotinib plus chemotherapy" study, a capecitabine value in a
sentence about another trial ("In the PHENIX trial, capecitabine gave ...") was filled into the
study's own arm."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

PDT = "docetaxel+pertuzumab+trastuzumab"
DT = "docetaxel+trastuzumab"

ADD_ON = (
    "Pertuzumab plus trastuzumab and docetaxel for HER2-positive metastatic breast cancer\n\n"
    "In this phase III trial, 808 patients were randomly assigned to pertuzumab plus trastuzumab "
    "and docetaxel or placebo plus trastuzumab and docetaxel. Median progression-free survival "
    "was 18.7 months with pertuzumab added, compared with 12.4 months with trastuzumab alone "
    "(hazard ratio 0.62; P<0.001). The objective response rate was 80.2% with pertuzumab and "
    "69.3% with trastuzumab and docetaxel alone."
)


def test_backbone_drug_alone_names_the_arm_without_the_add_on(nlp):
    """ "trastuzumab alone" in an add-on design is the arm holding trastuzumab without the
    added drug, not the add-on arm."""
    rows = rows_of(nlp, ADD_ON, ARM_ROW)
    assert arm_of(rows, 12.4) == DT
    assert arm_of(rows, 18.7) == PDT


def test_whole_backbone_alone_stays_the_control_arm(nlp):
    """ "trastuzumab and docetaxel alone" is the control arm, as before."""
    rows = rows_of(nlp, ADD_ON, ARM_ROW)
    assert arm_of(rows, 69.3) == DT
    assert arm_of(rows, 80.2) == PDT


def test_drug_alone_without_a_unique_base_arm_names_none_of_them(nlp):
    """Negative: arms "trastuzumab plus pertuzumab" and "trastuzumab plus lapatinib" both add a
    drug to trastuzumab, and neither lacks the other's: "trastuzumab alone" is not either."""
    text = (
        "Dual HER2 blockade in HER2-positive breast cancer\n\n"
        "Patients were randomly assigned to trastuzumab plus pertuzumab or trastuzumab plus "
        "lapatinib. The pCR rate was 52.0% with pertuzumab and 46.0% with lapatinib; in a "
        "historical cohort it was 29.5% with trastuzumab alone."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 29.5) not in ("pertuzumab+trastuzumab", "lapatinib+trastuzumab")


PYROTINIB = (
    "Pyrotinib plus chemotherapy in HER2-positive metastatic breast cancer\n\n"
    "In this single-arm phase II study, patients received pyrotinib plus chemotherapy. "
    "The median progression-free survival was 8.5 months. "
    "In the earlier PHENIX trial, capecitabine gave a median PFS of 4.1 months. "
    "With capecitabine, the objective response rate was 45.0%."
)


def test_class_is_not_filled_in_a_sentence_about_another_trial(nlp):
    """ "In the earlier PHENIX trial, capecitabine gave ...": another trial's capecitabine is not
    the study's pyrotinib-plus-chemotherapy arm (the sentence cites: see the review of round 27
    for a study naming itself)."""
    rows = rows_of(nlp, PYROTINIB, ARM_ROW)
    assert arm_of(rows, 4.1) in ("capecitabine", None)


def test_option_is_not_filled_in_a_sentence_about_another_trial(nlp):
    """The same with the partners listed as options ("pyrotinib plus chemotherapy (capecitabine
    or vinorelbine)"): PHENIX's capecitabine is not the study arm with that option."""
    text = PYROTINIB.replace(
        "plus chemotherapy.", "plus chemotherapy (capecitabine or vinorelbine)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 4.1) in ("capecitabine", None)
    assert arm_of(rows, 45.0) == "capecitabine+pyrotinib"


def test_class_is_still_filled_in_the_study_own_sentences(nlp):
    """Negative: without another trial named, capecitabine is the study arm's partner."""
    rows = rows_of(nlp, PYROTINIB, ARM_ROW)
    assert arm_of(rows, 45.0) == "capecitabine+pyrotinib"


RESTATED = (
    "Trastuzumab, lapatinib or chemotherapy after progression in HER2-positive breast cancer\n\n"
    "Patients with HER2-positive metastatic breast cancer were randomly assigned to receive "
    "trastuzumab plus capecitabine, lapatinib plus capecitabine, or capecitabine. Overall, 300 "
    "patients were randomly assigned to trastuzumab (n=100), lapatinib (n=100) or chemotherapy "
    "(n=100). Median progression-free survival was 8.1 months with trastuzumab, 6.6 months with "
    "lapatinib and 4.0 months with chemotherapy (P=0.01). Median overall survival was 20.3 "
    "months with chemotherapy alone."
)


def test_counted_restatement_defines_no_new_arms(nlp):
    """ "to trastuzumab (n=100), lapatinib (n=100) or chemotherapy (n=100)" restates the three
    arms: the counts cut the list, and "chemotherapy" is the one chemotherapy-only arm."""
    names = [a.name for a in registry_of(nlp, RESTATED).arms]
    assert names == ["capecitabine+trastuzumab", "capecitabine+lapatinib", "capecitabine"]


def test_chemotherapy_names_the_chemotherapy_only_arm_after_a_restatement(nlp):
    """ "4.0 months with chemotherapy" and "20.3 months with chemotherapy alone" are the
    capecitabine arm; the drug-named values keep their arms."""
    rows = rows_of(nlp, RESTATED, ARM_ROW)
    assert arm_of(rows, 4.0) == "capecitabine"
    assert arm_of(rows, 20.3) == "capecitabine"
    assert arm_of(rows, 8.1) == "capecitabine+trastuzumab"
    assert arm_of(rows, 6.6) == "capecitabine+lapatinib"


def test_chemotherapy_names_no_arm_among_two_chemotherapy_only_arms(nlp):
    """Negative: with two chemotherapy-only arms, "chemotherapy (n=100)" restates neither."""
    text = RESTATED.replace("or capecitabine.", "capecitabine, or vinorelbine.")
    assert "capecitabine" not in [r.arm for r in rows_of(nlp, text, ARM_ROW) if r.value == 4.0]
