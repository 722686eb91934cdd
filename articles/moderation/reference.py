"""Reference data as the rules see it: plain values, no model instances.

`ReferenceData.defaults()` holds the reference library's seed tables (reference/tables.py: the facts of
shared/domain/magnesium-facts.md), so the engine runs with no database and checks the same facts the
library holds; `from_db()` reads the library itself in three queries, whatever its size.
"""

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from articles.moderation.patterns import ci
from articles.moderation.quantities import Serving, parse_serving
from articles.moderation.triggers import trie_regex


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
    origin: str = field(default="defaults", compare=False)  # "defaults", "db" or "db+defaults"

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

    # -- construction --------------------------------------------------------------------------

    @classmethod
    def defaults(cls) -> "ReferenceData":
        """The reference library's seed tables (reference/tables.py: the NIH ODS fact sheet and the Food
        and Nutrition Board 1997 values of magnesium-facts.md), without a database."""
        return _defaults()

    @classmethod
    def from_db(cls) -> "ReferenceData":
        """Build from the reference library in three queries.

        A table with no rows yet falls back to the built-in defaults for that part (and `origin`
        says so), so a fresh database still checks doses against the upper limit.
        """
        from reference.models import Food, IntakeGuideline, MagnesiumForm

        limits, allowances, daily_value = [], [], None
        kinds = [IntakeGuideline.Kind.UL, IntakeGuideline.Kind.DV, IntakeGuideline.Kind.RDA]
        rows = IntakeGuideline.objects.filter(kind__in=kinds).order_by("kind", "age_from_years", "amount_mg")
        for kind, age_from, age_to, amount, label, sex, stage in rows.values_list(
            "kind", "age_from_years", "age_to_years", "amount_mg", "label", "sex", "life_stage"
        ):
            age_to = None if age_to is None else float(age_to)
            if kind == IntakeGuideline.Kind.DV:
                daily_value = daily_value or amount
            elif kind == IntakeGuideline.Kind.RDA:
                allowances.append(Allowance(float(age_from), age_to, sex, stage, amount))
            else:
                limits.append(UpperLimit(float(age_from), age_to, amount, label))
        forms = tuple(
            FormInfo(name, float(percent), bio, tuple(a.strip() for a in aliases.split(",") if a.strip()))
            for name, aliases, percent, bio in MagnesiumForm.objects.values_list(
                "name", "aliases", "elemental_percent", "bioavailability"
            )
        )
        foods = tuple(FoodInfo(name, serving, mg, FOOD_ALIASES.get(name, ())) for name, serving, mg in
                      Food.objects.values_list("name", "serving", "magnesium_mg"))
        defaults = cls.defaults()
        parts = {
            "upper_limits": _lowest_per_band(limits) or None,
            "daily_value_mg": daily_value,
            "forms": forms or None,
            "foods": foods or None,
            "allowances": tuple(allowances) or None,
        }
        filled = {name: value if value else getattr(defaults, name) for name, value in parts.items()}
        missing = [name for name, value in parts.items() if not value]
        if not missing:
            origin = "db"
        elif len(missing) == len(parts):
            origin = "defaults"
        else:
            origin = "db+defaults"
        return cls(**filled, origin=origin)


def _lowest_per_band(limits: list[UpperLimit]) -> tuple[UpperLimit, ...]:
    """One limit per age band; where sex or life stage rows differ, the lowest (safest) one."""
    by_band: dict[tuple, UpperLimit] = {}
    for limit in limits:
        band = (limit.age_from, limit.age_to)
        if band not in by_band or limit.mg < by_band[band].mg:
            by_band[band] = limit
    return tuple(sorted(by_band.values(), key=lambda lim: lim.age_from))


# The RDA table of magnesium-facts.md: (age from, age to, male, female, pregnancy, lactation).


# How articles name some foods besides the library's name ("pepitas" for pumpkin seeds), keyed by
# the library's food name; used with the database's foods and the built-in defaults alike.
FOOD_ALIASES = {
    "Pumpkin seeds, roasted": ("pumpkin seed kernels", "pepitas"),
    "Soymilk, plain or vanilla": ("soy milk",),
    "Potato, baked with skin": ("baked potato",),
    "Yogurt, plain, low fat": ("yoghurt",),
    "Rice, white, cooked": ("white rice",),
}


@cache
def _defaults() -> ReferenceData:
    """The reference library's own seed tables (reference/tables.py), so a scan with no database
    checks the same facts the site's library holds."""
    from reference import tables as demo

    def age(value):
        return None if value is None else float(value)

    return ReferenceData(
        upper_limits=tuple(UpperLimit(float(age_from), age(age_to), mg, label)
                           for label, age_from, age_to, mg, _note in demo.UL_TABLE),
        daily_value_mg=demo.DAILY_VALUE_MG,
        forms=tuple(FormInfo(row[0], float(row[3]), str(row[5]), tuple(a.strip() for a in row[2].split(",") if a.strip()))
                    for row in demo.FORMS),
        foods=tuple(FoodInfo(name, serving, mg, FOOD_ALIASES.get(name, ())) for name, serving, mg, _group in demo.FOODS),
        allowances=tuple(
            allowance
            for kind, _label, age_from, age_to, male, female, pregnancy, lactation in demo.RDA_TABLE
            if kind == demo.RDA
            for allowance in (
                Allowance(float(age_from), age(age_to), "male", "general", male),
                Allowance(float(age_from), age(age_to), "female", "general", female),
                *([Allowance(float(age_from), age(age_to), "female", "pregnancy", pregnancy)] if pregnancy else []),
                *([Allowance(float(age_from), age(age_to), "female", "lactation", lactation)] if lactation else []),
            )
        ),
    )
