"""Fresh texts, round 62 (b): value lists, P lists and graded events. "The ORR was 60%, 70% and
50% in the TD, PTD and T-DM1 arms" (no "respectively") left the first two values without an arm:
the arm reader joins "TD" to the list by a bare comma, which it does not link. "(P=0.41 and
P=0.03)" after three compared rates gave every rate the first P, though no word says which pair
each P compares. "the rate of grade 3 events was 20%" after a pCR rate was a pCR rate: the bare
word "events" named no adverse event."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, rows_of

TD = "docetaxel+trastuzumab"
PTD = "docetaxel+pertuzumab+trastuzumab"
KADCYLA = "trastuzumab emtansine"

THREE_ARMS = (
    "Three HER2-targeted regimens in metastatic breast cancer\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel (TD), pertuzumab plus "
    "trastuzumab plus docetaxel (PTD) or trastuzumab emtansine (T-DM1). "
)


def _three_arm_text(sentence: str) -> list[tuple]:
    return THREE_ARMS + sentence


def test_value_list_zips_with_arm_list_led_by_bare_comma(nlp):
    """ "60%, 70% and 50% in the TD, PTD and T-DM1 arms": each value is its listed arm's, in
    order, with no "respectively"."""
    text = _three_arm_text("The ORR was 60%, 70% and 50% in the TD, PTD and T-DM1 arms.")
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.value, r.arm) for r in rows] == [(60.0, TD), (70.0, PTD), (50.0, KADCYLA)]


def test_value_list_zips_with_group_list_and_oxford_comma(nlp):
    """ "40%, 55%, and 48% in the TD, PTD, and T-DM1 groups": the same list with a serial
    comma and "groups"."""
    text = _three_arm_text("The pCR rates were 40%, 55%, and 48% in the TD, PTD, and T-DM1 groups.")
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.value, r.arm) for r in rows] == [(40.0, TD), (55.0, PTD), (48.0, KADCYLA)]


def test_value_list_of_patients_zips_with_arm_list(nlp):
    """ "occurred in 60%, 70% and 50% of patients in the TD, PTD and T-DM1 arms"."""
    text = _three_arm_text(
        "Objective responses occurred in 60%, 70% and 50% of patients in the TD, PTD and "
        "T-DM1 arms."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [(r.value, r.arm) for r in rows] == [(60.0, TD), (70.0, PTD), (50.0, KADCYLA)]


def test_four_values_zip_with_four_listed_arms(nlp):
    """Four arms, two of them led into the list by bare commas."""
    text = (
        "Four HER2-targeted regimens\n\n"
        "Patients were randomly assigned to trastuzumab plus docetaxel (TD), pertuzumab plus "
        "trastuzumab plus docetaxel (PTD), trastuzumab emtansine (T-DM1) or T-DM1 plus "
        "pertuzumab (T-DM1+P). The ORR was 60%, 70%, 50% and 65% in the TD, PTD, T-DM1 and "
        "T-DM1+P arms."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [r.arm for r in rows] == [TD, PTD, KADCYLA, "pertuzumab+trastuzumab emtansine"]


def test_value_list_shorter_than_arm_list_is_not_zipped(nlp):
    """Negative: two values before three listed arms: the counts differ, so the first value
    gets no arm from the list (the list reading needs as many values as arms)."""
    text = _three_arm_text("The ORR was 60% and 70% in the TD, PTD and T-DM1 arms.")
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 60.0) is None
    assert arm_of(rows, 70.0) != PTD


def test_bare_p_list_after_three_values_gives_no_value_a_p(nlp):
    """ "(P=0.41 and P=0.03)" after three compared rates: which pair each P compares is not
    said, so no rate carries a P."""
    text = _three_arm_text(
        "The ORR was 60%, 70% and 50% in the TD, PTD and T-DM1 arms (P=0.41 and P=0.03)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert [r.p for r in rows] == [None, None, None]
    assert [r.arm for r in rows] == [TD, PTD, KADCYLA]


def test_bare_p_list_after_respectively_clause_gives_no_value_a_p(nlp):
    """ "..., respectively; P = 0.02 and P = 0.30": a P list opening its own clause."""
    text = _three_arm_text(
        "The pCR rates were 40%, 55% and 48% with TD, PTD and T-DM1, respectively; P = 0.02 "
        "and P = 0.30."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == [None, None, None]


def test_comma_joined_p_list_without_arms_gives_no_value_a_p(nlp):
    """ "60%, 70% and 50% (P = 0.41, P = 0.03)": the numbers reader gave the first P to the
    last rate and its run; the bare list takes it back."""
    text = (
        "Pertuzumab dose schedules\n\n"
        "Patients received pertuzumab on three schedules. The ORR was 60%, 70% and 50% "
        "(P = 0.41, P = 0.03)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == [None, None, None]


def test_single_p_after_three_values_stays_with_each(nlp):
    """Negative: one P after three compared rates is still each rate's."""
    text = _three_arm_text("The ORR was 60%, 70% and 50% in the TD, PTD and T-DM1 arms (P=0.41).")
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == ["0.41", "0.41", "0.41"]


def test_single_p_after_two_values_stays_with_each(nlp):
    """Negative: a pair compared by one P keeps it."""
    text = (
        "Pertuzumab with trastuzumab and docetaxel\n\n"
        "Patients were randomly assigned to trastuzumab plus docetaxel (TD) or pertuzumab plus "
        "trastuzumab plus docetaxel (PTD). The pCR rate was 40% and 55% in the TD and PTD arms "
        "(P=0.02)."
    )
    assert [r.p for r in rows_of(nlp, text, P_ROW)] == ["0.02", "0.02"]


def test_p_list_with_worded_pairs_is_left_as_before(nlp):
    """Negative: "P=0.41 for PTD vs TD and P=0.03 for T-DM1 vs TD" ties each P to a pair in
    words; the bare-list rule does not take the Ps away (which value each P then goes to is
    another reading's)."""
    text = _three_arm_text(
        "The ORR was 60%, 70% and 50% in the TD, PTD and T-DM1 arms (P=0.41 for PTD vs TD and "
        "P=0.03 for T-DM1 vs TD)."
    )
    assert any(r.p is not None for r in rows_of(nlp, text, P_ROW))


SINGLE_ARM = (
    "Neoadjuvant pertuzumab, trastuzumab and docetaxel\n\n"
    "Patients received trastuzumab and pertuzumab with docetaxel. "
)


def _endpoint_of(nlp, sentence: str, value: float) -> str:
    rows = rows_of(nlp, SINGLE_ARM + sentence, P_ROW)
    (row,) = [r for r in rows if r.value == value]
    return row.endpoint


def test_rate_of_grade_3_events_after_pcr_is_ae_g3(nlp):
    """ "The pCR rate was 45%, and the rate of grade 3 events was 20%": 20% is AE_G3."""
    sentence = "The pCR rate was 45%, and the rate of grade 3 events was 20%."
    assert _endpoint_of(nlp, sentence, 20.0) == "AE_G3"
    assert _endpoint_of(nlp, sentence, 45.0) == "pCR"


def test_grade_3_or_4_events_occurred_in_is_ae_g3(nlp):
    """ "grade 3 or 4 events occurred in 18%" after a pCR rate."""
    assert _endpoint_of(
        nlp, "The pCR rate was 45%; grade 3 or 4 events occurred in 18%.", 18.0
    ) == ("AE_G3")


def test_graded_treatment_related_events_are_ae_g3(nlp):
    """ "grade ≥3 treatment-related events were seen in 14%"."""
    sentence = "The pCR rate was 45%, and grade ≥3 treatment-related events were seen in 14%."
    assert _endpoint_of(nlp, sentence, 14.0) == "AE_G3"


def test_events_of_grade_3_or_higher_are_ae_g3(nlp):
    """ "events of grade 3 or higher occurred in 30%": the grade written after the word."""
    sentence = "The ORR was 70%; events of grade 3 or higher occurred in 30%."
    assert _endpoint_of(nlp, sentence, 30.0) == "AE_G3"


def test_grade_1_2_events_are_any_grade(nlp):
    """ "Grade 1-2 events occurred in 60%": an adverse-event rate below grade 3 is AE."""
    sentence = "Grade 1-2 events occurred in 60% of patients and grade 3 events in 10%."
    assert _endpoint_of(nlp, sentence, 60.0) == "AE"
    assert _endpoint_of(nlp, sentence, 10.0) == "AE_G3"


def test_graded_toxicities_and_serious_events_stay_ae_g3(nlp):
    """ "grade >=3 toxicities were seen in 22%", "serious adverse events (grade 3-4) in 9%"."""
    assert _endpoint_of(
        nlp, "The ORR was 52% and grade >=3 toxicities were seen in 22%.", 22.0
    ) == ("AE_G3")
    sentence = "The pCR rate was 45%, with serious adverse events (grade 3-4) in 9%."
    assert _endpoint_of(nlp, sentence, 9.0) == "AE_G3"


def test_grade_3_tumours_are_no_adverse_event(nlp):
    """Negative: "grade 3 tumours" is a histological grade, no adverse event."""
    rows = rows_of(
        nlp, SINGLE_ARM + "The pCR rate was 45% and grade 3 tumours were present in 30%."
    )
    assert all(r.endpoint not in ("AE", "AE_G3") for r in rows)


def test_graded_events_after_a_named_event_are_that_events(nlp):
    """Negative: "interstitial lung disease occurred in 11%, with grade 5 events in 1.2%": the
    events are the named event's cases (ILD), no general adverse-event rate."""
    sentence = "Interstitial lung disease occurred in 11% of patients, with grade 5 events in 1.2%."
    assert _endpoint_of(nlp, sentence, 1.2) == "ILD"
