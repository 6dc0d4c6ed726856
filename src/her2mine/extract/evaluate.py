"""Score extractions against the gold set: drugs, trials, outcome tuples and arm accuracy.

The core (:func:`evaluate`) is pure: it takes gold and predicted ``Extraction.to_dict()`` dicts and
returns :class:`Scores`. :func:`load_gold` is the only I/O here (reading a gold directory).

Matching rules (documented in docs/evaluation.md):

- drugs: micro P/R/F1 over unique (doc id, canonical name) pairs, compared lower-cased;
- trials: the same over (doc id, trial), compared case-insensitively with whitespace, hyphens and
  an optional ``EudraCT`` prefix removed ("DESTINY-Breast03" == "destiny breast03");
- outcomes: micro P/R/F1 over (doc id, endpoint, measure, value, ci_low, ci_high, p) tuples,
  floats rounded to 4 decimals, as multisets (a tuple stated twice must be found twice);
- arm accuracy: among matched tuples, the fraction whose arm equals the gold arm, pairing
  duplicates so that as many arms as possible agree.

Only documents present in the gold set are scored; predictions for other ids are listed in
``Scores.unscored_ids``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from her2mine.errors import InputError

OutcomeKey = tuple[str, str, float | None, float | None, float | None, str | None]

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_SPACE = re.compile(r"\s+")


@dataclass
class PRF:
    """True/false positive and false negative counts with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        # Nothing predicted and nothing expected is a perfect (not an undefined) score.
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ArmScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        acc = self.accuracy
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": None if acc is None else round(acc, 4),
        }


@dataclass
class DocumentErrors:
    """What one document got wrong (only non-empty lists are interesting)."""

    id: str
    drugs_missing: list[str] = field(default_factory=list)
    drugs_extra: list[str] = field(default_factory=list)
    trials_missing: list[str] = field(default_factory=list)
    trials_extra: list[str] = field(default_factory=list)
    outcomes_missing: list[dict[str, Any]] = field(default_factory=list)  # gold outcomes
    outcomes_extra: list[dict[str, Any]] = field(default_factory=list)  # predicted outcomes
    # the gold outcome plus "predicted_arm"
    arm_mismatches: list[dict[str, Any]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(
            (
                self.drugs_missing,
                self.drugs_extra,
                self.trials_missing,
                self.trials_extra,
                self.outcomes_missing,
                self.outcomes_extra,
                self.arm_mismatches,
            )
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "drugs_missing": self.drugs_missing,
            "drugs_extra": self.drugs_extra,
            "trials_missing": self.trials_missing,
            "trials_extra": self.trials_extra,
            "outcomes_missing": self.outcomes_missing,
            "outcomes_extra": self.outcomes_extra,
            "arm_mismatches": self.arm_mismatches,
        }


@dataclass
class Scores:
    n_documents: int = 0
    drugs: PRF = field(default_factory=PRF)
    trials: PRF = field(default_factory=PRF)
    outcomes: PRF = field(default_factory=PRF)
    arms: ArmScore = field(default_factory=ArmScore)
    per_endpoint: dict[str, PRF] = field(default_factory=dict)
    per_endpoint_arms: dict[str, ArmScore] = field(default_factory=dict)
    errors: list[DocumentErrors] = field(default_factory=list)  # only documents with errors
    missing_ids: list[str] = field(default_factory=list)  # gold ids with no prediction
    unscored_ids: list[str] = field(default_factory=list)  # predicted ids not in the gold

    def summary(self) -> dict[str, float | None]:
        """The headline figures (the ones pinned in pinned_scores.json)."""
        return {
            "drugs_f1": round(self.drugs.f1, 4),
            "trials_f1": round(self.trials.f1, 4),
            "outcomes_f1": round(self.outcomes.f1, 4),
            "arm_accuracy": None if self.arms.accuracy is None else round(self.arms.accuracy, 4),
        }

    def to_dict(self, *, with_errors: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "n_documents": self.n_documents,
            "summary": self.summary(),
            "drugs": self.drugs.to_dict(),
            "trials": self.trials.to_dict(),
            "outcomes": self.outcomes.to_dict(),
            "arms": self.arms.to_dict(),
            "per_endpoint": {
                ep: {**prf.to_dict(), "arms": self.per_endpoint_arms[ep].to_dict()}
                for ep, prf in sorted(self.per_endpoint.items())
            },
            "missing_ids": self.missing_ids,
            "unscored_ids": self.unscored_ids,
        }
        if with_errors:
            d["errors"] = [e.to_dict() for e in self.errors]
        return d


# --- normalisation ---------------------------------------------------------------------------


def normalize_drug(name: str) -> str:
    return _SPACE.sub(" ", name.strip().lower())


def normalize_trial(name: str) -> str:
    """Case-, whitespace- and hyphen-insensitive trial key; ``EudraCT`` prefix optional."""
    key = _SPACE.sub("", _DASHES.sub("", name.casefold()))
    return key.removeprefix("eudract")


def _round(x: Any) -> float | None:
    if x is None:
        return None
    return round(float(x), 4)


def outcome_key(o: dict[str, Any]) -> OutcomeKey:
    """The scored identity of an outcome: everything but arm, unit, sentence and offsets."""
    return (
        str(o["endpoint"]),
        str(o["measure"]),
        _round(o.get("value")),
        _round(o.get("ci_low")),
        _round(o.get("ci_high")),
        o.get("p"),
    )


# --- scoring ---------------------------------------------------------------------------------


def _score_set(
    gold: Iterable[str], pred: Iterable[str], norm: Any
) -> tuple[PRF, list[str], list[str]]:
    """P/R/F1 counts for two sets of names (duplicates collapse); returns missing and extra
    items in their gold / predicted spelling."""
    g = {norm(x): x for x in gold}
    p = {norm(x): x for x in pred}
    missing = sorted(g[k] for k in g.keys() - p.keys())
    extra = sorted(p[k] for k in p.keys() - g.keys())
    return PRF(tp=len(g.keys() & p.keys()), fp=len(extra), fn=len(missing)), missing, extra


def _match_outcomes(
    gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]], errors: DocumentErrors
) -> tuple[dict[str, PRF], dict[str, ArmScore]]:
    """Multiset matching of outcome tuples within one document, arms paired optimally."""
    by_key_g: dict[OutcomeKey, list[dict[str, Any]]] = defaultdict(list)
    by_key_p: dict[OutcomeKey, list[dict[str, Any]]] = defaultdict(list)
    for o in gold:
        by_key_g[outcome_key(o)].append(o)
    for o in pred:
        by_key_p[outcome_key(o)].append(o)

    prf: dict[str, PRF] = defaultdict(PRF)
    arms: dict[str, ArmScore] = defaultdict(ArmScore)
    for key in sorted(by_key_g.keys() | by_key_p.keys(), key=repr):
        endpoint = key[0]
        g_left = list(by_key_g.get(key, []))
        p_left = list(by_key_p.get(key, []))
        # First pair tuples whose arms agree: this maximises the number of correct arms among
        # the matched duplicates (a greedy pass on equality is optimal for this).
        pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for go in list(g_left):
            for po in p_left:
                if po.get("arm") == go.get("arm"):
                    pairs.append((go, po))
                    g_left.remove(go)
                    p_left.remove(po)
                    break
        correct = len(pairs)
        # Then pair the rest regardless of arm (the tuple itself was found; the arm is wrong).
        while g_left and p_left:
            go, po = g_left.pop(0), p_left.pop(0)
            pairs.append((go, po))
            errors.arm_mismatches.append({**go, "predicted_arm": po.get("arm")})
        prf[endpoint].tp += len(pairs)
        prf[endpoint].fn += len(g_left)
        prf[endpoint].fp += len(p_left)
        arms[endpoint].correct += correct
        arms[endpoint].total += len(pairs)
        errors.outcomes_missing.extend(g_left)
        errors.outcomes_extra.extend(p_left)
    return prf, arms


def _index(docs: Iterable[dict[str, Any]], what: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for d in docs:
        try:
            doc_id = str(d["id"])
        except (KeyError, TypeError) as exc:
            raise InputError(f"{what}: an extraction without an 'id'") from exc
        if doc_id in out:
            raise InputError(f"{what}: document id {doc_id!r} appears twice")
        out[doc_id] = d
    return out


def evaluate(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Scores:
    """Score ``predicted`` against ``gold`` (both lists of ``Extraction.to_dict()`` dicts)."""
    g_index = _index(gold, "gold")
    p_index = _index(predicted, "predicted")
    scores = Scores(n_documents=len(g_index))
    scores.missing_ids = sorted(set(g_index) - set(p_index))
    scores.unscored_ids = sorted(set(p_index) - set(g_index))

    for doc_id in sorted(g_index):
        g = g_index[doc_id]
        p = p_index.get(doc_id, {"id": doc_id, "drugs": [], "trials": [], "outcomes": []})
        errors = DocumentErrors(id=doc_id)

        d_prf, errors.drugs_missing, errors.drugs_extra = _score_set(
            g.get("drugs", []), p.get("drugs", []), normalize_drug
        )
        t_prf, errors.trials_missing, errors.trials_extra = _score_set(
            g.get("trials", []), p.get("trials", []), normalize_trial
        )
        scores.drugs.add(d_prf)
        scores.trials.add(t_prf)

        o_prf, o_arms = _match_outcomes(g.get("outcomes", []), p.get("outcomes", []), errors)
        for endpoint, prf in o_prf.items():
            scores.outcomes.add(prf)
            scores.per_endpoint.setdefault(endpoint, PRF()).add(prf)
        for endpoint, arm in o_arms.items():
            scores.arms.correct += arm.correct
            scores.arms.total += arm.total
            acc = scores.per_endpoint_arms.setdefault(endpoint, ArmScore())
            acc.correct += arm.correct
            acc.total += arm.total
        if not errors.empty:
            scores.errors.append(errors)
    return scores


# --- gold set I/O ----------------------------------------------------------------------------


def load_gold(directory: str | Path) -> list[dict[str, Any]]:
    """The gold extractions of ``directory``: one ``<id>.json`` beside every ``<id>.txt``."""
    d = Path(directory)
    if not d.is_dir():
        raise InputError(f"{d}: gold directory not found")
    texts = sorted(d.glob("*.txt"))
    if not texts:
        raise InputError(f"{d}: no gold documents (*.txt) found")
    gold = []
    for txt in texts:
        js = txt.with_suffix(".json")
        if not js.is_file():
            raise InputError(f"{js}: gold annotation missing for {txt.name}")
        try:
            data = json.loads(js.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{js}: cannot read gold JSON ({exc})") from exc
        if not isinstance(data, dict) or data.get("id") != txt.stem:
            raise InputError(f"{js}: gold 'id' must be the file stem {txt.stem!r}")
        gold.append(data)
    return gold


def format_table(scores: Scores) -> str:
    """A plain-text table of the headline figures and the per-endpoint breakdown."""

    def row(name: str, prf: PRF, arm: ArmScore | None = None) -> str:
        acc = "" if arm is None or arm.accuracy is None else f"{arm.accuracy:8.3f}"
        return (
            f"{name:<16}{prf.tp:>6}{prf.fp:>6}{prf.fn:>6}"
            f"{prf.precision:>8.3f}{prf.recall:>8.3f}{prf.f1:>8.3f}{acc}"
        )

    head = f"{'':<16}{'TP':>6}{'FP':>6}{'FN':>6}{'P':>8}{'R':>8}{'F1':>8}{'arm acc':>8}"
    lines = [f"documents: {scores.n_documents}", head]
    lines.append(row("drugs", scores.drugs))
    lines.append(row("trials", scores.trials))
    lines.append(row("outcome tuples", scores.outcomes, scores.arms))
    acc = scores.arms.accuracy
    lines.append(
        f"arm accuracy: {'n/a' if acc is None else f'{acc:.3f}'} "
        f"({scores.arms.correct}/{scores.arms.total} matched tuples)"
    )
    if scores.per_endpoint:
        lines.append("")
        lines.append("per endpoint")
        lines.append(head)
        for ep, prf in sorted(scores.per_endpoint.items()):
            lines.append(row(ep, prf, scores.per_endpoint_arms.get(ep)))
    if scores.missing_ids:
        lines.append(f"no prediction for: {', '.join(scores.missing_ids)}")
    return "\n".join(lines)


def format_errors(scores: Scores) -> str:
    """Mismatches per document, for debugging the pipeline against the gold."""

    def fmt(o: dict[str, Any]) -> str:
        ci = ""
        if o.get("ci_low") is not None or o.get("ci_high") is not None:
            ci = f" CI {o.get('ci_low')}-{o.get('ci_high')}"
        p = f" p={o['p']}" if o.get("p") is not None else ""
        where = f" @{o['start']}" if "start" in o else ""
        return (
            f"{o.get('endpoint')} {o.get('measure')} {o.get('value')}{ci}{p} "
            f"arm={o.get('arm')}{where}"
        )

    out: list[str] = []
    for e in scores.errors:
        out.append(f"== {e.id}")
        for label, items in (
            ("drug missing", e.drugs_missing),
            ("drug extra", e.drugs_extra),
            ("trial missing", e.trials_missing),
            ("trial extra", e.trials_extra),
        ):
            out.extend(f"  {label}: {x}" for x in items)
        out.extend(f"  outcome missing: {fmt(o)}" for o in e.outcomes_missing)
        out.extend(f"  outcome extra:   {fmt(o)}" for o in e.outcomes_extra)
        out.extend(
            f"  arm wrong:       {fmt(o)} predicted={o['predicted_arm']}" for o in e.arm_mismatches
        )
    return "\n".join(out) if out else "no mismatches"
