"""Fresh-text round 48: 14 invented results sections of randomised and multi-cohort HER2 studies
in gastric, colorectal, biliary, lung, endometrial and urothelial cancer, several in the style of
Chinese, Japanese and Korean journals (SOX/CAPOX/FOLFOX/gemcitabine-cisplatin/carboplatin-
paclitaxel backbones, immunotherapy partners, "study/control/observation group", "group A/B",
cohorts by HER2 level, "mPFS 8.1 m vs 5.6 m", "(χ2=4.21, P=0.04)"). 82 of 108 values had the
curator's arm; the 26 others came from two language patterns. A group named with an indefinite
article before the bracket holding its regimen ("divided into an observation group (pyrotinib,
n=36) and a control group (docetaxel, n=36)") was not named, so "the observation group" and
"the control group" later were read by order or not at all (three texts, 23 values). "The
control arm" of "carboplatin-paclitaxel alone or with trastuzumab" was read as the last arm
written, the trastuzumab arm (one text, 3 values, and 2 more that followed their order)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

PYROTINIB = "pyrotinib"
SOX = "oxaliplatin+tegafur/gimeracil/oteracil"

OBSERVATION = (
    "Pyrotinib versus docetaxel in HER2-mutant non-small cell lung cancer\n\n"
    "A total of 72 patients were divided into an observation group (pyrotinib 400 mg daily, "
    "n=36) and a control group (docetaxel 75 mg/m2, n=36) according to the random number table "
    "method. The ORR of the observation group was 30.6%, which was higher than that of the "
    "control group (11.1%) (χ2=4.21, P=0.04). The mPFS was 6.9 m in the observation group and "
    "4.1 m in the control group (P<0.05). The incidence of diarrhoea in the observation group "
    "was higher than that in the control group (44.4% vs 8.3%, P<0.05)."
)


def test_group_after_indefinite_article_is_named_by_its_word(nlp):
    """ "into an observation group (A, n=36) and a control group (B, n=36)": both named."""
    labels = [sorted(a.labels) for a in registry_of(nlp, OBSERVATION).arms]
    assert labels == [["observation"], ["control"]]


def test_named_groups_give_their_values_arms(nlp):
    """Each later "observation group"/"control group" value carries that group's regimen,
    whichever order the two groups are written in."""
    rows = rows_of(nlp, OBSERVATION, ARM_ROW)
    assert arm_of(rows, 30.6) == PYROTINIB
    assert arm_of(rows, 11.1) == "docetaxel"
    assert arm_of(rows, 6.9) == PYROTINIB
    assert arm_of(rows, 44.4) == PYROTINIB
    assert arm_of(rows, 8.3) == "docetaxel"


COMBINATION = (
    "Camrelizumab combined with trastuzumab and SOX in HER2-positive advanced gastric cancer\n\n"
    "98 patients were randomly divided into a combination group (camrelizumab + trastuzumab + "
    "SOX, n=49) and a conventional group (trastuzumab + SOX, n=49). The ORR and DCR of the "
    "combination group were 65.3% and 89.8%, respectively, higher than those of the "
    "conventional group (44.9% and 73.5%) (P<0.05). The 1-year OS rate was 71.4% vs 55.1% "
    "(χ2=4.62, P=0.032)."
)


def test_named_groups_with_chained_regimens(nlp):
    """ "a combination group (A + B + SOX) and a conventional group (B + SOX)": the groups'
    values, and an unlabelled "X% vs Y%" in the design's order, carry their regimens."""
    rows = rows_of(nlp, COMBINATION, ARM_ROW)
    combination = "camrelizumab+" + SOX + "+trastuzumab"
    assert arm_of(rows, 65.3) == combination
    assert arm_of(rows, 89.8) == combination
    assert arm_of(rows, 73.5) == SOX + "+trastuzumab"
    assert arm_of(rows, 55.1) == SOX + "+trastuzumab"


def test_single_cohort_bracket_still_gives_whole_population_values(nlp):
    """Negative: "enrolled into a single cohort (A)" names no arm of a comparison; the study's
    values stay whole-population (null)."""
    text = (
        "Trastuzumab deruxtecan in gastric cancer\n\n"
        "Patients were enrolled into a single cohort (trastuzumab deruxtecan 6.4 mg/kg, n=40). "
        "The ORR in the cohort was 42.5%. Median PFS was 5.6 months."
    )
    assert [r.arm for r in rows_of(nlp, text, ARM_ROW)] == [None, None]


def test_group_counted_without_regimen_names_no_arm(nlp):
    """Negative: "into a study group (n=43) and a control group (n=43)": the brackets hold
    counts, not regimens, so the names come from the sentence that says what each received."""
    text = (
        "Trastuzumab with SOX in gastric cancer\n\n"
        "A total of 86 patients were randomly divided into a study group (n=43) and a control "
        "group (n=43). The control group received SOX chemotherapy, and the study group "
        "received trastuzumab plus SOX. The ORR of the study group was 62.8%, higher than "
        "41.9% of the control group (P=0.04)."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 62.8) == SOX + "+trastuzumab"
    assert arm_of(rows, 41.9) == SOX


ALONE_OR_WITH = (
    "Carboplatin-paclitaxel with or without trastuzumab in uterine serous carcinoma\n\n"
    "Sixty-one patients were randomised to carboplatin-paclitaxel alone or with trastuzumab. "
    "Median PFS was 12.9 months in the trastuzumab arm and 8.0 months in the control arm (HR "
    "0.46, 90% CI 0.28-0.76; P=0.005). Median OS was 29.6 and 24.4 months, respectively."
)


def test_control_of_backbone_written_first_is_the_backbone(nlp):
    """ "A alone or with B": the control arm is A, though it is written first."""
    rows = rows_of(nlp, ALONE_OR_WITH, ARM_ROW)
    assert arm_of(rows, 8.0) == "carboplatin+paclitaxel"
    assert arm_of(rows, 12.9) == "carboplatin+paclitaxel+trastuzumab"


def test_respectively_follows_the_order_of_the_sentence_before(nlp):
    """ "29.6 and 24.4 months, respectively" after "in the trastuzumab arm and ... in the
    control arm": the order the previous sentence gave."""
    rows = rows_of(nlp, ALONE_OR_WITH, ARM_ROW)
    assert arm_of(rows, 29.6) == "carboplatin+paclitaxel+trastuzumab"
    assert arm_of(rows, 24.4) == "carboplatin+paclitaxel"


def test_control_of_added_drug_design_with_plain_or(nlp):
    """ "A or A plus B" (no "alone"): A is still the control."""
    text = (
        "Ramucirumab in gastric cancer\n\n"
        "Patients were randomised to docetaxel or docetaxel plus ramucirumab. Median OS was 9.1 "
        "months in the control arm."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 9.1) == "docetaxel"


def test_control_of_de_escalation_is_the_fuller_arm(nlp):
    """Negative: "HP or HP and docetaxel" drops chemotherapy from the standard: the control is
    the arm with docetaxel, written last."""
    text = (
        "Chemotherapy-free therapy in gastric cancer\n\n"
        "Patients were randomised to trastuzumab plus pertuzumab or trastuzumab plus pertuzumab "
        "and docetaxel. Median OS was 9.1 months in the control arm."
    )
    arm = arm_of(rows_of(nlp, text, ARM_ROW), 9.1)
    assert arm == "docetaxel+pertuzumab+trastuzumab"


def test_control_of_unrelated_arms_is_the_last(nlp):
    """Negative: two arms sharing no backbone keep the order rule (the last is the control)."""
    text = (
        "Pyrotinib in lung cancer\n\n"
        "Patients were randomised to pyrotinib or docetaxel. Median PFS was 4.1 months in the "
        "control arm."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 4.1) == "docetaxel"
