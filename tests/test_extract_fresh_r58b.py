"""Round 58 (b), names and end points: invented abstracts. Trial names written as a word in
capitals, a space and a number ("(KESTREL 01)", "(ORCHID 2)") were missed in a bracket after
"trial"/"study", closing a title or opening it; a title opening with a numbered name before a
dash and no article ("MARLOW-2 \u2014 Phase II Study") or before a colon and no design word was
missed; so were "the NAME Randomized Clinical Trial" in a title (capital "Trial") and a name
after a report's words in the body ("final overall survival of OSPREY-5"). A multi-part
hyphenated code in a bracket right after "a trial" ("(HBCG-PY-05)") named no trial without a
design word. "LVEF decrease occurred in 2.3%" was read as the next clause's ILD; "the RCB 0-I
rate" took the pCR of its sentence. A biosimilar code the text defines as one ("SIBP-01, a
biosimilar of trastuzumab", "TQB2440 is a pertuzumab biosimilar") was no drug, or its own."""

from __future__ import annotations

from extract_helpers import ARM_ROW, extract_text, rows_of

from her2mine.extract.components import _hits

BODY = "\n\nPatients received pyrotinib plus capecitabine. ORR was 67.5%."


def trials_of(nlp, text: str) -> list[str]:
    return extract_text(nlp, text).trials


# --- 1. a name in capitals, a space and a number ---


def test_spaced_number_name_in_bracket_after_trial_noun(nlp):
    """ "randomised phase II trial (KESTREL 01)", "The multicentre study (PANDA 3)"."""
    title = "Pyrotinib plus capecitabine in HER2-positive breast cancer\n\n"
    for body, name in (
        (
            "In this randomised phase II trial (KESTREL 01), 120 patients were enrolled.",
            "KESTREL 01",
        ),
        ("The multicentre study (PANDA 3) enrolled 80 patients.", "PANDA 3"),
    ):
        assert trials_of(nlp, f"{title}{body}{BODY}") == [name], body


def test_spaced_number_name_closing_or_opening_a_title(nlp):
    """ "... breast cancer (ORCHID 2)" and "KESTREL 01: a randomised phase 2 study of ..."."""
    closing = "Pyrotinib versus lapatinib in HER2-positive metastatic breast cancer (ORCHID 2)"
    opening = "KESTREL 01: a randomised phase 2 study of neoadjuvant pyrotinib"
    assert trials_of(nlp, closing + BODY) == ["ORCHID 2"]
    assert trials_of(nlp, opening + BODY) == ["KESTREL 01"]


def test_cohort_score_or_code_with_a_spaced_number_is_no_trial(nlp):
    """Negative: "(cohort 2)", "(COHORT 2)", "(IHC 3)", "(ECOG 1)" and a sponsor's code with a
    space ("(MCLA 128)") name no trial."""
    text = (
        "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
        "In this phase II study (cohort 2), patients received pyrotinib plus capecitabine. "
        "In the second phase II study (COHORT 2), tumours were HER2 positive (IHC 3). "
        "In a phase I study (MCLA 128), patients had a performance status of 1 (ECOG 1)."
    )
    assert trials_of(nlp, text) == []


# --- 2. a title opening with the trial's name ---


def test_numbered_name_before_a_dash_and_design_words_opens_a_title(nlp):
    """ "MARLOW-2 \u2014 Phase II Study of ...": a dash and the design words, no article."""
    text = "MARLOW-2 \u2014 Phase II Study of Pyrotinib in HER2-positive Breast Cancer" + BODY
    assert trials_of(nlp, text) == ["MARLOW-2"]


def test_numbered_name_before_a_colon_opens_a_title_without_design_words(nlp):
    """ "MARLOW-2: neoadjuvant pyrotinib ...": a hyphen-numbered name and a colon."""
    text = "MARLOW-2: neoadjuvant pyrotinib in HER2-positive breast cancer" + BODY
    assert trials_of(nlp, text) == ["MARLOW-2"]


def test_drug_code_or_regimen_opening_a_title_is_no_trial(nlp):
    """Negative: a drug's code or short form before the colon or dash ("DS-8201: ...",
    "T-DM1 \u2014 Phase II Study", "TCHP: neoadjuvant ...") names no trial."""
    for title in (
        "DS-8201: neoadjuvant treatment in HER2-positive breast cancer",
        "T-DM1 \u2014 Phase II Study in HER2-positive Breast Cancer",
        "TCHP: neoadjuvant treatment in HER2-positive breast cancer",
        "HER2-3: neoadjuvant pyrotinib in breast cancer",
    ):
        assert trials_of(nlp, title + BODY) == [], title


# --- 3. a group's hyphenated name before its design words; a report of a name ---


def test_name_before_title_case_design_words_in_a_title(nlp):
    """ "...: The CSBCG-TP-II Randomized Clinical Trial", "the KBCRG-HER-3 Phase II Trial"."""
    for title, name in (
        (
            "Effect of Pyrotinib Plus Trastuzumab on Pathologic Complete Response: "
            "The CSBCG-TP-II Randomized Clinical Trial",
            "CSBCG-TP-II",
        ),
        ("Pyrotinib with trastuzumab and docetaxel: the KBCRG-HER-3 Phase II Trial", "KBCRG-HER-3"),
    ):
        assert trials_of(nlp, title + BODY) == [name], title


def test_plain_words_before_title_case_design_words_are_no_trial(nlp):
    """Negative: "A Randomized Clinical Trial", "a HER2-positive Phase II Trial", "The TCHP
    Randomized Clinical Trial" (a regimen) name none."""
    for title in (
        "Pyrotinib Plus Trastuzumab: A Randomized Clinical Trial",
        "Pyrotinib in a HER2-positive Phase II Trial",
        "Neoadjuvant Treatment: The TCHP Randomized Clinical Trial",
    ):
        assert trials_of(nlp, title + BODY) == [], title


def test_name_after_a_report_of_it_in_the_body(nlp):
    """ "We report the final overall survival of OSPREY-5.", "updated results of HARRIER"."""
    title = "Trastuzumab deruxtecan in HER2-positive metastatic breast cancer\n\n"
    for body, name in (
        ("We report the final overall survival of OSPREY-5.", "OSPREY-5"),
        ("Here we present updated results of HARRIER after 28 months.", "HARRIER"),
    ):
        assert trials_of(nlp, title + body + BODY) == [name], body


def test_report_of_a_population_or_scale_in_the_body_is_no_trial(nlp):
    """Negative: "updated results of HER2-low patients", "final analysis of BCBM patients",
    "updated results of CTCAE-5" name no trial."""
    title = "Trastuzumab deruxtecan in HER2-positive metastatic breast cancer\n\n"
    for body in (
        "We report updated results of HER2-low patients.",
        "We report the final analysis of BCBM patients.",
        "We report updated results of CTCAE-5 grading.",
    ):
        assert trials_of(nlp, title + body + BODY) == [], body


# --- 4. a multi-part hyphenated code in a bracket after "trial" ---


def test_multi_part_hyphenated_code_after_trial_noun_is_a_trial(nlp):
    """ "We conducted a trial (HBCG-PY-05) of ...", "this trial (HBCG-PY-05; NCT...)"."""
    title = "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
    first = "We conducted a trial (HBCG-PY-05) of pyrotinib plus capecitabine. ORR was 70.0%."
    second = "Patients received pyrotinib in this trial (HBCG-PY-05; NCT01234567). ORR was 70.0%."
    assert trials_of(nlp, title + first) == ["HBCG-PY-05"]
    assert trials_of(nlp, title + second) == ["HBCG-PY-05", "NCT01234567"]


def test_one_hyphen_code_after_trial_noun_is_no_trial(nlp):
    """Negative: a sponsor's drug code of one hyphen ("a trial (SHR-1316) of ...") or a
    measure ("a substudy (LVEF-10)") is no trial's name."""
    title = "Pyrotinib plus capecitabine in HER2-positive metastatic breast cancer\n\n"
    for body in (
        "We conducted a trial (SHR-1316) of pyrotinib plus capecitabine.",
        "We conducted a cardiac substudy (LVEF-10) of pyrotinib plus capecitabine.",
    ):
        assert trials_of(nlp, title + body) == [], body


# --- 5. end points ---

SAFETY = (
    "Trastuzumab deruxtecan in HER2-positive metastatic breast cancer\n\n"
    "Patients received trastuzumab deruxtecan. ORR was 61.0%. LVEF decrease occurred in 2.3% "
    "of patients and interstitial lung disease in 10.5%. Decreased LVEF of grade 3 or worse "
    "was reported in 0.5% of patients."
)


def test_lvef_decrease_is_an_adverse_event(nlp):
    """ "LVEF decrease occurred in 2.3%" is an AE incidence, not the next clause's ILD."""
    rows = [r[:3] for r in rows_of(nlp, SAFETY, ARM_ROW)]
    assert ("AE", "incidence", 2.3) in rows
    assert ("ILD", "incidence", 10.5) in rows
    assert ("AE_G3", "incidence", 0.5) in rows


def test_mean_lvef_values_are_no_adverse_event(nlp):
    """Negative: "Mean LVEF decreased from 64% to 60%" gives the measurement, no incidence."""
    text = (
        "Trastuzumab in HER2-positive breast cancer\n\n"
        "Patients received trastuzumab. Median PFS was 16.4 months. Mean LVEF decreased from "
        "64% to 60% at 12 months."
    )
    assert [r[0] for r in rows_of(nlp, text, ARM_ROW)] == ["PFS"]


def test_rcb_rate_takes_no_pcr_of_its_sentence(nlp):
    """ "The pCR rate was 62.0%, and the RCB 0-I rate was 78.5%": RCB has no end point of the
    contract, so 78.5% is no outcome (and no pCR)."""
    head = (
        "Neoadjuvant trastuzumab and pertuzumab with docetaxel and carboplatin\n\n"
        "Patients received docetaxel, carboplatin, trastuzumab and pertuzumab. "
    )
    for body in (
        "The pCR rate was 62.0%, and the RCB 0-I rate was 78.5%.",
        "pCR was achieved in 62.0%; residual cancer burden 0-I was observed in 78.5%.",
    ):
        rows = [r[:3] for r in rows_of(nlp, head + body, ARM_ROW)]
        assert rows == [("pCR", "rate", 62.0)], body


# --- 6. biosimilar codes the text defines as one ---


def test_code_defined_as_a_biosimilar_is_its_reference(nlp):
    """ "SIBP-01, a biosimilar of trastuzumab, plus docetaxel" (no title line) and "TQB2440 is
    a pertuzumab biosimilar" (an empty title): the code is the reference drug."""
    first = (
        "Patients received SIBP-01, a biosimilar of trastuzumab, plus docetaxel. "
        "ORR was 71.0% (95% CI 60.1-80.4)."
    )
    second = (
        "\n\nTQB2440 is a pertuzumab biosimilar. Patients received TQB2440 with trastuzumab and "
        "docetaxel. The pCR rate was 40.0%."
    )
    assert extract_text(nlp, first).drugs == ["docetaxel", "trastuzumab"]
    assert extract_text(nlp, second).drugs == ["docetaxel", "pertuzumab", "trastuzumab"]


def test_bracketed_biosimilar_definition_reads_the_code_as_its_reference(nlp):
    """ "SIBP-01 (a trastuzumab biosimilar) or trastuzumab, each with docetaxel": the code is
    trastuzumab, so no arm is docetaxel alone (the arm of an unread code)."""
    text = (
        "\n\nPatients were randomised to SIBP-01 (a trastuzumab biosimilar) or trastuzumab, each "
        "with docetaxel. ORR was 71.0% versus 69.0%."
    )
    codes = [h.canonical for h in _hits(nlp(text)._.her2, "drugs") if h.text == "SIBP-01"]
    assert codes == ["trastuzumab"]
    assert "docetaxel" not in [r.arm for r in rows_of(nlp, text, ARM_ROW)]


def test_code_described_otherwise_is_not_the_biosimilar_reference(nlp):
    """Negative: "TQB2440, a novel anti-HER2 antibody, plus trastuzumab biosimilar": the code
    is not defined as the biosimilar, so it is no trastuzumab."""
    text = (
        "\n\nPatients received TQB2440, a novel anti-HER2 antibody, plus biosimilar trastuzumab "
        "and docetaxel. The pCR rate was 40.0%."
    )
    assert "tqb2440" in extract_text(nlp, text).drugs
