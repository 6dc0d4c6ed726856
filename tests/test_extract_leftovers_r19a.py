"""Leftovers r19a: three design readings. "X plus chemotherapy or chemotherapy alone" (ToGA,
Slamon 2001) kept one arm, X labelled "chemotherapy", so the chemotherapy-alone values took X;
a per-patient choice written before its partner ("docetaxel or paclitaxel plus trastuzumab")
was read as two drugs of the arm, or as two arms; and drugs a subgroup received "concomitantly
with either regimen" (GeparOcto) became an arm of their own when the design sentences were
read."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

TOGA = (
    "Patients were randomly assigned to trastuzumab plus chemotherapy or chemotherapy alone. "
    "Median overall survival was 13.8 months in those assigned to trastuzumab plus chemotherapy "
    "compared with 11.1 months in those assigned to chemotherapy alone (hazard ratio 0.74; 95% "
    "CI 0.60-0.91; p=0.0046). Median OS was 25.1 months with trastuzumab plus chemotherapy and "
    "20.3 months with chemotherapy."
)


def test_chemotherapy_alone_is_a_drugless_arm(nlp):
    """ "X plus chemotherapy or chemotherapy alone": two arms, X and a drugless one (null)."""
    arms = arms_of(nlp, TOGA)
    assert arms[13.8] == "trastuzumab"
    assert arms[11.1] is None


def test_bare_class_mention_names_the_drugless_arm(nlp):
    """ "20.3 months with chemotherapy" is the chemotherapy-alone arm, not X's."""
    arms = arms_of(nlp, TOGA)
    assert arms[25.1] == "trastuzumab"
    assert arms[20.3] is None


def test_two_drugs_plus_chemotherapy_or_chemotherapy_alone(nlp):
    """Both drugs make the experimental arm; the other arm is drugless."""
    text = TOGA.replace(
        "trastuzumab plus chemotherapy", "pertuzumab plus trastuzumab plus chemotherapy"
    )
    arms = arms_of(nlp, text)
    assert arms[13.8] == arms[25.1] == "pertuzumab+trastuzumab"
    assert arms[11.1] is None and arms[20.3] is None


def test_chemotherapy_plus_x_versus_chemotherapy_alone(nlp):
    """ "chemotherapy plus X versus chemotherapy alone" is read alike."""
    text = (
        "Patients were randomly assigned to chemotherapy plus trastuzumab versus chemotherapy "
        "alone. Median overall survival was 13.8 months with chemotherapy plus trastuzumab "
        "compared with 11.1 months with chemotherapy alone (hazard ratio 0.74; 95% CI "
        "0.60-0.91)."
    )
    assert arms_of(nlp, text) == {13.8: "trastuzumab", 11.1: None}


def test_chemotherapy_group_names_the_drugless_arm(nlp):
    """ "the chemotherapy(-alone) group" is the drugless arm, though the class labels X's too."""
    text = (
        "Patients were randomly assigned to trastuzumab plus chemotherapy or chemotherapy alone. "
        "Median overall survival was 13.8 months in the trastuzumab plus chemotherapy group and "
        "11.1 months in the chemotherapy-alone group. The response rate was 47% in the "
        "trastuzumab group and 35% in the chemotherapy group."
    )
    assert arms_of(nlp, text) == {13.8: "trastuzumab", 11.1: None, 47.0: "trastuzumab", 35.0: None}


def test_chemotherapy_with_or_without_x_is_unchanged(nlp):
    """Pinning: "chemotherapy with or without X" gives X and a drugless arm."""
    text = (
        "Patients were randomly assigned to chemotherapy with or without trastuzumab. Median "
        "overall survival was 13.8 months with chemotherapy plus trastuzumab compared with 11.1 "
        "months with chemotherapy alone (hazard ratio 0.74; 95% CI 0.60-0.91)."
    )
    assert arms_of(nlp, text) == {13.8: "trastuzumab", 11.1: None}


def test_named_chemotherapy_with_or_without_x_keeps_its_drugs(nlp):
    """Negative: named chemotherapy is part of both arms ("chemotherapy alone" is that arm)."""
    text = (
        "Patients were randomly assigned to capecitabine plus cisplatin with or without "
        "trastuzumab. Median overall survival was 13.8 months in the trastuzumab plus "
        "chemotherapy group compared with 11.1 months in the chemotherapy alone group (hazard "
        "ratio 0.74; 95% CI 0.60-0.91)."
    )
    assert arms_of(nlp, text) == {
        13.8: "capecitabine+cisplatin+trastuzumab",
        11.1: "capecitabine+cisplatin",
    }


def test_class_label_in_a_later_sentence_still_names_the_drug_arm(nlp):
    """Negative: a class group named in a later sentence is the drug arm that class labels."""
    text = (
        "Patients were randomly assigned to docetaxel followed by FEC plus trastuzumab "
        "(anthracycline group) or docetaxel plus carboplatin plus trastuzumab. The pCR rate was "
        "45% in the anthracycline group and 40% in the other group."
    )
    arms = arms_of(nlp, text)
    assert arms[45.0] == ("cyclophosphamide+docetaxel+epirubicin+fluorouracil+trastuzumab")


LETTERED = (
    "Patients were randomly assigned to arm A: docetaxel or paclitaxel plus trastuzumab, or arm "
    "B: T-DM1. The ORR was 60% in arm A and 55% in arm B."
)


def test_lettered_arm_with_options_before_their_partner(nlp):
    """ "arm A: docetaxel or paclitaxel plus trastuzumab": a taxane chosen per patient, so arm
    A is trastuzumab (the options are not part of the arm)."""
    assert arms_of(nlp, LETTERED) == {60.0: "trastuzumab", 55.0: "trastuzumab emtansine"}


def test_options_before_their_partner_without_letters(nlp):
    """ "docetaxel or paclitaxel plus trastuzumab, or T-DM1": two arms, not three."""
    text = (
        "Patients were randomly assigned to docetaxel or paclitaxel plus trastuzumab, or T-DM1. "
        "The ORR was 60% with docetaxel or paclitaxel plus trastuzumab and 55% with T-DM1."
    )
    assert arms_of(nlp, text) == {60.0: "trastuzumab", 55.0: "trastuzumab emtansine"}


def test_one_option_with_its_partner_names_the_arm(nlp):
    """A later mention of one option with the partner is that arm with the option."""
    text = (
        "Patients were randomly assigned to docetaxel or paclitaxel plus trastuzumab, or T-DM1. "
        "The ORR was 62% with paclitaxel plus trastuzumab."
    )
    assert arms_of(nlp, text) == {62.0: "paclitaxel+trastuzumab"}


def test_anti_her2_drugs_before_a_partner_are_arms(nlp):
    """Negative: "neratinib or lapatinib plus capecitabine" lists arms (NALA), not options."""
    text = (
        "Patients were randomly assigned to neratinib or lapatinib plus capecitabine, or "
        "observation. The ORR was 33% with neratinib and 27% with lapatinib."
    )
    arms = arms_of(nlp, text)
    assert "neratinib" in (arms[33.0] or "")
    assert "lapatinib" in (arms[27.0] or "")


def test_lone_options_before_a_partner_stay_as_read(nlp):
    """Negative: with nothing else in the randomisation sentence, "docetaxel or vinorelbine
    plus trastuzumab" may list two arms; it is not made one trastuzumab arm."""
    text = (
        "Patients were randomly assigned to docetaxel or vinorelbine plus trastuzumab. The ORR "
        "was 59% with docetaxel and 59.3% with vinorelbine."
    )
    assert set(arms_of(nlp, text).values()) != {"trastuzumab"}


GEPAROCTO = (
    "Weekly paclitaxel and non-pegylated liposomal doxorubicin versus dose-dense epirubicin, "
    "paclitaxel and cyclophosphamide as neoadjuvant treatment (GeparOcto)\n\n"
    "In the GeparOcto trial, 961 patients were treated with weekly paclitaxel plus "
    "non-pegylated liposomal doxorubicin (PM) or dose-dense epirubicin, paclitaxel and "
    "cyclophosphamide (iddEPC). Patients with HER2-positive tumors received trastuzumab and "
    "pertuzumab concomitantly with either regimen. In HER2-positive patients, the pCR rate was "
    "62% with PM and 67% with iddEPC."
)
PM = "doxorubicin+paclitaxel"
EPC = "cyclophosphamide+epirubicin+paclitaxel"


def test_subgroup_drugs_with_either_regimen_add_no_arm(nlp):
    """Drugs given "concomitantly with either regimen" define no third arm."""
    names = sorted(a.name for a in registry_of(nlp, GEPAROCTO).arms)
    assert names == sorted([PM, EPC])
    assert arms_of(nlp, GEPAROCTO) == {62.0: PM, 67.0: EPC}


def test_subgroup_drugs_in_the_randomisation_sentence_add_no_arm(nlp):
    """ "..., and patients with HER2-positive tumors received X concomitantly with either
    regimen" in the randomisation sentence itself: still two arms."""
    text = (
        "Patients were randomly assigned to weekly paclitaxel plus non-pegylated liposomal "
        "doxorubicin (PM) or to dose-dense epirubicin, paclitaxel and cyclophosphamide (iddEPC), "
        "and patients with HER2-positive tumors received trastuzumab and pertuzumab "
        "concomitantly with either regimen. In HER2-positive patients, the pCR rate was 62% "
        "with PM and 67% with iddEPC."
    )
    assert len(registry_of(nlp, text).arms) == 2
    assert arms_of(nlp, text) == {62.0: PM, 67.0: EPC}


def test_subgroup_sentence_after_a_randomisation_sentence_is_pinned(nlp):
    """Pinning (the brief's text): a randomisation sentence defining both arms comes first."""
    text = (
        "Patients were randomly assigned to weekly paclitaxel plus non-pegylated liposomal "
        "doxorubicin (PM) or to dose-dense epirubicin, paclitaxel and cyclophosphamide (iddEPC). "
        "Patients with HER2-positive tumors received trastuzumab and pertuzumab concomitantly "
        "with either regimen. In HER2-positive patients, the pCR rate was 62% with PM and 67% "
        "with iddEPC."
    )
    assert arms_of(nlp, text) == {62.0: PM, 67.0: EPC}


def test_a_drug_with_each_partner_is_not_dropped(nlp):
    """Negative: "A or B, each with C" still gives C to each arm (the phrase names no arm
    after C)."""
    text = (
        "Patients were randomly assigned to pertuzumab or placebo, each with trastuzumab and "
        "docetaxel. The pCR rate was 39.3% with pertuzumab and 21.8% with placebo."
    )
    arms = arms_of(nlp, text)
    assert arms[39.3] == "docetaxel+pertuzumab+trastuzumab"
