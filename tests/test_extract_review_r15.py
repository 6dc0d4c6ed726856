"""Review of round 15 (pipeline 0.3.21): the readings the reviewer found wrong.

The dosed backbone join ("FEC for 4 cycles plus trastuzumab (arm A), ...") fired without
"or both", so a monotherapy alternative with its own dose took the backbone; the dosed one-letter
short form ("letrozole 2.5 mg daily alone (L)") looked for its design sentence across a title or
a question, let "arms a" block a capital "A" and turned enumerations of capitals ("class A, B or
C") into drug mentions; "the B-31 trial" was read by one reader only and any capital with two
digits ("the K-12 trial") was a trial.
"""

from __future__ import annotations

from extract_helpers import arms_of, letter_drugs, sentences_of, trials_in

# 1. a dosed backbone before its first partner is shared only by a list closing with "or both"


def test_dosed_backbone_without_or_both_leaves_the_alternative_alone(nlp):
    text = (
        "ATEMPT\n\nPatients were randomly assigned 3:1 to paclitaxel 80 mg/m2 weekly plus "
        "trastuzumab or T-DM1 3.6 mg/kg every 3 weeks. The 3-year iDFS was 97.8% with T-DM1 and "
        "93.4% with paclitaxel plus trastuzumab."
    )
    arms = arms_of(nlp, text)
    assert arms[97.8] == "trastuzumab emtansine"  # was paclitaxel+trastuzumab emtansine
    assert arms[93.4] == "paclitaxel+trastuzumab"


def test_dosed_lapatinib_backbone_without_or_both_leaves_trastuzumab_alone(nlp):
    text = (
        "Trial\n\nPatients were randomly assigned to lapatinib 1250 mg daily plus capecitabine "
        "or trastuzumab. Median PFS was 8.1 months with lapatinib plus capecitabine and 6.0 "
        "months with trastuzumab."
    )
    assert arms_of(nlp, text) == {8.1: "capecitabine+lapatinib", 6.0: "trastuzumab"}


CHERLOB_RESULTS = (
    " The pathologic complete response rate was 25% in arm A, 26.3% in arm B and 46.7% in arm C "
    "(P = .019)."
)
FEC_P = "cyclophosphamide+epirubicin+fluorouracil+"


def test_dosed_backbone_with_or_both_is_still_shared(nlp):
    # the negative of the two above: with "or both" the dosed backbone is every arm's
    text = (
        "CHER-LOB\n\nPatients were randomly assigned to receive paclitaxel for 12 weeks followed "
        "by FEC for 4 cycles plus trastuzumab (arm A), lapatinib (arm B), or the combination "
        "(arm C)." + CHERLOB_RESULTS
    )
    arms = arms_of(nlp, text)
    assert arms[26.3] == FEC_P + "lapatinib+paclitaxel"
    assert arms[46.7] == FEC_P + "lapatinib+paclitaxel+trastuzumab"


def test_bracketed_backbone_schedule_before_first_partner(nlp):
    text = (
        "CHER-LOB\n\nPatients were randomly assigned to receive paclitaxel for 12 weeks followed "
        "by FEC (4 cycles) plus trastuzumab (arm A), lapatinib (arm B), or both (arm C)."
        + CHERLOB_RESULTS
    )
    arms = arms_of(nlp, text)
    assert arms[26.3] == FEC_P + "lapatinib+paclitaxel"  # was lapatinib
    assert arms[46.7] == FEC_P + "lapatinib+paclitaxel+trastuzumab"  # was null


# 2. the dosed letter's design sentence is the sentence as cut, not back to the last ". "

ON_LETROZOLE = (
    "Patients on letrozole 2.5 mg daily alone (L) were compared with those on letrozole plus "
    "trastuzumab. Median time to progression was 3.3 months with L."
)


def test_dosed_letter_after_a_randomised_title_is_no_short_form(nlp):
    text = "A randomized trial of letrozole and trastuzumab\n\n" + ON_LETROZOLE
    assert arms_of(nlp, text)[3.3] is None  # was letrozole+trastuzumab


def test_dosed_letter_after_a_question_is_no_short_form(nlp):
    text = "Letrozole and trastuzumab\n\nWere patients randomized?\n" + ON_LETROZOLE
    assert letter_drugs(nlp, text) == []


def test_dosed_letter_in_a_design_sentence_after_a_title(nlp):
    # the negative: the same title, then a design sentence, still defines the letter
    text = (
        "A randomized trial of letrozole and trastuzumab\n\nPatients were randomly assigned to "
        "letrozole 2.5 mg daily alone (L) or letrozole plus trastuzumab. Median time to "
        "progression was 3.3 months with L."
    )
    assert arms_of(nlp, text)[3.3] == "letrozole"


# 4. "arm L" blocks the letter only in its own case

TANDEM = (
    "TAnDEM\n\nPatients were randomly assigned to anastrozole 1 mg daily alone (A) or "
    "anastrozole plus trastuzumab (A+T). Median PFS was 2.4 months with A and 4.8 months with "
    "A+T."
)


def test_lower_case_word_after_arms_does_not_block_the_letter(nlp):
    text = TANDEM + " In both arms a similar rate of grade 3 events was seen."
    assert arms_of(nlp, text)[2.4] == "anastrozole"  # was null


def test_capital_arm_letter_still_blocks_the_letter(nlp):
    text = TANDEM + " Grade 3 events were more common in arm A."
    assert "A" not in letter_drugs(nlp, text)


# 3. a defined letter inside an enumeration of capitals is no drug mention


def test_letter_in_a_class_enumeration_is_no_mention(nlp):
    text = (
        "Trial\n\nPatients were randomly assigned to capecitabine 1000 mg/m2 twice daily (C) or "
        "observation. The ORR was 30% with C. Grade 3 diarrhoea occurred in 10% of patients "
        "with Child-Pugh class A, B or C."
    )
    assert letter_drugs(nlp, text) == ["C"]  # was also the C of "class A, B or C"
    assert arms_of(nlp, text) == {30.0: "capecitabine", 10.0: None}


def test_letter_in_tnm_or_grade_lists_is_no_mention(nlp):
    n = (
        "ExteNET\n\nPatients were randomly assigned to neratinib 240 mg daily (N) or placebo. "
        "Staging used T, N and M categories. The iDFS rate was 93.9% with N."
    )
    assert letter_drugs(nlp, n) == ["N"]  # was also the N of "T, N and M"
    e = (
        "Trial\n\nPatients were randomly assigned to eribulin 1.4 mg/m2 on days 1 and 8 (E) or "
        "vinorelbine. Tumours were scored per IHC grades A, B, C, D or E. The ORR was 30% with "
        "E."
    )
    assert letter_drugs(nlp, e) == ["E"]


def test_list_of_two_defined_letters_is_still_drugs(nlp):
    # the negative: "L, T or both" lists two defined short forms
    text = (
        "Trial\n\nPatients were randomly assigned to letrozole (L), trastuzumab (T) or both. "
        "Median PFS was 3.3 months with L, T or both."
    )
    assert letter_drugs(nlp, text) == ["L", "T"]


# 5. a group's lettered trial number: every reader, and NSABP's "B-" only


def test_lettered_group_number_after_design_words_and_coordinated():
    assert trials_in("in the phase III B-31 trial") == ["B-31"]  # was []
    assert trials_in("the N9831 and B-31 trials") == ["N9831", "B-31"]  # was N9831 only
    assert trials_in("the B-31 and N9831 trials") == ["B-31", "N9831"]


def test_other_capital_with_two_digits_is_no_trial():
    assert trials_in("The C-30 study questionnaire was used.") == []  # was C-30
    assert trials_in("The K-12 trial") == []
    assert trials_in("In the D-10 trial, dexamethasone was given.") == []


# 6. invisible characters are dropped before whitespace is collapsed, in every section and label


def test_invisible_characters_dropped_before_whitespace_collapse():
    from her2mine.parse.text import clean_markup, jats_to_text

    assert jats_to_text("<jats:p>trastuzumab \u200b plus pertuzumab</jats:p>")[0] == (
        "trastuzumab plus pertuzumab"
    )  # was a double space
    assert jats_to_text("<jats:p>\u200b</jats:p><jats:p>Results</jats:p>")[0] == "Results"
    assert jats_to_text("<jats:p>HER2\u200c-positive, x\u2062y, a\u200db</jats:p>")[0] == (
        "HER2-positive, xy, ab"
    )
    text, sections = jats_to_text(
        "<jats:sec><jats:title>Res\u00adults</jats:title><jats:p>ok</jats:p></jats:sec>"
    )
    assert sections[0].label == "Results" and text == "Results: ok"
    # the negative: clean_markup itself keeps them (its contract: text as escaped)
    assert clean_markup("trastu\u00adzumab") == "trastu\u00adzumab"


def test_pubmed_section_texts_and_labels_lose_soft_hyphens():
    from her2mine.parse.pubmed_xml import parse_pubmed_xml

    xml = (
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
        "<ArticleTitle>Trastu\u00adzumab \u200b trial</ArticleTitle><Abstract>"
        '<AbstractText Label="BACK\u00adGROUND">trastu\u00adzumab works</AbstractText>'
        "</Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    ).encode()
    work = parse_pubmed_xml(xml)[0]
    assert work.title == "Trastuzumab trial"
    assert work.abstract_sections[0].label == "BACKGROUND"  # was "BACK\xadGROUND"
    assert work.abstract_sections[0].text == "trastuzumab works"  # was "trastu\xadzumab works"
    assert work.abstract == "BACKGROUND: trastuzumab works"


# 8. dosed alternatives: "given" before the schedule, "or both drugs (arm C)"

HERNATA_RESULTS = (
    " Median time to progression was 12.4 months with docetaxel and 15.3 months with vinorelbine."
)


def test_given_before_an_alternatives_schedule_keeps_the_backbone(nlp):
    text = (
        "HERNATA\n\nPatients were randomly assigned to trastuzumab with either docetaxel 100 "
        "mg/m2 given every 3 weeks or vinorelbine 30 mg/m2." + HERNATA_RESULTS
    )
    assert arms_of(nlp, text) == {
        12.4: "docetaxel+trastuzumab",  # was docetaxel
        15.3: "trastuzumab+vinorelbine",
    }


def test_given_without_either_shares_the_backbone_with_an_alternative_of_its_role(nlp):
    """Round 44a: without "either", a dosed alternative of the partner's role (vinorelbine for
    docetaxel) takes the backbone too, as the undosed "trastuzumab with docetaxel or
    vinorelbine" does (was vinorelbine alone); one of another role stays as written
    (``test_extract_leftovers_r44a.py``)."""
    text = (
        "HERNATA\n\nPatients were randomly assigned to trastuzumab with docetaxel 100 mg/m2 "
        "given every 3 weeks or vinorelbine 30 mg/m2." + HERNATA_RESULTS
    )
    assert arms_of(nlp, text)[15.3] == "trastuzumab+vinorelbine"


def test_or_both_drugs_bracket_labels_the_arm_of_both(nlp):
    text = (
        "CHER-LOB\n\nPatients were randomly assigned to receive paclitaxel weekly plus "
        "trastuzumab (arm A), lapatinib (arm B), or both drugs (arm C)." + CHERLOB_RESULTS
    )
    assert arms_of(nlp, text)[46.7] == "lapatinib+paclitaxel+trastuzumab"  # was null


# 9. "low dose" wrapped at a line end, a space before the break, in design and reference

LOW_DOSE_DESIGN = (
    "Pertuzumab and trastuzumab\n\nMethods: 80 patients were randomly assigned to pertuzumab "
    "plus trastuzumab alone or pertuzumab plus trastuzumab with {} oral cyclophosphamide. "
    "Findings: Progression-free survival at 6 months was 73.4% in the {} group."
)
PH_CYCLO = "cyclophosphamide+pertuzumab+trastuzumab"


def test_low_dose_wrapped_after_a_space_in_the_design(nlp):
    text = LOW_DOSE_DESIGN.format("low \ndose", "low-dose")
    assert arms_of(nlp, text)[73.4] == PH_CYCLO  # was null


def test_low_dose_wrapped_in_the_reference(nlp):
    assert arms_of(nlp, LOW_DOSE_DESIGN.format("low-dose", "low \ndose"))[73.4] == PH_CYCLO
    text = LOW_DOSE_DESIGN.format("low-dose", "low \ndose chemotherapy")
    assert arms_of(nlp, text)[73.4] == PH_CYCLO  # was null


def test_high_dose_wrapped_is_not_the_low_dose_arm(nlp):
    assert arms_of(nlp, LOW_DOSE_DESIGN.format("low-dose", "high \ndose"))[73.4] is None


# 7. compound run-in headings are cut whole; "SETTING" alone is no heading


def test_compound_run_in_headings_are_cut_whole():
    assert (
        sentences_of(
            "Trial\n\nIMPORTANCE: Trastuzumab helps. DESIGN, SETTING, AND PARTICIPANTS: A randomized "
            "trial of 200 women"
        )[2]
        == "DESIGN, SETTING, AND PARTICIPANTS: A randomized trial of 200 women"
    )  # was cut
    # after "DESIGN, SETTING, AND"
    assert sentences_of(
        "Trial\n\nBACKGROUND: HER2 matters METHODS AND FINDINGS: We randomized 200 women."
    )[1:] == ["BACKGROUND: HER2 matters", "METHODS AND FINDINGS: We randomized 200 women."]
    assert sentences_of(
        "Trial\n\nWe randomized 200 women MAIN OUTCOMES AND MEASURES: Overall survival"
    )[1:] == ["We randomized 200 women", "MAIN OUTCOMES AND MEASURES: Overall survival"]


def test_upper_case_setting_before_a_colon_is_no_heading():
    text = "The response rate in the PHASE II SETTING: 45% (95% CI 30-60)."
    assert sentences_of(text) == [text]  # was cut before "SETTING"


def test_single_word_headings_still_cut():
    assert sentences_of("Trial\n\nx DESIGN: y METHODS: z RESULTS: w")[1:] == [
        "x",
        "DESIGN: y",
        "METHODS: z",
        "RESULTS: w",
    ]


def test_exposures_heading_is_cut():
    assert sentences_of("Trial\n\nWe enrolled 200 women EXPOSURES: Trastuzumab")[1:] == [
        "We enrolled 200 women",
        "EXPOSURES: Trastuzumab",
    ]


# 11. an observation arm's values are null (gold README: "HERA observation")

OBSERVATION = (
    "Trastuzumab\n\nPatients were randomized to trastuzumab every 3 weeks or observation. "
)


def test_value_with_observation_is_not_the_treated_arms(nlp):
    text = OBSERVATION + "DFS at 3 years was 85% with trastuzumab and 78% with observation."
    assert arms_of(nlp, text) == {85.0: "trastuzumab", 78.0: None}  # 78 was trastuzumab


def test_observation_period_is_no_arm_reference(nlp):
    text = OBSERVATION + "After an observation period of 2 years, DFS was 85% with trastuzumab."
    assert arms_of(nlp, text) == {85.0: "trastuzumab"}
