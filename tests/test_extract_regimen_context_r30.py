"""Round 30, regimen short forms in context. The lexicon's regimen short forms (THP, TH, TCHP,
HP, TP, AC, EC, FEC, FAC, CEF, XH, LX...) were read as drugs wherever they stood as whole
words: "HP infection" (Helicobacter pylori) in a gastric-cancer abstract, "TP levels" (total
protein), "sorted by FAC" (FACS), "CEF cells" (chick embryo fibroblasts), "AC levels", "XL
sizes" all put regimens' drugs into the document's drug list. An undefined short form is now a
drug mention only where the text uses it as a treatment (joined to another mention, after or
before a treatment word, or defined in a bracket), never before a non-treatment noun."""

from __future__ import annotations

from extract_helpers import extract_text


def drugs_of(nlp, text: str) -> list[str]:
    """The document's drug list for ``text``."""
    return extract_text(nlp, text).drugs


def test_helicobacter_hp_and_total_protein_tp_are_no_regimens(nlp):
    """ "HP infection", "TP levels": the nouns after them say they are no treatment."""
    text = "HP infection was detected in 30% of patients. TP levels were low."
    assert drugs_of(nlp, text) == []


def test_facs_sorting_and_chick_embryo_cells_are_no_regimens(nlp):
    """ "sorted by FAC into", "CEF cells": a laboratory abstract names no regimen."""
    text = "Tumour cells were sorted by FAC into CD44-high fractions. CEF cells were transfected."
    assert drugs_of(nlp, text) == []


def test_measured_levels_are_no_regimen_in_a_treated_sentence(nlp):
    """ "AC levels", "EC values": a treatment word elsewhere in the sentence does not make them
    regimens (the noun after them rules), while the named drug stays."""
    text = (
        "Serum AC levels and EC values were measured in HER2-positive cell lines treated with "
        "lapatinib."
    )
    assert drugs_of(nlp, text) == ["lapatinib"]


def test_coordinated_short_forms_before_a_noun_are_no_regimens(nlp):
    """ "TH and XL sizes": the noun after a list of short forms is said of each of them."""
    assert drugs_of(nlp, "Serum TH and XL sizes were recorded.") == []


def test_hyphenated_status_is_no_regimen(nlp):
    """ "HP-positive" after a treatment sentence: a status, not pertuzumab and trastuzumab."""
    text = (
        "Patients with HER2-positive gastric cancer received trastuzumab. HP-positive patients "
        "had a shorter PFS."
    )
    assert drugs_of(nlp, text) == ["trastuzumab"]


def test_bracketed_non_drug_definition_is_no_regimen(nlp):
    """ "Helicobacter pylori (HP)": the bracket defines HP after a word that is no drug."""
    text = (
        "Helicobacter pylori (HP) infection was common in HER2-positive gastric cancer treated "
        "with trastuzumab."
    )
    assert drugs_of(nlp, text) == ["trastuzumab"]


def test_short_form_joined_to_a_drug_by_followed_by_stays(nlp):
    """ "four cycles of AC followed by paclitaxel": a treatment use on both sides."""
    text = "Patients received four cycles of AC followed by paclitaxel."
    assert drugs_of(nlp, text) == ["cyclophosphamide", "doxorubicin", "paclitaxel"]


def test_two_short_forms_compared_stay(nlp):
    """ "TCHP vs THP": each short form is joined to the other by a comparison."""
    assert drugs_of(nlp, "TCHP vs THP") == ["carboplatin", "docetaxel", "pertuzumab", "trastuzumab"]


def test_hyphen_joined_short_forms_stay(nlp):
    """ "AC-TH": a sequence of two regimens, with no other treatment word."""
    assert drugs_of(nlp, "AC-TH") == ["cyclophosphamide", "docetaxel", "doxorubicin", "trastuzumab"]


def test_short_forms_after_random_assignment_stay(nlp):
    """ "randomly assigned to EC-T or FEC-THP": a design sentence names regimens."""
    text = "Patients were randomly assigned to EC-T or FEC-THP."
    assert drugs_of(nlp, text) == [
        "cyclophosphamide",
        "docetaxel",
        "epirubicin",
        "fluorouracil",
        "pertuzumab",
        "trastuzumab",
    ]


def test_short_form_before_group_or_arm_stays(nlp):
    """ "the THP group", "the HP arm": a treatment word after the short form."""
    assert drugs_of(nlp, "The pCR rate was 40% in the THP group.") == [
        "docetaxel",
        "pertuzumab",
        "trastuzumab",
    ]
    assert drugs_of(nlp, "Fewer events occurred in the HP arm.") == ["pertuzumab", "trastuzumab"]


def test_conference_plus_shorthand_stays(nlp):
    """ "HP + T-DXd": joined by "+" to a drug mention."""
    assert drugs_of(nlp, "HP + T-DXd improved PFS.") == [
        "pertuzumab",
        "trastuzumab",
        "trastuzumab deruxtecan",
    ]


def test_arrow_joined_dose_dense_sequence_stays(nlp):
    """ "ddAC → THP": a sequence written with an arrow."""
    assert drugs_of(nlp, "ddAC → THP was given.") == [
        "cyclophosphamide",
        "docetaxel",
        "doxorubicin",
        "pertuzumab",
        "trastuzumab",
    ]


def test_treatment_use_elsewhere_carries_to_a_bare_mention(nlp):
    """ "THP is the standard ...": a mention with no treatment word of its own is the regimen
    when the text uses the same short form as a treatment elsewhere."""
    text = "THP is the standard first-line option. Patients were randomized to T-DXd or THP."
    assert "pertuzumab" in drugs_of(nlp, text)
    ex = extract_text(nlp, text)
    assert ex.drugs == ["docetaxel", "pertuzumab", "trastuzumab", "trastuzumab deruxtecan"]


def test_short_form_before_chemotherapy_or_cycles_stays(nlp):
    """ "AC chemotherapy", "EC x 4": a treatment word or a cycle count after the short form."""
    assert drugs_of(nlp, "AC chemotherapy was well tolerated.") == [
        "cyclophosphamide",
        "doxorubicin",
    ]
    assert drugs_of(nlp, "EC x 4 was well tolerated.") == ["cyclophosphamide", "epirubicin"]


def test_bare_short_form_without_any_treatment_use_is_dropped(nlp):
    """Negative for propagation: "XL" in a text that never uses it as a treatment."""
    assert drugs_of(nlp, "Shirts in size XL were handed out to 40 participants.") == []


def test_outcome_and_schedule_words_keep_a_lone_short_form(nlp):
    """ "pCR with TCHP", "THP for 6 cycles", "Efficacy of THP", "the XH combination": a lone
    mention in a results or title sentence is still the regimen."""
    thp = ["docetaxel", "pertuzumab", "trastuzumab"]
    assert drugs_of(nlp, "pCR with TCHP was 55%.") == ["carboplatin", *thp]
    assert drugs_of(nlp, "THP for 6 cycles improved pCR.") == thp
    assert drugs_of(nlp, "Efficacy of THP in HER2+ MBC: a real-world study") == thp
    assert drugs_of(nlp, "The XH combination was active.") == ["capecitabine", "trastuzumab"]


def test_unambiguous_short_forms_need_no_treatment_word(nlp):
    """ "150 had THP and 170 had TCHP", "Outcomes of TCHP in older women", "TCHP ranked
    first": THP, TCHP and FEC mean nothing else, so no treatment word is needed (only the
    lexicon's "ambiguous_abbreviations" need one)."""
    thp = ["docetaxel", "pertuzumab", "trastuzumab"]
    tchp = ["carboplatin", *thp]
    assert drugs_of(nlp, "Among 320 patients, 150 had THP and 170 had TCHP.") == tchp
    assert drugs_of(nlp, "Outcomes of TCHP in older women: a cohort study.") == tchp
    assert drugs_of(nlp, "In the network, TCHP ranked first (SUCRA 0.91).") == tchp
    assert drugs_of(nlp, "Among 90 women, 40 had FEC.") == [
        "cyclophosphamide",
        "epirubicin",
        "fluorouracil",
    ]


def test_ambiguous_short_forms_still_need_a_treatment_use(nlp):
    """Negative: the same sentence shapes with an ambiguous short form ("had HP", "of AC")
    give no regimen, because HP and AC are also words of other fields."""
    assert drugs_of(nlp, "Among 320 patients, 150 had HP.") == []
    assert drugs_of(nlp, "Outcomes of AC in older women: a cohort study.") == []


def test_unambiguous_short_form_before_a_non_treatment_noun_is_none(nlp):
    """Negative: the noun after it still rules for the unambiguous ones ("THP levels")."""
    assert drugs_of(nlp, "Plasma THP levels were measured by HPLC.") == []


def test_gastro_intestinal_short_forms_sox_and_xp_need_a_treatment_use(nlp):
    """ "SOX family factors" (genes), "XP" (xeroderma pigmentosum) are no regimens, while "XP
    plus trastuzumab" is capecitabine and cisplatin (round 30a's lexicon entries)."""
    text = "SOX family transcription factors were profiled in tumours treated with trastuzumab."
    assert drugs_of(nlp, text) == ["trastuzumab"]
    assert drugs_of(nlp, "Patients with XP were excluded.") == []
    assert drugs_of(nlp, "Patients received XP plus trastuzumab.") == [
        "capecitabine",
        "cisplatin",
        "trastuzumab",
    ]
