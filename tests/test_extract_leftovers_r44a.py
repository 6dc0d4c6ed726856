"""Left-overs of round 44 (a): arm designs. Randomised dose arms lost their regimen in a
"respectively" sentence right after the design (the regimen and its first dose were counted as two
groups); "A or B with C and D" gave the partner to B only when C shares the alternatives' role; a
partner before dosed alternatives ("trastuzumab plus docetaxel 75 mg/m2 or paclitaxel 80 mg/m2")
stayed with the first; a biosimilar and its reference "with docetaxel" (no "each") kept the partner
from one twin, and a code compared with the reference in a sentence that says "biosimilar" but
names no reference was not read as that drug."""

from __future__ import annotations

from extract_helpers import ARM_ROW, CLASS_OF, arm_of, drug_hits, rows_of

from her2mine.extract.backbones import shared_backbone
from her2mine.extract.regimens import group_regimens

TDXD = "trastuzumab deruxtecan"

DOSE_ARMS = (
    "Trastuzumab deruxtecan at two doses\n\n"
    "Patients were randomised to T-DXd 5.4 mg/kg or 6.4 mg/kg. ORR was 49.0% and 56.0%, "
    "respectively. Median duration of response was 16.8 months and not estimable, respectively."
)


def test_dose_arms_respectively_right_after_the_design_take_the_regimen(nlp):
    """ "T-DXd 5.4 mg/kg or 6.4 mg/kg. ORR was 49.0% and 56.0%, respectively": two dose arms of
    one regimen, so both rates carry it (the list counted T-DXd and 5.4 mg/kg as two groups)."""
    rows = rows_of(nlp, DOSE_ARMS, ARM_ROW)
    assert [r.arm for r in rows if r.endpoint == "ORR"] == [TDXD, TDXD]
    assert [r.arm for r in rows if r.endpoint == "DOR"] == [TDXD, TDXD]


def test_three_dose_arms_respectively_take_the_regimen(nlp):
    """A variant: three doses, three rates."""
    text = (
        "Title\n\nPatients were randomly assigned to T-DXd 5.4 mg/kg, 6.4 mg/kg or 7.4 mg/kg. "
        "The ORR was 49%, 56% and 60%, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows if r.endpoint == "ORR"] == [TDXD, TDXD, TDXD]


def test_dose_escalation_cohorts_respectively_stay_null(nlp):
    """Negative: the dose-escalation cohorts of a phase 1 study are whole-population subsets."""
    text = (
        "Title\n\nIn this phase 1 study, patients received T-DXd 5.4 mg/kg or 6.4 mg/kg in "
        "dose-escalation cohorts. ORR was 49.0% and 56.0%, respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert [r.arm for r in rows if r.endpoint == "ORR"] == [None, None]


CHEMO_CHOICE = (
    "Title\n\nPatients were randomized to docetaxel or paclitaxel with carboplatin and "
    "trastuzumab. Median PFS was 14.0 months with docetaxel and 13.1 months with paclitaxel."
)


def test_partner_list_of_another_role_after_alternatives_is_shared(nlp):
    """ "docetaxel or paclitaxel with carboplatin and trastuzumab": the partner brings the
    anti-HER2 role the taxanes lack, so each taxane takes it (docetaxel was an arm alone)."""
    rows = rows_of(nlp, CHEMO_CHOICE, ARM_ROW)
    assert arm_of(rows, 14.0) == "carboplatin+docetaxel+trastuzumab"
    assert arm_of(rows, 13.1) == "carboplatin+paclitaxel+trastuzumab"


def test_shared_partner_list_before_a_sequence_respectively(nlp):
    """A variant: "plus" and a later phase; the rates zip with the two arms in order."""
    text = (
        "Title\n\nPatients were randomized to docetaxel or paclitaxel plus carboplatin and "
        "trastuzumab, followed by trastuzumab alone. The pCR rates were 40% and 45%, "
        "respectively."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 40.0) == "carboplatin+docetaxel+trastuzumab"
    assert arm_of(rows, 45.0) == "carboplatin+paclitaxel+trastuzumab"


def test_partner_of_the_alternatives_role_alone_stays_with_the_last(nlp):
    """Negative: a chemotherapy partner of chemotherapy alternatives, with no other role, may
    be the second alternative's own ("docetaxel or paclitaxel with carboplatin")."""
    text = (
        "Title\n\nPatients were randomized to docetaxel or paclitaxel with carboplatin. Median "
        "PFS was 14.0 months with docetaxel and 13.1 months with paclitaxel."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 14.0) == "docetaxel"
    assert arm_of(rows, 13.1) == "carboplatin+paclitaxel"


def test_anti_her2_alternatives_keep_a_dual_blockade_partner_apart(nlp):
    """Negative: "lapatinib or trastuzumab with pertuzumab and paclitaxel" may be lapatinib
    against dual blockade; lapatinib is not given pertuzumab."""
    text = (
        "Title\n\nPatients were randomized to lapatinib or trastuzumab with pertuzumab and "
        "paclitaxel. Median PFS was 14.0 months with lapatinib and 13.1 months with trastuzumab."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 14.0) == "lapatinib"


TAXANE_DOSES = (
    "Title\n\nPatients were randomised to trastuzumab plus docetaxel 75 mg/m2 or paclitaxel "
    "80 mg/m2. ORR was 62% with docetaxel and 55% with paclitaxel."
)


def test_partner_before_dosed_alternatives_is_shared(nlp):
    """ "trastuzumab plus docetaxel 75 mg/m2 or paclitaxel 80 mg/m2": the dose before the "or"
    no longer hides the list of taxanes, so paclitaxel takes trastuzumab too."""
    rows = rows_of(nlp, TAXANE_DOSES, ARM_ROW)
    assert arm_of(rows, 62.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 55.0) == "paclitaxel+trastuzumab"


def test_partner_before_dosed_alternatives_with_schedules_is_shared(nlp):
    """A variant: each dose with its schedule."""
    text = TAXANE_DOSES.replace("75 mg/m2", "75 mg/m2 every 3 weeks").replace(
        "80 mg/m2", "80 mg/m2 weekly"
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 55.0) == "paclitaxel+trastuzumab"


def test_dosed_alternative_of_another_role_stays_as_written(nlp):
    """Negative: "trastuzumab plus lapatinib 1000 mg or docetaxel 75 mg/m2": docetaxel plays no
    role of lapatinib's, so it is an arm alone."""
    text = (
        "Title\n\nPatients were randomized to trastuzumab plus lapatinib 1000 mg or docetaxel "
        "75 mg/m2. ORR was 62% with lapatinib and 55% with docetaxel."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 62.0) == "lapatinib+trastuzumab"
    assert arm_of(rows, 55.0) == "docetaxel"


BIOSIMILAR = (
    "Title\n\nPatients were randomly assigned to trastuzumab or AB12 with docetaxel in this "
    "biosimilar study. ORR was 70% with trastuzumab and 68% with AB12."
)


def test_biosimilar_twins_share_the_partner_without_each(nlp):
    """ "trastuzumab or AB12 with docetaxel in this biosimilar study": AB12 is compared with
    trastuzumab where the text says "biosimilar", so both are twins given docetaxel."""
    rows = rows_of(nlp, BIOSIMILAR, ARM_ROW)
    assert arm_of(rows, 70.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 68.0) == "docetaxel+trastuzumab"


def test_named_reference_twins_share_the_partner(nlp):
    """A variant: the reference is named in another sentence, the code written first."""
    text = (
        "Title\n\nAB12 is a proposed trastuzumab biosimilar. Patients were randomly assigned to "
        "AB12 or trastuzumab with docetaxel. ORR was 68% with AB12 and 70% with trastuzumab."
    )
    rows = rows_of(nlp, text, ARM_ROW)
    assert arm_of(rows, 68.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 70.0) == "docetaxel+trastuzumab"


def test_code_outside_a_biosimilar_sentence_stays_apart(nlp):
    """Negative: "biosimilar" in another sentence, no reference named: AB12 is no trastuzumab."""
    text = (
        "Title\n\nPatients were randomly assigned to trastuzumab or AB12 with docetaxel. This "
        "is not a biosimilar. ORR was 70% with trastuzumab and 68% with AB12."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 70.0) == "trastuzumab"


def test_one_drug_written_twice_is_no_twin_pair(nlp):
    """Negative: "trastuzumab or trastuzumab with pertuzumab" is trastuzumab against the
    combination, not twins."""
    text = (
        "Title\n\nPatients were randomly assigned to trastuzumab or trastuzumab with "
        "pertuzumab. The pCR rate was 30% with trastuzumab alone."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 30.0) == "trastuzumab"


COHORT = (
    "Title\n\nIn this retrospective cohort, patients treated with docetaxel or paclitaxel with "
    "trastuzumab had a median PFS of 12.1 months"
)


def test_value_over_a_cohort_given_a_choice_is_a_whole_population_value(nlp):
    """ "patients treated with docetaxel or paclitaxel with trastuzumab had a median PFS of
    12.1 months": the one value pools both taxanes, so it has no arm (was trastuzumab)."""
    assert arm_of(rows_of(nlp, COHORT + ".", ARM_ROW), 12.1) is None


def test_per_option_values_in_the_cohort_sentence_take_the_backbone(nlp):
    """ "... 12.1 months with docetaxel and 10.2 months with paclitaxel": the values' taxanes
    repeat the options, so they are no arms of their own (each was a taxane alone)."""
    rows = rows_of(nlp, COHORT + " with docetaxel and 10.2 months with paclitaxel.", ARM_ROW)
    assert arm_of(rows, 12.1) == "docetaxel+trastuzumab"
    assert arm_of(rows, 10.2) == "paclitaxel+trastuzumab"


def test_a_drug_after_a_value_that_was_no_option_is_still_an_arm(nlp):
    """Negative: "versus 9.0 months with lapatinib" names a drug the cohort was not offered."""
    rows = rows_of(nlp, COHORT + ", versus 9.0 months with lapatinib.", ARM_ROW)
    assert arm_of(rows, 9.0) == "lapatinib"


def test_cohort_given_one_regimen_keeps_it(nlp):
    """Negative: a clause naming one regimen, no choice, gives its value that regimen."""
    text = COHORT.replace("docetaxel or paclitaxel with", "docetaxel plus") + "."
    assert arm_of(rows_of(nlp, text, ARM_ROW), 12.1) == "docetaxel+trastuzumab"


def test_choice_naming_one_arm_of_two_keeps_that_arm(nlp):
    """Negative: with a second arm in the design, the choice names its arm."""
    text = (
        "Title\n\nPatients were randomised to trastuzumab with docetaxel or paclitaxel or to "
        "lapatinib with capecitabine. Patients treated with docetaxel or paclitaxel with "
        "trastuzumab had a median PFS of 12.1 months."
    )
    assert arm_of(rows_of(nlp, text, ARM_ROW), 12.1) == "trastuzumab"


def test_dosed_last_alternative_alone_takes_no_backbone():
    """Negative (the backbone rule itself; the pipeline's option reading comes first): "... or
    paclitaxel 80 mg/m2 weekly alone" says the last alternative goes without trastuzumab."""
    text = "trastuzumab plus docetaxel 75 mg/m2 or paclitaxel 80 mg/m2 weekly alone"
    regs = group_regimens(text, drug_hits(text, "trastuzumab", "docetaxel", "paclitaxel"))
    shared = shared_backbone(text, regs, CLASS_OF)
    assert shared is None or shared.own.get(len(regs) - 1) is None
    dosed = text.replace(" weekly alone", "")
    regs = group_regimens(dosed, drug_hits(dosed, "trastuzumab", "docetaxel", "paclitaxel"))
    assert shared_backbone(dosed, regs, CLASS_OF) is not None
