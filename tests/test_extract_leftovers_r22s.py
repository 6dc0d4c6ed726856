"""Left-overs round 22 (s): short forms and control labels. A sequence short form written with
spaces around its arrow ("paclitaxel (AC → T)") was no bracketed short form, so "with AC → T"
named no arm and "AC → TH" read as AC plus the lexicon's TH (docetaxel). BCIRG 006-style
three-arm designs lost their AC-TH arm when it was written "the same regimen plus trastuzumab
(AC-TH)" after "or to" or "the same chemotherapy with trastuzumab ... (AC-TH)" after a comma,
and "AC-T with trastuzumab starting with docetaxel (AC-TH)" made docetaxel an arm of its own.
"A plus B (control; n = 406)" labelled no arm, so "the control group" took the default arm
(the last of two) and "the experimental group" the first."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

from her2mine.extract.components import _hits

ACT_P = "cyclophosphamide+doxorubicin+paclitaxel"
ACTH_P = "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"
ACT_D = "cyclophosphamide+docetaxel+doxorubicin"
ACTH_D = "cyclophosphamide+docetaxel+doxorubicin+trastuzumab"
TCH = "carboplatin+docetaxel+trastuzumab"

SPACED_ARROW = (
    "Adjuvant trastuzumab with sequential chemotherapy in HER2-positive breast cancer\n\n"
    "Patients with node-positive HER2-positive breast cancer were randomly assigned to "
    "doxorubicin and cyclophosphamide followed by paclitaxel (AC → T) or the same chemotherapy "
    "with trastuzumab beginning concurrently with paclitaxel (AC → TH). The 5-year DFS was 67.1% "
    "with AC → T and 85.3% with AC → TH (P < .001). Cardiac events occurred in 0.8% of patients "
    "in the AC → T arm and 4.1% in the AC → TH arm."
)


def test_spaced_arrow_short_form_names_its_arm(nlp):
    """ "(AC → T)": later "with AC → T" / "in the AC → T arm" name the sequence."""
    arms = arms_of(nlp, SPACED_ARROW)
    assert arms[67.1] == ACT_P
    assert arms[0.8] == ACT_P


def test_spaced_arrow_short_form_adding_a_letter_extends_the_earlier_one(nlp):
    """ "(AC → TH)" after "(AC → T)" is AC → T plus trastuzumab, not AC plus the lexicon's TH."""
    arms = arms_of(nlp, SPACED_ARROW)
    assert arms[85.3] == ACTH_P
    assert arms[4.1] == ACTH_P


def test_spaced_arrow_design_names_no_docetaxel(nlp):
    """The "TH" of "AC → TH" is no docetaxel mention."""
    state = nlp(SPACED_ARROW)._.her2
    assert "docetaxel" not in {d for h in _hits(state, "drugs") for d in h.drugs}


def test_spaced_arrow_without_a_drug_chain_before_defines_nothing(nlp):
    """Negative: a nodal shift in brackets ("(N1 → N0)") after no regimen is no short form."""
    text = (
        "Patients received trastuzumab plus pertuzumab. Nodal downstaging was frequent "
        "(N1 → N0) and was seen in 41% of patients."
    )
    state = nlp(text)._.her2
    assert all("→" not in h.text for h in _hits(state, "drugs"))


SAME_REGIMEN_PLUS = (
    "Adjuvant trastuzumab in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to doxorubicin plus cyclophosphamide followed by docetaxel "
    "(AC-T) or to the same regimen plus trastuzumab (AC-TH) or to docetaxel, carboplatin, and "
    "trastuzumab (TCH). The 5-year DFS rates were 75% in the AC-T arm, 84% in the AC-TH arm and "
    "81% in the TCH arm."
)


def test_same_regimen_plus_after_or_to_is_an_arm(nlp):
    """ "or to the same regimen plus trastuzumab (AC-TH)": the design's second arm."""
    assert [a.name for a in registry_of(nlp, SAME_REGIMEN_PLUS).arms] == [ACT_D, ACTH_D, TCH]


def test_same_regimen_plus_short_forms_name_the_three_arms(nlp):
    """ "in the AC-T / AC-TH / TCH arm" name the design's three arms."""
    arms = arms_of(nlp, SAME_REGIMEN_PLUS)
    assert [arms[v] for v in (75.0, 84.0, 81.0)] == [ACT_D, ACTH_D, TCH]


SAME_CHEMO_LISTED = (
    "Adjuvant trastuzumab in HER2-positive breast cancer\n\n"
    "Patients were randomly assigned to four cycles of doxorubicin and cyclophosphamide followed "
    "by four cycles of docetaxel (AC-T), the same chemotherapy with trastuzumab given "
    "concurrently with docetaxel and then alone to complete 1 year (AC-TH), or docetaxel and "
    "carboplatin with concurrent trastuzumab (TCH). The 10-year DFS was 67.9% for AC-T, 74.6% "
    "for AC-TH and 73.0% for TCH."
)


def test_same_chemotherapy_listed_after_a_comma_is_an_arm(nlp):
    """ "(AC-T), the same chemotherapy with trastuzumab ... (AC-TH), or ...": three arms."""
    assert [a.name for a in registry_of(nlp, SAME_CHEMO_LISTED).arms] == [ACT_D, ACTH_D, TCH]


STARTING_WITH = (
    "Adjuvant trastuzumab in HER2-positive breast cancer\n\n"
    "A total of 3222 patients were randomized to doxorubicin and cyclophosphamide followed by "
    "docetaxel (AC-T), AC-T with trastuzumab starting with docetaxel and given for 1 year "
    "(AC-TH), or six cycles of docetaxel and carboplatin with 1 year of trastuzumab (TCH). DFS "
    "at 5 years was 75% for AC-T, 84% for AC-TH and 81% for TCH (P < 0.001)."
)


def test_drug_after_starting_with_is_no_arm(nlp):
    """ "trastuzumab starting with docetaxel": docetaxel says when trastuzumab starts."""
    assert [a.name for a in registry_of(nlp, STARTING_WITH).arms] == [ACT_D, ACTH_D, TCH]


def test_drug_after_treatment_with_is_still_an_arm(nlp):
    """Negative: "treatment with A or B" names two arms ("with" stays a design word)."""
    text = (
        "Patients were randomly assigned to treatment with docetaxel plus trastuzumab or "
        "paclitaxel plus trastuzumab. The pCR rate was 40% vs 30%, respectively."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == ["docetaxel+trastuzumab", "paclitaxel+trastuzumab"]


PAC_THREE_ARMS = (
    "Adjuvant trastuzumab in HER2-positive breast cancer\n\n"
    "Women with node-positive HER2-positive breast cancer were randomized to doxorubicin plus "
    "cyclophosphamide followed by paclitaxel (AC-T), the same regimen plus 1 year of trastuzumab "
    "(AC-TH), or docetaxel, carboplatin and trastuzumab (TCH). The 5-year DFS rates were 75% in "
    "the AC-T arm, 84% in the AC-TH arm and 81% in the TCH arm. Grade 3 or 4 neuropathy was "
    "reported in 4.1% with AC-T, 4.5% with AC-TH and 0.5% with TCH."
)


def test_paclitaxel_three_arm_design_has_no_taxane_only_arm(nlp):
    """Pinned: "..., the same regimen plus 1 year of trastuzumab (AC-TH), or ..." (paclitaxel)."""
    assert [a.name for a in registry_of(nlp, PAC_THREE_ARMS).arms] == [ACT_P, ACTH_P, TCH]
    arms = arms_of(nlp, PAC_THREE_ARMS)
    assert [arms[v] for v in (4.1, 4.5, 0.5)] == [ACT_P, ACTH_P, TCH]


CONTROL_SEMICOLON = (
    "Trastuzumab plus capecitabine in HER2-positive metastatic breast cancer\n\n"
    "Patients were randomized to capecitabine plus trastuzumab (control; n = 78) or capecitabine "
    "plus lapatinib and trastuzumab (n = 78). The ORR was 27% in the control group and 41% in "
    "the experimental group. Median PFS was 5.6 months in the control arm."
)
HX = "capecitabine+trastuzumab"
HXL = "capecitabine+lapatinib+trastuzumab"


def test_control_bracket_labels_the_arm_before_it(nlp):
    """ "A plus B (control; n = 78)": "the control group/arm" is A+B, though it comes first."""
    arms = arms_of(nlp, CONTROL_SEMICOLON)
    assert arms[27.0] == HX
    assert arms[5.6] == HX


def test_experimental_group_is_the_arm_not_labelled_control(nlp):
    """With the first of two arms labelled control, "the experimental group" is the second."""
    assert arms_of(nlp, CONTROL_SEMICOLON)[41.0] == HXL


def test_control_arm_bracket_with_a_count_still_labels(nlp):
    """Pinned: "(control arm, n = 203)" labels the arm before it."""
    text = (
        "A total of 406 patients were randomly assigned to pyrotinib plus capecitabine (n = 203) "
        "or lapatinib plus capecitabine (control arm, n = 203). Median PFS was 12.5 months with "
        "pyrotinib plus capecitabine and 6.8 months in the control arm."
    )
    assert arms_of(nlp, text)[6.8] == "capecitabine+lapatinib"


def test_trial_named_control_in_capitals_is_no_label(nlp):
    """Negative: "(CONTROL)" names a trial; it labels no arm control."""
    text = (
        "Patients were randomly assigned to neratinib plus loperamide (CONTROL) or neratinib "
        "plus budesonide and loperamide. Diarrhoea of grade 3 occurred in 31% of patients."
    )
    assert all("control" not in a.labels for a in registry_of(nlp, text).arms)


HERA_BRACKET = (
    "Adjuvant trastuzumab after chemotherapy in HER2-positive breast cancer\n\n"
    "Patients who had completed adjuvant chemotherapy were randomized to observation or 1 year "
    "of trastuzumab (HERA). The 10-year DFS was 69% with trastuzumab and 63% with observation. "
    "In HERA, cardiac toxicity was 4.4%."
)


def test_trial_name_in_brackets_after_a_chain_is_no_short_form(nlp):
    """ "1 year of trastuzumab (HERA)": "HERA" names the trial, no drug mention anywhere."""
    state = nlp(HERA_BRACKET)._.her2
    assert all(h.text != "HERA" for h in _hits(state, "drugs"))
    assert arms_of(nlp, HERA_BRACKET)[4.4] is None


def test_short_form_that_is_no_trial_name_is_still_read(nlp):
    """Negative: "trastuzumab plus pertuzumab (PH)" still defines PH (not in the trial lexicon)."""
    text = (
        "Patients were randomly assigned to trastuzumab plus pertuzumab (PH) or trastuzumab "
        "emtansine plus pertuzumab. The pCR rate was 56% with PH."
    )
    assert arms_of(nlp, text)[56.0] == "pertuzumab+trastuzumab"
