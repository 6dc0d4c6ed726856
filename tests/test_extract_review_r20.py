"""Review of round 20 (20a and 20b). Found: a short form adding a letter to an earlier one was
extended even when its own reading already named other drugs ("(TC)" docetaxel and
cyclophosphamide, then "docetaxel, carboplatin and trastuzumab (TCH)" gained cyclophosphamide);
a "(TPC)" after "physician's choice of A or B" whose drugs gave it a partial reading became
that drug's regimen instead of physician's choice; "loading dose followed by 4 cycles of
docetaxel" read the cycle count as a maintenance dose and folded docetaxel into trastuzumab's
dose; and the follow-up median that leaves the duration-comparator rule on was only "median
follow-up", not "a median of 8 years of follow-up" or "a median observation time"."""

from __future__ import annotations

from extract_helpers import arm_of, outcomes_of, registry_of

from her2mine.extract.regimens import without_schedules

TC_TCH = (
    "Docetaxel and cyclophosphamide versus docetaxel, carboplatin and trastuzumab\n\n"
    "Patients were randomly assigned to docetaxel and cyclophosphamide (TC) or docetaxel, "
    "carboplatin and trastuzumab (TCH). The pCR rate was 30.0% with TC and 55.0% with TCH."
)


def test_longer_short_form_read_in_full_is_not_extended(nlp):
    """ "(TC)" then "docetaxel, carboplatin and trastuzumab (TCH)": TCH's own reading names
    carboplatin, so its C is not TC's cyclophosphamide."""
    assert arm_of(outcomes_of(nlp, TC_TCH), 55.0) == "carboplatin+docetaxel+trastuzumab"
    assert arm_of(outcomes_of(nlp, TC_TCH), 30.0) == "cyclophosphamide+docetaxel"


def test_short_form_adding_a_letter_to_an_earlier_one_still_extends(nlp):
    """Negative: the bracket right after "paclitaxel" reads only paclitaxel, which AC-T holds,
    so AC-TH is still AC-T plus trastuzumab."""
    text = (
        "Adjuvant trastuzumab\n\nPatients were randomly assigned to doxorubicin and "
        "cyclophosphamide followed by paclitaxel (AC→T) or the same chemotherapy with trastuzumab "
        "beginning concurrently with paclitaxel (AC→TH). The 10-year DFS rates were 62.2% in the "
        "AC→T arm and 73.7% in the AC→TH arm."
    )
    assert (
        arm_of(outcomes_of(nlp, text), 73.7)
        == "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"
    )


TPC_OF_OPTIONS = (
    "Trastuzumab emtansine versus physician's choice\n\n"
    "Patients were randomly assigned to trastuzumab emtansine or to physician's choice of "
    "trastuzumab plus paclitaxel or capecitabine (TPC). Median progression-free survival was "
    "6.2 months with trastuzumab emtansine and 3.3 months with TPC."
)


def test_tpc_after_physicians_choice_of_options_stays_physicians_choice(nlp):
    """ "physician's choice of A plus B or C (TPC)": the text spells out physician's choice, so
    "TPC" is its short form, not the regimen of the drugs before the bracket."""
    assert arm_of(outcomes_of(nlp, TPC_OF_OPTIONS), 3.3) == "physician's choice"
    assert arm_of(outcomes_of(nlp, TPC_OF_OPTIONS), 6.2) == "trastuzumab emtansine"


def test_tpc_after_physicians_choice_with_a_list_stays_physicians_choice(nlp):
    text = (
        "Trastuzumab emtansine versus physician's choice\n\n"
        "Patients were randomly assigned to trastuzumab emtansine or treatment of physician's "
        "choice with trastuzumab, pertuzumab or capecitabine (TPC). Median progression-free "
        "survival was 6.2 months with trastuzumab emtansine and 3.3 months with TPC."
    )
    assert arm_of(outcomes_of(nlp, text), 3.3) == "physician's choice"


def test_tpc_defined_in_a_text_without_physicians_choice_is_the_regimen(nlp):
    """Negative: with no physician's choice written out, "(TPC)" after the three drugs is
    their regimen (round 20a), also when the results sit in a later paragraph."""
    text = (
        "Trastuzumab, paclitaxel and carboplatin\n\nPatients were randomly assigned to "
        "trastuzumab, paclitaxel and carboplatin (TPC) or trastuzumab and paclitaxel (TP).\n\n"
        "The response rate was 52% with TPC and 36% with TP (P = .04)."
    )
    assert arm_of(outcomes_of(nlp, text), 52.0) == "carboplatin+paclitaxel+trastuzumab"
    assert arm_of(outcomes_of(nlp, text), 36.0) == "paclitaxel+trastuzumab"


def test_loading_dose_followed_by_cycles_of_a_drug_stays_a_sequence():
    """ "8 mg/kg loading dose followed by 4 cycles of docetaxel": a cycle count is no
    maintenance dose, so "followed by" still joins the next drug."""
    assert "followed by" in without_schedules(" 8 mg/kg loading dose followed by 4 cycles of ")
    assert "followed by" not in without_schedules(" 8 mg/kg loading dose followed by 6 mg/kg ")


def test_loading_dose_followed_by_cycles_keeps_both_drugs_in_the_arm(nlp):
    text = (
        "Sequential trastuzumab and docetaxel\n\nPatients were randomly assigned to trastuzumab "
        "8 mg/kg loading dose followed by 4 cycles of docetaxel or docetaxel alone. The pCR rate "
        "was 30% with trastuzumab followed by docetaxel and 15% with docetaxel alone."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert names == {"docetaxel", "docetaxel+trastuzumab"}


def test_duration_comparator_after_a_median_of_years_of_follow_up_is_no_median(nlp):
    """ "After a median of 8 years of follow-up" / "At a median observation time of 8 years"
    are follow-up medians like "a median follow-up of 8 years": "1 year" is the comparator."""
    for opening in (
        "After a median of 8 years of follow-up",
        "At a median observation time of 8 years",
    ):
        text = (
            "2 years versus 1 year of trastuzumab\n\n"
            f"{opening}, 2 years of trastuzumab did not improve disease-free survival compared "
            "with 1 year (hazard ratio 0.99, 95% CI 0.85-1.14)."
        )
        assert [o.value for o in outcomes_of(nlp, text) if o.measure == "median"] == []


def test_median_reported_after_a_follow_up_median_stays(nlp):
    """Negative: a sentence that also reports a median DFS keeps the compared median."""
    text = (
        "Trastuzumab for 2 years vs 1 year\n\nAfter a median of 8 years of follow-up, median DFS "
        "with 2 years of trastuzumab was 10.1 years compared with 9.8 years."
    )
    medians = [o.value for o in outcomes_of(nlp, text) if o.measure == "median"]
    assert 9.8 in medians and 10.1 in medians
