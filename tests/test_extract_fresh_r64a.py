"""Fresh round 64 (a): short forms the text defines, label brackets and clause-style arms.

The first arm's drug leaked into "(PH group)" of "A (DH group) or B (PH group)": Schwartz–Hearst
paired the whole "PH group" with a long form reaching back over A. "trastuzumab with (TP) or
without (T) pertuzumab" left the lexicon's TP (docetaxel plus pertuzumab) in place, so docetaxel
entered the drugs. "(THP, chemotherapy group)" joined the short form to the label;
"chemotherapy-free" read as a chemotherapy mention; "(HP; endocrine therapy group)" after a
fuller regimen became an arm of its own. Arms described in clauses ("In arm A, patients
received X", "arm A, which received X") and arms lasting "until progression" named nothing."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text

DH_PH = (
    "Title\n\nPatients were randomly assigned to docetaxel plus trastuzumab (DH group) or "
    "paclitaxel plus trastuzumab (PH group). The pCR rate was 40% in the DH group and 50% in "
    "the PH group."
)
XH_PH = (
    "Title\n\nA total of 200 patients were randomly assigned to capecitabine plus trastuzumab "
    "(XH group) or paclitaxel plus trastuzumab (PH group). Median PFS was 8.1 months in the XH "
    "group and 9.0 months in the PH group."
)


def test_group_label_short_form_reads_its_own_bracket(nlp):
    """ "A (DH group) or B (PH group)": the PH group is B, without A's drug."""
    arms = arms_of(nlp, DH_PH)
    assert arms[40.0] == "docetaxel+trastuzumab"
    assert arms[50.0] == "paclitaxel+trastuzumab"


def test_group_label_short_form_second_phrasing(nlp):
    """The same with a capecitabine arm first."""
    arms = arms_of(nlp, XH_PH)
    assert arms[8.1] == "capecitabine+trastuzumab"
    assert arms[9.0] == "paclitaxel+trastuzumab"


TP_T = (
    "Title\n\nPatients were randomly assigned to trastuzumab with (TP) or without (T) "
    "pertuzumab. The pCR rate was 60% in the TP arm and 45% in the T arm."
)


def test_with_or_without_brackets_define_the_short_forms(nlp):
    """ "A with (TP) or without (T) X": TP is A plus X, not the lexicon's docetaxel plus
    pertuzumab, and docetaxel, which the text never names, is no drug."""
    ex = extract_text(nlp, TP_T)
    assert ex.drugs == ["pertuzumab", "trastuzumab"]
    arms = {o.value: o.arm for o in ex.outcomes}
    assert arms[60.0] == "pertuzumab+trastuzumab"
    assert arms[45.0] == "trastuzumab"


def test_with_or_without_brackets_in_an_adverse_event_sentence(nlp):
    """The defined TP names its arm in a safety sentence too."""
    text = (
        "Title\n\nPatients received trastuzumab with (TP) or without (T) pertuzumab. Grade 3 "
        "diarrhea occurred in 8% of patients in the TP group."
    )
    ex = extract_text(nlp, text)
    assert "docetaxel" not in ex.drugs
    assert [o.arm for o in ex.outcomes] == ["pertuzumab+trastuzumab"]


def test_with_or_without_brackets_over_a_lexicon_pair(nlp):
    """ "paclitaxel with (PH) or without (P) trastuzumab": PH is paclitaxel plus trastuzumab,
    not the lexicon's pertuzumab plus trastuzumab."""
    text = (
        "Title\n\nPatients were randomly assigned to paclitaxel with (PH) or without (P) "
        "trastuzumab. Median PFS was 10.2 months in the PH arm and 6.1 months in the P arm."
    )
    arms = arms_of(nlp, text)
    assert arms[10.2] == "paclitaxel+trastuzumab"
    assert arms[6.1] == "paclitaxel"


def test_letter_bracketed_after_alone_is_defined(nlp):
    """ "trastuzumab alone (T)": "with T" later is trastuzumab, not the other arm."""
    text = (
        "Title\n\nPatients were randomly assigned to trastuzumab plus pertuzumab (TP) or "
        "trastuzumab alone (T). The objective response rate was 70% with TP and 50% with T."
    )
    arms = arms_of(nlp, text)
    assert arms[70.0] == "pertuzumab+trastuzumab"
    assert arms[50.0] == "trastuzumab"


THP_COMMA = (
    "Title\n\nPatients were randomly assigned to docetaxel, trastuzumab and pertuzumab (THP, "
    "chemotherapy group) or trastuzumab and pertuzumab alone (HP, chemotherapy-free group). The "
    "pCR rate was 57% in the chemotherapy group and 35% in the chemotherapy-free group."
)


def test_label_after_short_form_and_comma(nlp):
    """ "(THP, chemotherapy group)" labels the chemotherapy group as "(THP; ...)" does, and
    "(HP, chemotherapy-free group)" the other."""
    arms = arms_of(nlp, THP_COMMA)
    assert arms[57.0] == "docetaxel+pertuzumab+trastuzumab"
    assert arms[35.0] == "pertuzumab+trastuzumab"


def test_chemotherapy_free_label_is_no_chemotherapy_mention(nlp):
    """ "in the chemotherapy-free arm" is the arm labelled so, not the chemotherapy arm."""
    text = (
        "Title\n\nPatients were randomized to paclitaxel plus trastuzumab (chemotherapy arm) or "
        "trastuzumab plus pertuzumab (chemotherapy-free arm). The ORR was 62% in the "
        "chemotherapy-free arm and 71% in the chemotherapy arm."
    )
    arms = arms_of(nlp, text)
    assert arms[62.0] == "pertuzumab+trastuzumab"
    assert arms[71.0] == "paclitaxel+trastuzumab"


def test_chemotherapy_free_group_written_first(nlp):
    """The chemotherapy-free group defined first keeps its label."""
    text = (
        "Title\n\nPatients were randomized to trastuzumab and pertuzumab (chemotherapy-free "
        "group) or docetaxel, trastuzumab and pertuzumab (chemotherapy group). The pCR rate was "
        "36% in the chemotherapy-free group and 58% in the chemotherapy group."
    )
    arms = arms_of(nlp, text)
    assert arms[36.0] == "pertuzumab+trastuzumab"
    assert arms[58.0] == "docetaxel+pertuzumab+trastuzumab"


def test_short_form_of_part_of_the_arm_then_label(nlp):
    """ "A and B plus C (HP; endocrine therapy group)": HP names part of the arm, no arm of
    its own; the label names the whole arm."""
    text = (
        "Title\n\nPatients were randomly assigned to docetaxel, carboplatin, trastuzumab and "
        "pertuzumab (TCHP; chemotherapy group) or trastuzumab and pertuzumab plus letrozole "
        "(HP; endocrine therapy group). The pCR rate was 50% in the chemotherapy group and 20% "
        "in the endocrine therapy group."
    )
    arms = arms_of(nlp, text)
    assert arms[50.0] == "carboplatin+docetaxel+pertuzumab+trastuzumab"
    assert arms[20.0] == "letrozole+pertuzumab+trastuzumab"


def test_anthracycline_free_group_still_named(nlp):
    """Negative: "the anthracycline-free group" keeps naming the arm without one."""
    text = (
        "Title\n\nPatients were randomly assigned to epirubicin and cyclophosphamide followed by "
        "docetaxel plus trastuzumab (anthracycline group) or docetaxel, carboplatin and "
        "trastuzumab (anthracycline-free group). The pCR rate was 56% in the anthracycline "
        "group and 52% in the anthracycline-free group."
    )
    arms = arms_of(nlp, text)
    assert arms[56.0] == "cyclophosphamide+docetaxel+epirubicin+trastuzumab"
    assert arms[52.0] == "carboplatin+docetaxel+trastuzumab"


def test_clause_arms_with_subject_after_comma(nlp):
    """ "In arm A, patients received X; in arm B, they received Y": arm A is X."""
    text = (
        "Title\n\nThis was a randomized phase II trial. In arm A, patients received docetaxel "
        "plus trastuzumab; in arm B, they received paclitaxel plus trastuzumab. The ORR was 55% "
        "in arm A and 48% in arm B."
    )
    arms = arms_of(nlp, text)
    assert arms[55.0] == "docetaxel+trastuzumab"
    assert arms[48.0] == "paclitaxel+trastuzumab"


def test_clause_arms_numbered_groups(nlp):
    """ "In group 1, patients received X; in group 2, patients received Y"."""
    text = (
        "Title\n\nEligible patients were randomized. In group 1, patients received lapatinib "
        "plus capecitabine; in group 2, patients received trastuzumab plus capecitabine. The ORR "
        "was 27% in group 1 and 32% in group 2."
    )
    arms = arms_of(nlp, text)
    assert arms[27.0] == "capecitabine+lapatinib"
    assert arms[32.0] == "capecitabine+trastuzumab"


def test_lettered_arm_which_received(nlp):
    """ "randomized to arm A, which received X, and arm B, which received Y"."""
    text = (
        "Title\n\nPatients were randomized to arm A, which received capecitabine plus lapatinib, "
        "and arm B, which received capecitabine plus trastuzumab. Median PFS was 6.6 months in "
        "arm A and 8.0 months in arm B."
    )
    arms = arms_of(nlp, text)
    assert arms[6.6] == "capecitabine+lapatinib"
    assert arms[8.0] == "capecitabine+trastuzumab"


def test_lettered_arm_which_received_or(nlp):
    """The same joined by "or"."""
    text = (
        "Title\n\nPatients were randomly allocated to arm A, which received pertuzumab plus "
        "trastuzumab, or arm B, which received T-DM1. Median PFS was 14.1 months in arm A and "
        "15.2 months in arm B."
    )
    arms = arms_of(nlp, text)
    assert arms[14.1] == "pertuzumab+trastuzumab"
    assert arms[15.2] == "trastuzumab emtansine"


def test_dose_cohorts_with_elided_verb_stay_null(nlp):
    """Negative: "cohort 1 received pyrotinib 240 mg; cohort 2, 320 mg" are dose levels."""
    text = (
        "Title\n\nIn this phase I dose-escalation study, cohort 1 received pyrotinib 240 mg; "
        "cohort 2, 320 mg; and cohort 3, 400 mg. The ORR was 30% in cohort 1 and 50% in "
        "cohort 2."
    )
    assert set(arms_of(nlp, text).values()) == {None}


def test_described_dose_cohorts_stay_null(nlp):
    """Negative: cohorts described with their verb, one drug at two doses, no randomisation."""
    text = (
        "Title\n\nIn this dose-escalation study, cohort 1 received pyrotinib 240 mg and cohort 2 "
        "received pyrotinib 320 mg. The ORR was 30% in cohort 1 and 50% in cohort 2."
    )
    assert set(arms_of(nlp, text).values()) == {None}


def test_colon_dose_cohorts_stay_null(nlp):
    """Negative: "cohort 1: pyrotinib 240 mg; cohort 2: pyrotinib 320 mg" of a dose-escalation
    study are dose levels too."""
    text = (
        "Title\n\nIn this phase I dose-escalation study, patients were enrolled in three "
        "cohorts: cohort 1: pyrotinib 240 mg; cohort 2: pyrotinib 320 mg; cohort 3: pyrotinib "
        "400 mg. The ORR was 30% in cohort 1 and 50% in cohort 2."
    )
    assert set(arms_of(nlp, text).values()) == {None}


def test_randomised_colon_arms_still_read(nlp):
    """Negative of the above: "randomized to arm A: X; arm B: Y" still defines two arms."""
    text = (
        "Title\n\nPatients were randomized to arm A: docetaxel plus trastuzumab; arm B: "
        "paclitaxel plus trastuzumab. The ORR was 55% in arm A and 48% in arm B."
    )
    arms = arms_of(nlp, text)
    assert arms[55.0] == "docetaxel+trastuzumab"
    assert arms[48.0] == "paclitaxel+trastuzumab"


def test_randomised_dose_cohorts_carry_the_regimen(nlp):
    """Negative of the above: randomised dose arms carry their regimen."""
    text = (
        "Title\n\nPatients were randomized to 240 mg or 320 mg of pyrotinib. In cohort 1, "
        "patients received pyrotinib 240 mg; in cohort 2, patients received pyrotinib 320 mg. "
        "The ORR was 40% in cohort 1 and 55% in cohort 2."
    )
    assert set(arms_of(nlp, text).values()) == {"pyrotinib"}


def test_duration_arm_until_progression(nlp):
    """ "A for 12 months (12-month arm) or until progression (continuous arm)": both are A."""
    text = (
        "Title\n\nPatients were randomly assigned to trastuzumab for 12 months (12-month arm) or "
        "until progression (continuous arm). Median PFS was 10.1 months in the 12-month arm and "
        "12.4 months in the continuous arm."
    )
    assert arms_of(nlp, text) == {10.1: "trastuzumab", 12.4: "trastuzumab"}


def test_duration_arm_until_progression_or_toxicity(nlp):
    """ "... or until disease progression or unacceptable toxicity (continuous group)"."""
    text = (
        "Title\n\nPatients were randomized to receive trastuzumab for 1 year (1-year group) or "
        "until disease progression or unacceptable toxicity (continuous group). The 2-year PFS "
        "rate was 60% in the 1-year group and 71% in the continuous group."
    )
    assert arms_of(nlp, text) == {60.0: "trastuzumab", 71.0: "trastuzumab"}


def test_duration_arm_until_progression_other_label(nlp):
    """ "for 6 months (6-month arm) or until progression (extended arm)"."""
    text = (
        "Title\n\nPatients were assigned to pyrotinib for 6 months (6-month arm) or until "
        "progression (extended arm). The 3-year DFS rate was 88% in the 6-month arm and 90% in "
        "the extended arm."
    )
    assert arms_of(nlp, text) == {88.0: "pyrotinib", 90.0: "pyrotinib"}
