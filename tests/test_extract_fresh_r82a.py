"""Fresh round 82a: design lists past a prior-therapy subject, ";"-separated arm lists and a
common post-surgery tail (causes the lead bisected in real abstracts). A subject's history ("with
no prior chemotherapy for advanced disease", "previously treated with trastuzumab") before
"were randomly assigned to A either alone (S1) or with X (S2)" cost the add-on design its
backbone (S2 read X alone); "A (TCH); B (TCL); or C (TCHL)" lost the middle item; and "...,
followed by surgery and completion of 1 year of trastuzumab" was read as a trastuzumab arm."""

from __future__ import annotations

from extract_helpers import arm_of, registry_of, rows_of

TH = "docetaxel+trastuzumab"
BEV_TH = "bevacizumab+docetaxel+trastuzumab"
TCH = "carboplatin+docetaxel+trastuzumab"
TCL = "carboplatin+docetaxel+lapatinib"
TCHL = "carboplatin+docetaxel+lapatinib+trastuzumab"

NO_PRIOR_SUBJECT = (
    "Bevacizumab with docetaxel and trastuzumab in HER2-positive breast cancer\n\n"
    "Patients with HER2-positive LR/mBC and no prior chemotherapy for advanced disease were "
    "randomly assigned to docetaxel 100 mg/m² plus trastuzumab 8 mg/kg loading dose then 6 mg/kg "
    "every 3 weeks, given either alone (TH) or with bevacizumab 15 mg/kg every 3 weeks (BEV-TH), "
    "until disease progression or unacceptable toxicity. The primary end point was PFS. The "
    "median PFS was 13.7 months with TH versus 16.5 months with BEV-TH."
)
PRETREATED_SUBJECT = (
    "Lapatinib plus capecitabine in HER2-positive breast cancer\n\n"
    "Patients with HER2-positive metastatic breast cancer previously treated with trastuzumab "
    "were randomly assigned to capecitabine either alone (X) or with lapatinib (XL). Median TTP "
    "was 4.4 months with X and 8.4 months with XL."
)
HISTORY_DESIGN = (
    "Second-line therapy in HER2-positive breast cancer\n\n"
    "Patients previously treated with docetaxel plus trastuzumab either alone (TH) or with "
    "bevacizumab (BEV-TH) were randomly assigned to lapatinib plus capecitabine or neratinib "
    "plus capecitabine. Median PFS was 6.6 months with lapatinib plus capecitabine and 8.8 "
    "months with neratinib plus capecitabine."
)
SEMICOLON_LIST = (
    "A randomized phase II neoadjuvant study in HER2-positive breast cancer\n\n"
    "Patients were randomized to 6 cycles of docetaxel, carboplatin, and trastuzumab (TCH); "
    "docetaxel, carboplatin, and lapatinib (TCL); or docetaxel, carboplatin, trastuzumab, and "
    "lapatinib (TCHL), followed by surgery and completion of 1 year of trastuzumab. The pCR "
    "rates were 52% (95% CI, 36%-67%) with TCH, 25% (95% CI, 9%-49%) with TCL, and 49% (95% "
    "CI, 33%-65%) with TCHL. The clinical response rates were 80%, 70%, and 75%, respectively."
)
SEMICOLON_CLAUSE = (
    "Pertuzumab in HER2-positive breast cancer\n\n"
    "Patients were randomized to docetaxel plus trastuzumab (TH) or docetaxel plus trastuzumab "
    "plus pertuzumab (THP); trastuzumab was continued for 1 year. The pCR rates were 40% with "
    "TH and 55% with THP."
)
COMMA_LIST_SURGERY = (
    "A randomized phase II neoadjuvant study in HER2-positive breast cancer\n\n"
    "Patients were randomized to paclitaxel plus trastuzumab (PH), paclitaxel plus lapatinib "
    "(PL), or paclitaxel plus trastuzumab and lapatinib (PHL), followed by surgery and 1 year of "
    "trastuzumab. The pCR rates were 30%, 20% and 45%, respectively."
)


def _arm_names(nlp, text: str) -> list[str | None]:
    return sorted(a.name or "" for a in registry_of(nlp, text).arms)


def test_no_prior_therapy_subject_keeps_the_add_on_backbone(nlp):
    """ "and no prior chemotherapy for advanced disease were randomly assigned to A either alone
    (TH) or with X (BEV-TH)": the history ends at the verb; BEV-TH is A + X."""
    rows = rows_of(nlp, NO_PRIOR_SUBJECT)
    assert arm_of(rows, 13.7) == TH
    assert arm_of(rows, 16.5) == BEV_TH


def test_previously_treated_subject_keeps_the_add_on_design(nlp):
    """ "previously treated with trastuzumab were randomly assigned to capecitabine either alone
    (X) or with lapatinib (XL)": X names capecitabine alone, XL the pair."""
    rows = rows_of(nlp, PRETREATED_SUBJECT)
    assert arm_of(rows, 4.4) == "capecitabine"
    assert arm_of(rows, 8.4) == "capecitabine+lapatinib"


def test_history_before_the_verb_defines_no_add_on_design(nlp):
    """Negative: "either alone (TH) or with bevacizumab (BEV-TH)" inside the subject's history,
    before "were randomly assigned to", is no design; the assigned regimens are the arms."""
    rows = rows_of(nlp, HISTORY_DESIGN)
    assert arm_of(rows, 6.6) == "capecitabine+lapatinib"
    assert arm_of(rows, 8.8) == "capecitabine+neratinib"
    assert TH not in _arm_names(nlp, HISTORY_DESIGN)


def test_semicolon_list_defines_every_item(nlp):
    """ "A (TCH); B (TCL); or C (TCHL)": three arms, the middle one too."""
    rows = rows_of(nlp, SEMICOLON_LIST)
    assert arm_of(rows, 52.0) == TCH
    assert arm_of(rows, 25.0) == TCL
    assert arm_of(rows, 49.0) == TCHL


def test_post_surgery_tail_is_no_arm(nlp):
    """ "..., followed by surgery and completion of 1 year of trastuzumab": no trastuzumab arm,
    and the neoadjuvant arms do not take it, so "respectively" zips three values with the three
    arms."""
    assert _arm_names(nlp, SEMICOLON_LIST) == [TCL, TCHL, TCH]
    rows = rows_of(nlp, SEMICOLON_LIST)
    assert arm_of(rows, 80.0) == TCH
    assert arm_of(rows, 70.0) == TCL
    assert arm_of(rows, 75.0) == TCHL


def test_post_surgery_tail_after_a_comma_list(nlp):
    """The same tail after a comma list ("A (PH), B (PL), or C (PHL), followed by surgery and
    1 year of trastuzumab"): three arms, no trastuzumab-only one."""
    rows = rows_of(nlp, COMMA_LIST_SURGERY)
    assert arm_of(rows, 30.0) == "paclitaxel+trastuzumab"
    assert arm_of(rows, 20.0) == "lapatinib+paclitaxel"
    assert arm_of(rows, 45.0) == "lapatinib+paclitaxel+trastuzumab"
    assert "trastuzumab" not in _arm_names(nlp, COMMA_LIST_SURGERY)


def test_semicolon_then_a_clause_adds_no_arm(nlp):
    """Negative: "... or B (THP); trastuzumab was continued for 1 year" closes no ";" list, so
    the clause's trastuzumab is no third arm."""
    assert _arm_names(nlp, SEMICOLON_CLAUSE) == ["docetaxel+pertuzumab+trastuzumab", TH]
    rows = rows_of(nlp, SEMICOLON_CLAUSE)
    assert arm_of(rows, 40.0) == TH
    assert arm_of(rows, 55.0) == "docetaxel+pertuzumab+trastuzumab"
