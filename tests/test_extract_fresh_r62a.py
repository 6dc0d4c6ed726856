"""Fresh round 62 (a): factorial designs. "In a 2x2 factorial design, patients were randomly
assigned to weekly or day 1,8 nab-paclitaxel, and to denosumab or no denosumab; all patients
received epirubicin plus cyclophosphamide": no reader knew the two factors, so "with denosumab"
took denosumab alone, "without denosumab" and "with the weekly schedule" took no arm, and a
drug-alternative factor ("docetaxel or paclitaxel, each given with cyclophosphamide, and to
zoledronic acid or no zoledronic acid") put the other factor's drug into both of its levels.
Per the gold README, a value by a factor level takes the level's regimen: the backbone every
patient received plus the level's own drug; partners chosen by tumour subtype are left out."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

EC_NAB = "cyclophosphamide+epirubicin+nab-paclitaxel"
EC_NAB_DMAB = "cyclophosphamide+denosumab+epirubicin+nab-paclitaxel"

TWO_BY_TWO = (
    "Background: Denosumab may improve the response to neoadjuvant chemotherapy. Methods: In "
    "this phase II trial with a 2x2 factorial design, patients with early breast cancer were "
    "randomly assigned to weekly or day 1,8 nab-paclitaxel, and to denosumab or no denosumab; "
    "all patients received epirubicin plus cyclophosphamide afterwards. Results: The pCR rate "
    "was 41.0% with denosumab and 40.2% without denosumab (P = 0.80). The pCR rate was 43.1% "
    "with the weekly schedule and 38.5% in the day 1,8 arm (P = 0.06)."
)

TIMES_SIGN = (
    "Methods: Patients with primary breast cancer were enrolled in a 2 × 2 factorial trial and "
    "randomly assigned to weekly or day 1,8 nab-paclitaxel and to denosumab or no denosumab. "
    "All patients then received epirubicin plus cyclophosphamide. Results: pCR was achieved in "
    "42.5% of patients in the denosumab group and 39.8% of patients in the no-denosumab group "
    "(odds ratio 1.12, 95% CI 0.85-1.47; P = 0.42). Grade 3-4 neutropenia occurred in 45% of "
    "patients in the day 1,8 arm and 61% in the weekly arm."
)

DRUG_FACTOR = (
    "Methods: This two-by-two factorial trial randomised women with operable breast cancer to "
    "docetaxel or paclitaxel, each given with cyclophosphamide, and to zoledronic acid or no "
    "zoledronic acid. Results: The 5-year disease-free survival was 86.1% with zoledronic acid "
    "and 84.0% without zoledronic acid (hazard ratio 0.88, 95% CI 0.74-1.05). Five-year DFS was "
    "85.5% in the docetaxel group and 84.6% in the paclitaxel group."
)

TWO_RANDOMISATIONS = (
    "Methods: We used a factorial design with two randomisations: docetaxel versus paclitaxel, "
    "and with or without everolimus. All patients received doxorubicin and cyclophosphamide "
    "before the taxane. Results: Median progression-free survival was 9.2 months with "
    "everolimus and 8.9 months without everolimus (HR 0.96, 95% CI 0.80-1.15; P = 0.65). The "
    "objective response rate was 58% with docetaxel and 52% with paclitaxel."
)

FOUR_ARMS = (
    "Methods: Patients were randomised (1:1:1:1) to docetaxel or paclitaxel, each with or "
    "without bevacizumab; all patients received epirubicin plus cyclophosphamide before the "
    "taxane, plus trastuzumab for HER2-positive disease. Results: The pCR rate was 48% with "
    "docetaxel plus bevacizumab, 40% with docetaxel alone, 46% with paclitaxel plus "
    "bevacizumab and 39% with paclitaxel alone. Overall, pCR was 47% with bevacizumab and "
    "39.5% without bevacizumab (P = 0.03)."
)

SUBTYPE_PARTNERS = (
    "Methods: In a 2x2 factorial design, patients were randomly assigned to weekly or "
    "every-3-week paclitaxel and to denosumab or no denosumab; patients with HER2-positive "
    "tumours also received trastuzumab and those with triple-negative tumours received "
    "carboplatin. Results: The pCR rate was 44.0% with denosumab and 41.5% without denosumab. "
    "Febrile neutropenia occurred in 8% of patients with the weekly schedule and 12% with the "
    "every-3-week schedule."
)

ONE_RANDOMISATION = (
    "Background: Chemotherapy with or without trastuzumab has been studied in many trials. "
    "Methods: Patients were randomly assigned to docetaxel with or without pertuzumab. Results: "
    "Median PFS was 18.5 months with pertuzumab and 12.4 months without pertuzumab (HR 0.62, "
    "95% CI 0.51-0.75; P < 0.001)."
)


def test_drug_level_takes_the_backbone(nlp):
    """ "with denosumab" in a 2x2 factorial is the backbone every patient received plus
    denosumab, the schedules' shared drug and the drugs "all patients received" included."""
    rows = rows_of(nlp, TWO_BY_TWO, ARM_ROW)
    assert arm_of(rows, 41.0) == EC_NAB_DMAB


def test_absent_level_is_the_backbone_alone(nlp):
    """ "without denosumab" is the backbone alone, not an arm with no drug."""
    rows = rows_of(nlp, TWO_BY_TWO, ARM_ROW)
    assert arm_of(rows, 40.2) == EC_NAB


def test_schedule_levels_share_the_backbone(nlp):
    """ "with the weekly schedule" and "in the day 1,8 arm" both carry the backbone string."""
    rows = rows_of(nlp, TWO_BY_TWO, ARM_ROW)
    assert arm_of(rows, 43.1) == EC_NAB
    assert arm_of(rows, 38.5) == EC_NAB


def test_times_sign_factorial_and_group_labels(nlp):
    """ "2 × 2 factorial": "the denosumab group" and "the no-denosumab group" are the levels;
    the odds ratio between them has no arm."""
    rows = rows_of(nlp, TIMES_SIGN, ARM_ROW)
    assert arm_of(rows, 42.5) == EC_NAB_DMAB
    assert arm_of(rows, 39.8) == EC_NAB
    assert arm_of(rows, 1.12) is None


def test_schedule_arms_named_by_their_schedule(nlp):
    """ "in the day 1,8 arm" / "in the weekly arm": schedule levels, the backbone."""
    rows = rows_of(nlp, TIMES_SIGN, ARM_ROW)
    assert arm_of(rows, 45.0) == EC_NAB
    assert arm_of(rows, 61.0) == EC_NAB


def test_drug_alternative_factor_keeps_the_other_factor_out(nlp):
    """ "docetaxel or paclitaxel, each given with cyclophosphamide, and zoledronic acid or no
    zoledronic acid": the docetaxel level is docetaxel plus the shared cyclophosphamide, without
    the other factor's drug."""
    rows = rows_of(nlp, DRUG_FACTOR, ARM_ROW)
    assert arm_of(rows, 85.5) == "cyclophosphamide+docetaxel"
    assert arm_of(rows, 84.6) == "cyclophosphamide+paclitaxel"


def test_two_by_two_spelled_out_drug_levels(nlp):
    """ "two-by-two factorial": "with/without zoledronic acid" are the backbone with and
    without it; the hazard ratio between the levels has no arm."""
    rows = rows_of(nlp, DRUG_FACTOR, ARM_ROW)
    assert arm_of(rows, 86.1) == "cyclophosphamide+zoledronic acid"
    assert arm_of(rows, 84.0) == "cyclophosphamide"
    assert arm_of(rows, 0.88) is None


def test_two_randomisations_with_or_without(nlp):
    """ "a factorial design with two randomisations: A versus B, and with or without X": the
    X levels are the backbone with and without X, pooled over A and B."""
    rows = rows_of(nlp, TWO_RANDOMISATIONS, ARM_ROW)
    assert arm_of(rows, 9.2) == "cyclophosphamide+doxorubicin+everolimus"
    assert arm_of(rows, 8.9) == "cyclophosphamide+doxorubicin"
    assert arm_of(rows, 0.96) is None
    assert arm_of(rows, 58.0) == "cyclophosphamide+docetaxel+doxorubicin"


def test_four_arms_written_as_a_factorial(nlp):
    """ "(1:1:1:1) to A or B, each with or without X": "A plus X" is A+X+backbone, "A alone"
    is A+backbone; trastuzumab "for HER2-positive disease" is in no arm."""
    rows = rows_of(nlp, FOUR_ARMS, ARM_ROW)
    assert arm_of(rows, 48.0) == "bevacizumab+cyclophosphamide+docetaxel+epirubicin"
    assert arm_of(rows, 40.0) == "cyclophosphamide+docetaxel+epirubicin"
    assert arm_of(rows, 46.0) == "bevacizumab+cyclophosphamide+epirubicin+paclitaxel"
    assert arm_of(rows, 39.0) == "cyclophosphamide+epirubicin+paclitaxel"


def test_single_level_of_four_arms_is_pooled(nlp):
    """A value by "with X" alone in a four-arm factorial is pooled over A and B: the level's
    regimen, the backbone plus X."""
    rows = rows_of(nlp, FOUR_ARMS, ARM_ROW)
    assert arm_of(rows, 47.0) == "bevacizumab+cyclophosphamide+epirubicin"
    assert arm_of(rows, 39.5) == "cyclophosphamide+epirubicin"


def test_subtype_partners_are_left_out(nlp):
    """Trastuzumab for HER2-positive and carboplatin for triple-negative tumours are chosen
    per patient: no level holds them."""
    rows = rows_of(nlp, SUBTYPE_PARTNERS, ARM_ROW)
    assert arm_of(rows, 44.0) == "denosumab+paclitaxel"
    assert arm_of(rows, 41.5) == "paclitaxel"
    assert arm_of(rows, 8.0) == "paclitaxel"
    assert arm_of(rows, 12.0) == "paclitaxel"


def test_single_randomisation_with_or_without_is_read_as_before(nlp):
    """Negative: "A with or without X" (one randomisation) and a Background "with or without"
    are a plain two-arm design, no factorial."""
    rows = rows_of(nlp, ONE_RANDOMISATION, ARM_ROW)
    assert arm_of(rows, 18.5) == "docetaxel+pertuzumab"
    assert arm_of(rows, 12.4) == "docetaxel"
    assert arm_of(rows, 0.62) is None


def test_factorial_word_in_background_reads_no_levels(nlp):
    """Negative: "factorial" in a Background sentence that randomises nothing leaves the
    two-arm design as it was."""
    text = (
        "Background: Factorial trials can test docetaxel or paclitaxel and denosumab or no "
        "denosumab at once. Methods: Patients were randomly assigned to docetaxel with or "
        "without pertuzumab. Results: Median PFS was 18.5 months with pertuzumab and 12.4 "
        "months without pertuzumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 18.5) == "docetaxel+pertuzumab"
    assert arm_of(rows, 12.4) == "docetaxel"


PLACEBO_FACTOR = (
    "Methods: This was a 2 x 2 factorial trial. Patients were randomly assigned to docetaxel or "
    "paclitaxel and to denosumab or placebo; all received trastuzumab. Results: Disease-free "
    "survival at 3 years was 88% in the denosumab group and 86% in the placebo group."
)


def test_factorial_announced_in_the_sentence_before(nlp):
    """ "This was a 2 x 2 factorial trial. Patients were randomly assigned to ...": the
    design sentence right after the factorial word is read."""
    rows = rows_of(nlp, PLACEBO_FACTOR, ARM_ROW)
    assert arm_of(rows, 88.0) == "denosumab+trastuzumab"


def test_placebo_level_is_the_backbone(nlp):
    """ "X or placebo" is an add-on factor: "the placebo group" is the backbone alone."""
    rows = rows_of(nlp, PLACEBO_FACTOR, ARM_ROW)
    assert arm_of(rows, 86.0) == "trastuzumab"


def test_population_subtype_keeps_the_backbone(nlp):
    """Negative: "patients with HER2-positive breast cancer were randomly assigned" names the
    population, not a partner: trastuzumab that all patients received stays on the backbone."""
    text = (
        "Methods: In a 2x2 factorial design, patients with HER2-positive breast cancer were "
        "randomly assigned to docetaxel or paclitaxel and to denosumab or no denosumab; all "
        "patients received trastuzumab. Results: The pCR rate was 61% with denosumab and 58% "
        "without denosumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 61.0) == "denosumab+trastuzumab"
    assert arm_of(rows, 58.0) == "trastuzumab"
