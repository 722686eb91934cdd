"""Reference data as the rules see it: plain values, no model instances.

`ReferenceData.defaults()` carries the facts in shared/domain/magnesium-facts.md (NIH ODS fact sheet,
Food and Nutrition Board values), so the engine runs with no database at all; `from_db()` reads the
reference library in three queries, whatever its size.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

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
class FormInfo:
    name: str  # "Magnesium glycinate"
    elemental_percent: float
    bioavailability: str  # "low", "moderate" or "high" (reference.models.Bioavailability)
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
        """The facts of magnesium-facts.md (NIH ODS fact sheet; Food and Nutrition Board 1997)."""
        return _DEFAULTS

    @classmethod
    def from_db(cls) -> "ReferenceData":
        """Build from the reference library in three queries.

        A table with no rows yet falls back to the built-in defaults for that part (and `origin`
        says so), so a fresh database still checks doses against the upper limit.
        """
        from reference.models import Food, IntakeGuideline, MagnesiumForm

        limits, daily_value = [], None
        rows = IntakeGuideline.objects.filter(kind__in=[IntakeGuideline.Kind.UL, IntakeGuideline.Kind.DV])
        for kind, age_from, age_to, amount, label in rows.order_by("kind", "age_from_years", "amount_mg").values_list(
            "kind", "age_from_years", "age_to_years", "amount_mg", "label"
        ):
            if kind == IntakeGuideline.Kind.DV:
                daily_value = daily_value or amount
            else:
                limits.append(UpperLimit(float(age_from), None if age_to is None else float(age_to), amount, label))
        forms = tuple(
            FormInfo(name, float(percent), bio, tuple(a.strip() for a in aliases.split(",") if a.strip()))
            for name, aliases, percent, bio in MagnesiumForm.objects.values_list(
                "name", "aliases", "elemental_percent", "bioavailability"
            )
        )
        foods = tuple(FoodInfo(name, serving, mg) for name, serving, mg in Food.objects.values_list(
            "name", "serving", "magnesium_mg"
        ))
        defaults = cls.defaults()
        parts = {
            "upper_limits": _lowest_per_band(limits) or None,
            "daily_value_mg": daily_value,
            "forms": forms or None,
            "foods": foods or None,
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


_DEFAULTS = ReferenceData(
    upper_limits=(
        UpperLimit(1, 4, 65, "1–3 years"),
        UpperLimit(4, 9, 110, "4–8 years"),
        UpperLimit(9, None, 350, "9 years and older"),
    ),
    daily_value_mg=420,
    forms=(
        # Bioavailability from the ODS wording: aspartate, citrate, lactate and chloride absorbed
        # more completely than oxide and sulfate. Forms the sheet says nothing about stay "moderate",
        # which no absorption statement contradicts.
        FormInfo("Magnesium oxide", 60, "low"),
        FormInfo("Magnesium hydroxide", 42, "moderate", ("milk of magnesia",)),
        FormInfo("Magnesium carbonate", 29, "moderate"),
        FormInfo("Magnesium chloride", 12, "high"),
        FormInfo("Magnesium citrate", 16, "high"),
        FormInfo("Magnesium malate", 15.5, "moderate"),
        FormInfo("Magnesium glycinate", 14, "moderate", ("bisglycinate", "magnesium bisglycinate", "glycinate chelate")),
        FormInfo("Magnesium lactate", 10, "high"),
        FormInfo("Magnesium sulfate", 10, "low", ("sulphate", "magnesium sulphate", "epsom salt", "epsom salts")),
        FormInfo("Magnesium taurate", 9, "moderate"),
        FormInfo("Magnesium aspartate", 8.4, "high"),
        FormInfo("Magnesium L-threonate", 8.3, "moderate", ("threonate",)),
        FormInfo("Magnesium gluconate", 5.9, "moderate"),
    ),
    foods=(
        FoodInfo("Pumpkin seeds, roasted", "1 oz", 156, ("pumpkin seed kernels", "pepitas")),
        FoodInfo("Chia seeds", "1 oz", 111),
        FoodInfo("Almonds, dry roasted", "1 oz", 80),
        FoodInfo("Spinach, boiled", "1/2 cup", 78),
        FoodInfo("Cashews, dry roasted", "1 oz", 74),
        FoodInfo("Peanuts, oil roasted", "1/4 cup", 63),
        FoodInfo("Shredded wheat cereal", "2 large biscuits", 61),
        FoodInfo("Soymilk, plain or vanilla", "1 cup", 61, ("soy milk",)),
        FoodInfo("Black beans, cooked", "1/2 cup", 60),
        FoodInfo("Edamame, shelled, cooked", "1/2 cup", 50),
        FoodInfo("Peanut butter, smooth", "2 Tbsp", 49),
        FoodInfo("Potato, baked with skin", "3.5 oz", 43, ("baked potato",)),
        FoodInfo("Brown rice, cooked", "1/2 cup", 42),
        FoodInfo("Yogurt, plain, low fat", "8 oz", 42, ("yoghurt",)),
        FoodInfo("Oatmeal, instant", "1 packet", 36),
        FoodInfo("Kidney beans, canned", "1/2 cup", 35),
        FoodInfo("Banana", "1 medium", 32),
        FoodInfo("Salmon, Atlantic, farmed, cooked", "3 oz", 26),
        FoodInfo("Milk", "1 cup", 24),
        FoodInfo("Halibut, cooked", "3 oz", 24),
        FoodInfo("Raisins", "1/2 cup", 23),
        FoodInfo("Whole-wheat bread", "1 slice", 23),
        FoodInfo("Avocado, cubed", "1/2 cup", 22),
        FoodInfo("Chicken breast, roasted", "3 oz", 22),
        FoodInfo("Ground beef, 90% lean", "3 oz", 20),
        FoodInfo("Broccoli, chopped, cooked", "1/2 cup", 12),
        FoodInfo("White rice, cooked", "1/2 cup", 10),
        FoodInfo("Apple", "1 medium", 9),
        FoodInfo("Carrot, raw", "1 medium", 7),
    ),
)
