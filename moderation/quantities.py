"""Numbers, amounts and servings as articles write them: "400-600mg", "1 g", "half a cup", "seven"."""

from dataclasses import dataclass
from functools import lru_cache

from moderation import triggers
from moderation.patterns import ci

WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
    "half": 0.5, "quarter": 0.25, "couple": 2, "a couple of": 2, "couple of": 2, "half a": 0.5, "a half": 0.5,
}
FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}

# Count words as a regex fragment ("two", "a couple of"...), longest first.
COUNT_WORDS = r"(?:a couple of|couple of|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
MASS_UNIT = r"(?:milligrams?|mgs?|grams?|gm|g)(?![a-zA-Z])"
DASH = r"\s*(?:-|–|—|to)\s*"

# "400-600 mg", "400 mg to 600 mg", "between 400 and 600 mg", "1 g", "250mg".
AMOUNT_RE = ci(
    rf"(?<![\w.,])(?:between\s+(?P<b_low>{NUM})\s*(?:{MASS_UNIT})?\s+and\s+(?P<b_high>{NUM})"
    rf"|(?P<low>{NUM})(?:\s*(?P<low_unit>{MASS_UNIT}))?{DASH}(?P<high>{NUM})"
    rf"|(?P<single>{NUM}))\s*(?P<unit>{MASS_UNIT})"
    # Grams in words: "a gram of magnesium a day", "two grams"; milligrams: "six hundred milligrams".
    r"|(?<![\w.,])(?P<word>half a|a half|an|a|one|two|three|four|five)\s+(?:(?:full|whole|single|good)\s+)?"
    r"(?P<word_unit>grams?)\b"
    r"|(?<![\w.,])(?P<hundreds>one|two|three|four|five|six|seven|eight|nine|a)\s+hundred"
    r"(?:\s+(?:and\s+)?(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))?\s+(?:milligrams?|mg)\b",
)
# Trigger stems (triggers.py) of sentences that may hold an amount: the dose finding and the
# food-amount rule both look for amounts only there, so the group is defined once, beside the pattern.
NUMBER = triggers.define("number", [*"0123456789", "gram", "milligram"])  # digits, and amounts in words


@dataclass(frozen=True)
class Amount:
    """A mass in the text, in mg; for a range, low and high (the rules use the top)."""

    start: int
    end: int
    low: float
    high: float
    is_range: bool


def to_number(value: str) -> float:
    value = value.strip().lower()
    if value in WORD_NUMBERS:
        return float(WORD_NUMBERS[value])
    if value in FRACTIONS:
        return FRACTIONS[value]
    if "/" in value:
        top, _, bottom = value.partition("/")
        return float(top) / float(bottom)
    return float(value.replace(",", ""))


def _mg(value: str, unit: str) -> float:
    number = to_number(value)
    unit = unit.lower()
    return number * 1000 if unit.startswith("g") else number


@lru_cache(maxsize=512)
def find_amounts(text: str) -> tuple[Amount, ...]:
    """Every mass amount in `text`, converted to mg (grams count: 1 g = 1,000 mg). Cached: several
    rules read the amounts of the same sentence."""
    out = []
    for m in AMOUNT_RE.finditer(text):
        unit = m.group("unit")
        if m.group("word"):
            low = high = to_number(m.group("word")) * 1000
            is_range = False
        elif m.group("hundreds"):
            low = high = to_number(m.group("hundreds")) * 100 + (to_number(m.group("tens")) if m.group("tens") else 0)
            is_range = False
        elif m.group("b_low"):
            low, high, is_range = _mg(m.group("b_low"), unit), _mg(m.group("b_high"), unit), True
        elif m.group("low"):
            low_unit = m.group("low_unit") or unit
            low, high, is_range = _mg(m.group("low"), low_unit), _mg(m.group("high"), unit), True
        else:
            low = high = _mg(m.group("single"), unit)
            is_range = False
        out.append(Amount(m.start(), m.end(), min(low, high), max(low, high), is_range))
    return tuple(out)


# -- servings ----------------------------------------------------------------------------------

SERVING_UNITS = {
    "oz": "oz", "ounce": "oz", "ounces": "oz", "cup": "cup", "cups": "cup", "tbsp": "tbsp",
    "tablespoon": "tbsp", "tablespoons": "tbsp", "tsp": "tsp", "teaspoon": "tsp", "teaspoons": "tsp",
    "g": "g", "gram": "g", "grams": "g", "medium": "medium", "slice": "slice", "slices": "slice",
    "packet": "packet", "packets": "packet", "biscuit": "biscuit", "biscuits": "biscuit",
    "handful": "oz",  # the usual nutrition-label reading of "a handful" of nuts: about 1 oz
    "apiece": "each", "each": "each",
}
COUNT_UNITS = {"medium", "slice", "packet", "biscuit"}  # "apiece" means one of these
# Conversions to a common unit where one exists.
TO_BASE = {"oz": ("g", 28.35), "g": ("g", 1.0), "tsp": ("tbsp", 1 / 3), "tbsp": ("tbsp", 1.0)}

QTY = (r"(?:\d+(?:\.\d+)?(?:/\d+)?|[½¼¾⅓⅔]|half an?|a half|an?|one|two|three|four|five|six|seven|eight|nine|ten"
       r"|eleven|twelve|half|quarter)")
UNIT_WORDS = r"(?:ounces?|oz|cups?|tablespoons?|tbsp|teaspoons?|tsp|grams?|g|handful|slices?|packets?|medium|biscuits?)"
SERVING_RE = ci(
    rf"(?<![\w/.])(?P<qty>{QTY})(?:\s*-\s*|\s+)?(?:large\s+)?(?P<unit>{UNIT_WORDS})(?![a-zA-Z])",
)
# "per cup", "in every cup", "each medium fruit": one unit.
APIECE_RE = ci(rf"\b(?:apiece|each)\b(?!\s+(?:large\s+)?{UNIT_WORDS}\b|\s+(?:day|night|morning|evening|week|meal|dose))")
PER_UNIT_RE = ci(rf"\b(?:per|each|every|a single)\s+(?:large\s+)?(?P<unit>{UNIT_WORDS})(?![a-zA-Z])")


@dataclass(frozen=True)
class Serving:
    qty: float
    unit: str

    def ratio_to(self, other: "Serving") -> float | None:
        """How many of `other` this serving is, when the units can be compared."""
        if self.unit == other.unit:
            return self.qty / other.qty if other.qty else None
        if self.unit == "each" and other.unit in COUNT_UNITS:
            return self.qty / other.qty if other.qty else None
        mine, theirs = TO_BASE.get(self.unit), TO_BASE.get(other.unit)
        if mine and theirs and mine[0] == theirs[0]:
            return (self.qty * mine[1]) / (other.qty * theirs[1])
        return None


def parse_serving(value: str) -> Serving | None:
    """ "1/2 cup" -> Serving(0.5, "cup"); "2 large biscuits" -> Serving(2, "biscuit")."""
    m = SERVING_RE.search(value or "")
    if not m:
        return None
    qty = m.group("qty").lower()
    qty_value = 0.5 if qty.startswith("half") or qty == "a half" else to_number(qty)
    return Serving(qty_value, SERVING_UNITS[m.group("unit").lower()])


def find_serving(text: str) -> tuple[Serving, int, int] | None:
    """The first serving phrase in `text` ("a cup of", "per ounce", "1 oz") with its span."""
    best = None
    m = SERVING_RE.search(text)
    if m:
        serving = parse_serving(m.group(0))
        if serving:
            best = (serving, m.start(), m.end())
    apiece = APIECE_RE.search(text)
    if apiece and (best is None or apiece.start() < best[1]):
        best = (Serving(1, "each"), apiece.start(), apiece.end())
    p = PER_UNIT_RE.search(text)
    if p and (best is None or p.start() < best[1]):
        best = (Serving(1, SERVING_UNITS[p.group("unit").lower()]), p.start(), p.end())
    return best
