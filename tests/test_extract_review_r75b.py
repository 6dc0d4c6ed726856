"""Review of round 75b. Two over-reaches of the round's rules: a time phrase between the
assignment verb and its "to" whose own "to" takes a therapy ("randomly assigned after
resistance to trastuzumab to A or B", "following an inadequate response to trastuzumab-based
therapy to") let that prior therapy become an arm of its own, which broke the "respectively"
order; and a Background sentence about another named trial ("In the NeoSphere trial, patients
received A or B") counted as the fuller design that replaces a randomised title's arms."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, rows_of

from her2mine.extract.arms.registry import build_registry
from her2mine.extract.components import _hits
from her2mine.extract.lexicon import load_lexicons, lower_same_length
from her2mine.extract.trials import find_trials

LX = "capecitabine+lapatinib"


def _assigned(time_phrase: str) -> str:
    return (
        f"METHODS Patients were randomly assigned {time_phrase} to lapatinib plus capecitabine "
        "or capecitabine alone.\n"
        "RESULTS The objective response rates were 23.7% and 13.9%, respectively."
    )


def test_therapy_of_a_resistance_phrase_before_the_assignment_to_stays_prior(nlp):
    """ "assigned after resistance to trastuzumab to A or B": trastuzumab is the resistance's
    object, so the two arms order the "respectively" values."""
    rows = rows_of(nlp, _assigned("after resistance to trastuzumab"), ARM_ROW)
    assert arm_of(rows, 23.7) == LX
    assert arm_of(rows, 13.9) == "capecitabine"


def test_therapy_based_regimen_before_the_assignment_to_is_no_arm(nlp):
    """ "following an inadequate response to trastuzumab-based therapy to A or B": the two
    assigned regimens are the arms, trastuzumab none of its own."""
    time_phrase = "following an inadequate response to trastuzumab-based therapy"
    assert _arm_names(nlp, _assigned(time_phrase)) == [LX, "capecitabine"]


def test_assignment_at_progression_still_times_it(nlp):
    """Negative: "assigned at progression to A or B" names the arms after its "to"."""
    rows = rows_of(nlp, _assigned("at progression"), ARM_ROW)
    assert arm_of(rows, 23.7) == LX
    assert arm_of(rows, 13.9) == "capecitabine"


TITLE = (
    "Subcutaneous vs Intravenous Trastuzumab With Neoadjuvant Chemotherapy in Women With Early "
    "Breast Cancer: A Randomized Clinical Trial\n\n"
)
NEOSPHERE = "docetaxel and trastuzumab or docetaxel, trastuzumab and pertuzumab"


def _arm_names(nlp, text: str) -> list[str | None]:
    """The registry's arm names, with the named trials passed as the pipeline passes them."""
    state = nlp(text)._.her2
    sentences = [tuple(x) for x in state["sentences"]]
    trials = [(h.start, h.canonical) for h in find_trials(text, load_lexicons().trials)]
    reg = build_registry(
        text, sentences, _hits(state, "drugs"), lower_same_length(text), trials=trials
    )
    return [a.name for a in reg.arms]


def test_another_trial_s_received_design_does_not_replace_the_title_arms(nlp):
    """ "In the NeoSphere trial, patients received A or B" is not the study's own design."""
    text = TITLE + f"BACKGROUND In the NeoSphere trial, patients received {NEOSPHERE}.\n"
    assert "docetaxel+pertuzumab+trastuzumab" not in _arm_names(nlp, text)


def test_another_trial_s_randomisation_does_not_drop_the_title_arms(nlp):
    """ "In the NeoSphere trial, patients were randomised to A or B": the title's arms stay."""
    text = TITLE + f"BACKGROUND In the NeoSphere trial, patients were randomised to {NEOSPHERE}.\n"
    assert "trastuzumab" in _arm_names(nlp, text)


def test_own_design_with_no_other_trial_still_refines_the_title(nlp):
    """Negative: the study's own who-received-what sentence still replaces the title's arms."""
    text = TITLE + (
        "METHODS Patients received docetaxel with trastuzumab, either subcutaneously or "
        "intravenously.\n"
    )
    names = _arm_names(nlp, text)
    assert names and set(names) == {"docetaxel+trastuzumab"}
