"""Readings left over from the held-out rounds: a three-arm design whose first arm's options
bracket ends with its short form (MARIANNE), and a drug every arm shares, which names none of
them (NOAH)."""

from __future__ import annotations

from extract_helpers import arms_of, registry_of

from her2mine.extract.arms import Arm, ArmRegistry

MARIANNE = (
    "First-line trastuzumab emtansine with or without pertuzumab versus trastuzumab plus taxane\n\n"
    "Patients were randomly assigned 1:1:1 to trastuzumab plus a taxane (docetaxel or paclitaxel; "
    "HT), T-DM1 plus placebo (T-DM1), or T-DM1 plus pertuzumab (T-DM1+P). "
    "The objective response rate was 67.9% with HT, 59.7% with T-DM1, and 64.2% with T-DM1+P."
)


def test_short_form_closing_an_options_bracket_is_not_an_option_nor_an_arm(nlp) -> None:
    reg = registry_of(nlp, MARIANNE)
    arms = [(a.drugs, a.has_placebo) for a in reg.arms if not a.special]
    assert arms == [
        (["trastuzumab"], False),
        (["trastuzumab emtansine"], True),
        (["pertuzumab", "trastuzumab emtansine"], False),
    ]
    assert reg.arms[0].options == {"docetaxel", "paclitaxel"}
    assert arms_of(nlp, MARIANNE) == {
        67.9: "trastuzumab",
        59.7: "trastuzumab emtansine",
        64.2: "pertuzumab+trastuzumab emtansine",
    }


def test_options_bracket_without_a_short_form_keeps_every_option(nlp) -> None:
    text = (
        "Trastuzumab plus a taxane or T-DM1\n\n"
        "Patients were randomly assigned to trastuzumab plus a taxane (docetaxel or paclitaxel), "
        "or T-DM1 plus placebo. The objective response rate was 67.9% with trastuzumab plus a "
        "taxane and 59.7% with T-DM1."
    )
    reg = registry_of(nlp, text)
    assert reg.arms[0].drugs == ["trastuzumab"]
    assert reg.arms[0].options == {"docetaxel", "paclitaxel"}
    assert arms_of(nlp, text) == {67.9: "trastuzumab", 59.7: "trastuzumab emtansine"}


NOAH = (
    "Neoadjuvant chemotherapy with or without trastuzumab (the NOAH trial)\n\n"
    "Methods Patients were randomly assigned to receive a neoadjuvant chemotherapy regimen "
    "consisting of doxorubicin, paclitaxel, cyclophosphamide, methotrexate, and fluorouracil with "
    "trastuzumab or without trastuzumab.\n"
    "Findings 3-year event-free survival was 71% with trastuzumab vs 56% without. "
    "Despite concurrent administration with doxorubicin, only two patients (2%) developed "
    "symptomatic cardiac failure."
)


def test_drug_shared_by_every_arm_names_no_arm(nlp) -> None:
    arms = arms_of(nlp, NOAH)
    chemo = "cyclophosphamide+doxorubicin+fluorouracil+methotrexate+paclitaxel"
    assert arms[71.0] == chemo + "+trastuzumab"
    assert arms[56.0] == chemo
    assert arms[2.0] is None  # "with doxorubicin": both arms had it


def test_resolve_drugs_shared_drug_is_none_but_partial_mention_of_one_arm_resolves() -> None:
    reg = ArmRegistry()
    reg.arms += [
        Arm(["docetaxel", "pertuzumab", "trastuzumab"], False, set()),
        Arm(["docetaxel", "trastuzumab"], True, {"placebo"}),
    ]
    assert reg.resolve_drugs(["trastuzumab"]) is None
    assert reg.resolve_drugs(["pertuzumab"]) == "docetaxel+pertuzumab+trastuzumab"
    assert reg.resolve_drugs(["trastuzumab"], placebo=True) == "docetaxel+trastuzumab"
    # a drug no arm has keeps its own name (a mention outside the design)
    assert reg.resolve_drugs(["lapatinib"]) == "lapatinib"
