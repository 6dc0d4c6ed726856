"""Review of pipelines 0.3.24/0.3.25 (round 16): later-line clauses drop only their own
regimens, a P value is no capital of an enumeration, one-letter short forms defined in a
design sentence wrapped over two lines."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

# --- 1. a later-line clause drops only the regimens from its opener to the trigger ---------


def test_followed_by_at_progression_keeps_the_first_regimen(nlp):
    """ "docetaxel alone followed by trastuzumab at progression": only trastuzumab is the later
    line; docetaxel alone stays the second arm."""
    text = (
        "Patients were randomly assigned to docetaxel plus trastuzumab, or docetaxel alone "
        "followed by trastuzumab at progression. The ORR was 61% in the docetaxel plus "
        "trastuzumab arm and 34% in the docetaxel arm."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == ["docetaxel+trastuzumab", "docetaxel"]
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 61.0) == "docetaxel+trastuzumab"
    assert arm_of(rows, 34.0) == "docetaxel"


def test_with_drug_at_progression_keeps_the_first_regimen(nlp):
    text = (
        "Patients were randomly assigned to trastuzumab plus docetaxel, or docetaxel alone with "
        "trastuzumab at progression. Median OS was 31.2 months with trastuzumab plus docetaxel "
        "and 22.7 months with docetaxel alone."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 22.7) == "docetaxel"


def test_comma_or_alternative_after_progression_is_no_later_line(nlp):
    """Negative: ", or capecitabine after progression" has no clause opener ("with", "then",
    "followed by"): the comma before "or" separates the arms, so both arms stay."""
    text = (
        "Patients whose disease progressed on trastuzumab were randomly assigned to lapatinib "
        "plus capecitabine, or capecitabine after progression. Median PFS was 8.4 months with "
        "lapatinib plus capecitabine and 4.4 months with capecitabine (HR 0.49, 95% CI "
        "0.34-0.71)."
    )
    assert len(registry_of(nlp, text).arms) == 2
    assert arm_of(rows_of(nlp, text, P_ROW), 4.4) == "capecitabine"


def test_with_crossover_clause_still_dropped(nlp):
    """Negative for the narrowing: ", with crossover to lapatinib upon progression" is still a
    later line (no lapatinib arm), and letrozole stays an arm."""
    text = (
        "Patients were randomised to letrozole plus lapatinib or letrozole, with crossover to "
        "lapatinib upon progression. Median PFS was 8.2 months with letrozole plus lapatinib and "
        "3.0 months with letrozole (HR 0.71, 95% CI 0.53-0.96)."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == ["lapatinib+letrozole", "letrozole"]


# --- 2. "L, P = 0.03": a P value is no capital of an enumeration ----------------------------

LETTERS = (
    "Letrozole with or without trastuzumab\n\n"
    "Postmenopausal women were randomly assigned to letrozole 2.5 mg daily (L) or trastuzumab "
    "4 mg/kg weekly (T). "
)


def test_p_value_after_letter_is_no_enumeration(nlp):
    rows = rows_of(nlp, LETTERS + "The ORR was 30% with T and 12% with L, P = 0.03.", P_ROW)
    assert arm_of(rows, 30.0) == "trastuzumab"
    assert arm_of(rows, 12.0) == "letrozole"
    assert all(r[3] == "0.03" for r in rows if r[2] in (30.0, 12.0))


def test_p_value_between_letters_is_no_enumeration(nlp):
    rows = rows_of(nlp, LETTERS + "The ORR was 30% with T, P = 0.03, and 12% with L.", P_ROW)
    assert arm_of(rows, 30.0) == "trastuzumab"
    assert arm_of(rows, 12.0) == "letrozole"


def test_enumeration_of_capitals_still_no_letter(nlp):
    """Negative: "class A, B or C" stays an enumeration (the capitals are followed by no
    relation sign or number), so the "A" of anastrozole's short form reads no drug there."""
    from her2mine.extract.drugs.letters import _in_letter_enumeration

    text = "Child-Pugh class L, B or C."
    a = text.index("L,")
    assert _in_letter_enumeration(text, a, a + 1, {"L": ["letrozole"]})
    text = "with L, P = 0.03"
    a = text.index("L,")
    assert not _in_letter_enumeration(text, a, a + 1, {"L": ["letrozole"]})


# --- 3. a design sentence wrapped over two lines defines its letters ------------------------


def test_letters_defined_in_wrapped_design_sentence(nlp):
    text = (
        "Letrozole with or without trastuzumab\n\n"
        "Postmenopausal women were randomly assigned\nto letrozole 2.5 mg daily (L) or "
        "trastuzumab 4 mg/kg weekly (T). The ORR was 30% with T and 12% with L."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 30.0) == "trastuzumab"
    assert arm_of(rows, 12.0) == "letrozole"


def test_letters_after_a_title_line_are_no_definitions(nlp):
    """Negative: a title line ending the sentence ("... randomised.") before a blank line is
    not joined, so "(L)" of the next paragraph's sentence, which assigns no one, defines
    nothing."""
    text = (
        "Patients were randomised.\n\nLetrozole 2.5 mg daily (L) was given. The ORR was 12% with L."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 12.0) is None


# --- 4. "for observation", "with Observation": the untreated arm in any case ----------------

OBS_DESIGN = "Patients were randomly assigned to trastuzumab for 1 year or observation. "


def test_capitalised_observation_is_the_untreated_arm(nlp):
    rows = rows_of(
        nlp, OBS_DESIGN + "3-year DFS: 80.6% with Trastuzumab vs 74.3% with Observation.", P_ROW
    )
    assert arm_of(rows, 80.6) == "trastuzumab"
    assert arm_of(rows, 74.3) is None


def test_for_observation_is_the_untreated_arm(nlp):
    text = OBS_DESIGN + (
        "The 3-year DFS rate was 80.6% for trastuzumab versus 74.3% for observation (HR 0.54, "
        "95% CI 0.43-0.67)."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 80.6) == "trastuzumab"
    assert arm_of(rows, 74.3) is None


def test_observation_of_a_measure_is_no_arm(nlp):
    """Negative: "with observation of tumour size" (no clause end after "observation") names
    no observation arm, so nothing is taken from the regimen's reading."""
    text = (
        "Patients were randomly assigned to docetaxel plus trastuzumab or docetaxel. The ORR "
        "was 61% with docetaxel plus trastuzumab, for observation of tumour size by MRI."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 61.0) == "docetaxel+trastuzumab"


# --- 5. shares of imaging/biomarker responders, wherever the end point stands ---------------


def test_pet_responder_share_after_the_end_point_is_no_rate(nlp):
    rows = rows_of(
        nlp, "Trial\n\nThe pCR rate was 37.9%, and 227 patients (79.6%) were PET responders.", P_ROW
    )
    assert [r[2] for r in rows] == [37.9]


def test_ctdna_clearance_share_after_the_end_point_is_no_rate(nlp):
    text = (
        "Trial\n\nOverall, pCR was achieved in 86 patients (37.9%) and 30% had ctDNA clearance "
        "at week 2."
    )
    assert [r[2] for r in rows_of(nlp, text, P_ROW)] == [37.9]


def test_recist_responders_are_a_response_rate(nlp):
    """Negative: RECIST (radiological) responders are objective responders, an ORR."""
    text = (
        "Trial\n\nOverall, 45 patients (52%) were RECIST responders, and the ORR by independent "
        "review was 48%."
    )
    assert ("ORR", "rate", 52.0) in [r[:3] for r in rows_of(nlp, text, P_ROW)]


# --- 6. "or A plus B (arm C)" spells out "or both": the dosed backbone is shared -----------


def test_dosed_backbone_shared_before_spelled_out_combination(nlp):
    text = (
        "Trial\n\nPatients were randomly assigned to FEC for 4 cycles plus trastuzumab (arm A), "
        "lapatinib (arm B), or trastuzumab plus lapatinib (arm C). The pCR rate was 25% in arm "
        "A, 26% in arm B and 46% in arm C."
    )
    rows = rows_of(nlp, text, P_ROW)
    fec = "cyclophosphamide+epirubicin+fluorouracil+"
    assert arm_of(rows, 26.0) == fec + "lapatinib"
    assert arm_of(rows, 46.0) == fec + "lapatinib+trastuzumab"


def test_dosed_backbone_not_shared_without_combination(nlp):
    """Negative: the last alternative is no union of the earlier ones ("or T-DM1 3.6 mg/kg"),
    so the dosed backbone stays with the first partner (ATEMPT)."""
    text = (
        "Trial\n\nPatients were randomly assigned to paclitaxel 80 mg/m2 weekly plus "
        "trastuzumab, lapatinib, or T-DM1 3.6 mg/kg. The 3-year iDFS was 97.8% with T-DM1 and "
        "93.4% with paclitaxel plus trastuzumab."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 97.8) == "trastuzumab emtansine"


# --- 7. "both given concurrently with", "each administered concomitantly with" --------------

EACH = (
    "Trial\n\nPatients were randomly assigned to trastuzumab{}with paclitaxel. The pCR rate was "
    "45% with trastuzumab and 30% with lapatinib."
)


def test_participle_and_adverb_before_each_with(nlp):
    for joiner in (
        ", or lapatinib, both given concurrently ",
        " or lapatinib, each administered concomitantly ",
    ):
        rows = rows_of(
            nlp, EACH.format(joiner).replace("with paclitaxel", "with weekly paclitaxel"), P_ROW
        )
        assert arm_of(rows, 45.0) == "paclitaxel+trastuzumab", joiner
        assert arm_of(rows, 30.0) == "lapatinib+paclitaxel", joiner


def test_participle_and_adverb_join_a_regimen(nlp):
    from her2mine.extract.regimens import _STRONG_GAP

    assert _STRONG_GAP.match(" given concurrently with ")
    assert _STRONG_GAP.match(", administered together with ")
    assert not _STRONG_GAP.match(", with ")  # a bare ", with" (a later clause) joins nothing


def test_each_arm_word_without_joiner_adds_nothing(nlp):
    """Negative: "each given for one year" names no backbone, so the arms stay as written."""
    text = (
        "Trial\n\nPatients were randomly assigned to trastuzumab or lapatinib, each given for one "
        "year. The pCR rate was 45% with trastuzumab and 30% with lapatinib."
    )
    rows = rows_of(nlp, text, P_ROW)
    assert arm_of(rows, 45.0) == "trastuzumab"
    assert arm_of(rows, 30.0) == "lapatinib"


# --- 8. "the Low Dose arm": the low-dose label in any case ----------------------------------

LOW_DESIGN = (
    "Trial\n\nPatients were randomly assigned to trastuzumab plus low-dose oral cyclophosphamide "
    "or trastuzumab plus docetaxel. "
)


def test_capitalised_low_dose_arm(nlp):
    rows = rows_of(
        nlp,
        LOW_DESIGN + "The ORR was 45% in the Low Dose arm and 60% in the docetaxel group.",
        P_ROW,
    )
    assert arm_of(rows, 45.0) == "cyclophosphamide+trastuzumab"
    assert arm_of(rows, 60.0) == "docetaxel+trastuzumab"


def test_high_dose_arm_is_not_the_low_dose_arm(nlp):
    """Negative: "the High Dose arm" names no "low-dose" arm."""
    rows = rows_of(
        nlp,
        LOW_DESIGN + "The ORR was 45% in the High Dose arm and 60% in the docetaxel group.",
        P_ROW,
    )
    assert arm_of(rows, 45.0) != "cyclophosphamide+trastuzumab"


# --- 9. where invisible characters are dropped ----------------------------------------------


def test_book_titles_cleaned_once_journal_without_invisible_characters():
    from her2mine.parse.pubmed_xml import _book

    work = _book(
        {
            "BookDocument": {
                "PMID": "1",
                "ArticleTitle": "Trastu\u00adzumab in HER2-positive disease",
                "Book": {"BookTitle": "Gene\u200bReviews"},
            }
        }
    )
    assert work.title == "Trastuzumab in HER2-positive disease"
    assert work.journal == "GeneReviews"


def test_vernacular_title_keeps_zero_width_joiners():
    """ZWNJ/ZWJ (U+200C/D) are part of Persian or Indic spelling: kept in a VernacularTitle,
    while the zero-width space is still dropped."""
    from her2mine.parse.pubmed_xml import _article

    vernacular = "\u0645\u06cc\u200c\u0634\u0648\u062f \u200bHER2"
    work = _article(
        {
            "MedlineCitation": {
                "PMID": "2",
                "Article": {"ArticleTitle": "", "VernacularTitle": vernacular},
            }
        }
    )
    assert work.title == "\u0645\u06cc\u200c\u0634\u0648\u062f HER2"


def test_english_title_still_drops_zero_width_joiners():
    """Negative: an English ArticleTitle still loses every invisible character."""
    from her2mine.parse.pubmed_xml import _article

    work = _article(
        {"MedlineCitation": {"PMID": "3", "Article": {"ArticleTitle": "T-\u200dDXd in HER2-low"}}}
    )
    assert work.title == "T-DXd in HER2-low"


def test_txt_offsets_stay_offsets_into_the_file(tmp_path):
    """A .txt file is read as written (no invisible character dropped), so offsets stay
    offsets into the file's text."""
    from her2mine.extract.reader import read_text_document

    p = tmp_path / "a.txt"
    p.write_text("Title\n\nPatients received trastu\u00adzumab.", encoding="utf-8")
    assert "\u00ad" in read_text_document(p).text


# Lead's mend after the review of 0.3.26.


def test_later_line_after_a_comma_without_opener_is_no_arm(nlp):
    text = (
        "Docetaxel with or without trastuzumab\n\n"
        "Patients were randomly assigned to docetaxel plus trastuzumab or docetaxel alone, "
        "crossing over to trastuzumab at progression. The ORR was 61% in the docetaxel plus "
        "trastuzumab arm and 34% in the docetaxel arm."
    )
    assert [a.name for a in registry_of(nlp, text).arms] == ["docetaxel+trastuzumab", "docetaxel"]


def test_last_alternative_alone_keeps_no_dosed_backbone(nlp):
    text = (
        "Neoadjuvant pertuzumab\n\n"
        "Patients were randomly assigned to docetaxel 75 mg/m2 every 3 weeks plus trastuzumab "
        "(arm A), pertuzumab (arm B), or trastuzumab plus pertuzumab alone (arm C). The pCR rate "
        "was 29% in arm A, 24% in arm B and 17% in arm C."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 17.0) == "pertuzumab+trastuzumab"


def test_p_value_written_with_its_word_and_no_sign_is_a_p(nlp):
    # "P value 0.03" / "p-value of .04": a P, never a rate of its own.
    base = "Title\n\nPatients were randomized to lapatinib or trastuzumab. The ORR was 12% with "
    rows = rows_of(nlp, base + "lapatinib, P value 0.03, and 30% with trastuzumab.", P_ROW)
    assert [r[2] for r in rows] == [12.0, 30.0]  # was also a 0.03 "rate"
    rows = rows_of(nlp, base + "lapatinib and 30% with trastuzumab (p-value of .04).", P_ROW)
    assert [(r[2], r[3]) for r in rows] == [(12.0, "0.04"), (30.0, "0.04")]


def test_value_word_without_p_is_no_p(nlp):
    # Negative: "the predictive value 0.8" or "values 12% and 30%" hold no P.
    rows = rows_of(
        nlp,
        "Title\n\nPatients were randomized to lapatinib or trastuzumab. ORR values were 12% with "
        "lapatinib and 30% with trastuzumab.",
        P_ROW,
    )
    assert [(r[2], r[3]) for r in rows] == [(12.0, None), (30.0, None)]
