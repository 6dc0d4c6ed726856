"""Fresh round 62c: negated partners and route arms. "trastuzumab but without pertuzumab (H
arm) or with both (HP arm)" gave both arms' values to a lone pertuzumab arm; "docetaxel with
trastuzumab alone or with both trastuzumab and pertuzumab" defined one arm; one regimen written
once with both routes ("subcutaneous or intravenous trastuzumab", "trastuzumab given
subcutaneously (H SC) or intravenously (H IV)", "trastuzumab SC or trastuzumab IV") defined
one arm, so the route groups' values had no arm (gold README: arms of one regimen that differ
only by how it is given carry that regimen string)."""

from __future__ import annotations

from extract_helpers import ARM_ROW, arm_of, registry_of, rows_of

H, HP = "trastuzumab", "pertuzumab+trastuzumab"


def _arms(nlp, body: str) -> dict[float, str | None]:
    rows = rows_of(nlp, "Title\n\n" + body, ARM_ROW)
    return {r.value: r.arm for r in rows}


# --- negated partner, then restored after "or" -------------------------------------------


def test_but_without_partner_or_with_both_labelled(nlp):
    """ "A but without X (H arm) or with both (HP arm)": arms A and A + X, named by their
    group labels, though no randomisation word is written."""
    body = (
        "Patients received trastuzumab but without pertuzumab (H arm) or with both (HP arm). "
        "The pCR rate was 40% in the H arm and 60% in the HP arm."
    )
    assert _arms(nlp, body) == {40.0: H, 60.0: HP}


def test_but_no_partner_or_with_both_lettered(nlp):
    """ "A with B but no X (arm A) or with both antibodies (arm B)": the backbone is kept."""
    body = (
        "Patients were randomly assigned to paclitaxel with trastuzumab but no pertuzumab "
        "(arm A) or with both antibodies (arm B). The pCR rate was 35% in arm A and 52% in "
        "arm B."
    )
    assert _arms(nlp, body) == {
        35.0: "paclitaxel+trastuzumab",
        52.0: "paclitaxel+pertuzumab+trastuzumab",
    }


def test_without_partner_or_with_it(nlp):
    """ "A without X or with it": the pronoun restores X."""
    body = (
        "Patients were randomly assigned to receive trastuzumab without pertuzumab or with it. "
        "The pCR rate was 36% without pertuzumab and 49% with pertuzumab."
    )
    assert _arms(nlp, body) == {36.0: H, 49.0: HP}


def test_alone_or_with_both_pair(nlp):
    """ "P with B alone or with both B and X": arms P + B and P + B + X."""
    body = (
        "Patients were randomly assigned to docetaxel with trastuzumab alone or with both "
        "trastuzumab and pertuzumab. The pCR rate was 58% with trastuzumab plus pertuzumab and "
        "41% with trastuzumab alone."
    )
    assert _arms(nlp, body) == {
        58.0: "docetaxel+pertuzumab+trastuzumab",
        41.0: "docetaxel+trastuzumab",
    }


def test_negated_partner_then_another_drug_is_no_add_on(nlp):
    """Negative: "A but no X or with Y" does not restore X: no A + X arm."""
    text = (
        "Title\n\nPatients were randomly assigned to docetaxel with trastuzumab but no "
        "pertuzumab or with lapatinib."
    )
    names = [a.name for a in registry_of(nlp, text).arms]
    assert "docetaxel+pertuzumab+trastuzumab" not in names


def test_negated_partner_in_eligibility_defines_no_arm(nlp):
    """Negative: "had received A without X or with it" (history) defines no arm."""
    body = (
        "Patients who had received trastuzumab without pertuzumab or with it were eligible. "
        "Patients were randomly assigned to T-DM1 or capecitabine plus lapatinib. The ORR was "
        "40% with T-DM1 and 30% with capecitabine plus lapatinib."
    )
    assert _arms(nlp, body) == {
        40.0: "trastuzumab emtansine",
        30.0: "capecitabine+lapatinib",
    }


# --- one regimen, two routes ----------------------------------------------------------------


def test_routes_after_regimen_with_brackets(nlp):
    """ "A given subcutaneously (H SC) or intravenously (H IV)": two route arms of A; the
    brackets name them."""
    body = (
        "Patients were randomly assigned to trastuzumab given subcutaneously (H SC) or "
        "intravenously (H IV). The pCR rate was 45.4% with H SC and 40.5% with H IV."
    )
    assert _arms(nlp, body) == {45.4: H, 40.5: H}


def test_routes_before_regimen(nlp):
    """ "subcutaneous or intravenous A with B": "the SC group" and "the IV group" are arms."""
    body = (
        "Patients were randomly assigned to subcutaneous or intravenous trastuzumab with "
        "docetaxel. The pCR rate was 45.4% in the SC group and 40.5% in the IV group."
    )
    assert _arms(nlp, body) == {45.4: "docetaxel+trastuzumab", 40.5: "docetaxel+trastuzumab"}


def test_routes_as_adverbs_after_regimen(nlp):
    """ "A subcutaneously or intravenously": the route-named arms."""
    body = (
        "Patients were randomised to receive trastuzumab subcutaneously or intravenously. The "
        "pCR rate was 45.4% in the subcutaneous arm and 40.5% in the intravenous arm."
    )
    assert _arms(nlp, body) == {45.4: H, 40.5: H}
    assert len(registry_of(nlp, "Title\n\n" + body).arms) == 2


def test_route_after_each_written_regimen(nlp):
    """ "A SC or A IV": the route written after each mention tells the twins apart."""
    body = (
        "Patients were randomly assigned to trastuzumab SC or trastuzumab IV. The pCR rate was "
        "45.4% in the SC arm and 40.5% in the IV arm."
    )
    assert _arms(nlp, body) == {45.4: H, 40.5: H}


def test_routes_outside_a_randomisation_define_one_arm(nlp):
    """Negative: "all patients received A given subcutaneously or intravenously" is how the
    one regimen was given: a single-arm value stays null."""
    text = (
        "Title\n\nAll patients received trastuzumab given subcutaneously or intravenously. The "
        "pCR rate was 45.4% overall."
    )
    assert len(registry_of(nlp, text).arms) <= 1
    assert arm_of(rows_of(nlp, text, ARM_ROW), 45.4) is None


def test_routes_of_a_shared_partner_add_no_arms(nlp):
    """Negative: routes of the drug every arm shares ("with trastuzumab given subcutaneously or
    intravenously") after a two-arm design add no route arms."""
    text = (
        "Title\n\nPatients were randomly assigned to pertuzumab plus trastuzumab or placebo plus "
        "trastuzumab, with trastuzumab given subcutaneously or intravenously. The pCR rate was "
        "45.4% with pertuzumab and 40.5% with placebo."
    )
    assert len(registry_of(nlp, text).arms) == 2
    assert arm_of(rows_of(nlp, text, ARM_ROW), 45.4) == HP
