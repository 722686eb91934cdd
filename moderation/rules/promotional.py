"""Promotional content: product plugs, puffery, calls to buy, coupons, affiliate links, endorsements.

FTC Endorsement Guides (16 CFR Part 255, disclosure of material connections in 255.5) and
Wikipedia MOS:PUFFERY. A product name alone is not promotion: a neutral or cited mention is fine.
Calls to buy, coupons and product-like names are detectors/selling.py, as disease matching reads
them too.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from moderation import triggers
from moderation.base import Hit
from moderation.citations import MD_LINK_RE, URL_RE
from moderation.detectors.selling import CALL_TO_BUY, CANDIDATE_RE, CODE_TOKEN_RE, COUPON, COUPON_RE, calls_to_buy
from moderation.document import Document, Sentence
from moderation.language import is_negated, is_rejected
from moderation.patterns import ci

# Words that turn a product mention into a pitch.
SELLING_RE = ci(
    r"\b(?:recommend\w*|endorse\w*|swear by|our (?:top )?pick|go-to|favou?rite|must-have|choose|choosing|try(?:ing)?"
    r"|buy(?:ing)?|order(?:ing)?|shop|grab|get yours|pick up|consider (?:taking|trying|using|adding)|look for"
    r"|provides?|providing|delivers?|supports?|supporting|helps?|works?|targets?|boosts?|improves?|enhances?"
    r"|effective(?:ly)?|formulated|designed to|amplif\w+|maximi[sz]\w+|optimal|ideal|excellent|great|perfect|smart"
    r"|superior|best|top|premium|quality|powerful|complete|full-spectrum|comprehensive|unique|proprietary"
    r"|(?:is|are|represents?) (?:an? |the )?(?:answer|solution|choice|option)|with its|trust|trusted"
    r"|the only|we use|we love|love|the natural way)\b|(?:^|[.:;!]\s*)(?:take|use|pop|add)\b",
)
STRONG_SELLING_RE = ci(
    r"\b(?:recommend\w*|endorse\w*|swear by|our (?:top )?pick|go-to|must-have|buy|order|shop|grab|get yours"
    r"|try it|choose|(?:optimal|best|ideal|smart|obvious|right|perfect|clear|natural|only) choice|the one to beat"
    r"|the answer|the solution|best|ultimate|superior"
    r"|unbeatable|top-rated|premium|#1|number one|miracle|revolutionary|breakthrough|guaranteed|finest|unmatched"
    r"|(?:the )?most (?:effective|powerful|potent|advanced|complete|trusted)|exclusive (?:deal|offer|discount|price)"
    r"|the only [\w-]+ (?:I['’]d|we['’]d) (?:hand|give|recommend|prescribe|trust|take|use)"
    r"|the only [\w-]+ (?:she|he|they) (?:lets?|gives?|trusts?|recommends?|uses?|allows?)"
    # an endorser crediting the product, or telling others to take it
    r"|credits? [\w\s-]{1,40}? with|(?:tells?|told|urges?|urged) (?:every|all|each|any) (?:[\w-]+ ){0,2}?(?:athletes?"
    r"|patients?|clients?|customers?|readers?|members?|followers?|friends?|parents?|runners?|women|men|people) (?:who"
    r" [\w\s]{1,40}? )?to)\b",
)
STRONG_SELLING = triggers.define("strong_selling", [
    "recommend", "endorse", "swear", "pick", "go-to", "must", "buy", "order", "shop", "grab", "yours", "try", "choose",
    "optimal", "best", "ideal", "answer", "solution", "ultimate", "superior", "unbeatable", "top", "premium", "#1",
    "number", "miracle", "revolutionary", "breakthrough", "guarantee", "finest", "unmatched", "most", "exclusive",
    "i'd", "i’d", "we'd", "we’d", "choice", "credit", "tell", "told", "urge", "lets", "allows",
])
# Hype about what the product will do for the reader: "the calmest nights of your life".
LIFE_HYPE_RE = ci(r"\b(?:the\s+)?(?:best|\w{3,}est)\s+(?:[\w-]+\s+){0,2}?of your life\b|\byour \w+ self will thank you\b")
LIFE_HYPE = triggers.define("life_hype", ["life", "self"])
# Sales comparisons and testimonials that rank a product above the rest: "nothing else on the market
# comes close", "blew the rest out of the water", "the best thing I've bought", "hands down the most ...".
RANKING_RE = ci(
    r"\bnothing (?:else )?(?:on the market |out there |on the shelf |available )?(?:comes? close|compares|beats|matches"
    r"|touches)\b"
    r"|\bthe (?:last|only) [\w-]+ (?:you['’]ll|you will) ever need\b"
    r"|\b(?:outshines?|outshining|outperforms?|outperforming|outclass(?:es)?|outsells?|outselling|beats?|trounces?)"
    r" (?:(?:every|all|any)"
    r" (?:other|rival|competing|competitor)|everything else|all (?:the )?others|the rest|the competition)\b"
    r"|\b(?:blew|blows|blow|blowing) (?:the rest|the competition|all the others|every other [\w-]+|them all|its rivals)"
    r" (?:out of the water|away)\b"
    r"|\bsets? the gold standard\b|\b(?:undisputed|reigning) (?:king|queen|champion)\b"
    r"|\b(?:leagues|miles|streets|light years|years) ahead of\b|\bhead and shoulders above\b|\ba cut above\b"
    r"|\b(?:the )?(?:most [\w-]+|best|strongest|purest|finest) (?:[\w-]+ )?(?:on the market|money can buy|out there"
    r"|on the shel(?:f|ves)|in the shops?|going)\b"
    r"|\bhands down(?:[,.!]| the (?:best|most [\w-]+|greatest|finest))"
    r"|\bthe best (?:thing|purchase|buy|money|investment) (?:i|we)['’]ve (?:ever )?(?:bought|spent|made|tried|taken)\b"
    r"|\b(?:best|greatest|most amazing) (?:supplement|magnesium|product|thing) (?:i|we)['’]ve ever (?:taken|tried"
    r"|used|bought)\b",
)
RANKING = triggers.define("ranking", [
    "nothing", "outshin", "outperform", "outclass", "beat", "trounce", "blew", "blow", "gold", "undisputed",
    "reigning", "market", "money", "out there", "hands", "i've", "i’ve", "we've", "we’ve", "leagues", "miles",
    "streets", "light years", "years ahead", "head and", "cut above", "shelf", "shelves", "shop", "going", "outsell",
    "ever need",
])
AFFILIATE_HREF_RE = ci(
    r"(?:[?&](?:tag|ref|aff|aff_id|affid|affiliate|affiliate_id|partner|partner_id|clickid|irclickid|subid|"
    r"ranMID|ranEAID)=|utm_(?:medium|source)=affiliate|amzn\.to|shareasale|clickbank|hop\.clickbank|awin1|"
    r"linksynergy|go\.skimresources|anrdoezrs|jdoqocy|tkqlhce|dpbolvw|/go/|/recommends/|/refer/|rstyle\.me|"
    r"howl\.me|impact\.com|pntra\.com|avantlink)",
)
# "amzn.to/3mAgXyz", "amazon.co.uk/dp/B0...?tag=site-21": affiliate links written without "https://".
BARE_AFFILIATE_RE = ci(r"(?<![\w/.])(?:amzn\.to|amazon\.[a-z.]+)/[^\s<>()\[\]\"'“”]+")
ENDORSER_RE = re.compile(
    r"\b(?:Dr\.?\s+[A-Z][a-z]+|Doctor\s+[A-Z][a-z]+|[A-Z][a-z]+,?\s+(?:MD|M\.D\.|ND|N\.D\.|RD|RDN|PhD|Ph\.D\.|DO|DC|"
    r"PharmD|NP|RN|CNS)\b|(?:physician|naturopath(?:ic physician)?|nutritionist|dietitian|pharmacist|doctor|expert|"
    r"neurologist|cardiologist|specialist|professor|scientist|researcher|athlete|coach|trainer|customer|reviewer"
    r"|chiropractor|founder|celebrity|influencer|rower|runner|cyclist|swimmer|olympian|champion|footballer|player|star"
    r"|gp)s?\b)"
)
ENDORSE_VERB_RE = ci(
    r"\b(?:recommend\w*|endorse\w*|swear by|trust|prescribe\w*|advis\w+ (?:taking|using|trying)"
    r"|suggest\w* (?:taking|trying|using)|my (?:go-to|favou?rite|pick)|I (?:use|take|love|rely on|personally)"
    r"|I['’]m excited to|the (?:only|one) [\w-]+ (?:I['’]d|I would|we['’]d) (?:hand|give|recommend|prescribe|trust|take|use)"
    r"|credits? [\w\s-]{1,40}? with|(?:tells?|told|urges?|urged) (?:every|all|each|any) (?:[\w-]+ ){0,2}?(?:athletes?"
    r"|patients?|clients?|customers?|readers?|members?|followers?|friends?|mums?|moms?|parents?|runners?|women|men"
    r"|people)\b"
    r"|(?:tells?|told|telling|urges?|urged|encourages?|encouraged|gets?|got|puts?|put|advises?|advised|starts?|started)"
    r" (?:all |most |many |every one of )?(?:of )?(?:her|his|my|their|our) (?:own )?(?:clients|patients|customers"
    r"|athletes|readers|members|followers|family|friends))\b",
)
FIRST_PERSON_RE = re.compile(r"\b(?:I|my|I['’]m|I['’]ve)\b")
CANDIDATE_EXCLUDE = frozenset({
    "type", "table", "figure", "fig", "step", "day", "week", "month", "phase", "vitamin", "omega", "stage", "chapter",
    "section", "part", "level", "grade", "class", "group", "study", "trial", "question", "page", "item", "tip",
    "reason", "option", "number", "no", "covid", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "mon", "version", "volume", "issue", "article",
    "appendix", "box", "list", "rule", "top", "the", "in", "on", "at", "by", "for", "of", "and", "or", "since", "from",
    "magnesium", "pubmed", "youtube", "iphone", "mcdonald", "macdonald", "ipad", "linkedin", "nutrients", "plos",
    "frontiers", "jama", "lancet", "bmj", "cochrane", "medline", "medlineplus", "pubmedcentral", "webmd",
    "healthline", "take", "taking", "took", "about", "around", "over", "under", "only", "up", "just", "after", "before",
    "every", "each", "with", "nearly", "almost", "roughly", "approximately", "adults", "children", "women", "men",
    "aged", "ages", "age", "between", "than", "all", "these", "those", "some", "most", "many", "here", "there", "use",
    "add", "try", "start", "aim", "within", "during", "per", "lasting", "until", "if", "when", "while", "as",
    "is", "are", "was", "were", "be", "it", "its", "this", "that", "we", "you", "our", "your", "their", "he", "she",
    "they", "mg", "dose", "doses", "patients", "participants", "people", "subjects", "reference", "references",
    "source", "sources", "note", "notes", "covid-19", "pmid", "pmc", "doi", "isbn", "grades", "adult", "child",
})
COPULA_BEFORE_RE = ci(r"\b(?:is|are|was|were|be|seems?|looks?)\s+(?:\w+ly\s+)?$")
# A superlative followed, within three words, by a product noun: "the best magnesium supplement".
SUPERLATIVE_NOUN_RE = ci(
    r"[\s,]*(?:[\w-]+[\s,]+){0,3}?(?:supplements?|products?|formulas?|formulations?|brands?|choices?|options?"
    r"|solutions?|blends?|picks?|capsules?|tablets?|buys?|purchases?|gummies|powders?|softgels?)\b"
    r"|[\s,]*(?:[\w-]+[\s,]+){0,2}?magnesium(?=\s*(?:[.!,;]|$))",
)


@dataclass(frozen=True)
class Mention:
    name: str
    start: int
    end: int
    sentence: Sentence
    known: bool
    selling: bool  # selling language in the sentence
    strong: bool  # strong selling language (enough for a name the config does not know)


def _candidate_ok(doc: Document, name: str) -> bool:
    first = name.split()[0].strip("™®").lower()
    if first in CANDIDATE_EXCLUDE:
        return False
    bare = name.strip("™® ").lower()
    return not (doc.reference.form_re.fullmatch(bare) or doc.reference.food_re.fullmatch(bare))


LEADING_VERBS = frozenset({"order", "buy", "get", "grab", "choose", "pick", "meet", "discover", "introducing", "shop",
                           "switch", "love", "need"})


def _trim_leading(start: int, name: str) -> tuple[int, str]:
    """ "Try VitaMag Max" -> "VitaMag Max": a capitalized verb or function word at the start of a
    sentence is not part of the product name, when what follows is still product-like."""
    words = name.split(" ")
    cut = 0
    while len(words) > 1 and (words[0].lower() in LEADING_VERBS or words[0].lower() in CANDIDATE_EXCLUDE):
        cut += len(words[0]) + 1
        words = words[1:]
    rest = name[cut:]
    if cut and CANDIDATE_RE.fullmatch(rest):
        return start + cut, rest
    return start, name


def product_mentions(doc: Document) -> list[Mention]:
    """Known brand/product names, and product-like capitalized names, in prose sentences."""

    def compute(doc: Document) -> list[Mention]:
        out = []
        known_re = doc.config.product_re
        known_in = {s.index for s in doc.triggered("cfg:products")}
        # An unknown name only counts next to strong selling language: look for names only there.
        selling_in = {s.index for s in doc.triggered(STRONG_SELLING, CALL_TO_BUY, "cfg:puffery", "cfg:superlatives")}
        for index in sorted(known_in | selling_in):
            sentence = doc.sentences[index]
            if sentence.in_reference_list:
                continue
            text = sentence.text
            if index not in known_in and not CANDIDATE_RE.search(text):
                continue  # strong selling words, but no product-like name to sell
            call = bool(calls_to_buy(text))
            strong = call or bool(STRONG_SELLING_RE.search(text))
            selling = strong or bool(SELLING_RE.search(text))
            taken = []
            if known_re is not None and index in known_in:
                for m in known_re.finditer(text):
                    taken.append((m.start(), m.end()))
                    out.append(Mention(m.group(0), sentence.start + m.start(), sentence.start + m.end(), sentence,
                                       True, selling, strong))
            for m in CANDIDATE_RE.finditer(text) if strong else ():
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                start, name = _trim_leading(m.start(), m.group(0).strip())
                if not _candidate_ok(doc, name):
                    continue
                out.append(Mention(name, sentence.start + start, sentence.start + start + len(name), sentence,
                                   False, selling, strong))
        return out

    return doc.memo("product_mentions", compute)


def product_plug(doc: Document) -> Iterator[Hit]:
    """A known brand or product named with selling language, in a sentence with no citation."""
    seen = set()
    for mention in product_mentions(doc):
        if (not mention.known or not mention.selling or doc.supported(mention.sentence)
                or mention.sentence.index in seen):
            continue
        seen.add(mention.sentence.index)
        yield Hit(
            mention.start, mention.end,
            f"“{mention.name}” is named with selling language. A branded product presented as the answer is a "
            "plug unless the connection is disclosed and the claim is supported.",
            "Remove the product name, or make the mention neutral and disclose any connection.",
        )


def unknown_product(doc: Document) -> Iterator[Hit]:
    """A product-like capitalized name ("NeuroMag Ultra", "Calmix™") next to strong selling language."""
    seen = set()
    for mention in product_mentions(doc):
        if mention.known or not mention.strong or doc.supported(mention.sentence) or mention.sentence.index in seen:
            continue
        seen.add(mention.sentence.index)
        yield Hit(
            mention.start, mention.end,
            f"“{mention.name}” looks like a product name, used with selling language.",
            "Remove the product name or the selling language; disclose any connection. If it is a brand, add it "
            "to the brand list so later scans recognise it.",
        )


def repeated_plug(doc: Document) -> Iterator[Hit]:
    """One article-level flag per product named again and again (outside cited sentences)."""
    counts: dict[str, list[Mention]] = {}
    for mention in product_mentions(doc):
        if doc.supported(mention.sentence):
            continue
        if mention.known or mention.strong:
            counts.setdefault(mention.name.lower(), []).append(mention)
    for mentions in counts.values():
        if len(mentions) >= doc.config.repeated_plug_threshold and any(m.selling for m in mentions):
            first = mentions[0]
            yield Hit(
                first.start, first.end,
                f"“{first.name}” is named {len(mentions)} times in this article. Repeated product mentions read "
                "as advertising.",
                "Name the product once at most, neutrally, with any connection disclosed.",
                key_text=first.name, article_level=True,
            )


def puffery(doc: Document) -> Iterator[Hit]:
    """Words that sell ("miracle", "breakthrough") and superlatives applied to a product or choice."""
    cfg = doc.config
    for sentence in doc.triggered("cfg:puffery"):
        text = sentence.text
        if cfg.puffery_re is not None and not sentence.is_question:  # "So is magnesium a miracle? No."
            for m in cfg.puffery_re.finditer(text):
                if is_negated(text, m.start(), words=5) or doc.quote_at(sentence.start + m.start()):
                    continue
                yield Hit(
                    sentence.start + m.start(), sentence.start + m.end(),
                    f"“{text[m.start():m.end()]}” sells rather than describes.",
                    "Replace it with a specific, sourced statement, or remove it.",
                )
    for sentence in doc.triggered(LIFE_HYPE):
        for m in LIFE_HYPE_RE.finditer(sentence.text):
            if is_negated(sentence.text, m.start(), words=5) or doc.quote_at(sentence.start + m.start()):
                continue
            yield Hit(
                sentence.start + m.start(), sentence.start + m.end(),
                f"“{sentence.text[m.start():m.end()]}” sells rather than describes.",
                "Replace it with a specific, sourced statement, or remove it.",
            )
    for sentence in doc.triggered(RANKING):
        text = sentence.text
        for m in RANKING_RE.finditer(text) if not sentence.is_question else ():
            if is_negated(text, m.start(), words=5) or is_rejected(text, m.start()):
                continue
            yield Hit(
                sentence.start + m.start(), sentence.start + m.end(),
                f"“{text[m.start():m.end()]}” ranks a product above the rest: it sells rather than describes.",
                "Replace it with a specific, sourced comparison, or remove it.",
            )
    for sentence in doc.triggered("cfg:superlatives"):
        text = sentence.text
        if cfg.superlative_re is not None:
            for m in cfg.superlative_re.finditer(text):
                phrase = SUPERLATIVE_NOUN_RE.match(text, m.end())
                if not phrase or is_negated(text, m.start(), words=4):
                    continue
                if "," in phrase.group(0) and COPULA_BEFORE_RE.search(text[:m.start()]):
                    continue  # "a diet rich in magnesium is ideal, supplements ...": no noun phrase
                yield Hit(
                    sentence.start + m.start(), sentence.start + phrase.end(),
                    f"“{text[m.start():phrase.end()]}” is a sales superlative.",
                    "Say what the evidence shows instead (with a citation), or remove the superlative.",
                )


def call_to_buy(doc: Document) -> Iterator[Hit]:
    for sentence in doc.triggered(CALL_TO_BUY):
        for m in calls_to_buy(sentence.text):
            yield Hit(
                sentence.start + m.start(), sentence.start + m.end(),
                f"“{sentence.text[m.start():m.end()]}” is a call to buy or a pitch for the publisher's own product; editorial content "
                "does not sell.",
                "Remove the call to buy.",
            )


def coupon(doc: Document) -> Iterator[Hit]:
    for sentence in doc.triggered(COUPON):
        for pattern in (COUPON_RE, CODE_TOKEN_RE):
            for m in pattern.finditer(sentence.text):
                yield Hit(
                    sentence.start + m.start(), sentence.start + m.end(),
                    f"“{sentence.text[m.start():m.end()]}” is a discount offer.",
                    "Remove the coupon or discount code.",
                )


def _links(doc: Document) -> Iterator[tuple[int, int, str]]:
    for m in MD_LINK_RE.finditer(doc.text):
        yield m.start(), m.end(), m.group(2)
    for m in URL_RE.finditer(doc.text):
        yield m.start(), m.end(), m.group(0)
    for m in BARE_AFFILIATE_RE.finditer(doc.text) if "amzn" in doc.lower or "tag=" in doc.lower else ():
        yield m.start(), m.end(), m.group(0)
    for link in doc.links:
        yield link.start, link.end, link.href


def affiliate_link(doc: Document) -> Iterator[Hit]:
    """An affiliate-style link in an article that discloses no material connection."""
    if ("http" not in doc.lower and "](" not in doc.text and not doc.links) or doc.has_disclosure:
        return
    seen = set()
    for start, end, href in _links(doc):
        if start in seen or not AFFILIATE_HREF_RE.search(href):
            continue
        seen.add(start)
        yield Hit(
            start, end,
            "Affiliate-style link with no disclosure of the commission anywhere in the article.",
            "Disclose the connection clearly near the link (e.g. “We earn a commission from purchases made "
            "through this link”), or remove the link.",
        )


def endorsement(doc: Document) -> Iterator[Hit]:
    """An expert or user recommending a product, with no disclosed connection."""
    by_sentence: dict[int, Mention] = {}
    for mention in product_mentions(doc):
        if mention.known or mention.strong:
            by_sentence.setdefault(mention.sentence.index, mention)
    if not by_sentence or doc.has_disclosure:
        return
    for mention in by_sentence.values():
        sentence = mention.sentence
        verb = ENDORSE_VERB_RE.search(sentence.text)
        if not verb:
            continue
        previous = doc.previous(sentence)
        quoted = doc.quote_at(mention.start) is not None
        endorser = ENDORSER_RE.search(sentence.text) or (
            previous is not None and previous.paragraph >= sentence.paragraph - 1 and ENDORSER_RE.search(previous.text)
        )
        first_person = FIRST_PERSON_RE.search(sentence.text)
        if endorser or (quoted and first_person):
            yield Hit(
                sentence.start, sentence.end,
                f"An endorsement of “{mention.name}” with no disclosed connection (payment, free product, "
                "employment, affiliate link) between the endorser and the seller.",
                "Disclose the connection clearly next to the endorsement, or remove it.",
            )
