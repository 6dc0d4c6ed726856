"""Left-overs round 19 (c): P values, value pairs and trial names. EGF30001 (Di Leo 2008):
"event-free survival (EFS; 35.1 v 22.9 weeks; P = .004)" in a sentence whose TTP bracket holds an
HR gave the P to 22.9 only; "51% and 20% in the A arm, compared with 20% and 1%, respectively, in
the placebo arm" left 51% without an arm, and "51% and 20%, respectively, in the A arm, compared
with 20% and 1% in the placebo arm" gave the placebo arm's 20% to A. Trial names: "a phase I study
(MCLA-128)" (a drug code), "NCCTG N9831 ADJUVANT trial" (a setting word) and "the BRCA 2 study"
(a gene) were trials; "TOUCH evaluated ..." was no mention of the TOUCH trial the title names."""

from __future__ import annotations

from extract_helpers import P_ROW, extract_text, rows_of, trials_in


def _trial_mentions(nlp, text: str) -> list[tuple[int, str, str]]:
    ex = extract_text(nlp, text)
    mentions = ex.to_dict(with_mentions=True)["mentions"]
    return [(m["start"], m["text"], m["canonical"]) for m in mentions if m["kind"] == "trial"]


LP = "lapatinib+paclitaxel"

DESIGN = (
    "Lapatinib plus paclitaxel in metastatic breast cancer\n\n"
    "Patients were randomly assigned to paclitaxel plus lapatinib or paclitaxel plus placebo. "
)

EFS_AFTER_HR = DESIGN + (
    "In HER2-positive patients, paclitaxel-lapatinib improved TTP (median, 36.4 v 25.1 weeks; "
    "HR = 0.57; 95% CI, 0.34 to 0.93; P = .011), event-free survival (EFS; 35.1 v 22.9 weeks; "
    "P = .004) and objective response rate (63.3% v 37.8%; P = .023)."
)


def test_p_closing_a_median_pairs_bracket_is_each_ones(nlp):
    """ "(EFS; 35.1 v 22.9 weeks; P = .004)": the P closes the bracket of the compared medians,
    with no HR/OR in it, so it is both medians' though the sentence has an HR elsewhere."""
    rows = rows_of(nlp, EFS_AFTER_HR, P_ROW)
    assert ("EFS", "median", 35.1, "0.004", LP) in rows
    assert ("EFS", "median", 22.9, "0.004", "paclitaxel") in rows


def test_p_bracket_right_after_a_median_pair_is_each_ones(nlp):
    """ "median OS was 30.1 vs 25.3 months (P = .04)" after an HR clause with its own P: the
    bracket holds only the pair's P."""
    text = DESIGN + (
        "Lapatinib prolonged PFS (HR, 0.6; 95% CI, 0.4 to 0.8; P = .002); median OS was 30.1 vs "
        "25.3 months (P = .04)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert ("OS", "median", 30.1, "0.04", LP) in rows
    assert ("OS", "median", 25.3, "0.04", "paclitaxel") in rows
    assert ("PFS", "HR", 0.6, "0.002", None) in rows


def test_medians_in_the_hr_bracket_still_carry_no_p(nlp):
    """Negative: the TTP medians share their bracket with the HR, whose P it is."""
    rows = rows_of(nlp, EFS_AFTER_HR, P_ROW)
    assert ("TTP", "median", 36.4, None, LP) in rows
    assert ("TTP", "median", 25.1, None, "paclitaxel") in rows
    assert ("TTP", "HR", 0.57, "0.011", None) in rows


def test_medians_before_an_hr_bracket_carry_no_p(nlp):
    """Negative: "EFS (35.1 v 22.9 weeks) ... (HR, 0.6; P = .004)": the P closes the HR's
    bracket, not the medians'."""
    text = DESIGN + (
        "Median EFS was 35.1 weeks with paclitaxel-lapatinib versus 22.9 weeks with "
        "paclitaxel-placebo (HR, 0.6; 95% CI, 0.4 to 0.9; P = .004)."
    )
    ps = {r[2]: r[3] for r in rows_of(nlp, text, P_ROW)}
    assert ps == {35.1: None, 22.9: None, 0.6: "0.004"}


def test_efs_is_a_contract_end_point(nlp):
    """ "event-free survival (EFS; median, ...)" is read as the contract's EFS code."""
    text = DESIGN + "Event-free survival (EFS; median, 35.1 v 22.9 weeks; P = .004) was longer."
    assert {r[0] for r in rows_of(nlp, text, P_ROW)} == {"EFS"}


AE_PAIRS = DESIGN + (
    "Grade 3 diarrhea and rash occurred in 51% and 20% in the lapatinib plus paclitaxel arm, "
    "compared with 20% and 1%, respectively, in the placebo plus paclitaxel arm."
)


def _ae_arms(rows: list[tuple]) -> list[tuple[float, str | None]]:
    return [(r[2], r[4]) for r in rows if r[0] == "AE_G3"]


def test_pair_before_one_arm_then_respectively_pair_of_the_other(nlp):
    """ "51% and 20% in the A arm, compared with 20% and 1%, respectively, in the B arm": the
    first pair stands before A's reference, so both its values are A's."""
    assert _ae_arms(rows_of(nlp, AE_PAIRS, P_ROW)) == [
        (51.0, LP),
        (20.0, LP),
        (20.0, "paclitaxel"),
        (1.0, "paclitaxel"),
    ]


def test_respectively_pair_of_one_arm_then_pair_before_the_other(nlp):
    """ "51% and 20%, respectively, in the A arm, compared with 20% and 1% in the B arm": the
    second pair stands before B's reference, so its first value is B's, not A's."""
    text = DESIGN + (
        "Grade 3 diarrhea and rash occurred in 51% and 20%, respectively, in the lapatinib plus "
        "paclitaxel arm, compared with 20% and 1% in the placebo plus paclitaxel arm."
    )
    assert _ae_arms(rows_of(nlp, text, P_ROW)) == [
        (51.0, LP),
        (20.0, LP),
        (20.0, "paclitaxel"),
        (1.0, "paclitaxel"),
    ]


def test_one_arms_pair_with_a_respectively_pair_of_the_same_arm_is_left(nlp):
    """Negative: both pairs before references of one arm compare no groups; the first value
    does not take that arm from the pair rule."""
    text = DESIGN + (
        "Grade 3 diarrhea and rash occurred in 51% and 20% in the lapatinib plus paclitaxel arm, "
        "compared with 20% and 1%, respectively, in the lapatinib arm."
    )
    assert _ae_arms(rows_of(nlp, text, P_ROW))[0] == (51.0, None)


def test_drug_code_in_a_bracket_after_study_is_no_trial():
    """ "a phase I study (MCLA-128)": the bracket holds a sponsor's drug code."""
    text = "We conducted a phase I study (MCLA-128) in patients with HER2-positive breast cancer."
    assert trials_in(text) == []


def test_name_or_protocol_number_in_a_bracket_after_study_stays_a_trial():
    """Negative: a name in capitals or a protocol number in that bracket names the trial."""
    assert trials_in("This was a randomised phase 3 trial (KATHERINE) of T-DM1.") == ["KATHERINE"]
    assert trials_in("In a randomised phase 3 trial (RC48-C006), patients ...") == ["RC48-C006"]


def test_setting_word_after_a_group_id_is_no_trial_name():
    """ "NCCTG N9831 ADJUVANT trial": a setting word in capitals describes the trial."""
    assert trials_in("The NCCTG N9831 ADJUVANT trial randomly assigned patients.") == [
        "NCCTG N9831"
    ]


def test_name_after_a_group_id_stays_a_trial_name():
    """Negative: "the IBCSG 55-17 TOUCH trial" names TOUCH."""
    assert trials_in("Patients in the IBCSG 55-17 TOUCH trial were older.") == [
        "IBCSG 55-17",
        "TOUCH",
    ]


def test_gene_with_its_number_is_no_trial():
    """ "the BRCA 2 study": a gene and its number, no "NAME 04" trial."""
    assert trials_in("Carriers identified in the BRCA 2 study were excluded.") == []


def test_numbered_name_stays_a_trial():
    """Negative: "the PACS 04 trial" is a trial's name with its number."""
    assert trials_in("Patients in the PACS 04 trial received FEC.") == ["PACS 04"]


TOUCH = (
    "Palbociclib and letrozole in the TOUCH trial: a randomized phase II study\n\n"
    "TOUCH evaluated palbociclib plus letrozole in older patients with HER2-positive breast "
    "cancer. In TOUCH, the pCR rate was 20%."
)


def test_trial_name_opening_a_sentence_is_a_mention(nlp):
    """ "TOUCH evaluated ...": the title names TOUCH as a trial, so each later use of the name
    is a mention of it."""
    got = _trial_mentions(nlp, TOUCH)
    starts = [TOUCH.index("TOUCH evaluated"), TOUCH.index("TOUCH, the")]
    assert [(s, "TOUCH", "TOUCH") for s in starts] == [m for m in got if m[0] in starts]
    assert len(got) == 3


def test_name_opening_a_sentence_is_no_trial_alone(nlp):
    """Negative: a word in capitals no phrase calls a trial is no mention."""
    text = "Palbociclib and letrozole\n\nTOUCH evaluated palbociclib plus letrozole in patients."
    assert _trial_mentions(nlp, text) == []
