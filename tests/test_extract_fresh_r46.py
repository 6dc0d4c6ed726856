"""Fresh-text round 46: 24 invented results sections of randomised HER2 trials (two and three
arms; arms named by drugs, short forms, letters, numbers, "control"/"observation" groups and
added drugs). Most arms were read right; four language patterns were not. A hazard ratio "for
arm 2 versus arm 1" read the arm's number as the ratio. A biosimilar's reference product named
by where it was sourced ("HLX02 or EU-sourced trastuzumab, each with docetaxel") lost its drug,
so the reference arm was docetaxel alone. An "observation group treated with A" (East Asian
journals' name for the experimental arm) named no arm. "lapatinib (L), trastuzumab (T), or
lapatinib plus trastuzumab (L+T)" read "lapatinib (L), trastuzumab" as one regimen."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, parsed_values, registry_of, rows_of

HR_ONLY = ("kind", "value", "ci_low", "ci_high")

NUMBERED = (
    "Adjuvant de-escalation in small HER2-positive tumours (ATLAS-3)\n\n"
    "Patients were randomised to arm 1 (paclitaxel plus trastuzumab), arm 2 (paclitaxel plus "
    "trastuzumab plus pertuzumab) or arm 3 (trastuzumab emtansine plus pertuzumab). The 3-year "
    "iDFS rates were 88.1%, 92.4% and 90.2% in arms 1, 2 and 3, respectively. The hazard ratio "
    "for arm 2 versus arm 1 was 0.64 (95% CI 0.45-0.91)."
)


def test_arm_number_after_ratio_key_is_no_ratio():
    """ "The hazard ratio for arm 2 versus arm 1 was 0.64": 2 numbers the arm; 0.64 is the HR."""
    text = "The hazard ratio for arm 2 versus arm 1 was 0.64 (95% CI 0.45-0.91)."
    assert parsed_values(text, HR_ONLY) == [("HR", 0.64, 0.45, 0.91)]


def test_listed_group_numbers_after_ratio_key_are_no_ratio():
    """ "groups 2 and 3 combined": each number of the list names a group."""
    text = "The hazard ratio for groups 2 and 3 combined versus group 1 was 0.71."
    assert parsed_values(text, HR_ONLY) == [("HR", 0.71, None, None)]


def test_ratio_written_before_an_arm_number_is_kept():
    """Negative: a ratio followed by the arm it favours keeps its own number."""
    text = "The hazard ratio was 0.64 (95% CI 0.45-0.91) in favour of arm 2."
    assert parsed_values(text, HR_ONLY) == [("HR", 0.64, 0.45, 0.91)]


def test_numbered_arm_ratio_in_a_three_arm_abstract(nlp):
    """The HR of the numbered comparison is a between-arm value; the rates keep their arms."""
    rows = rows_of(nlp, NUMBERED, ARM_ROW)
    assert [r for r in rows if r[1] == "HR"] == [("IDFS", "HR", 0.64, None)]
    assert arm_of(rows, 92.4) == "paclitaxel+pertuzumab+trastuzumab"


BIOSIMILAR = (
    "Biosimilar HLX02 versus reference trastuzumab in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomised to HLX02 or EU-sourced trastuzumab, each with docetaxel. The ORR "
    "at week 24 was 71.0% in the HLX02 group and 71.4% in the reference group. Treatment-"
    "emergent adverse events of grade 3 or higher occurred in 55.5% and 56.7% of patients, "
    "respectively."
)


def test_sourced_reference_product_keeps_its_drug(nlp):
    """ "HLX02 or EU-sourced trastuzumab, each with docetaxel": both arms are trastuzumab plus
    docetaxel (biosimilar twins), so the second arm's values carry that regimen."""
    reg = registry_of(nlp, BIOSIMILAR)
    assert [a.drugs for a in reg.arms] == [["docetaxel", "trastuzumab"]] * 2
    rows = rows_of(nlp, BIOSIMILAR, ARM_ROW)
    assert arm_of(rows, 56.7) == "docetaxel+trastuzumab"


def test_hyphenated_source_prefix_keeps_its_drug(nlp):
    """ "or EU-trastuzumab": the prefix is where the product came from."""
    text = (
        "HLX02 in breast cancer\n\n"
        "Patients were randomised to HLX02 or EU-trastuzumab, each with docetaxel."
    )
    assert [a.drugs for a in registry_of(nlp, text).arms] == [["docetaxel", "trastuzumab"]] * 2


def test_sourced_comparator_of_another_drug(nlp):
    """The sourcing words are read before any drug, not only trastuzumab."""
    text = (
        "Pyrotinib in breast cancer\n\n"
        "Patients were randomised to pyrotinib or US-licensed lapatinib, each with capecitabine."
    )
    arms = [a.drugs for a in registry_of(nlp, text).arms]
    assert arms == [["capecitabine", "pyrotinib"], ["capecitabine", "lapatinib"]]


OBSERVATION = (
    "Pyrotinib combined with trastuzumab and docetaxel as neoadjuvant therapy\n\n"
    "A total of 120 patients were randomly divided into an observation group treated with "
    "pyrotinib plus trastuzumab and docetaxel (PHD, n=60) and a control group treated with "
    "trastuzumab and docetaxel (HD, n=60). The objective response rate in the observation group "
    "was 85.0%, higher than 66.7% in the control group (P<0.05). The incidence of diarrhea in "
    "the observation group (38.3%) was higher than that in the control group (10.0%) (P<0.05)."
)


def test_group_treated_with_regimen_is_named_by_its_word(nlp):
    """ "an observation group treated with A": "the observation group" is arm A later."""
    rows = rows_of(nlp, OBSERVATION, ARM_ROW)
    assert arm_of(rows, 85.0) == "docetaxel+pyrotinib+trastuzumab"
    assert arm_of(rows, 38.3) == "docetaxel+pyrotinib+trastuzumab"
    assert arm_of(rows, 10.0) == "docetaxel+trastuzumab"


def test_group_receiving_regimen_takes_its_label(nlp):
    """ "the study group receiving A or the reference group receiving B": both labelled."""
    text = (
        "Pyrotinib in breast cancer\n\n"
        "Patients were randomly assigned to the study group receiving pyrotinib and "
        "capecitabine or the reference group receiving lapatinib and capecitabine."
    )
    labels = [sorted(a.labels) for a in registry_of(nlp, text).arms]
    assert labels == [["study"], ["reference"]]


def test_each_group_treated_with_names_no_group(nlp):
    """Negative: "each group treated with A" names no group of its own."""
    text = (
        "Pyrotinib in breast cancer\n\n"
        "Patients were randomly assigned to two groups, and each group treated with pyrotinib "
        "and capecitabine was followed."
    )
    assert all(not a.labels for a in registry_of(nlp, text).arms)


SHORT_FORMS = (
    "Lapatinib, trastuzumab, or both with neoadjuvant paclitaxel (TRILAP-2)\n\n"
    "Patients were randomly assigned to lapatinib (L), trastuzumab (T), or lapatinib plus "
    "trastuzumab (L+T), each given with weekly paclitaxel. pCR rates were 24.7%, 29.5% and "
    "51.3% for L, T and L+T, respectively."
)


def test_each_listed_drug_with_own_short_form_is_an_arm(nlp):
    """ "A (L), B (T), or A plus B (L+T), each given with C": three arms, each with C."""
    arms = [a.drugs for a in registry_of(nlp, SHORT_FORMS).arms]
    assert arms == [
        ["lapatinib", "paclitaxel"],
        ["paclitaxel", "trastuzumab"],
        ["lapatinib", "paclitaxel", "trastuzumab"],
    ]
    rows = rows_of(nlp, SHORT_FORMS, ARM_ROW)
    assert arm_of(rows, 24.7) == "lapatinib+paclitaxel"
    assert arm_of(rows, 29.5) == "paclitaxel+trastuzumab"


def test_chain_short_form_before_or_still_names_the_chain(nlp):
    """Negative: "docetaxel, carboplatin (TC), or B": only the last drug has a bracket, so it
    names the chain and the chain stays one arm."""
    text = (
        "Carboplatin in breast cancer\n\n"
        "Patients were randomly assigned to docetaxel, carboplatin (TC), or docetaxel plus "
        "trastuzumab."
    )
    arms = [a.drugs for a in registry_of(nlp, text).arms]
    assert arms == [["carboplatin", "docetaxel"], ["docetaxel", "trastuzumab"]]
