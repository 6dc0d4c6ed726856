"""spaCy components (scispaCy style: a thin wrapper over the pure functions of this package).

State travels on ``doc._.her2`` as plain dicts/lists so docs survive ``nlp.pipe(n_process>1)``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from itertools import starmap
from operator import attrgetter, itemgetter
from pathlib import Path

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from her2mine.extract import abbreviations  # noqa: F401  (registers "her2_abbreviations")
from her2mine.extract.abbreviations import TOKEN_ARRAY_ATTRS, TOKEN_ARRAY_KEY
from her2mine.extract.arms import (
    ArmRegistry,
    arm_refs,
    build_registry,
    cohort_arms,
    cohort_scope,
    comparison_in,
    design_list_order,
    listed_arms_order,
    output_arm,
    scoped_registry,
    trial_of_sentence,
    trial_pairs,
    trials_named_together,
)
from her2mine.extract.drugs import find_drugs
from her2mine.extract.fastre import START, literal_safe, sentences_matching_at, word_start
from her2mine.extract.hits import ROW_CANONICAL, ROW_START, Hit, to_rows
from her2mine.extract.lexicon import Lexicons, load_lexicons, lower_same_length, starts_finder
from her2mine.extract.numbers import (
    _KEY_RE,
    fold_superscripts,
    fold_typography,
    ratio_candidates,
)
from her2mine.extract.options import options_as_class
from her2mine.extract.outcomes import (
    RATIO_MEASURES,
    SAFETY,
    all_groups_order,
    carried_rate_endpoint,
    every_group_arm,
    find_endpoints,
    grade_follow_on_rows,
    graded_3_only,
    opens_follow_on_list,
    sentence_outcome_rows,
)
from her2mine.extract.sentences import join_soft_line_breaks, sentence_spans
from her2mine.extract.trials import find_trials, is_registry_id, start_words

# A sentence can hold a value if it has a digit or says "reached" ("median OS not reached") or
# "NR": a one-class scan plus a literal find (faster than one scan for the alternation).
_DIGIT = re.compile(r"\d")
_HAS_COMPARISON = re.compile(
    word_start([r"vs\.?", "versus", r"v\.?", "or", "than", "compared"]) + r"\s"
)


class _LazyContext:
    """The comparison under discussion, read from pending "A versus B" sentences on demand."""

    def __init__(self, text, pending, drugs, registry, base, low=None, refs_read=None) -> None:
        self.args = (text, pending, drugs, registry, low, refs_read)
        self.base = base
        self.value = None

    def __call__(self) -> list:
        if self.value is None:
            text, pending, drugs, registry, low, refs_read = self.args
            base = self.base() if callable(self.base) else self.base
            # ``pending``: sentences naming two drugs or more; comparisons say "versus" or so.
            pending = [(s, e) for s, e in pending if _HAS_COMPARISON.search(text, s, e)]
            self.value = (
                _latest_comparison(text, pending, drugs, registry, low, refs_read)
                if pending
                else []
            ) or base
        return self.value


def _latest_comparison(
    text: str,
    pending: list[tuple[int, int]],
    drugs: list[Hit],
    registry,
    low=None,
    refs_read: dict | None = None,
) -> list[str | None]:
    """Arms of the latest "A versus B" sentence among ``pending`` that lists a comparison.
    ``refs_read``: (s, e) -> (registry, refs, plain) of sentences whose ``arm_refs`` were read already
    (by ``sentence_outcome_rows``; ``drugs`` sorted by start: its filter keeps the same hits)."""
    for s, e in reversed(pending):
        seen = refs_read.get((s, e)) if refs_read is not None else None
        if seen is not None and seen[0] is registry:
            refs = seen[1]  # the same call's result, read for the sentence's outcomes
        else:
            refs = arm_refs(text, s, e, drugs, registry, low=low)
        listed = comparison_in(refs)
        if listed:
            return listed
    return []


_NO_NAMES: frozenset[str] = frozenset()
_START = attrgetter("start")


# Words that name a group of a study: a sentence holding one names its own scope.
_GROUP_WORDS = ("cohort", " arm", "group")

# A sentence about the whole population ("Overall, the ORR was 35%", "In all patients, ...")
# or one opening the Conclusions: not the scoped cohort's (review of round 87a).
_WHOLE_POPULATION = re.compile(
    r"\boverall(?=\s*[,:;]|\s+(?:population|study|analysis|cohort))"
    r"|\ball (?:\w+ )?(?:patients|pts|participants|subjects|cohorts)\b|\bin total\b"
)
_CONCLUSIONS = re.compile(r"\s*(?:conclusions?|interpretation)\b")


class _CohortScope:
    """The cohort the Results are discussing, carried across sentences. In a study whose
    cohorts carry their own regimens, a sentence scoping to one cohort, or to a pool of cohorts
    of one regimen ("In cohorts A and B combined, ...", "40 pts were treated in cohort A"),
    names the arm of its values after that reference and of the values of the next sentences
    that name no cohort, group or drug ("Median PFS was 8.2 months"), until a sentence names
    another arm or group. HR/OR stay null, and so does a sentence whose values already have
    arms (its own comparison). Only once the cohorts named so far are of two regimens or more
    (one of them may be no arm the registry holds): cohorts of one regimen share it, and their
    whole-population values stay null. A text that has scoped to cohorts of two regimens
    reports them in turn: an unscoped sentence after that is the whole population's again."""

    def __init__(self, text: str, low: str, gate: str | None) -> None:
        self.text = text
        self.low = low
        self.gate = gate
        self.arm: str | None = None  # the scoped arm (registry name), None: no scope
        self.named_arms: set[str | None] = set()  # the arms of the cohorts named so far
        self.scoped: set[str] = set()  # the arms scoped to so far

    def read(
        self,
        s: int,
        e: int,
        drugs: list[Hit],
        registry: ArmRegistry,
        rows: list[dict],
        read_before: tuple | None = None,
    ) -> None:
        """Update the scope with sentence [s, e) and name the arm of its unnamed ``rows``.
        ``read_before``: the sentence's ``refs_read`` entry, if its outcomes read its references."""
        low = self.low
        if _CONCLUSIONS.match(low, s, e) or _WHOLE_POPULATION.search(low, s, e):
            self.arm = None  # (the sentence may still scope to a cohort of its own)
        grouped = any(low.find(w, s, e) >= 0 for w in _GROUP_WORDS)
        if not grouped and not drugs:
            if self.arm is not None and len(self.scoped) == 1:
                _name_unnamed(rows, self.arm, s)
            return
        if self.arm is None and low.find("cohort", s, e + 5) < 0:
            # no reference written "cohort ..." (each starts inside the sentence): nothing to
            # scope to and no scope to end, so ``arm_refs`` need not run
            return
        if read_before is not None and read_before[0] is registry:
            refs = read_before[2]  # the plain ``arm_refs`` of this sentence: no second call
        else:
            refs = arm_refs(self.text, s, e, drugs, registry, low=self.gate)
        self.named_arms |= cohort_arms(self.text, refs)
        scoped = cohort_scope(self.text, refs)
        if scoped is not None and len(self.named_arms) >= 2:
            self.arm, start = scoped
            self.scoped.add(self.arm)
            _name_unnamed(rows, self.arm, start)
        elif grouped or any(r.arm != self.arm for r in refs):
            self.arm = None


def _name_unnamed(rows: list[dict], arm: str, start: int) -> None:
    """Give ``arm`` to the values of ``rows`` from ``start`` on, when none of them has an arm
    (a sentence with its own attribution keeps it); ratios keep none."""
    if any(r["arm"] is not None for r in rows):
        return
    name = output_arm(arm)
    for r in rows:
        if r["start"] >= start and r["measure"] not in RATIO_MEASURES:
            r["arm"] = name


class _TrialTrack:
    """Which named trial a review is discussing, sentence by sentence. A review cites several
    trials, each with its own arms: once the text turns to another trial ("... in HER2CLIMB"),
    the comparison under discussion read under the previous one (EMILIA's T-DM1 versus
    lapatinib) no longer names a bare compared pair. Registry ids are not names; trials named
    together in one sentence ("NSABP B-31 and NCCTG N9831", "BIG 4-11/APHINITY") may share a
    comparison (a joint analysis, two names of one trial), so no switch between them counts."""

    def __init__(self, rows: list) -> None:
        named = [(r[ROW_START], r[ROW_CANONICAL]) for r in rows]
        self.trials = sorted(x for x in named if not is_registry_id(x[1]))
        self.starts = [a for a, _ in self.trials]
        self.latest: str | None = None  # the last trial named so far
        self.linked: set[frozenset] = set()

    def read(self, s: int, e: int) -> frozenset[str] | set[str]:
        """The trials sentence [s, e) names (and it becomes the latest)."""
        starts = self.starts
        i = bisect_left(starts, s)
        if i == len(starts) or starts[i] >= e:
            return _NO_NAMES  # (most sentences name no trial)
        j = bisect_left(starts, e, i)
        names = [c for _, c in self.trials[i:j]]
        if names:
            self.latest = names[-1]
            if len(set(names)) > 1:
                self.linked |= trial_pairs(names)
        return set(names)

    def switched(self, ctx_trial: str | None, names: set[str]) -> bool:
        """Whether the trial now discussed differs from ``ctx_trial``, the trial under which
        the comparison under discussion was read (None: no named trial, no switch)."""
        cur = self.latest
        if ctx_trial is None or cur is None or cur == ctx_trial or ctx_trial in names:
            return False
        return frozenset((cur, ctx_trial)) not in self.linked


class _TrialArms:
    """The arms of each trial a review cites. A design sentence's arms belong to the trial
    named in it or last named before it ("In the APHINITY trial, patients were randomly assigned
    to pertuzumab or placebo ..."; "The ExteNET trial randomly assigned ... to neratinib or
    placebo"): a later sentence about ExteNET reads "87.7% with placebo" among ExteNET's arms
    only (a null arm beats APHINITY's trastuzumab-plus-placebo arm). Used only when the design
    sentences defined arms under two trials or more that are not one (named together); arms
    defined before any trial was named serve every trial."""

    def __init__(self, registry: ArmRegistry, trials: list, sentences: list) -> None:
        self.registry = registry
        self.cache: dict[str, ArmRegistry] = {}
        self.active = False
        if len(registry.arms) < 2 or len({c for _, c in trials}) < 2:
            return  # (most texts: one trial named, or no two arms)
        tstarts = [a for a, _ in trials]
        self.of: list[set[str]] = []  # per registry arm: the trials whose design defined it
        for arm in registry.arms:
            named = {trial_of_sentence(trials, tstarts, sentences, at) for at in arm.defined_at}
            self.of.append(named - {None})
        cited = sorted(set().union(*self.of))
        if len(cited) < 2:
            return
        # trials named together in one sentence are one trial here (joint names, two names)
        self.same = trials_named_together(trials, tstarts, sentences, registry.design_starts())
        self.active = any(
            frozenset((a, b)) not in self.same for i, a in enumerate(cited) for b in cited[i + 1 :]
        )

    def _is(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) in self.same

    def for_trial(self, trial: str | None) -> ArmRegistry:
        """The registry a sentence about ``trial`` (None: no trial named yet) reads arms from."""
        if not self.active or trial is None:
            return self.registry
        reg = self.cache.get(trial)
        if reg is None:
            arms = [
                arm
                for arm, named in zip(self.registry.arms, self.of, strict=True)
                if not named or any(self._is(trial, t) for t in named)
            ]
            reg = self.cache[trial] = scoped_registry(self.registry, arms)
        return reg


def _distinct(items: list) -> list:
    return list(dict.fromkeys(items))


if not Doc.has_extension("her2"):
    Doc.set_extension("her2", default=None)

# Entity labels of statistical models that name drugs (bc5cdr, craft, jnlpba, custom models).
MODEL_DRUG_LABELS = ["CHEMICAL", "DRUG", "SIMPLE_CHEMICAL", "CHEBI"]
# Model chemicals that are classes, hormones or targets, not drugs.
MODEL_STOPLIST = frozenset(
    {"taxane", "taxanes", "anthracycline", "anthracyclines", "platinum", "chemotherapy",
     "estrogen", "oestrogen", "progesterone", "hormone", "her2", "erbb2", "placebo", "drug",
     "drugs", "antibody", "antibodies", "conjugate", "payload", "topoisomerase", "glucose"}
)  # fmt: skip


# Where spaCy keeps ``doc._.her2`` (reading ``user_data`` directly skips building an
# ``Underscore`` proxy per access; the value is the same object ``doc._.her2`` returns).
STATE_KEY = ("._.", "her2", None, None)
RAW_TEXT_KEY = "raw_text"  # the doc's text as written, when the rules read another (see below)


def _state(doc: Doc) -> dict:
    state = doc.user_data.get(STATE_KEY)
    if state is None:
        state = doc.user_data[STATE_KEY] = {}
    return state


def _text(doc: Doc, state: dict | None = None) -> str:
    """``doc.text`` rebuilds the string token by token on every access: do it once per doc."""
    state = _state(doc) if state is None else state
    text = state.get("text")
    if text is None:
        text = state["text"] = doc.text
    return text


def _low(state: dict, text: str) -> str:
    """``lower_same_length(text)``, computed once per doc (several components scan it)."""
    low = state.get("low")
    if low is None:
        low = state["low"] = lower_same_length(text)
    return low


def _lexicons(lexicon_dir: str | None) -> Lexicons:
    return load_lexicons(Path(lexicon_dir) if lexicon_dir else None)


# (id of a trial lexicon, offsets of its ``start_words`` and of other words): ``her2_drugs``
# leaves them for ``her2_trials``, which uses them if its lexicon is that one.
WORD_STARTS_KEY = "word_starts"


def _hits(state: dict, key: str) -> list[Hit]:
    # The state holds rows, not Hit objects: a Doc's user data must stay msgpack-serialisable
    # (``Doc.to_bytes``, ``nlp.pipe(n_process>1)``) after any component.
    # (``starmap``: ``Hit.from_row`` without a Python-level call per row)
    return list(starmap(Hit, state.get(key, [])))


class TextKeepingTokenizer:
    """Wraps a tokenizer and keeps the input string on the doc (``doc.text`` is rebuilt token by
    token on each access, which costs more than the whole rule-based extraction)."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        doc = self.inner(text)
        # The rules read superscript markers as spaces (``fold_superscripts``); outcome rows
        # quote the text as written (RAW_TEXT_KEY, kept only when the two differ).
        read = fold_superscripts(text)
        doc.user_data[STATE_KEY] = (
            {"text": read} if read is text else {"text": read, RAW_TEXT_KEY: text}
        )
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        # Unpickling (spawned worker processes) looks attributes up before ``inner`` is set.
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)


@Language.factory("her2_sentencizer", default_config={})
class SentenceSplitter:
    """Rule-based sentence boundaries (see ``sentences.py``); keeps a parser's if present."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        state = _state(doc)
        spans = sentence_spans(_text(doc, state))
        state["sentences"] = list(map(list, spans))
        n = len(doc)
        if n and not doc.has_annotation("DEP"):
            # One array read serves the boundaries and ``her2_abbreviations`` (which runs next
            # and pops it).
            tokens = state[TOKEN_ARRAY_KEY] = doc.to_array(TOKEN_ARRAY_ATTRS)
            # Few numpy calls (each costs more than the arithmetic): the first token of each
            # sentence, and of the doc, is a start; a start past the last token lands in an
            # extra slot that is cut off.
            starts = tokens[:, 0].searchsorted([0] + [s for s, _ in spans])
            sent_start = np.full(n + 1, -1, dtype=np.uint64)
            sent_start[starts] = 1
            doc.from_array([SENT_START], sent_start[:n])
        return doc


@Language.factory(
    "her2_drugs",
    default_config={"lexicon_dir": None, "model_labels": MODEL_DRUG_LABELS},
)
class DrugRecognizer:
    """Lexicon + defined abbreviations + model entities + USAN stems + sponsor codes."""

    def __init__(
        self, nlp: Language, name: str, *, lexicon_dir: str | None, model_labels: list[str]
    ) -> None:
        self.name = name
        lexicons = _lexicons(lexicon_dir)
        self.lex = lexicons.drugs
        self.model_labels = set(model_labels)
        # One scan finds where the drug abbreviations and the trial words occur (both mostly
        # start with capitals; a scan costs about the same for one word list or two).
        self.trial_lex = lexicons.trials
        self.trial_names = frozenset(self.trial_lex.names)  # no regimen short forms in brackets
        words = [*self.lex.sensitive.start_words, *start_words(self.trial_lex)]
        self.word_finder = starts_finder(words)

    def __call__(self, doc: Doc) -> Doc:
        state = _state(doc)
        text = _text(doc, state)
        sentences = state.get("sentences") or sentence_spans(text)  # [start, end] pairs
        state.pop(TOKEN_ARRAY_KEY, None)  # left over if ``her2_abbreviations`` did not run
        pairs = state.pop("abbreviation_pairs", None)
        if pairs is None:
            pairs = self._abbreviation_pairs(doc)
        model = self._model_hits(doc)
        low = _low(state, text)  # kept on the state: her2_outcomes reads it too
        starts = list(map(START, self.word_finder.finditer(text)))
        state[WORD_STARTS_KEY] = (id(self.trial_lex), starts)  # for her2_trials (it pops them)
        hits = find_drugs(text, self.lex, sentences, pairs, model, low, starts, self.trial_names)
        state["drugs"] = to_rows(hits)
        return doc

    def _abbreviation_pairs(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(short form, long-form start, end) from ``doc._.abbreviations`` (another
        detector's output; ``her2_abbreviations`` leaves them on the state as characters)."""
        pairs = []
        for ab in doc._.abbreviations if Doc.has_extension("abbreviations") else []:
            if isinstance(ab, dict):
                ls = doc[ab["long_start"]].idx
                le = doc[ab["long_end"] - 1].idx + len(doc[ab["long_end"] - 1])
                pairs.append((ab["short_text"], ls, le))
            else:
                lf = ab._.long_form
                pairs.append((ab.text, lf.start_char, lf.end_char))
        return pairs

    def _model_hits(self, doc: Doc) -> list[Hit]:
        out = []
        for ent in doc.ents:
            if ent.label_ not in self.model_labels:
                continue
            low = ent.text.lower()
            if low in MODEL_STOPLIST or len(low) < 3:
                continue
            canon = self.lex.lookup(ent.text) or low
            if self.lex.kind.get(canon) == "placebo":
                continue
            drugs = self.lex.expand(canon)
            out.append(Hit("drug", ent.start_char, ent.end_char, ent.text, canon, drugs, "model"))
        return out


@Language.factory("her2_trials", default_config={"lexicon_dir": None})
class TrialRecognizer:
    def __init__(self, nlp: Language, name: str, *, lexicon_dir: str | None) -> None:
        self.name = name
        self.lex = _lexicons(lexicon_dir).trials

    def __call__(self, doc: Doc) -> Doc:
        state = _state(doc)
        kept = state.pop(WORD_STARTS_KEY, None)  # her2_drugs' scan, if for this lexicon
        starts = kept[1] if kept is not None and kept[0] == id(self.lex) else None
        hits = find_trials(_text(doc, state), self.lex, starts=starts)
        state["trials"] = to_rows(hits)
        return doc


@Language.factory("her2_outcomes", default_config={"lexicon_dir": None})
class OutcomeExtractor:
    """Endpoint mentions, then numeric outcomes in sentences that have a number."""

    def __init__(self, nlp: Language, name: str, *, lexicon_dir: str | None) -> None:
        self.name = name
        lexicons = _lexicons(lexicon_dir)
        self.lex = lexicons.endpoints
        self.drug_class = lexicons.drugs.drug_class
        self.class_members = lexicons.drugs.class_members

    def __call__(self, doc: Doc) -> Doc:
        state = _state(doc)
        read = _text(doc, state)
        # Results are read on the text with its typographic variants folded ("P＜0.001",
        # "95％CI", "≧"): same length, so offsets hold; rows quote the original text.
        text = fold_typography(read)
        low = _low(state, read) if text is read else lower_same_length(text)
        original = state.get(RAW_TEXT_KEY, read)
        sentences = list(map(tuple, state.get("sentences") or sentence_spans(read)))
        sentences = join_soft_line_breaks(text, sentences)  # a PDF copy's broken lines
        endpoints = find_endpoints(text, self.lex, low)
        if text is not original:
            _quote_original(original, endpoints)
        # Arms read per-patient options as one class mention ("X plus A or B" is arm X).
        drugs = options_as_class(text, _hits(state, "drugs"), self.drug_class)
        state["endpoints"] = to_rows(endpoints)
        track = _TrialTrack(state.get("trials") or [])
        registry = build_registry(
            text, sentences, drugs, low, track.trials, self.class_members, self.drug_class
        )
        outcomes = []
        carry = None
        graded_before = -1  # the last sentence whose adverse-event rows were all grade >=3
        graded_rows: list[dict] = []  # its rows
        last_named = False  # whether the previous sentence named an end point
        single_event = False  # whether it named one end point alone, an event
        # "4 or 6 cycles of A": one regimen, one group per compared duration (round 66a); none
        # for a factorial (a bare pair compares levels of a factor it does not name)
        names = every_group_arm(registry)
        context = names if 2 <= len(names) <= 4 and all(names) else []
        # the orders compared so far, latest first: a "respectively" run of another count than
        # the comparison under discussion takes the latest of its count (round 80a)
        orders: list[list[str | None]] = [context] if context else []
        ep_starts = list(map(_START, endpoints))  # (map: no Python call per hit)
        drug_starts = list(map(_START, drugs))
        # Sentences naming two drugs or more, not read yet (read lazily, for a comparison).
        pending: list[tuple[int, int]] = []
        scopes = _TrialArms(registry, track.trials, sentences) if track.trials else None
        ctx_trial: str | None = None  # the trial the comparison under discussion belongs to
        trial_of: dict[int, str | None] = {}  # pending sentence start -> trial named by then
        # Each sentence's plain arm references, once read (a comparison read later reuses them).
        refs_read: dict[tuple[int, int], tuple[ArmRegistry, list, list]] = {}
        # (the ratio keys' candidates serve this test and each sentence's ratio search)
        key_starts = ratio_candidates(text)
        has_ratio = sentences_matching_at(_KEY_RE, text, sentences, key_starts)
        gate = low if literal_safe(text) else None
        # end points and drugs of each sentence: endpoints[e0:e1], drugs[d0:d1]
        e0s, e1s = sentence_slices(ep_starts, sentences)
        d0s, d1s = sentence_slices(drug_starts, sentences)
        cuts = zip(sentences, e0s, e1s, d0s, d1s, strict=True)
        # the cohort under discussion (only texts that write "cohort" have one)
        cohorts = _CohortScope(text, low, gate) if "cohort" in low and registry.arms else None
        for k, ((s, e), e0, e1, d0, d1) in enumerate(cuts):
            found = []
            # Only sentences with a number and an end point (or an HR/OR for the carried end
            # point) can hold an outcome. (Per sentence, a bounded search decides exactly as a
            # whole-text scan would: these patterns have no lookahead.)
            trial_names = track.read(s, e) if track.trials else ()
            # a bare "the incidence was 15.5%" right after a sentence naming its end point
            carried = (
                carried_rate_endpoint(text, s, e, carry, gate, single_event)
                if last_named and (e0 == e1 or _describes_no_endpoint(endpoints, e0, e1))
                else []  # (most sentences hold no end point hit: no call for them)
            )
            if (e0 < e1 or has_ratio[k] or carried) and (
                _DIGIT.search(text, s, e) is not None
                or text.find("reached", s, e) >= 0
                or text.find("NR", s, e) >= 0  # "Median OS: NR in either arm" (round 74a)
            ):
                eps = endpoints[e0:e1]
                if carried:  # in text order among the sentence's population descriptors
                    eps = sorted([*eps, *carried], key=_START) if eps else carried
                sent_drugs = drugs[d0:d1]
                if track.trials and track.switched(ctx_trial, trial_names):
                    # another trial: only its own "A versus B" sentences name its pairs
                    ctx_trial = track.latest
                    pending = [x for x in pending if trial_of.get(x[0]) == ctx_trial]
                    context = []
                    orders = []
                arms = scopes.for_trial(track.latest) if scopes is not None else registry
                lazy = _LazyContext(text, pending, drugs, arms, context, gate, refs_read)
                pending = []
                listed: list[str | None] = []
                if _says_respectively(text, sentences, k, gate):
                    listed = _design_listed_before(text, sentences, k, drugs, arms, gate)
                    if not listed and d0 == d1:
                        listed = _arms_listed_before(text, sentences, k, drugs, arms, gate)
                if not listed:
                    listed = all_groups_order(low, s, e, arms)
                internal: list[str | None] = []
                pair: list[list[str | None]] = []
                found = sentence_outcome_rows(
                    text,
                    s,
                    e,
                    eps,
                    sent_drugs,
                    arms,
                    self.lex,
                    carry,
                    listed or lazy,
                    internal,
                    gate,
                    refs_read,
                    key_starts,
                    orders,
                    pair,
                )
                context = lazy  # still unread: most documents never need it
                if found:
                    if graded_before == k - 1 and opens_follow_on_list(text, s, e, gate):
                        grade_follow_on_rows(found, graded_rows)
                    if graded_3_only(found):
                        graded_before, graded_rows = k, found
                    if text is not original:
                        for row in found:
                            row["sentence"] = original[s:e]
                    outcomes.extend(found)
                    compared = _distinct([a for a in internal if a])
                    if len(compared) < 2 and pair:  # two groups of one regimen, or one of none
                        compared = pair[0]
                    if len(compared) >= 2:
                        context = compared  # the comparison now under discussion
                        orders.insert(0, compared)
                        ctx_trial = track.latest
                    if pair and len(pair[0]) > len(compared) >= 2:
                        orders.insert(0, pair[0])  # dose arms: the groups, twins kept (round 86a)
            if cohorts is not None:
                in_trial = scopes.for_trial(track.latest) if scopes is not None else registry
                cohorts.read(s, e, drugs[d0:d1], in_trial, found, refs_read.get((s, e)))
            # A candidate "A versus B" sentence (whether it says "versus" is checked on reading)
            if d1 - d0 >= 2:
                pending.append((s, e))
                if track.trials:
                    trial_of[s] = track.latest
            if e0 < e1 and not carried:
                carry = _carried_endpoint(endpoints, e0, e1)
                single_event = carry in SAFETY and _names_one_endpoint(endpoints, e0, e1)
            last_named = e0 < e1
        state["outcomes"] = outcomes
        state.pop("text", None)  # not needed downstream; keeps pickled docs small
        state.pop(RAW_TEXT_KEY, None)
        state.pop("low", None)
        return doc


def _says_respectively(
    text: str, sentences: list[tuple[int, int]], k: int, low: str | None
) -> bool:
    """Whether sentence ``k`` (not the first) says "respectively"."""
    if k == 0:
        return False
    s, e = sentences[k]
    if low is not None:
        return low.find("respectively", s, e) >= 0
    return "respectively" in text[s:e].lower()


def _design_listed_before(
    text: str,
    sentences: list[tuple[int, int]],
    k: int,
    drugs: list[Hit],
    registry: ArmRegistry,
    low: str | None,
) -> list[str | None]:
    """For a "respectively" sentence right after a randomisation that lists its groups
    ("... to observation, 1 year of trastuzumab or 2 years of trastuzumab. Cardiac end points
    occurred in 0.9%, 4.1% and 7.2% of patients, respectively"), those groups in order: the
    comparison under discussion for its bare list (``arms.design_list_order``); else [].
    (The caller has checked that sentence ``k`` says "respectively": ``_says_respectively``.)"""
    ps, pe = sentences[k - 1]
    return design_list_order(text, ps, pe, drugs, registry, low)


def _arms_listed_before(
    text: str,
    sentences: list[tuple[int, int]],
    k: int,
    drugs: list[Hit],
    registry: ArmRegistry,
    low: str | None,
) -> list[str | None]:
    """For a "respectively" sentence that names no drug right after a sentence listing arms
    ("Safety was assessed in the 6-month arm and the 12-month arm. Cardiac dysfunction occurred
    in 3% and 8% of patients, respectively"), those arms in order (``arms.listed_arms_order``):
    the list just read, not the design's order, is what "respectively" refers to; else [], also
    when the sentence names a group of its own ("... in the experimental and control groups,
    respectively"): its own words, not the list before, order its values. (The caller has
    checked that sentence ``k`` says "respectively".)"""
    s, e = sentences[k]
    ps, pe = sentences[k - 1]
    listed = listed_arms_order(text, ps, pe, drugs, registry, low)
    if listed and arm_refs(text, s, e, drugs, registry, low=low):
        return []
    return listed


def _carried_endpoint(endpoints: list[Hit], e0: int, e1: int) -> str:
    """The end point a sentence with ``endpoints[e0:e1]`` passes on to a bare ratio in the
    next one: its last, passing over population descriptors ("... in hormone receptor-negative
    disease (HR 0.50)." then "the HR was 0.66"), which name who was measured, not what. A
    sentence with descriptors only passes the last one on (no end point)."""
    for k in range(e1 - 1, e0 - 1, -1):
        canonical = endpoints[k].canonical
        if canonical != "_population":
            return canonical
    return endpoints[e1 - 1].canonical


def _describes_no_endpoint(endpoints: list[Hit], e0: int, e1: int) -> bool:
    """Whether ``endpoints[e0:e1]`` hold no end point, population descriptors aside: "Among
    patients with hormone receptor-negative tumours, the respective rates were 72.4% and
    66.0%." names who was measured, not what, so its bare rate takes the previous sentence's
    end point (``carried_rate_endpoint``) as it would without the descriptor. (``map`` and a
    set: no Python-level call per hit)"""
    return not _named_endpoints(endpoints, e0, e1)


def _names_one_endpoint(endpoints: list[Hit], e0: int, e1: int) -> bool:
    """Whether ``endpoints[e0:e1]`` name one end point alone (population descriptors aside)."""
    return len(_named_endpoints(endpoints, e0, e1)) == 1


def _named_endpoints(endpoints: list[Hit], e0: int, e1: int) -> set[str]:
    """The end points ``endpoints[e0:e1]`` name, population descriptors aside."""
    return set(map(_CANONICAL, endpoints[e0:e1])) - _POPULATION_ONLY


_CANONICAL = attrgetter("canonical")
_POPULATION_ONLY = frozenset({"_population"})


def sentence_slices(
    starts: list[int], sentences: list[tuple[int, int]]
) -> tuple[list[int], list[int]]:
    """For each sentence (s, e), the bounds of the items it holds: ``starts[i:j]`` are those
    that start in [s, e) (``starts`` sorted). Both lists are built by ``map``, without a
    Python-level ``bisect_left`` call per sentence (the outcome loop reads every sentence)."""
    find = partial(bisect_left, starts)
    return list(map(find, map(_FIRST, sentences))), list(map(find, map(_SECOND, sentences)))


_FIRST = itemgetter(0)
_SECOND = itemgetter(1)


def _quote_original(original: str, hits: list[Hit]) -> None:
    """Hits found on the folded text (``fold_typography``) quote the original text."""
    for h in hits:
        h.text = original[h.start : h.end]
