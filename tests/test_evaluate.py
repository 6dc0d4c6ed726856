"""Unit tests of the extraction evaluator with hand-made gold/predicted extractions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from her2mine.errors import InputError
from her2mine.extract.evaluate import evaluate, format_errors, format_table, load_gold

GOLD_DIR = Path(__file__).parent / "data" / "gold"


def out(endpoint="PFS", measure="median", value=18.5, arm=None, ci=(None, None), p=None):
    return {
        "endpoint": endpoint,
        "arm": arm,
        "measure": measure,
        "value": value,
        "unit": "months" if measure == "median" else None,
        "ci_low": ci[0],
        "ci_high": ci[1],
        "p": p,
        "sentence": "s",
        "start": 0,
        "end": 1,
    }


def ext(doc_id="d1", drugs=(), trials=(), outcomes=()):
    return {"id": doc_id, "drugs": list(drugs), "trials": list(trials), "outcomes": list(outcomes)}


DTP = "docetaxel+pertuzumab+trastuzumab"
DT = "docetaxel+trastuzumab"
GOLD = [
    ext(
        "cleo",
        drugs=["docetaxel", "pertuzumab", "trastuzumab"],
        trials=["CLEOPATRA", "NCT00567190"],
        outcomes=[
            out(value=18.5, arm=DTP),
            out(value=12.4, arm=DT),
            out(measure="HR", value=0.62, ci=(0.51, 0.75), p="<0.001"),
            out("OS", "HR", 0.64, ci=(0.47, 0.88), p="0.005"),
        ],
    ),
    ext("review", drugs=["trastuzumab deruxtecan"], trials=["DESTINY-Breast03"]),
]


def test_perfect_prediction_scores_one() -> None:
    s = evaluate(GOLD, json.loads(json.dumps(GOLD)))
    assert s.summary() == {
        "drugs_f1": 1.0,
        "trials_f1": 1.0,
        "outcomes_f1": 1.0,
        "arm_accuracy": 1.0,
    }
    assert (s.outcomes.tp, s.outcomes.fp, s.outcomes.fn) == (4, 0, 0)
    assert s.errors == []
    assert s.n_documents == 2


def test_missing_and_extra_items() -> None:
    pred = json.loads(json.dumps(GOLD))
    pred[0]["drugs"] = ["docetaxel", "trastuzumab", "carboplatin"]  # pertuzumab missing
    pred[0]["outcomes"].pop(3)  # OS HR missing
    pred[0]["outcomes"].append(out("ORR", "rate", 80.2))  # not in gold
    s = evaluate(GOLD, pred)
    assert (s.drugs.tp, s.drugs.fp, s.drugs.fn) == (3, 1, 1)  # the review doc counts too
    assert (s.outcomes.tp, s.outcomes.fp, s.outcomes.fn) == (3, 1, 1)
    assert s.outcomes.precision == pytest.approx(0.75)
    assert s.outcomes.recall == pytest.approx(0.75)
    (err,) = s.errors
    assert err.id == "cleo"
    assert err.drugs_missing == ["pertuzumab"] and err.drugs_extra == ["carboplatin"]
    assert [o["value"] for o in err.outcomes_missing] == [0.64]
    assert [o["value"] for o in err.outcomes_extra] == [80.2]
    assert s.per_endpoint["OS"].fn == 1 and s.per_endpoint["ORR"].fp == 1
    assert s.per_endpoint["PFS"].f1 == 1.0


def test_any_tuple_field_difference_is_a_miss() -> None:
    base = out(measure="HR", value=0.62, ci=(0.51, 0.75), p="<0.001")
    variants = [
        {**base, "p": "0.001"},
        {**base, "ci_high": 0.76},
        {**base, "ci_low": None},
        {**base, "endpoint": "OS"},
        {**base, "measure": "OR"},
        {**base, "value": None},
    ]
    for v in variants:
        s = evaluate([ext(outcomes=[base])], [ext(outcomes=[v])])
        assert (s.outcomes.tp, s.outcomes.fp, s.outcomes.fn) == (0, 1, 1), v


def test_unit_sentence_and_offsets_are_not_scored() -> None:
    g = out(value=18.5)
    p = {**g, "unit": "mo", "sentence": "other", "start": 7, "end": 11}
    assert evaluate([ext(outcomes=[g])], [ext(outcomes=[p])]).outcomes.f1 == 1.0


def test_floats_compared_after_rounding_to_4_decimals() -> None:
    g = out(measure="HR", value=0.62, ci=(0.51, 0.75))
    close = {**g, "value": 0.62000001, "ci_low": 0.5100000000000001}
    far = {**g, "value": 0.6201}
    assert evaluate([ext(outcomes=[g])], [ext(outcomes=[close])]).outcomes.tp == 1
    assert evaluate([ext(outcomes=[g])], [ext(outcomes=[far])]).outcomes.tp == 0
    # "0" (a 0% rate) is a value, not a missing value
    zero = out("PFS", "rate", 0.0, arm="x")
    assert (
        evaluate([ext(outcomes=[zero])], [ext(outcomes=[{**zero, "value": None}])]).outcomes.tp == 0
    )


def test_wrong_arm_matches_tuple_but_not_arm() -> None:
    pred = json.loads(json.dumps(GOLD))
    pred[0]["outcomes"][0]["arm"] = DT  # 18.5 attributed to the control regimen
    s = evaluate(GOLD, pred)
    assert s.outcomes.f1 == 1.0
    assert (s.arms.correct, s.arms.total) == (3, 4)
    assert s.arms.accuracy == pytest.approx(0.75)
    (err,) = s.errors
    assert err.arm_mismatches[0]["value"] == 18.5
    assert err.arm_mismatches[0]["arm"] == DTP and err.arm_mismatches[0]["predicted_arm"] == DT
    assert s.per_endpoint_arms["PFS"].accuracy == pytest.approx(2 / 3)


def test_duplicate_tuples_are_a_multiset_with_optimal_arm_pairing() -> None:
    # DESTINY-Breast06 style: the same median stated for two populations, two arms each time
    a, b = out(value=13.2, arm="A"), out(value=13.2, arm="B")
    gold = [ext(outcomes=[a, b])]
    swapped = evaluate(gold, [ext(outcomes=[b, a])])
    assert (swapped.outcomes.tp, swapped.arms.correct, swapped.arms.total) == (2, 2, 2)

    same_arm = evaluate(gold, [ext(outcomes=[a, a])])
    assert same_arm.outcomes.tp == 2 and same_arm.arms.accuracy == pytest.approx(0.5)

    once = evaluate(gold, [ext(outcomes=[b])])
    assert (once.outcomes.tp, once.outcomes.fn) == (1, 1)
    assert once.arms.accuracy == 1.0  # the one found is paired with the gold tuple of its arm
    assert once.errors[0].outcomes_missing[0]["arm"] == "A"

    thrice = evaluate(gold, [ext(outcomes=[b, a, out(value=13.2, arm=None)])])
    assert (thrice.outcomes.tp, thrice.outcomes.fp) == (2, 1)
    assert thrice.arms.accuracy == 1.0


def test_trial_and_drug_normalisation() -> None:
    gold = [ext(drugs=["trastuzumab"], trials=["DESTINY-Breast03", "EudraCT 2012-004027-24"])]
    pred = [
        ext(drugs=["Trastuzumab", "trastuzumab"], trials=["destiny breast03", "2012-004027-24"])
    ]
    s = evaluate(gold, pred)
    assert s.drugs.f1 == 1.0 and (s.drugs.tp, s.drugs.fp) == (1, 0)
    assert s.trials.f1 == 1.0
    assert evaluate(gold, [ext(trials=["DESTINY-Breast04"])]).trials.tp == 0


def test_missing_and_unscored_documents() -> None:
    s = evaluate(GOLD, [GOLD[1], ext("not-in-gold", drugs=["lapatinib"])])
    assert s.missing_ids == ["cleo"] and s.unscored_ids == ["not-in-gold"]
    assert s.outcomes.fn == 4 and s.outcomes.fp == 0
    assert s.drugs.fp == 0  # predictions for documents outside the gold are not scored


def test_negative_control_scores_perfect_when_empty() -> None:
    s = evaluate([ext("neg")], [ext("neg")])
    assert s.summary()["outcomes_f1"] == 1.0 and s.summary()["arm_accuracy"] is None
    s = evaluate([ext("neg")], [ext("neg", outcomes=[out()])])
    assert s.outcomes.precision == 0.0 and s.outcomes.fp == 1


def test_duplicate_ids_rejected() -> None:
    with pytest.raises(InputError, match="appears twice"):
        evaluate([ext("x"), ext("x")], [])
    with pytest.raises(InputError, match="predicted"):
        evaluate([ext("x")], [ext("x"), ext("x")])


def test_to_dict_and_text_reports() -> None:
    pred = json.loads(json.dumps(GOLD))
    pred[0]["outcomes"][1]["arm"] = None
    pred[0]["trials"] = ["CLEOPATRA"]
    s = evaluate(GOLD, pred)
    d = json.loads(json.dumps(s.to_dict(with_errors=True)))
    assert d["summary"]["trials_f1"] == pytest.approx(2 * 1 * (2 / 3) / (1 + 2 / 3), abs=1e-4)
    assert d["per_endpoint"]["PFS"]["arms"] == {"correct": 2, "total": 3, "accuracy": 0.6667}
    assert d["errors"][0]["trials_missing"] == ["NCT00567190"]
    assert "errors" not in s.to_dict()
    table = format_table(s)
    assert "outcome tuples" in table and "PFS" in table
    errs = format_errors(s)
    assert "trial missing: NCT00567190" in errs and "predicted=None" in errs
    assert format_errors(evaluate(GOLD, GOLD)) == "no mismatches"


def test_load_gold(tmp_path: Path) -> None:
    for stem in ("katherine_nejm2019", "review_adc_her2_2023"):
        for ext_ in (".txt", ".json"):
            shutil.copy(GOLD_DIR / f"{stem}{ext_}", tmp_path)
    gold = load_gold(tmp_path)
    assert [g["id"] for g in gold] == ["katherine_nejm2019", "review_adc_her2_2023"]

    (tmp_path / "orphan.txt").write_text("T\n\nA\n", encoding="utf-8")
    with pytest.raises(InputError, match="orphan.json"):
        load_gold(tmp_path)
    (tmp_path / "orphan.json").write_text(json.dumps(ext("wrong-id")), encoding="utf-8")
    with pytest.raises(InputError, match="file stem"):
        load_gold(tmp_path)
    (tmp_path / "orphan.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read gold JSON"):
        load_gold(tmp_path)
    with pytest.raises(InputError, match="not found"):
        load_gold(tmp_path / "nope")


def test_gold_set_scored_against_itself_is_perfect() -> None:
    gold = load_gold(GOLD_DIR)
    s = evaluate(gold, gold)
    assert s.summary() == {
        "drugs_f1": 1.0,
        "trials_f1": 1.0,
        "outcomes_f1": 1.0,
        "arm_accuracy": 1.0,
    }
    assert s.outcomes.tp == sum(len(g["outcomes"]) for g in gold)
