"""Round 57: short forms defined jointly and a later phase shared by both arms. "endocrine therapy
or paclitaxel, each combined with trastuzumab and pertuzumab (ET+HP and Pac+HP, respectively)"
gave no short form its arm, so "with ET+HP" had none and "the Pac+HP arm" read its "HP" as the
endocrine arm; "(arms A and B, respectively)" labelled no arm either. "12 weeks (standard arm)
or 24 weeks (extended arm) of lapatinib plus trastuzumab, followed in both arms by paclitaxel
with trastuzumab" left paclitaxel out of the arm, and "with extended therapy" named no arm."""

from __future__ import annotations

from extract_helpers import arm_of, registry_of, rows_of

HP = "pertuzumab+trastuzumab"
PAC_HP = "paclitaxel+pertuzumab+trastuzumab"
LPT = "lapatinib+paclitaxel+trastuzumab"

JOINT = (
    "Endocrine therapy or paclitaxel with dual HER2 blockade\n\n"
    "Patients were randomised to endocrine therapy or paclitaxel, each combined with "
    "trastuzumab and pertuzumab (ET+HP and Pac+HP, respectively). pCR was 23.3% with ET+HP and "
    "56.4% in the Pac+HP arm."
)

LETTERED = (
    "Docetaxel or vinorelbine with trastuzumab\n\n"
    "Patients were randomised to docetaxel plus trastuzumab or vinorelbine plus trastuzumab "
    "(arms A and B, respectively). The ORR was 60% in arm A and 45% in arm B."
)

THREE = (
    "Trastuzumab, lapatinib or both\n\n"
    "Patients were randomised to trastuzumab, lapatinib, or both (T, L and T+L, respectively). "
    "pCR was 29.5% with T, 24.7% with L and 51.3% with T+L."
)

DURATION = (
    "Duration of neoadjuvant dual blockade\n\n"
    "Patients were randomised to 12 weeks (standard arm) or 24 weeks (extended arm) of "
    "pre-operative lapatinib plus trastuzumab, followed in both arms by paclitaxel with "
    "trastuzumab. The pCR rate was 21% in the standard arm and 28% in the extended arm. pCR was "
    "33% with extended therapy."
)


def test_respectively_short_forms_name_their_arms(nlp):
    """Each short form of "(X and Y, respectively)" names the arm in its position; the
    endocrine therapy named by its class is no drug."""
    rows = rows_of(nlp, JOINT)
    assert arm_of(rows, 23.3) == HP
    assert arm_of(rows, 56.4) == PAC_HP


def test_respectively_short_forms_are_no_arms(nlp):
    """The bracket's short forms define no arm of their own: two arms stay two."""
    assert sorted(a.name for a in registry_of(nlp, JOINT).arms) == sorted([HP, PAC_HP])


def test_respectively_letters_label_their_arms(nlp):
    """ "(arms A and B, respectively)": "arm A" is the first arm, "arm B" the second."""
    rows = rows_of(nlp, LETTERED)
    assert arm_of(rows, 60.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 45.0) == "trastuzumab+vinorelbine"


def test_respectively_three_short_forms(nlp):
    """Three arms, "or both" among them, each named by its short form in order."""
    rows = rows_of(nlp, THREE)
    assert arm_of(rows, 29.5) == "trastuzumab"
    assert arm_of(rows, 24.7) == "lapatinib"
    assert arm_of(rows, 51.3) == "lapatinib+trastuzumab"


def test_respectively_short_form_before_a_group_word(nlp):
    """ "in the ET+HP group": the whole short form, not its "HP", names the group."""
    text = JOINT.replace(
        "pCR was 23.3% with ET+HP and 56.4% in the Pac+HP arm.",
        "Grade 3 neutropenia occurred in 2% in the ET+HP group and 18% in the Pac+HP group.",
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 2.0) == HP
    assert arm_of(rows, 18.0) == PAC_HP


def test_respectively_short_forms_before_a_plural_group_word(nlp):
    """ "(ET+HP and Pac+HP arms, respectively)": the closing "arms" is no part of the
    last form."""
    text = JOINT.replace(
        "(ET+HP and Pac+HP, respectively)", "(ET+HP and Pac+HP arms, respectively)"
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 23.3) == HP
    assert arm_of(rows, 56.4) == PAC_HP


def test_respectively_numbered_groups(nlp):
    """ "(groups 1 and 2, respectively)": "group 2" is the second arm."""
    text = LETTERED.replace("arms A and B", "groups 1 and 2").replace("arm A", "group 1")
    rows = rows_of(nlp, text.replace("arm B", "group 2"))
    assert arm_of(rows, 60.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 45.0) == "trastuzumab+vinorelbine"


def test_respectively_bracket_of_doses_names_no_arm(nlp):
    """Negative: "(100 and 30 mg/m2, respectively)" gives doses, no names."""
    text = (
        "Docetaxel or vinorelbine with trastuzumab\n\n"
        "Patients were randomised to docetaxel plus trastuzumab or vinorelbine plus trastuzumab "
        "(100 and 30 mg/m2, respectively). The ORR was 60% with docetaxel."
    )
    reg = registry_of(nlp, text)
    assert all(not a.labels for a in reg.arms)
    assert not reg.bare_forms and not reg.short_forms


def test_respectively_bracket_with_fewer_items_labels_nothing(nlp):
    """Negative: a "respectively" bracket whose items do not count the arms (here patient
    counts) names no arm."""
    text = (
        "Docetaxel or vinorelbine with trastuzumab\n\n"
        "Patients were randomised to docetaxel plus trastuzumab or vinorelbine plus trastuzumab "
        "(n = 40 and 42, respectively). The ORR was 60% in arm A."
    )
    reg = registry_of(nlp, text)
    assert all(not a.labels for a in reg.arms)
    assert not reg.bare_forms and not reg.short_forms


def test_later_phase_in_both_arms_joins_each_arm(nlp):
    """ "followed in both arms by C" is "followed by C": C joins the regimen of each group."""
    rows = rows_of(nlp, DURATION)
    assert arm_of(rows, 21.0) == LPT
    assert arm_of(rows, 28.0) == LPT


def test_later_phase_in_both_arms_of_two_regimens(nlp):
    """The same with two regimens: each arm carries the shared later phase."""
    text = (
        "Sequential therapy\n\n"
        "Patients were randomised to docetaxel plus trastuzumab or vinorelbine plus trastuzumab, "
        "followed in both arms by epirubicin. The ORR was 60% in the docetaxel arm and 45% in "
        "the vinorelbine arm."
    )
    rows = rows_of(nlp, text)
    assert arm_of(rows, 60.0) == "docetaxel+epirubicin+trastuzumab"
    assert arm_of(rows, 45.0) == "epirubicin+trastuzumab+vinorelbine"


def test_duration_label_with_therapy_names_its_group(nlp):
    """ "with extended therapy": a duration group's label before "therapy" names that group."""
    assert arm_of(rows_of(nlp, DURATION), 33.0) == LPT


def test_label_word_with_therapy_outside_duration_design_names_nothing(nlp):
    """Negative: "standard therapy" in a design of two regimens (no durations compared) is
    no reference to a labelled group."""
    text = (
        "Docetaxel or vinorelbine with trastuzumab\n\n"
        "Patients were randomised to docetaxel plus trastuzumab (standard arm) or vinorelbine "
        "plus trastuzumab (experimental arm). Historically, pCR was 33% with standard therapy."
    )
    assert arm_of(rows_of(nlp, text), 33.0) is None
