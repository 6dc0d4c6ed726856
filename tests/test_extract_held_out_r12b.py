"""Held-out round 12 (b): arm lists with backbones, classes and combination arms (NeoALTTO,
CALGB 40601, DESTINY-Breast04, a taxane class arm beside T-DXd, N9831's lettered arms defined in
brackets, GeparQuattro's shared sequence head), each with a negative case where the new reading
must not apply."""

from __future__ import annotations

from extract_helpers import arms_of, extract_text, registry_of, rows_of


def _arms(nlp, text: str) -> list[tuple[str | None, list[str], list[str]]]:
    """(name, sorted labels, sorted options) of each registry arm."""
    return [(a.name, sorted(a.labels), sorted(a.options)) for a in registry_of(nlp, text).arms]


# --- NeoALTTO: a list whose items carry dose brackets; "the combination" of a 3-arm design ----

NEOALTTO = (
    "Lapatinib with trastuzumab for HER2-positive early breast cancer (NeoALTTO): a randomised, "
    "open-label, multicentre, phase 3 trial\n\n"
    "455 women with HER2-positive primary breast cancer were randomly assigned to oral lapatinib "
    "(1500 mg), intravenous trastuzumab (loading dose 4 mg/kg, subsequent doses 2 mg/kg), or "
    "lapatinib (1000 mg) plus trastuzumab. Patients received lapatinib, trastuzumab, or the "
    "combination for 6 weeks, followed by the addition of weekly paclitaxel (80 mg/m2) for 12 "
    "weeks, before definitive surgery. pCR was 51.3% in the combination arm vs 29.5% with "
    "trastuzumab and 24.7% with lapatinib. Grade 3 diarrhoea occurred in 23.4% of patients with "
    "lapatinib, 21.1% with the combination, and 2.0% with trastuzumab."
)


def test_dose_brackets_in_an_or_list_do_not_join_its_items(nlp):
    names = [a.name for a in registry_of(nlp, NEOALTTO).arms]
    assert names == ["lapatinib", "trastuzumab", "lapatinib+trastuzumab"]


def test_the_combination_arm_of_a_three_arm_design_after_or_the_combination(nlp):
    arms = arms_of(nlp, NEOALTTO)
    assert arms[51.3] == "lapatinib+trastuzumab"
    assert arms[29.5] == "trastuzumab"
    assert arms[24.7] == "lapatinib"
    assert arms[21.1] == "lapatinib+trastuzumab"
    assert arms[2.0] == "trastuzumab"


def test_or_the_combination_without_of_both_names_the_combination_arm(nlp):
    text = (
        "T\n\nWomen were randomly assigned to lapatinib, trastuzumab, or lapatinib plus "
        "trastuzumab. Patients received lapatinib, trastuzumab, or the combination for 6 weeks. "
        "pCR was 51.3% in the combination arm."
    )
    assert arms_of(nlp, text) == {51.3: "lapatinib+trastuzumab"}


def test_a_short_form_bracket_before_or_still_names_the_whole_chain(nlp):
    # "(TCH), or": the bracket holds no dose; the commas join docetaxel, carboplatin and
    # trastuzumab into one regimen
    text = (
        "T\n\nPatients were randomly assigned to docetaxel, carboplatin, trastuzumab (TCH), or "
        "doxorubicin plus cyclophosphamide followed by docetaxel."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "carboplatin+docetaxel+trastuzumab" in names
    assert "docetaxel" not in names


def test_the_combination_with_a_drug_does_not_label_the_combination_arm(nlp):
    text = (
        "T\n\nPatients were randomly assigned to lapatinib, trastuzumab, or lapatinib plus "
        "trastuzumab. Others received trastuzumab or the combination with pertuzumab."
    )
    assert all("combination" not in labels for _, labels, _ in _arms(nlp, text))


# --- CALGB 40601 / NeoALTTO: "A, B, or both" with the backbone written after them ------------


def test_or_both_all_given_with_a_backbone(nlp):
    text = (
        "T\n\nPatients were randomly assigned to lapatinib, trastuzumab, or both, all given with "
        "weekly paclitaxel."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert names == [
        "lapatinib+paclitaxel",
        "paclitaxel+trastuzumab",
        "lapatinib+paclitaxel+trastuzumab",
    ]


def test_or_both_for_6_weeks_followed_by_a_backbone(nlp):
    text = (
        "T\n\nPatients were randomly assigned to lapatinib, trastuzumab, or both for 6 weeks, "
        "followed by weekly paclitaxel for 12 weeks."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "lapatinib+paclitaxel+trastuzumab" in names
    assert len(names) == 3


def test_or_their_combination_each_with_a_backbone(nlp):
    for last in ("their combination", "the combination of lapatinib and trastuzumab"):
        text = (
            f"T\n\nPatients were randomly assigned to lapatinib, trastuzumab, or {last}, each "
            "with weekly paclitaxel."
        )
        names = [a.name for a in registry_of(nlp, text).arms]
        assert names == [
            "lapatinib+paclitaxel",
            "paclitaxel+trastuzumab",
            "lapatinib+paclitaxel+trastuzumab",
        ], last


def test_a_backbone_after_two_alternatives_without_or_both_stays_with_the_last(nlp):
    # "A or B with C": C is given with B as written (no "or both" list before it)
    text = "T\n\nPatients were randomly assigned to lapatinib or trastuzumab, all given with paclitaxel."
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "lapatinib+paclitaxel+trastuzumab" not in names


# --- a class arm with per-patient options beside T-DXd and physician's choice -----------------


def test_a_taxane_with_its_options_is_an_arm_of_its_own(nlp):
    text = (
        "T\n\nPatients were randomly assigned to receive trastuzumab deruxtecan, a taxane "
        "(docetaxel or paclitaxel), or physician's choice of chemotherapy."
    )
    arms = _arms(nlp, text)
    assert arms[0] == ("trastuzumab deruxtecan", [], [])
    assert arms[1] == (None, ["taxane"], ["docetaxel", "paclitaxel"])
    assert arms[2][0] == "physician's choice"


def test_a_taxane_with_options_before_a_drug_arm(nlp):
    text = (
        "T\n\nPatients were randomly assigned to trastuzumab deruxtecan, a taxane (docetaxel or "
        "paclitaxel), or capecitabine."
    )
    names = [(a.name, sorted(a.labels)) for a in registry_of(nlp, text).arms]
    assert names == [("trastuzumab deruxtecan", []), (None, ["taxane"]), ("capecitabine", [])]


# --- DESTINY-Breast04: physician's-choice options belong to that arm ---------------------------

DB04_OPTIONS = "capecitabine, eribulin, gemcitabine, paclitaxel, or nab-paclitaxel"
DB04_ALL = ["capecitabine", "eribulin", "gemcitabine", "nab-paclitaxel", "paclitaxel"]


def test_options_after_treatment_of_physicians_choice_are_that_arms(nlp):
    text = (
        "T\n\nPatients were randomly assigned 2:1 to trastuzumab deruxtecan (5.4 mg/kg every 3 "
        f"weeks) or treatment of physician's choice ({DB04_OPTIONS})."
    )
    arms = _arms(nlp, text)
    assert arms[0] == ("trastuzumab deruxtecan", [], [])
    assert arms[1][0] == "physician's choice"
    assert arms[1][2] == DB04_ALL


def test_physicians_choice_of_listed_drugs_names_options_not_arms(nlp):
    text = (
        "T\n\nPatients were randomly assigned 2:1 to trastuzumab deruxtecan or physician's choice "
        f"of {DB04_OPTIONS}."
    )
    arms = _arms(nlp, text)
    assert [a[0] for a in arms] == ["trastuzumab deruxtecan", "physician's choice"]
    assert arms[1][2] == DB04_ALL


def test_chemotherapy_of_physicians_choice_after_or_is_an_arm(nlp):
    text = (
        "T\n\nPatients were randomly assigned 2:1 to trastuzumab deruxtecan or chemotherapy of "
        f"physician's choice ({DB04_OPTIONS}). Median PFS was 9.9 months with trastuzumab "
        "deruxtecan and 5.1 months in the chemotherapy group (hazard ratio, 0.50; P<0.001)."
    )
    arms = _arms(nlp, text)
    assert [a[0] for a in arms] == ["trastuzumab deruxtecan", "physician's choice"]
    assert arms[1][2] == DB04_ALL
    assert arms_of(nlp, text) == {9.9: "trastuzumab deruxtecan", 5.1: "physician's choice"}


def test_a_mention_of_a_physicians_choice_option_names_that_arm(nlp):
    text = (
        "T\n\nPatients were randomly assigned in a 2:1 ratio to trastuzumab deruxtecan or the "
        f"physician's choice of chemotherapy ({DB04_OPTIONS}). Among all patients, the median "
        "progression-free survival was 9.9 months with trastuzumab deruxtecan and 5.1 months "
        "with eribulin or other chemotherapy (hazard ratio, 0.50; P<0.001)."
    )
    assert arms_of(nlp, text) == {9.9: "trastuzumab deruxtecan", 5.1: "physician's choice"}


def test_chemotherapy_of_physicians_choice_as_a_partner_keeps_its_options(nlp):
    # SOPHIA: "trastuzumab plus chemotherapy of physician's choice" - a partner, no arm of its own
    text = (
        "T\n\nPatients were randomly assigned to trastuzumab plus chemotherapy of physician's "
        "choice (capecitabine, eribulin, or vinorelbine) or margetuximab plus chemotherapy of "
        "physician's choice."
    )
    arms = _arms(nlp, text)
    assert [a[0] for a in arms] == ["trastuzumab", "margetuximab"]
    assert arms[0][2] == ["capecitabine", "eribulin", "vinorelbine"]


# --- N9831: lettered arms defined by brackets; same drugs in another order -------------------

N9831 = (
    "Sequential versus concurrent trastuzumab in adjuvant chemotherapy for breast cancer (NCCTG "
    "N9831)\n\n"
    "Patients with resected HER2-positive breast cancer were randomly assigned to arm A "
    "(doxorubicin and cyclophosphamide followed by weekly paclitaxel), arm B (the same "
    "chemotherapy followed by sequential trastuzumab), or arm C (doxorubicin and cyclophosphamide "
    "followed by paclitaxel plus concurrent trastuzumab, then trastuzumab alone). The 5-year DFS "
    "was 71.8% in arm A and 80.1% in arm B (hazard ratio, 0.69; 95% CI, 0.57 to 0.85; P < .001). "
    "The 5-year DFS was 80.1% in arm B and 84.4% in arm C (hazard ratio, 0.77; 99.9% CI, 0.53 to "
    "1.11; P = .02)."
)
ACT = "cyclophosphamide+doxorubicin+paclitaxel"
ACTH = "cyclophosphamide+doxorubicin+paclitaxel+trastuzumab"


def test_lettered_arms_defined_in_brackets(nlp):
    arms = _arms(nlp, N9831)
    # B and C: the same drugs in another order (sequential, concurrent) - two arms, one name
    assert arms == [(ACT, ["a"], []), (ACTH, ["b"], []), (ACTH, ["c"], [])]


def test_values_of_bracket_lettered_arms(nlp):
    rows = rows_of(nlp, N9831, ("endpoint", "measure", "value", "arm", "p"))
    assert ("DFS", "rate", 71.8, ACT, None) in rows
    assert rows.count(("DFS", "rate", 80.1, ACTH, None)) == 2
    assert ("DFS", "rate", 84.4, ACTH, None) in rows
    assert ("DFS", "HR", 0.69, None, "<0.001") in rows


def test_group_labels_with_counts_in_brackets_define_no_arms(nlp):
    text = (
        "T\n\nPatients were randomly assigned to group 1 (n = 50) or group 2 (n = 48), and "
        "received trastuzumab."
    )
    assert all(labels != ["1"] for _, labels, _ in _arms(nlp, text))


# --- GeparQuattro: alternatives that continue one sequence head ------------------------------

GEPARQUATTRO = (
    "Capecitabine in addition to anthracycline- and taxane-based neoadjuvant treatment\n\n"
    "Patients with HER2-positive tumors were randomly assigned to epirubicin and "
    "cyclophosphamide followed by docetaxel, docetaxel plus capecitabine, or docetaxel followed "
    "by capecitabine, each with trastuzumab given concomitantly for 24 weeks. The pCR rates were "
    "32.6% with docetaxel, 31.2% with docetaxel plus capecitabine, and 31.6% with docetaxel "
    "followed by capecitabine."
)
ECDX_H = "capecitabine+cyclophosphamide+docetaxel+epirubicin+trastuzumab"


def test_alternatives_continuing_a_sequence_head_share_it(nlp):
    arms = arms_of(nlp, GEPARQUATTRO)
    assert arms[32.6] == "cyclophosphamide+docetaxel+epirubicin+trastuzumab"
    assert arms[31.2] == "capecitabine+cyclophosphamide+docetaxel+epirubicin+trastuzumab"
    assert arms[31.6] == "capecitabine+cyclophosphamide+docetaxel+epirubicin+trastuzumab"


def test_a_list_not_continuing_the_head_gets_no_head(nlp):
    # BCIRG 006-like: TCH does not continue "AC followed by docetaxel"
    text = (
        "T\n\nPatients were randomly assigned to doxorubicin and cyclophosphamide followed by "
        "docetaxel, doxorubicin and cyclophosphamide followed by docetaxel plus trastuzumab, or "
        "docetaxel plus carboplatin plus trastuzumab."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "carboplatin+docetaxel+trastuzumab" in names


def test_options_after_a_joiner_still_read_as_options(nlp):
    # "plus docetaxel or paclitaxel": two different drugs of one class, neither the partner
    text = (
        "T\n\nPatients were randomly assigned to pertuzumab plus trastuzumab plus docetaxel or "
        "paclitaxel, or trastuzumab plus docetaxel or paclitaxel. The ORR was 80.2% with "
        "pertuzumab and 69.3% without."
    )
    ex = extract_text(nlp, text)
    assert {o.arm for o in ex.outcomes} <= {"pertuzumab+trastuzumab", "trastuzumab", None}


def test_alternatives_with_the_same_drugs_stay_two_arms_of_one_name(nlp):
    # "docetaxel plus capecitabine" and "docetaxel followed by capecitabine": three arms, so a
    # bare value after "vs" is not the docetaxel arm's (null is better than wrong)
    design = GEPARQUATTRO.split(" The pCR")[0]
    rows = rows_of(
        nlp,
        design + " The pCR rate was 31.2% with docetaxel plus capecitabine vs 31.6%.",
        ("endpoint", "measure", "value", "arm", "p"),
    )
    assert ("pCR", "rate", 31.2, ECDX_H, None) in rows
    assert ("pCR", "rate", 31.6, None, None) in rows
    every = rows_of(
        nlp,
        design + " The pCR rate was 31.7% in all three arms.",
        ("endpoint", "measure", "value", "arm", "p"),
    )
    assert [r[3] for r in every] == [
        "cyclophosphamide+docetaxel+epirubicin+trastuzumab",
        "capecitabine+cyclophosphamide+docetaxel+epirubicin+trastuzumab",
        "capecitabine+cyclophosphamide+docetaxel+epirubicin+trastuzumab",
    ]
