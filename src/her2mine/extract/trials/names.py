"""Name shapes: what a word read from context must look like to count as a trial's name (acronyms,
study and protocol numbers, coined mixed case), the words that are no name, and short forms that
abbreviate a name."""

from __future__ import annotations

import re
from importlib import resources

from her2mine.extract.abbreviations import letters_in_order
from her2mine.extract.drugs import is_sponsor_code
from her2mine.extract.hits import Hit
from her2mine.extract.lexicon import COOPERATIVE_GROUPS, load_lexicons

_ACRONYM = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"  # (a name's shape: see ``_CONTEXT_PATTERNS``)


NOT_TRIAL_NAMES = frozenset(
    {
        "HER2",
        "ERBB2",
        "MBC",
        "EBC",
        "ABC",
        "TKI",
        "ADC",
        "BICR",
        "ITT",
        "FDA",
        "EMA",
        "NCI",
        "RECIST",
        "CTCAE",
        "PFS",
        "OS",
        "ORR",
        "DFS",
        "IDFS",
        "EFS",
        "RFS",
        "HR",
        "CI",
        "CNS",
        "US",
        "UK",
        "II",
        "III",
        "IV",
        "IB",
        "IIB",
        "IIIB",
        "HRQoL",
        "QoL",
        "AE",
        "AEs",
        "TEAE",
        "SAE",
        "DCR",
        "CBR",
        "DOR",
        "PRO",
        "PROs",
        "MRI",
        "NCCN",
        "ESMO",
        "ASCO",
        "SABCS",
        "AACR",
        "WHO",
        "ECOG",
        # assays and databases a title may close with in brackets (``_title_bracket_tail``)
        "FISH",
        "SEER",
        "TCGA",
        # staging systems, with or without their edition ("AJCC-8")
        "AJCC",
        "UICC",
        "TNM",
        "NCDB",
        "TNBC",
        # other cancers an appositive may follow ("In NSCLC, a phase 3 trial, ...")
        "NSCLC",
        "SCLC",
        "HNSCC",
        "ESCC",
        "GEJC",
        "mCRPC",
        "DLBCL",
        "PDAC",
        "HCC",
        "CRC",
        "RCC",
        "OSCC",
        "LUAD",
        "LUSC",
        # databases a retrospective study is run in ("In TriNetX, a retrospective cohort study")
        "TriNetX",
        "MarketScan",
        "FAERS",
        "JADER",
        "VigiBase",
        "Optum",
        "Flatiron",  # round 67b: "the real-world Flatiron study" (Flatiron Health's records)
        # a scale, an infection or a gene a title may open with before its number ("COVID-19:",
        # "NYHA 2", review of round 58b)
        "NYHA",
        "COVID",
        "SARS",
        "BRCA",
    }
)


# "the randomised PERNETTA trial", "the phase 3 open-label NAME study": design words between
# "the" and the name. Only names in capitals (``_title_name``) count here, so that "the
# randomised HER2-positive trial" names none.
_DESIGN_ADJECTIVE = (
    # ("phase 1a/1b", "phase I/II": a split phase)
    r"(?:randomi[sz]ed|phase\s+(?:[1-4]|I{1,3}V?|IV)[ab]?(?:/(?:[1-4]|I{1,3}V?|IV)[ab]?)?|"
    r"open-label|double-blind(?:ed)?|"
    r"placebo-controlled|multicent(?:re|er)|multinational|international|pivotal|prospective|"
    r"non-inferiority|noninferiority|confirmatory)"
)
# Words in capitals that are no trial's name: the trial's setting or design ("the NCCTG N9831
# ADJUVANT trial", "the NEOADJUVANT study") and gene symbols ("the BRCA 2 study", "the PIK3CA
# study"). Names that are other English words ("TOUCH", "ATTENTION") stay names.
_NOT_A_NAME = re.compile(
    rf"(?i:{_DESIGN_ADJECTIVE}|(?:neo-?)?adjuvant|(?:pre|post|peri)-?operative|metastatic|"
    r"intergroup)|BRCA[12]?|ERBB[1-4]|EGFR|PIK3CA|PTEN|TP53|ESR1|AKT[1-3]?|KRAS|CDK[46]?"
)


# "the phase III TROPiCS-02 study": a name in mixed case with its number after a hyphen, three
# capitals or more before it ("the randomised HER2-positive trial" ends in no number).
_MIXED_CASE_NUMBERED = re.compile(r"[A-Z][A-Za-z]*-\d{1,3}")


def _numbered_mixed_case_name(name: str) -> bool:
    """Whether ``name`` is a mixed-case name with a hyphenated number ("TROPiCS-02"), no drug
    code and no common acronym."""
    return (
        _MIXED_CASE_NUMBERED.fullmatch(name) is not None
        and sum(c.isupper() for c in name) >= 3
        and _context_name(name)
        and not is_sponsor_code(name)
    )


# "In JCOG, a ...": a group's name alone is no trial of it
_GROUP_WORD_SET = frozenset(COOPERATIVE_GROUPS)


# A capital after a lower-case letter, or two capitals before one ("NeoPHOEBE", "TyTAN",
# "IMpassion050", "FDChina"): a coined name in mixed case, no plain word ("Patients", "It").
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
# Mixed case that is no coined name: a short lower-case prefix on an acronym ("mCRC",
# "mTNBC": metastatic; "ctDNA", "mRNA") or an acronym's plural ("ADCs", "TILs", "RCTs").
_PREFIXED_OR_PLURAL_ACRONYM = re.compile(r"[a-z]{1,3}[A-Z]{2,}|[A-Z]{2,}s")


# Round 64c: registries that studies are registered in, not data sources of patients ("the
# ChiCTR registry", "registered in the PROSPERO registry"): no trial, whichever reader reads one.
_REGISTRATION_REGISTRIES = frozenset(
    {"ChiCTR", "ANZCTR", "CTRI", "PACTR", "SLCTR", "TCTR", "jRCT", "ISRCTN", "UMIN", "DRKS",
     "ICTRP", "PROSPERO", "INPLASY", "EudraCT", "JAPIC", "JapicCTI", "ReBEC", "IRCT", "CRiS"}
)  # fmt: skip


def _registration_registry(name: str) -> bool:
    """Whether ``name`` is a registry of registrations (``_REGISTRATION_REGISTRIES``)."""
    return name in _REGISTRATION_REGISTRIES


# Round 67b: a place the text calls a study, cohort or registry ("Korea was a prospective
# cohort study", "the observational Ontario study") is where the patients were treated, no
# study's name (the gold README lists named data sources, not "a French multicentre cohort").
# Countries, provinces, states, regions and cities (data/places.txt), in title case; a name in
# capitals ("ONTARIO") may be a coined acronym and is left to the name tests.
_PLACES = frozenset(
    line.strip()
    for line in (resources.files("her2mine") / "data" / "places.txt")
    .read_text("utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)


def _place_name(name: str) -> bool:
    """Whether ``name`` is a country, province, state, region or city (``_PLACES``)."""
    return name in _PLACES


def _never_a_trial_name(name: str) -> bool:
    """Whether ``name`` names no trial whichever reader read it: a cooperative group's bare name
    or a sponsor's programme word alone (round 62d, "the KEYNOTE trials"), a registry studies
    are registered in (round 64c, "the ChiCTR registry"), a place ("Korea was a prospective
    cohort study"), a common acronym or database ("the Flatiron study") or a code or name the
    drug lexicon knows ("E7389: A Phase II Study ...": eribulin studied; round 67b)."""
    return (
        _group_name(name)
        or _programme_name(name)
        or _registration_registry(name)
        or _place_name(name)
        or name in NOT_TRIAL_NAMES
        or _drug_abbreviation(name)
    )


# A short acronym ending in "OG"/"CG"/"SG"/"RG"/"TG" (Oncology, Cancer, Study, Research,
# Treatment Group): a cooperative group's name ("DBCG", "HeCOG", "TCOG"), no trial's.
_GROUP_SHAPE = re.compile(r"[A-Za-z]{1,4}[A-Z](?<=[COSRT])G")


def _group_name(name: str) -> bool:
    """Whether ``name`` is a cooperative group's bare name ("NSABP", "DBCG", "ECOG-ACRIN"): the
    group runs trials and names none ("the NSABP trial"); with its number it names one ("NSABP
    B-31", read whole)."""
    return name in _GROUP_WORD_SET or _GROUP_SHAPE.fullmatch(name) is not None


# A sponsor's programme word without its member's number ("the KEYNOTE trials", "the
# DESTINY-Breast trials"): the programme runs trials and names none (``_FAMILIES`` reads members).
_PROGRAMME_WORD = re.compile(
    r"KEYNOTE|CheckMate|CHECKMATE|MONALEESA|PALOMA|IMpassion|IMPASSION|MONARCH|TROPiCS|TROPICS|"
    r"DESTINY-[A-Z][A-Za-z]*|LUX-Breast"
)


def _programme_name(name: str) -> bool:
    """Whether ``name`` is a sponsor's programme word alone (see ``_PROGRAMME_WORD``)."""
    return _PROGRAMME_WORD.fullmatch(name) is not None


def _acronym_name(name: str) -> bool:
    """Whether ``name`` looks like a trial's acronym: in capitals (``_title_name``) or in mixed
    case with capitals inside, and no common acronym, subtype, group's name, drug code or drug
    abbreviation ("HER2-low", "JCOG", "DS-8201a", "TCHP")."""
    if (
        name in NOT_TRIAL_NAMES
        or _group_name(name)
        or name.startswith(("HER2", "ERBB2", "NCT"))
        or _DRUG_CODE.fullmatch(name) is not None
        or _NOT_A_NAME.fullmatch(name) is not None
        or _PREFIXED_OR_PLURAL_ACRONYM.fullmatch(name) is not None
        or is_sponsor_code(name)
        or _drug_abbreviation(name)
    ):
        return False
    return _title_name(name) or (
        sum(c.isupper() for c in name) >= 2 and _INNER_CAPITAL.search(name) is not None
    )


def _drug_abbreviation(name: str) -> bool:
    """Whether the drug lexicon reads ``name`` as a drug or regimen ("TCHP", "T-DM1")."""
    drugs = load_lexicons().drugs
    return name in drugs.exact_of or name.lower() in drugs.canonical_of


def _bracketed_name(name: str) -> bool:
    """A name in capitals (``_title_name``) in a bracket after "trial"/"study" that is no
    sponsor's drug code: "a phase I study (MCLA-128)" names the drug it studies (a trial lexicon
    name is read by the lexicon scan)."""
    return _title_name(name) and not is_sponsor_code(name)


_CAPITALS_RUN = re.compile(r"[A-Z]{4}")


def _numbered_common_acronym(name: str) -> bool:
    """A common acronym with an edition, version or class number ("CTCAE-5", "RECIST-1",
    round 78a: "NYHA-II"; review of 78a: any part before a class, "AJCC-TNM-III"): no trial."""
    stem, _, number = name.rpartition("-")
    if number.isdigit():
        return stem in NOT_TRIAL_NAMES
    roman = _ROMAN.fullmatch(number) is not None
    return roman and (stem in NOT_TRIAL_NAMES or not NOT_TRIAL_NAMES.isdisjoint(stem.split("-")))


_ROMAN = re.compile(r"[IVX]{1,4}")
# Round 78a: capital parts joined by hyphens and closing with a Roman numeral ("WSG-TP-II"): a
# name whose capital runs are all shorter than ``_CAPITALS_RUN``'s four. Three parts at least
# ("NYHA-II", "FIGO-III": a scale's class or a stage).
_CAPITAL_PARTS_NUMERAL = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})+-[IVX]{1,4}")


def _title_name(name: str) -> bool:
    """A name in capitals (a run of four or more, no lower case) that is not a common acronym,
    nor a counted word with its number ("COHORT 2", ``_COUNTED_WORDS``)."""
    return (
        name not in NOT_TRIAL_NAMES
        and name.partition(" ")[0] not in _COUNTED_WORDS
        and name.partition(" ")[0] not in NOT_TRIAL_NAMES
        and not any(c.islower() for c in name)
        and (
            _CAPITALS_RUN.search(name) is not None
            or _CAPITAL_PARTS_NUMERAL.fullmatch(name) is not None
        )
        and _NOT_A_NAME.fullmatch(name) is None
        and not _numbered_common_acronym(name)
    )


# Words in capitals a number follows after a space that count parts of one study, not trials.
_COUNTED_WORDS = frozenset(
    {"COHORT", "PART", "ARM", "STAGE", "GRADE", "PHASE", "GROUP", "LEVEL", "STEP", "CYCLE", "DOSE"}
    # ... and words a number classifies ("TRIAL 2", "CLASS 2": review of round 58b)
    | {"TRIAL", "STUDY", "CLASS", "TYPE"}
)


def _coined_mixed_case(name: str) -> bool:
    """Whether ``name`` is a coined name in mixed case ("PeRiDoT", "NeoSTAR", "TyTAN"): letters
    and digits only, two capitals or more, one after a lower-case letter, no plural/prefixed
    acronym ("ADCs", "mCRC")."""
    return (
        name.isalnum()
        and sum(c.isupper() for c in name) >= 2
        and _INNER_CAPITAL.search(name) is not None
        and _PREFIXED_OR_PLURAL_ACRONYM.fullmatch(name) is None
    )


_DRUG_CODE = re.compile(r"[A-Z]{1,3}-?\d+[a-z]?")  # "DS-8201a"


def _context_name(name: str) -> bool:
    """Whether a name the context calls a trial is one: two capitals or more, four characters
    or more, no common acronym, registry id, drug code or drug the lexicon names ("the T-DM1
    trial" is a trial of that drug, not its name)."""
    return (
        sum(c.isupper() for c in name) >= 2
        and len(name) >= 4
        and name not in NOT_TRIAL_NAMES
        and not name.startswith("NCT")
        and not _numbered_common_acronym(name)
        and _DRUG_CODE.fullmatch(name) is None
        and _NOT_A_NAME.fullmatch(name) is None
        and not _drug_abbreviation(name)
    )


# A sponsor's study number: one to three capitals, then five or six digits, no hyphen ("M77001",
# "EGF30008", "BO17929"). Drug codes are hyphenated or have fewer digits ("DS-8201a", "SYD985").
_STUDY_NUMBER = re.compile(r"[A-Z]{1,3}\d{5,6}[a-z]?")


def _study_number(name: str) -> bool:
    """Whether ``name`` is shaped like a sponsor's study number. Where the text itself calls it
    a trial or study ("the M77001 study group"), it names the trial, though it has one capital
    and reads like a drug code."""
    return _STUDY_NUMBER.fullmatch(name) is not None


# Other sponsors' protocol numbers: Genentech's end in "g" ("TDM4450g", "H0648g"), Daiichi
# Sankyo's add the study's phase and region ("DS8201-A-J101", "DS8201-A-U201"), RemeGen's a
# letter and the study's number to the drug's code ("RC48-C006", "RC48-C012"), Eisai's (round
# 74a) the study's three digits alone ("E7389-301"), Henlius's (round 84b) an indication tag and
# the study's three digits ("HLX22-GC-201"). A cooperative group's trial number, its
# group left out ("the E2198 trial", "the N9831 study"): one capital and four digits.
_PROTOCOL_NUMBER = re.compile(
    r"[A-Z]{1,3}\d{4}g|[A-Z]{1,4}\d{3,6}-[A-Z]-[A-Z]\d{3}|[A-Z]{1,4}\d{2,6}-[A-Z]?\d{3}|[A-Z]\d{4}|"
    r"[A-Z]{1,4}\d{2,6}-[A-Z]{2,3}-\d{3}"
)


def _protocol_number(name: str) -> bool:
    """A sponsor's study or protocol number (``_study_number`` or ``_PROTOCOL_NUMBER``): where
    the text calls it a trial or study, it names the trial ("the phase III BO17929 trial", "the
    TDM4450g study"), though it reads like a drug code."""
    return _study_number(name) or _PROTOCOL_NUMBER.fullmatch(name) is not None


# A cooperative group's lettered trial number without its group ("the B-31 trial"): NSABP's
# breast protocols are "B-" and two digits (the other groups' numbers are ``_PROTOCOL_NUMBER``'s
# "N9831", "E2198"). Any other letter is no breast trial's number: "the C-30 study
# questionnaire" (EORTC QLQ-C30), "the K-12 trial". Read only where the text calls it a trial or
# study (the group's name before it is ``_FAMILIES``'s reading).
_GROUP_TRIAL_NUMBER = re.compile(r"B-\d{2}")


def _group_trial_number(name: str) -> bool:
    """Whether a name the context calls a trial is a group's lettered number ("B-31")."""
    return _GROUP_TRIAL_NUMBER.fullmatch(name) is not None


# Round 64c: a cooperative group's study number as the groups write it, read alone where no
# "trial"/"study" calls it one ("S1613 randomised ...", "In E2198, ..."): ECOG's, NCCTG's,
# SWOG's and ACOSOG's letter and four digits, ECOG-ACRIN's "EA" and four, the Alliance's "A"
# and six, NSABP's "B-" and two. Other letters are cell-line or other codes ("H1975", "C1234").
_GROUP_STUDY_NUMBER = re.compile(r"[ENSZ]\d{4}|EA\d{4}|A\d{6}|B-\d{2}")


def _group_study_number(name: str) -> bool:
    """Whether ``name`` is shaped like a group's study number (``_GROUP_STUDY_NUMBER``)."""
    return _GROUP_STUDY_NUMBER.fullmatch(name) is not None


def _trial_number(name: str) -> bool:
    """A sponsor's protocol number or a group's lettered number (``_protocol_number``,
    ``_group_trial_number``): the names that read like codes but name a trial where the text
    calls them one ("the phase III B-31 trial", "the N9831 and B-31 trials")."""
    return _protocol_number(name) or _group_trial_number(name)


def _numbered_name(name: str) -> bool:
    """A ``_context_name`` that ends in its number ("ACE-Breast-01"; not "HER2-positive")."""
    return name[-1].isdigit() and _context_name(name)


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` (two capitals or more, no common acronym) takes its letters and digits
    from ``name`` in order, starting with its first."""
    if short == name or sum(c.isupper() for c in short) < 2 or short in NOT_TRIAL_NAMES:
        return False
    letters = [c for c in short.lower() if c.isalnum()]
    # (the letters in order, the first one the name's first character)
    return letters_in_order(letters, name.lower(), _at_first) == 0


def _at_first(i: int) -> bool:
    """``first_ok`` of ``letters_in_order`` for ``_abbreviates``: a short form of a trial's
    name starts with the name's first character, not just with a word of it."""
    return i == 0


def span_hit(m: re.Match[str], g: int = 1) -> Hit:
    """The trial hit of group ``g`` of ``m``, as written (name and canonical alike)."""
    return Hit("trial", m.start(g), m.end(g), m.group(g), m.group(g), [], "rules")
