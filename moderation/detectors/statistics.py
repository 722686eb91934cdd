"""The statistic pattern: percentages, fractions and counts of people ("over half of adults",
"seven in ten"), with its trigger stems and cheap pre-check.

Read by the unsupported.statistic rule and by claims.py (a sentence stating a statistic is a
statistic claim), so it lives here rather than in either.
"""

import re

from moderation import triggers
from moderation.patterns import ci

_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMBER_WORDS = (rf"(?:{_TENS}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
                 r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one hundred|a hundred)")
_PCT = rf"(?:\d+(?:\.\d+)?\s?%|(?:\d+(?:\.\d+)?|{_NUMBER_WORDS})\s?(?:percent|per cent)\b)"
_QUANT = (r"(?:up to|over|more than|nearly|almost|about|around|approximately|roughly|at least|as many as|fewer than"
          r"|less than|only|some|just under|just over|close to|well over)")
_POP = (
    r"(?:people|persons|adults|americans|men|women|children|kids|teens|teenagers|adolescents|patients|diabetics"
    r"|individuals|participants|subjects|users|consumers|population|athletes|seniors|older adults|the elderly"
    r"|elderly people|us adults|u\.s\. adults|britons|europeans|canadians|australians|doctors|physicians"
    r"|pregnant women|cases|the world|of us|sufferers|those|customers|clients|readers|buyers|shoppers|members"
    r"|respondents|workers|employees|students|smokers|drinkers|runners|vegans|vegetarians|families|households"
    r"|[a-z]+-goers|exercisers|lifters|dieters|parents|mothers|fathers|nurses|teachers|retirees|pensioners|mums|moms"
    r"|dads|sportspeople|cyclists|swimmers|players|girls|boys|babies|infants|toddlers)"
)
_FRACTION = (
    r"(?:half|a third|one third|one-third|two thirds|two-thirds|a quarter|one quarter|one-quarter|three quarters|"
    r"three-quarters|a fifth|one fifth|the majority|a majority|the vast majority|a minority|millions|billions|"
    r"thousands|tens of thousands|hundreds of thousands|(?:\d+(?:\.\d+)?|a|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|several|many) (?:million|billion))"
)
_COUNT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
STATISTIC_RE = ci(
    rf"\b(?:{_QUANT}\s+)?{_PCT}\s+(?:of\s+)?(?:all\s+|the\s+|our\s+)?(?:[\w.-]+\s+){{0,2}}?{_POP}\b"
    rf"|\b(?:{_QUANT}\s+)?{_FRACTION}\s+(?:of\s+)?(?:all\s+|the\s+)?(?:[\w.-]+\s+){{0,2}}?{_POP}\b"
    rf"|\b{_COUNT_WORD}\s+(?:in|out of)\s+(?:every\s+)?{_COUNT_WORD}\s+(?:[\w.-]+\s+){{0,2}}?(?:{_POP}|[a-z]{{3,}}s)\b"
    rf"|\b(?:reduc\w*|cut|cuts|lower\w*|improv\w*|increas\w*|decreas\w*|drop\w*|boost\w*|rais\w*|fell|falls?|rose"
    rf"|slash\w*)\s+(?:[\w'’-]+\s+){{0,6}}?by\s+(?:{_QUANT}\s+)?{_PCT}"
    rf"|\b{_PCT}\s+(?:lower|higher|fewer|more|less|greater|smaller|reduction|increase|decrease|drop|improvement"
    rf"|better|faster|risk|chance|likelihood)\b"
    # "three times more likely"; "four times as much as white rice" compares amounts, not people
    rf"|\b(?:\d+|two|three|four|five|ten)(?:\s+times|-fold|\s+fold)\s+(?:more|less|higher|lower|greater|as)\b"
    r"(?!\s+much\b)",
)
# The population words alone: the statistic rule tells a share of people from a share of the Daily Value.
POPULATION_RE = ci(_POP)
STATISTIC = triggers.define("statistic", [
    *"0123456789", "half", "third", "quarter", "fifth", "majority", "minority", "million", "billion", "thousand",
    "hundred", "tens", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twent", "thirt", "fort", "fift", "sixt", "sevent", "ninet",
])
# Cheap check before the full statistic pattern: a percentage, a fraction word or a count.
STAT_QUICK_RE = re.compile(
    r"%|percent|per cent|half|third|quarter|fifth|majorit|minorit|million|billion|thousand|times|fold|in every|in (?:two|three"
    r"|four|five|six|seven|eight|nine|ten|\d)|out of"
)
