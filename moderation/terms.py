"""Word lists the rules use, kept as data.

`RuleConfig.defaults()` is what runs with no database. In phase 2 the lists come from admin-editable
rows (review.models.Term, one row per word with a `kind` from TERM_KINDS) through
`RuleConfig.from_terms()`. Rules receive a RuleConfig; none of them reads this module's constants.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import cached_property

from moderation.patterns import ci
from moderation.triggers import trie_regex

# kind (Term.kind) -> (RuleConfig field, help text for the admin)
TERM_KINDS = {
    "brand": ("brands", "A supplement brand or seller. Named with selling language, it is a product plug."),
    "product": ("products", "A branded product name, e.g. “Magnesium 7”."),
    "puffery": ("puffery", "A word that sells on its own (miracle, breakthrough, guaranteed...)."),
    "superlative": ("superlatives", "A superlative that sells when it describes a product (best, optimal...)."),
    "disease": ("disease_terms", "A disease or condition: cure/treat/prevent... with it is a disease claim."),
    "implied_disease": ("implied_disease", "A phrase implying a drug-like effect, e.g. “nature's antidepressant”."),
    "disclosure": ("disclosures", "Wording that discloses a material connection (affiliate, sponsored...)."),
    "source_site": ("source_sites", "A repository named as a source in pasted text, e.g. “PubMed Central”."),
}


def _alternation(terms: Iterable[str], *, lower: bool = True) -> str:
    cleaned = {t.strip().lower() if lower else t.strip() for t in terms if t and t.strip()}
    return trie_regex(cleaned)


def _terms_re(terms: Iterable[str]) -> re.Pattern | None:
    """Whole words or phrases, any case; a trie-shaped alternation (see triggers.trie_regex)."""
    body = _alternation(terms)
    if not body:
        return None
    return ci(rf"(?<![\w-])(?:{body})(?![\w-])")


@dataclass(frozen=True)
class RuleConfig:
    brands: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    puffery: tuple[str, ...] = ()
    superlatives: tuple[str, ...] = ()
    disease_terms: tuple[str, ...] = ()
    implied_disease: tuple[str, ...] = ()
    disclosures: tuple[str, ...] = ()
    source_sites: tuple[str, ...] = ()
    repeated_plug_threshold: int = 3

    @classmethod
    def defaults(cls) -> "RuleConfig":
        return _DEFAULTS

    @classmethod
    def from_terms(cls, terms: Mapping[str, Iterable[str]], **options) -> "RuleConfig":
        """Build from {kind: [values]} (kinds as in TERM_KINDS). A kind with no entries keeps its
        default list, so adding one brand in the admin does not empty the disease vocabulary.
        Unknown kinds are ignored."""
        values = {}
        for kind, words in terms.items():
            if kind in TERM_KINDS:
                cleaned = tuple(dict.fromkeys(w.strip() for w in words if w and w.strip()))
                if cleaned:
                    values[TERM_KINDS[kind][0]] = cleaned
        base = cls.defaults()
        kwargs = {f.name: values.get(f.name, getattr(base, f.name)) for f in fields(cls)}
        kwargs.update(options)
        return cls(**kwargs)

    def extended(self, **extra: Iterable[str]) -> "RuleConfig":
        """A copy with words added to the named lists: config.extended(products=["NervaCalm"])."""
        kwargs = {f.name: getattr(self, f.name) for f in fields(self)}
        for name, words in extra.items():
            kwargs[name] = tuple(dict.fromkeys((*kwargs[name], *words)))
        return type(self)(**kwargs)

    # Compiled once per config (cached on the instance; a frozen dataclass allows it).

    @cached_property
    def product_re(self) -> re.Pattern | None:
        """Known brands and products. Multi-word names match in any case; a one-word name only as
        written, so a brand called "Calm" does not fire on "calm"."""
        names = (*self.brands, *self.products)
        multi = [n for n in names if " " in n.strip() or any(c.isdigit() for c in n)]
        single = [n for n in names if n not in multi]
        parts = []
        if multi:
            parts.append(f"(?i:{_alternation(multi)})")
        if single:
            parts.append(_alternation(single, lower=False))
        if not parts:
            return None
        return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])")

    @cached_property
    def puffery_re(self) -> re.Pattern | None:
        return _terms_re(self.puffery)

    @cached_property
    def superlative_re(self) -> re.Pattern | None:
        return _terms_re(self.superlatives)

    @cached_property
    def disease_re(self) -> re.Pattern | None:
        return _terms_re(self.disease_terms)

    @cached_property
    def implied_re(self) -> re.Pattern | None:
        return _terms_re(self.implied_disease)

    @cached_property
    def disclosure_re(self) -> re.Pattern | None:
        return _terms_re(self.disclosures)

    @cached_property
    def source_site_re(self) -> re.Pattern | None:
        return _terms_re(self.source_sites)


_DEFAULTS = RuleConfig(
    brands=(),
    # A demo entry: the brand plugged in shared/seeds/001. Real lists are kept in the admin.
    products=("Magnesium 7",),
    puffery=(
        "miracle", "miraculous", "revolutionary", "breakthrough", "guaranteed", "guarantee", "cutting-edge",
        "world-class", "game-changer", "game changer", "game-changing", "life-changing", "unbeatable",
        "unrivaled", "unrivalled", "magic bullet", "wonder supplement", "wonder mineral", "#1", "number one",
        "secret weapon", "holy grail", "must-have", "second to none", "like no other", "best-in-class",
        "award-winning", "second-rate", "second rate", "class-leading", "industry-leading", "market-leading",
    ),
    superlatives=(
        "best", "the best", "optimal", "ultimate", "superior", "perfect", "finest", "top", "top-rated",
        "premium", "most effective", "most powerful", "ideal", "unmatched", "leading", "powerful",
        "high-quality", "highest-quality", "highest quality", "best-selling", "best selling", "state-of-the-art",
    ),
    disease_terms=(
        # Nerve conditions
        "neuropathy", "neuropathies", "polyneuropathy", "diabetic neuropathy", "peripheral neuropathy",
        "nerve damage", "nerve injury", "nerve injuries", "nerve pain", "neuropathic pain", "nerve disease",
        "nerve disorders", "nerve issues", "nerve problems", "sciatica", "carpal tunnel syndrome",
        "existing damage", "damaged nerves",
        # Metabolic, heart and blood vessels
        "diabetes", "type 2 diabetes", "prediabetes", "insulin resistance", "metabolic syndrome",
        "high blood pressure", "hypertension", "heart disease", "cardiovascular disease", "heart attack",
        "heart attacks", "stroke", "strokes", "arrhythmia", "arrhythmias", "atrial fibrillation",
        "atherosclerosis", "high cholesterol", "cholesterol", "blood clots", "chronic venous insufficiency",
        "varicose veins", "preeclampsia", "pre-eclampsia", "eclampsia",
        # Brain and mood
        "migraine", "migraines", "migraine headaches", "cluster headaches", "depression", "major depression",
        "anxiety disorder", "anxiety disorders", "panic attacks", "panic disorder", "insomnia", "adhd",
        "alzheimer's", "alzheimer’s", "alzheimer's disease", "dementia", "parkinson's", "parkinson’s",
        "epilepsy", "seizures", "multiple sclerosis", "autism", "bipolar disorder", "ptsd",
        # Muscles, bones, joints and others
        "restless legs syndrome", "restless leg syndrome", "rls", "fibromyalgia", "chronic fatigue syndrome",
        "osteoporosis", "osteopenia", "arthritis", "rheumatoid arthritis", "gout", "asthma", "cancer",
        "cancers", "tumor", "tumors", "tumour", "kidney stones", "kidney disease", "chronic constipation",
        "ibs", "irritable bowel syndrome", "tinnitus", "hearing loss", "glaucoma", "obesity", "osteoarthritis",
        "eczema", "psoriasis", "dermatitis", "acne", "tumours", "ulcers", "stomach ulcers", "peptic ulcers",
        "irregular heart rhythm", "irregular heart rhythms", "irregular heartbeat", "irregular heartbeats",
        "arterial plaque", "clogged arteries", "tension headaches", "tension headache", "chronic headaches",
        "arthritic joints", "arthritic", "gouty", "gouty joints", "asthmatic", "pms", "premenstrual syndrome", "pmdd",
        "sleep apnoea", "sleep apnea", "hay fever", "pcos", "polycystic ovary syndrome", "postnatal depression",
        "postpartum depression", "sciatic nerves", "numb feet",
        "disease", "diseases", "illness", "illnesses", "disorder", "disorders",
    ),
    implied_disease=(
        "nature's antidepressant", "nature’s antidepressant", "natural antidepressant", "nature's valium",
        "nature’s valium", "natural valium", "nature's xanax", "nature’s xanax", "natural xanax",
        "natural statin", "nature's statin", "nature’s statin", "natural blood thinner", "natural painkiller",
        "nature's painkiller", "nature’s painkiller", "natural beta blocker", "natural beta-blocker",
        "natural insulin", "natural tranquilizer", "natural tranquillizer", "natural sleeping pill",
        "natural ibuprofen", "natural aspirin", "natural gabapentin", "natural sedative",
        "natural antihypertensive",
    ),
    disclosures=(
        "affiliate link", "affiliate links", "affiliate commission", "we may earn", "we earn a commission",
        "earns a commission", "earn a small commission", "commission from", "sponsored by", "sponsored post",
        "paid partnership", "paid promotion", "paid endorsement", "was paid", "is paid by", "received free product",
        "received a free", "provided free of charge", "compensated", "consultant for", "consults for",
        "employed by", "is an employee", "owns shares", "disclosure:", "material connection",
    ),
    source_sites=(
        "pubmed central", "pubmed", "cochrane library", "cochrane review", "medlineplus",
        "nih office of dietary supplements", "office of dietary supplements", "ods fact sheet",
    ),
)
