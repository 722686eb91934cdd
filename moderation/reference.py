"""Reference data as the rules see it: plain values, no model instances.

The engine holds no facts of its own: its caller says what the upper limits, allowances, forms and
foods are. The site reads them from its reference library (review.scan); a scan with no database
(`flagtext --defaults`, the engine's tests) uses the library's seed tables (reference.tables), so
both check the same facts.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from moderation.patterns import ci
from moderation.quantities import Serving, parse_serving
from moderation.triggers import trie_regex


@dataclass(frozen=True)
class UpperLimit:
    """Tolerable Upper Intake Level for supplemental magnesium, for ages [age_from, age_to)."""

    age_from: float
    age_to: float | None
    mg: int
    label: str

    def covers(self, age: float) -> bool:
        return self.age_from <= age and (self.age_to is None or age < self.age_to)


@dataclass(frozen=True)
class Allowance:
    """A Recommended Dietary Allowance: mg a day for ages [age_from, age_to), a sex and a life stage."""

    age_from: float
    age_to: float | None
    sex: str  # "male", "female" or "any" (reference.models.IntakeGuideline.Sex)
    life_stage: str  # "general", "pregnancy" or "lactation"
    mg: int

    def overlaps(self, low: float, high: float) -> bool:
        return self.age_from <= high and (self.age_to is None or low < self.age_to)


@dataclass(frozen=True)
class FormInfo:
    name: str  # "Magnesium glycinate"
    elemental_percent: float
    bioavailability: str  # "low", "moderate", "high" or "not_rated" (reference.models.Bioavailability)
    aliases: tuple[str, ...] = ()

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Every lowercase name the text may use: full name, the bare salt name, aliases."""
        out = {self.name.lower()}
        bare = re.sub(r"^magnesium\s+", "", self.name.lower()).strip()
        out.add(bare)
        if bare.startswith("l-"):
            out.add(bare[2:])
        for alias in self.aliases:
            alias = alias.strip().lower()
            if alias:
                out.add(alias)
                out.add(re.sub(r"^magnesium\s+", "", alias))
        return tuple(sorted(out, key=len, reverse=True))


@dataclass(frozen=True)
class FoodInfo:
    name: str  # "Almonds, dry roasted"
    serving: str  # "1 oz"
    mg: int
    aliases: tuple[str, ...] = ()

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Lowercase names to find in text: the part before the first comma, singular and plural."""
        head = self.name.split(",")[0].strip().lower()
        out = {head, head.replace("-", " ")}
        for alias in self.aliases:
            if alias.strip():
                out.add(alias.strip().lower())
        for name in list(out):
            last = name.rsplit(" ", 1)[-1]
            if last.endswith("s") and not last.endswith("ss"):
                out.add(name[:-1])
            elif last.endswith("o"):
                out.add(name + "es")
            else:
                out.add(name + "s")
        return tuple(sorted(out, key=len, reverse=True))

    @cached_property
    def parsed_serving(self) -> Serving | None:
        return parse_serving(self.serving)


@dataclass(frozen=True)
class ReferenceData:
    upper_limits: tuple[UpperLimit, ...]
    daily_value_mg: int
    forms: tuple[FormInfo, ...]
    foods: tuple[FoodInfo, ...]
    allowances: tuple[Allowance, ...] = ()
    origin: str = field(default="tables", compare=False)  # "tables", "db" or "db+tables": where it was read

    # -- lookups -------------------------------------------------------------------------------

    def upper_limit_for(self, age: float) -> UpperLimit | None:
        for limit in self.upper_limits:
            if limit.covers(age):
                return limit
        return None

    @cached_property
    def adult_upper_limit(self) -> UpperLimit:
        limit = self.upper_limit_for(30)
        if limit is None:  # a reference table without an adult row: the FNB value
            return UpperLimit(9, None, 350, "9 years and older")
        return limit

    @cached_property
    def form_by_name(self) -> dict[str, FormInfo]:
        return {name: form for form in self.forms for name in form.names}

    @cached_property
    def form_re(self) -> re.Pattern:
        """One alternation of every form name, longest first so "magnesium glycinate" wins."""
        return ci(r"(?<![\w-])(?:" + trie_regex(self.form_by_name) + r")(?![\w-])")

    @cached_property
    def food_by_name(self) -> dict[str, FoodInfo]:
        out: dict[str, FoodInfo] = {}
        for food in self.foods:
            for name in food.names:
                out.setdefault(name, food)
        return out

    @cached_property
    def food_re(self) -> re.Pattern:
        return ci(r"(?<![\w-])(?:" + trie_regex(self.food_by_name) + r")(?![\w-])")


def lowest_limit_per_band(limits: list[UpperLimit]) -> tuple[UpperLimit, ...]:
    """One limit per age band; where sex or life stage rows differ, the lowest (safest) one."""
    by_band: dict[tuple, UpperLimit] = {}
    for limit in limits:
        band = (limit.age_from, limit.age_to)
        if band not in by_band or limit.mg < by_band[band].mg:
            by_band[band] = limit
    return tuple(sorted(by_band.values(), key=lambda lim: lim.age_from))
