"""Review of round 12: readings the r12 rules got wrong.

A title or introduction naming two trials ("APHINITY and ExteNET: a review") made them one
study and switched the trial scoping of arms off; "(TCH), or treatment of physician's choice"
split the TCH arm; "arm A (previously treated with trastuzumab)" defined a trastuzumab arm;
"AC followed by paclitaxel, or paclitaxel plus carboplatin" put AC into the carboplatin arm;
"IC 95 % 0,57-0,92" read 0-57; "In patients who had completed ... chemotherapy plus
trastuzumab" named trastuzumab as the subgroup's arm.
"""

from __future__ import annotations

from extract_helpers import arms_of, outcomes_of, registry_of, trials_in
from test_extract_held_out_r12a import APHINITY_EXTENET as R12A_APHINITY_EXTENET
from test_extract_held_out_r12a import NALA_PHOEBE as R12A_NALA_PHOEBE

# The round's review texts without their titles (each test gives its own title or none).
APHINITY_EXTENET = R12A_APHINITY_EXTENET.split("\n\n", 1)[1]


def test_a_title_naming_two_trials_keeps_their_arms_apart(nlp):
    # Before: the title named both trials, so they counted as one study and ExteNET's
    # "87.7% with placebo" took APHINITY's trastuzumab-plus-placebo arm.
    for title in ("APHINITY and ExteNET: a review", "Unlike APHINITY, ExteNET tested neratinib"):
        found = arms_of(nlp, title + "\n\n" + APHINITY_EXTENET)
        assert found[87.7] is None, title
        assert found[93.2] == "trastuzumab", title


def test_an_introduction_naming_two_trials_keeps_their_arms_apart(nlp):
    text = (
        "Adjuvant escalation: a review\n\n"
        "We review the APHINITY and ExteNET trials of adjuvant escalation. " + APHINITY_EXTENET
    )
    assert arms_of(nlp, text)[87.7] is None


NALA_PHOEBE = R12A_NALA_PHOEBE.split("\n\n", 1)[1]


def test_a_title_naming_two_trials_leaves_the_other_trials_received_sentence_a_design(nlp):
    found = arms_of(nlp, "NALA and PHOEBE: a review\n\n" + NALA_PHOEBE)
    assert found[12.5] == "capecitabine+pyrotinib"
    assert found[56.8] == "capecitabine+lapatinib"


def test_a_design_sentence_naming_two_trials_still_joins_them(nlp):
    # Negative: a joint analysis's design sentence names both trials: one set of arms.
    text = (
        "NSABP B-31 and NCCTG N9831: a review\n\n"
        "In NSABP B-31 and NCCTG N9831, patients were randomly assigned to chemotherapy with or "
        "without trastuzumab. In N9831, the 10-year DFS was 73.7% with trastuzumab and 62.2% in "
        "the control group."
    )
    assert arms_of(nlp, text)[73.7] == "trastuzumab"


def test_short_form_before_or_physicians_choice_closes_one_arm(nlp):
    # Before: "(TCH), or treatment of physician's choice" ended an "A, B, or C" list, so
    # docetaxel, carboplatin and trastuzumab became three arms.
    text = (
        "T\n\nPatients were randomly assigned to docetaxel, carboplatin, trastuzumab (TCH), or "
        "treatment of physician's choice."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == [
        "carboplatin+docetaxel+trastuzumab",
        "physician's choice",
    ]


def test_options_bracket_before_or_physicians_choice_still_ends_the_list(nlp):
    # Negative: an options bracket stands before the "or" of a list of arms.
    text = (
        "T\n\nPatients were randomly assigned to trastuzumab deruxtecan, a taxane (docetaxel or "
        "paclitaxel), or physician's choice of chemotherapy."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "physician's choice" in names
    assert "trastuzumab deruxtecan" in names


def test_lettered_population_brackets_define_no_arms(nlp):
    # Before: arm A and arm B were both trastuzumab (their brackets' prior therapy).
    text = (
        "T\n\nPatients were assigned to arm A (previously treated with trastuzumab) or arm B "
        "(trastuzumab-naive) and all received T-DM1. The ORR was 30% in arm A and 45% in arm B."
    )
    assert "trastuzumab" not in arms_of(nlp, text).values()
    assert not any(a.drugs == ["trastuzumab"] for a in registry_of(nlp, text).arms)


def test_lettered_cohort_brackets_of_a_received_sentence_define_no_arms(nlp):
    # No randomisation verb: the lettered brackets describe cohorts, not randomised arms.
    text = (
        "T\n\nPatients in cohort arm A (trastuzumab) or arm B (lapatinib) received T-DM1. The ORR "
        "was 30% in arm A."
    )
    assert not any(a.labels & {"a", "b"} for a in registry_of(nlp, text).arms)


def test_lettered_bracketed_arms_of_a_randomisation_still_read(nlp):
    # Negative: N9831's design (arms by letter, each defined by its bracket).
    text = (
        "T\n\nPatients were randomly assigned to arm A (doxorubicin and cyclophosphamide followed "
        "by paclitaxel), arm B (the same chemotherapy followed by trastuzumab), or arm C (the same "
        "chemotherapy with trastuzumab started with paclitaxel)."
    )
    labelled = [sorted(a.labels) for a in registry_of(nlp, text).arms if a.labels]
    assert labelled == [["a"], ["b"], ["c"]]


def test_one_later_alternative_does_not_continue_the_sequence_head(nlp):
    # Before: "AC followed by paclitaxel, or paclitaxel plus carboplatin" read AC as the
    # backbone of both, so the carboplatin arm took doxorubicin and cyclophosphamide.
    text = (
        "T\n\nPatients were randomly assigned to doxorubicin and cyclophosphamide followed by "
        "paclitaxel, or paclitaxel plus carboplatin. The pCR rate was 40% with paclitaxel plus "
        "carboplatin versus 30%."
    )
    assert arms_of(nlp, text)[40.0] == "carboplatin+paclitaxel"


def test_geparquattro_list_still_continues_the_sequence_head(nlp):
    # Negative: two later alternatives, the head's tail a bare comma item: EC is the backbone.
    text = (
        "T\n\nPatients were randomly assigned to epirubicin and cyclophosphamide followed by "
        "docetaxel, docetaxel plus capecitabine, or docetaxel followed by capecitabine."
    )
    names = sorted(a.name for a in registry_of(nlp, text).arms)
    assert "capecitabine+cyclophosphamide+docetaxel+epirubicin" in names
    assert "cyclophosphamide+docetaxel+epirubicin" in names


def test_ic_ci_with_decimal_commas_in_a_text_with_decimal_points(nlp):
    # Before: "IC 95 % 0,57-0,92" read the CI 0-57.
    text = (
        "T\n\nPatients were randomly assigned to neratinib or placebo. The 5-year IDFS was 90.2% "
        "vs 87.7% (HR 0.73; IC 95 % 0,57-0,92)."
    )
    hr = [o for o in outcomes_of(nlp, text) if o.measure == "HR"]
    assert [(o.value, o.ci_low, o.ci_high) for o in hr] == [(0.73, 0.57, 0.92)]


def test_spanish_portuguese_italian_ic_level_is_no_rate(nlp):
    # Before: "IC del 95%: 38-52" was no CI, and its 95% a pCR rate.
    for ic in ("IC del 95%", "IC de 95%", "IC al 95%"):
        text = f"T\n\nLa tasa de pCR fue 45% ({ic}: 38-52)."
        found = [(o.value, o.ci_low, o.ci_high) for o in outcomes_of(nlp, text)]
        assert found == [(45.0, 38.0, 52.0)], ic


def test_ci_after_ic_word_without_level_is_not_read(nlp):
    # Negative: "IC" without its level right after it is not a CI.
    from her2mine.extract.numbers import parse_values

    found = [(v.value, v.ci_low) for v in parse_values("The IC group had 45% (38-52) response.")]
    assert (95.0, None) not in found


EXTENET = (
    "Extended adjuvant neratinib\n\n"
    "In ExteNET, patients were randomly assigned to neratinib or placebo. "
)


def test_words_between_completed_and_the_drug_make_it_prior_therapy(nlp):
    # Before: trastuzumab after "completed ... chemotherapy plus" named the subgroup's arm.
    for phrase in (
        "who had completed neoadjuvant and adjuvant chemotherapy plus trastuzumab",
        "who had completed a course of trastuzumab",
        "who had completed at least 1 year of trastuzumab",
        "who had completed adjuvant therapy with trastuzumab",
        "who completed treatment with trastuzumab",
    ):
        text = EXTENET + f"In patients {phrase}, the 5-year IDFS was 90.8%."
        assert arms_of(nlp, text) == {90.8: None}, phrase


def test_a_verb_after_completed_stops_the_prior_therapy(nlp):
    # Negative: the drug after "completed chemotherapy were randomly assigned to" is an arm.
    text = (
        "Title\n\nPatients who had completed chemotherapy were randomly assigned to trastuzumab "
        "or placebo. The 2-year DFS was 94.2% with trastuzumab and 91.9% with placebo."
    )
    assert arms_of(nlp, text) == {94.2: "trastuzumab", 91.9: None}
    sub = EXTENET + (
        "Patients who had completed chemotherapy and received lapatinib had a 5-year IDFS of "
        "90.8% with neratinib."
    )
    assert arms_of(nlp, sub) == {90.8: "neratinib"}


def test_alliance_with_a_bare_number_is_no_trial():
    # Before: "Alliance 2 centres" named a trial "Alliance 2".
    assert trials_in("Patients from Alliance 2 centres were pooled.") == []
    # Negative: the Alliance's lettered trial numbers still name trials.
    assert trials_in("In the Alliance A011202 trial, patients were enrolled.") == [
        "Alliance A011202"
    ]


def test_title_closing_with_a_code_is_no_trial_unless_called_one():
    # Before: a title closing "(T1234)" named a trial T1234.
    title = "Neratinib after trastuzumab in early breast cancer (T1234)\n\n"
    assert trials_in(title + "Patients were randomly assigned to neratinib or placebo.") == []
    # Negative: the text calls it a study; or the title itself calls it a trial.
    assert "T1234" in trials_in(title + "The T1234 study enrolled 200 patients.")
    assert trials_in("Neratinib: a randomised phase 3 trial (T1234)\n\nText.") == ["T1234"]


def test_or_the_combination_thereof_offers_both_with_the_backbone(nlp):
    # Before: "or the combination thereof, each with weekly paclitaxel" defined no combination arm.
    text = (
        "Title\n\nPatients were randomly assigned to lapatinib, trastuzumab, or the combination "
        "thereof, each with weekly paclitaxel. pCR was 20% with lapatinib and 30% with "
        "trastuzumab and 50% with the combination."
    )
    assert arms_of(nlp, text) == {
        20.0: "lapatinib+paclitaxel",
        30.0: "paclitaxel+trastuzumab",
        50.0: "lapatinib+paclitaxel+trastuzumab",
    }
