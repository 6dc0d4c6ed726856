"""Round 72a: arms left over from this session's reviews. A recap sentence's capitalised
labels ("Trastuzumab emtansine (Arm A) ... (Arm B)") were never read (the cheap gate looked for
"(arm " only); "Previously," or "After a median follow-up of ..." opening such a recap made its
first regimen a prior therapy; "47.9% with biosimilars and 46.5% with the reference product"
named no arm; "A with or without B, or C alone" lost the third arm; and in "docetaxel or
paclitaxel followed by trastuzumab" the trailing phase joined paclitaxel alone."""

from __future__ import annotations

from extract_helpers import P_ROW, arm_of, registry_of, rows_of

TDM1 = "trastuzumab emtansine"
LC = "capecitabine+lapatinib"

UPDATE_TITLE = (
    "Trastuzumab emtansine versus lapatinib and capecitabine: updated overall survival\n\n"
)
UPDATE_BODY = (
    "This report updates a randomised phase III trial in HER2-positive metastatic breast "
    "cancer. {opening}rastuzumab emtansine ({a}) had improved progression-free survival over "
    "lapatinib plus capecitabine ({b}). Median overall survival was 29.9 months in {a} and 25.9 "
    "months in {b} (HR 0.75, 95% CI 0.64-0.88)."
)


def _update(opening: str, a: str = "arm A", b: str = "arm B") -> str:
    """The update abstract with ``opening`` before its recap sentence's first regimen."""
    opening += "t" if opening else "T"
    return UPDATE_TITLE + UPDATE_BODY.format(opening=opening, a=a, b=b)


def test_capitalised_arm_labels_in_a_recap_define_the_arms(nlp):
    """ "Trastuzumab emtansine (Arm A) ... over lapatinib plus capecitabine (Arm B)": the
    capitalised label is read as "(arm A)" is, so "in Arm A" names the arm."""
    rows = rows_of(nlp, _update("", "Arm A", "Arm B"), P_ROW)
    assert arm_of(rows, 29.9) == TDM1
    assert arm_of(rows, 25.9) == LC


def test_capitalised_group_labels_in_a_recap_define_the_arms(nlp):
    """ "(Group 1)" / "(Group 2)" in the recap label the arms as "(group 1)" would."""
    rows = rows_of(nlp, _update("", "Group 1", "Group 2"), P_ROW)
    assert arm_of(rows, 29.9) == TDM1
    assert arm_of(rows, 25.9) == LC


def test_previously_opening_a_recap_is_no_prior_line(nlp):
    """ "Previously, trastuzumab emtansine (arm A) had improved PFS ...": "Previously," dates
    the earlier report; the first regimen is still arm A."""
    rows = rows_of(nlp, _update("Previously, "), P_ROW)
    assert arm_of(rows, 29.9) == TDM1
    assert arm_of(rows, 25.9) == LC


def test_previously_then_a_clause_is_no_prior_line(nlp):
    """ "Previously, at the primary analysis, X (arm A) ...": the same, with a clause between."""
    rows = rows_of(nlp, _update("Previously, at the primary analysis, "), P_ROW)
    assert arm_of(rows, 29.9) == TDM1


def test_after_a_median_follow_up_is_no_prior_line(nlp):
    """ "After a median follow-up of 19 months, X (arm A) ...": a time, not a prior therapy."""
    rows = rows_of(nlp, _update("After a median follow-up of 19 months, "), P_ROW)
    assert arm_of(rows, 29.9) == TDM1
    assert arm_of(rows, 25.9) == LC


MARIANNE_LIKE = (
    "Trastuzumab emtansine with or without pertuzumab in HER2-positive advanced breast cancer: "
    "final overall survival\n\n"
    "Patients were randomly assigned to trastuzumab plus docetaxel, trastuzumab emtansine plus "
    "placebo, or trastuzumab emtansine plus pertuzumab. Previously, neither trastuzumab "
    "emtansine plus pertuzumab (arm C) nor trastuzumab emtansine plus placebo (arm B) improved "
    "PFS over trastuzumab plus docetaxel (arm A). Median OS was 53.7 months in arm A, 65.1 "
    "months in arm B and 50.5 months in arm C."
)


def test_previously_neither_labels_the_first_regimen_too(nlp):
    """ "Previously, neither X (arm C) nor Y (arm B) improved PFS over Z (arm A)": arm C is X."""
    rows = rows_of(nlp, MARIANNE_LIKE, P_ROW)
    assert arm_of(rows, 50.5) == "pertuzumab+trastuzumab emtansine"
    assert arm_of(rows, 53.7) == "docetaxel+trastuzumab"


def test_previously_treated_with_is_still_a_prior_line(nlp):
    """Negative: "Patients previously treated with trastuzumab and a taxane were randomly
    assigned to ...": trastuzumab is a prior therapy, no arm."""
    text = UPDATE_TITLE + (
        "Patients previously treated with trastuzumab and a taxane were randomly assigned to "
        "trastuzumab emtansine (arm A) or lapatinib plus capecitabine (arm B). Median overall "
        "survival was 29.9 months in arm A and 25.9 months in arm B."
    )
    names = {a.name for a in registry_of(nlp, text).arms}
    assert names == {TDM1, LC}


POOLED_BIOSIMILARS = (
    "Trastuzumab biosimilars in HER2-positive early breast cancer: a meta-analysis\n\n"
    "We pooled randomised trials comparing trastuzumab biosimilars with the reference product in "
    "the neoadjuvant setting. Pooled pCR was 47.9% with biosimilars and 46.5% with the reference "
    "product (risk ratio 1.03, 95% CI 0.96-1.10)."
)
BIOSIMILAR_TWINS = (
    "A proposed trastuzumab biosimilar versus reference trastuzumab in HER2-positive early breast "
    "cancer\n\n"
    "Patients were randomly assigned to receive the biosimilar or reference trastuzumab, each "
    "with docetaxel. Total pCR was 51.7% with the biosimilar and 42.0% with the reference "
    "product (P = 0.02)."
)


def test_pooled_biosimilars_and_reference_product_carry_the_regimen(nlp):
    """ "47.9% with biosimilars and 46.5% with the reference product": both are trastuzumab."""
    rows = rows_of(nlp, POOLED_BIOSIMILARS, P_ROW)
    assert arm_of(rows, 47.9) == "trastuzumab"
    assert arm_of(rows, 46.5) == "trastuzumab"


def test_twin_trial_products_carry_the_twins_regimen(nlp):
    """ "with the biosimilar" / "with the reference product" in a twin trial: each value is the
    twins' one regimen."""
    rows = rows_of(nlp, BIOSIMILAR_TWINS, P_ROW)
    assert arm_of(rows, 51.7) == "docetaxel+trastuzumab"
    assert arm_of(rows, 42.0) == "docetaxel+trastuzumab"


def test_one_product_of_a_single_arm_study_is_the_population(nlp):
    """Negative: a single-arm biosimilar study's "61.2% with the biosimilar" is the whole
    population's value (arm null)."""
    text = (
        "A trastuzumab biosimilar in HER2-positive metastatic breast cancer: a single-arm study"
        "\n\nPatients received the trastuzumab biosimilar HLX02 with docetaxel. The objective "
        "response rate was 61.2% with the biosimilar."
    )
    assert arm_of(rows_of(nlp, text, P_ROW), 61.2) is None


TDXD = "trastuzumab deruxtecan"


def test_with_or_without_then_a_third_arm_alone(nlp):
    """ "T-DXd with or without tucatinib, or with T-DM1 alone": three arms."""
    text = (
        "Tucatinib in HER2-positive metastatic breast cancer\n\n"
        "Patients were randomised 1:1 to receive trastuzumab deruxtecan with or without "
        "tucatinib, or with trastuzumab emtansine alone. Median PFS was 16.2 months with "
        "trastuzumab deruxtecan plus tucatinib, 13.1 months with trastuzumab deruxtecan alone "
        "and 7.2 months with trastuzumab emtansine alone."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == [f"{TDXD}+tucatinib", TDXD, TDM1]


def test_with_or_without_then_a_third_combination(nlp):
    """ "T-DM1 with or without pertuzumab, or trastuzumab plus docetaxel": three arms."""
    text = (
        "Pertuzumab in HER2-positive metastatic breast cancer\n\n"
        "Patients were randomly assigned to trastuzumab emtansine with or without pertuzumab, or "
        "trastuzumab plus docetaxel. Median PFS was 15.2 months with trastuzumab emtansine plus "
        "pertuzumab and 13.7 months with trastuzumab plus docetaxel."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == [f"pertuzumab+{TDM1}", TDM1, "docetaxel+trastuzumab"]


def test_alone_or_with_gives_two_arms(nlp):
    """Pinning: "trastuzumab alone or with tucatinib" and "T-DXd with or without tucatinib"
    give two arms each (right at HEAD)."""
    for text, arms in (
        (
            "Tucatinib with trastuzumab\n\nPatients were randomly assigned to trastuzumab alone "
            "or with tucatinib. Median PFS was 7.8 months with trastuzumab and tucatinib.",
            {"trastuzumab", "trastuzumab+tucatinib"},
        ),
        (
            "Tucatinib with T-DXd\n\nPatients were randomly assigned to T-DXd with or without "
            "tucatinib. Median PFS was 16.2 months with T-DXd plus tucatinib.",
            {TDXD, f"{TDXD}+tucatinib"},
        ),
    ):
        assert {a.name for a in registry_of(nlp, text).arms} == arms


TAXANE_TITLE = "Taxane choice in HER2-positive early breast cancer\n\n"
TAXANE_RESULT = (
    " The pCR rate was 45% in the docetaxel arm and 38% in the paclitaxel arm (P = 0.12)."
)


def _taxane_arms(nlp, design: str) -> list[str | None]:
    rows = rows_of(nlp, TAXANE_TITLE + design + TAXANE_RESULT, P_ROW)
    return [arm_of(rows, 45.0), arm_of(rows, 38.0)]


def test_phase_after_a_bare_or_list_is_each_alternatives(nlp):
    """ "randomised to docetaxel or paclitaxel followed by trastuzumab": trastuzumab follows
    either taxane."""
    design = "Patients were randomised to docetaxel or paclitaxel followed by trastuzumab."
    assert _taxane_arms(nlp, design) == ["docetaxel+trastuzumab", "paclitaxel+trastuzumab"]


def test_maintenance_phase_after_a_bare_or_list_is_each_alternatives(nlp):
    """ "six cycles of docetaxel or paclitaxel followed by maintenance trastuzumab": the same."""
    design = (
        "Patients were randomly assigned to six cycles of docetaxel or paclitaxel followed by "
        "maintenance trastuzumab."
    )
    assert _taxane_arms(nlp, design) == ["docetaxel+trastuzumab", "paclitaxel+trastuzumab"]


def test_phase_after_comma_or_stays_with_the_last_alternative(nlp):
    """Negative: "docetaxel, or paclitaxel followed by trastuzumab": the comma closes the first
    arm; the phase is the second's."""
    design = "Patients were randomised to docetaxel, or paclitaxel followed by trastuzumab."
    assert _taxane_arms(nlp, design) == ["docetaxel", "paclitaxel+trastuzumab"]


def test_phase_inside_the_first_alternative_stays_there(nlp):
    """Negative: "docetaxel followed by trastuzumab, or paclitaxel": the phase is the first's."""
    design = "Patients were randomised to docetaxel followed by trastuzumab, or paclitaxel."
    assert _taxane_arms(nlp, design) == ["docetaxel+trastuzumab", "paclitaxel"]
