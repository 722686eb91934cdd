"""Selling language and product-like names: calls to buy, coupons and discount codes, and
capitalized names that look like products ("NeuroMag", "Calmix™").

Read by the promotional rules and by disease matching (a claim made in a sentence that sells, or
about a product-like name, is claimed for the product), so it lives here rather than in
rules/promotional.py. The trigger stems stay beside the patterns they gate (triggers.py).
"""

import re

from moderation import triggers
from moderation.patterns import ci

CALL_TO_BUY_RE = ci(
    r"\b(?:buy (?:it |one |yours |some )?(?:now|today|here|online)|buy now|order (?:now|today|yours|here|online)"
    r"|shop (?:now|today|here|our)|add to (?:cart|basket)|get yours|grab (?:yours|a bottle|your bottle)"
    r"|(?:click|tap) (?:here|the link|this link|the button|below)(?: below| above)? to (?:buy|order|shop|get|try|claim"
    r"|save|grab|redeem)|available (?:now )?(?:at|on|from) (?:our|amazon)"
    r"|exclusive (?:deal|offer|discount|price|savings)|(?:claim|redeem) (?:your|the|this) (?:deal|offer|discount|code)"
    r"|visit our (?:store|shop)|limited[- ]time (?:offer|deal|only)|while supplies last|subscribe (?:&|and) save"
    r"|free shipping|money[- ]back guarantee|risk[- ]free trial|try it (?:today|now|risk[- ]free)|stock up"
    r"|don['’]t miss out|act now"
    # Shopping idioms: "snag one", "treat yourself to a bottle", "put it in your basket", "ships free".
    r"|snag (?:yours|one|it|some|a|an|the|this)|swipe up|link in (?:my |our |the )?(?:bio|description)"
    r"|treat yourself to (?:a |an |some |the )?(?:bottle|tub|jar|pack|box|bag|supply|subscription|tin)"
    r"|(?:put|pop|add|throw|pop it|put it|add it|add one)\s+(?:it\s+|one\s+|this\s+|them\s+)?(?:in(?:to)?|to) your"
    r" (?:basket|cart|bag|trolley|order)"
    r"|sign up for (?:a |an |the |our |your )?(?:[\w-]+ )?subscription|subscription and save|subscribe (?:now|today)"
    r"|ships? (?:for )?free|free (?:delivery|postage|p&p)|(?:bundle|sale|launch|introductory|intro|member) price"
    r"|while (?:the )?(?:price|prices|offer|deal|stock|stocks|bundle price|sale) lasts?|at checkout"
    r"|flying off the shelves|selling out fast|don['’]t settle for"
    # "Upgrade to PureCalm Elite", "hit the button below to unlock bundle pricing", "now at all good chemists",
    # "at $19.99 it's a steal", "more for your money"
    r"|upgrade to (?:our|the new)|(?:hit|press|tap|click) the (?:button|link)(?: below| above)? to \w+"
    r"|(?:bundle|sale|launch|introductory|intro|member|special|discount) pric(?:e|es|ing)"
    r"|(?:now |available )*(?:at|from|in) (?:all good|your local|leading|selected|most) (?:chemists|pharmacies"
    r"|pharmacists|retailers|stores|shops|health food (?:shops|stores)|supermarkets)"
    r"|(?:it['’]s|is|what) a steal|(?:more|great|best) (?:value )?for (?:your|the) money|bang for (?:your|the) buck"
    r"|worth every (?:penny|cent)|(?:at|for|only|just) (?:[$£€]|us\$)\d+(?:\.\d{2})?"
    # "pick up a tub of", "buy it!", "don't wait", scarcity: "only a few hundred bottles remain", "limited-edition"
    r"|pick up (?:a|an|your|some) (?:tub|bottle|jar|pack|box|bag|tin|packet)|buy (?:it|one|yours|some|them)(?=\s*!)"
    r"|don['’]t wait|limited[- ]edition|once (?:they['’]re|it['’]s|these are) gone|back in stock|restocked"
    r"|(?:lowest|best|cheapest) price(?:s)? (?:ever|of the year|online)"
    r"|only (?:a few|a handful of|\d+|[\w-]+ hundred) (?:\w+ )?(?:bottles|tubs|jars|packs|units|boxes) (?:left|remain)"
    r"|our (?:own |in-house )?(?:formula|product|supplement|blend|capsules|tablets|gummies|softgels|powder|range"
    r"|brand|store|shop))\b",
)
# The few calls to buy that need a capital: the product named after "snag" or "upgrade to", and the
# publisher's own named product ("our Deep Rest blend"). Apart, so the rest runs case-insensitively
# on lowercased text (patterns.ci).
CALL_TO_BUY_CASED_RE = re.compile(
    r"\b(?i:snag|upgrade to) (?=[A-Z])"
    r"|\b(?i:our (?:own |in-house )?)(?:[A-Z][\w-]*\s+){1,3}(?i:formula|product|supplement|blend|capsules|tablets"
    r"|gummies|softgels|powder|range|brand|store|shop)\b"
)
CALL_TO_BUY = triggers.define("call_to_buy", [
    "buy", "order", "shop", "add", "cart", "basket", "yours", "grab", "click", "tap", "available", "visit", "limited",
    "supplies", "subscribe", "shipping", "money", "risk", "try", "stock", "miss", "act", "our", "exclusive", "claim",
    # Each shopping idiom below has a word of its own here (a common word would send most
    # sentences through the pattern).
    "redeem", "snag", "swipe", "link in", "yourself", "trolley", "bag", "subscri", "ship", "delivery", "postage",
    "p&p", "price", "offer", "deal", "sale", "checkout", "flying", "selling", "settle", "upgrade", "hit", "press",
    "pricing", "chemist", "pharmac", "retailer", "steal", "money", "bang", "penny", "cent", "$", "£", "€", "us$",
    "pick up", "wait", "edition", "gone", "remain", "left", "back in", "restock", "lowest", "cheapest",
])
COUPON = triggers.define("coupon", ["coupon", "promo", "discount", "voucher", "code", "checkout", "off", "save", "use"])
COUPON_RE = ci(
    r"\b(?:(?:coupon|promo|promotional|discount|voucher)\s+code|use (?:the )?code|checkout code"
    r"|\d{1,2}\s?%\s+off|\$\d+\s+off)\b|\bsave\s+(?:\d{1,2}\s?%|\$\d+)",
)
# A code (capitals and digits) given with "code" before it or "at checkout" after it.
CODE_TOKEN_RE = re.compile(
    r"\bcode:?\s+[A-Z][A-Z0-9]{3,}\b|\b[A-Z]{3,}\d{1,3}\b(?=[^.!?]{0,30}\b(?i:at|during) (?i:checkout)\b)"
)
# Capitalized names that look like products: CamelCase, a trademark sign, a product suffix or a
# model number ("NeuroMag", "Calmix™", "MagPure Ultra", "Restore 360").
CANDIDATE_RE = re.compile(
    r"\b(?:[A-Z][a-z]+[A-Z][A-Za-z]+(?:\s+(?:[A-Z][a-z]+|\d+))?"
    r"|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*\s*[™®]"
    r"|(?:[A-Z][\w-]+\s+){1,2}(?:Plus|Pro|Max|Ultra|Complex|Forte|Formula|Blend|Advanced|Extra|Gold|Elite|Xtra|Rx"
    r"|Premium|Supreme|Prime|Complete|Recovery|Nightly|Night|Sleep|Calm|Relax|Daily|Active|Sport|Boost|Essentials"
    r"|Gummies)"
    # "... Mg", "... Mag", "... Magnesium", unless a form follows ("Pure Magnesium citrate" names no product)
    r"|(?:[A-Z][\w-]+\s+){1,2}(?:Mg|Mag|Magnesium)(?!\s+(?:[A-Za-z-]+ate|[Oo]xide|[Cc]hloride|[Hh]ydroxide)\b)"
    r"|[A-Z][a-z]+\s+\d{1,4}(?!\s*(?:mg|g|mcg|milligrams?|grams?|%|percent|years?|hours?|days?|weeks?|months?|"
    r"minutes?|times?|people|adults|patients|of|to|-|–|,\d))\b)[™®]?"
)


def calls_to_buy(text: str) -> list[re.Match]:
    """The calls to buy in `text`, in order."""
    found = list(CALL_TO_BUY_RE.finditer(text))
    low = text.lower()
    if "snag" in low or "upgrade" in low or "our " in low:
        found += CALL_TO_BUY_CASED_RE.finditer(text)
        found.sort(key=lambda m: m.start())
    return found


def sells(text: str) -> bool:
    """The sentence sells something: a call to buy or an offer (not merely a superlative, which also
    describes: "the most effective approach"). What it claims is claimed for the product on sale."""
    return bool(calls_to_buy(text) or COUPON_RE.search(text) or CODE_TOKEN_RE.search(text))
