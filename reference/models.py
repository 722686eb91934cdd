"""The reference library: magnesium forms, foods, conditions, intake guidelines and sources.

Kept once as structured data. Public tables render from it, and the editorial flag rules check
articles against it (doses against the upper limit, statements against form and food records).
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Subquery
from django.urls import reverse
from django.utils.text import slugify

from moderation.citekeys import keys_for, normalize_doi, parse_key, preferred_key
from moderation.sources import WEAK_DESIGNS

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_RE = re.compile(r"^[1-9]\d{0,8}$")


def validate_doi(value):
    if value and not DOI_RE.match(value):
        raise ValidationError(
            "Enter a DOI such as 10.3390/nu15092094 (it starts with “10.”, then a registrant code, "
            "a slash and a suffix).",
            code="invalid_doi",
        )


def validate_pmid(value):
    if value and not PMID_RE.match(value):
        raise ValidationError(
            "Enter a PubMed ID: 1 to 9 digits, no prefix (for example 28648959).",
            code="invalid_pmid",
        )


class EvidenceLevel(models.IntegerChoices):
    """Oxford CEBM / GRADE-style ladder; 1 is the strongest."""

    SYSTEMATIC = 1, "Systematic review, meta-analysis or guideline"
    RCT = 2, "Randomised controlled trial"
    OBSERVATIONAL = 3, "Cohort or non-randomised study"
    CASE_CONTROL = 4, "Case-control or cross-sectional study"
    CASE_REPORT = 5, "Case series or case report"
    MECHANISTIC = 6, "Animal or laboratory (in vitro) study"
    OPINION = 7, "Expert opinion, manufacturer or blog"


class StudyDesign(models.TextChoices):
    SYSTEMATIC_REVIEW = "systematic_review", "Systematic review or meta-analysis"
    RCT = "rct", "Randomised controlled trial"
    COHORT = "cohort", "Cohort study"
    CASE_CONTROL = "case_control", "Case-control study"
    CROSS_SECTIONAL = "cross_sectional", "Cross-sectional study"
    CASE_REPORT = "case_report", "Case report or case series"
    ANIMAL = "animal", "Animal study"
    IN_VITRO = "in_vitro", "In vitro (laboratory) study"
    GUIDELINE = "guideline", "Clinical guideline"
    GOVERNMENT = "government", "Government reference"
    NARRATIVE_REVIEW = "narrative_review", "Narrative review"
    EXPERT_OPINION = "expert_opinion", "Expert opinion"
    MANUFACTURER = "manufacturer", "Manufacturer or blog"


EVIDENCE_BY_DESIGN = {
    StudyDesign.SYSTEMATIC_REVIEW: EvidenceLevel.SYSTEMATIC,
    StudyDesign.GUIDELINE: EvidenceLevel.SYSTEMATIC,
    StudyDesign.GOVERNMENT: EvidenceLevel.SYSTEMATIC,
    StudyDesign.RCT: EvidenceLevel.RCT,
    StudyDesign.COHORT: EvidenceLevel.OBSERVATIONAL,
    StudyDesign.CASE_CONTROL: EvidenceLevel.CASE_CONTROL,
    StudyDesign.CROSS_SECTIONAL: EvidenceLevel.CASE_CONTROL,
    StudyDesign.CASE_REPORT: EvidenceLevel.CASE_REPORT,
    StudyDesign.ANIMAL: EvidenceLevel.MECHANISTIC,
    StudyDesign.IN_VITRO: EvidenceLevel.MECHANISTIC,
    StudyDesign.NARRATIVE_REVIEW: EvidenceLevel.OPINION,
    StudyDesign.EXPERT_OPINION: EvidenceLevel.OPINION,
    StudyDesign.MANUFACTURER: EvidenceLevel.OPINION,
}



class SourceQuerySet(models.QuerySet):
    def by_cite_key(self, key):
        """Sources matching a cite key as articles write it: "pmid:32956536" or "doi:10.1002/...".

        DOIs are case-insensitive by definition, so they are matched that way. An unknown or
        malformed key gives an empty queryset rather than an error: callers report "not found".
        """
        parsed = parse_key(key or "")
        if parsed is not None and parsed.kind == "pmid" and PMID_RE.match(parsed.value):
            return self.filter(pmid=parsed.value)
        if parsed is not None and parsed.kind == "doi":
            return self.filter(doi__iexact=parsed.value)
        return self.none()


class Source(models.Model):
    """A citable work. Articles and reference records cite these."""

    title = models.CharField(max_length=500, help_text="The work's full title, as published.")
    authors = models.CharField(
        max_length=500, blank=True,
        help_text="Authors as “Surname AB, Surname CD”. Leave empty for an organisation's page.",
    )
    publisher = models.CharField(
        "journal or publisher", max_length=300, blank=True,
        help_text="Journal name (e.g. “Nutrients”) or publisher (e.g. “NIH Office of Dietary Supplements”).",
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)],
        help_text="Year of publication.",
    )
    volume = models.CharField(max_length=50, blank=True, help_text="Volume(issue), e.g. “15(9)”.")
    pages = models.CharField(max_length=50, blank=True, help_text="Pages or article number.")
    doi = models.CharField(
        "DOI", max_length=200, blank=True, validators=[validate_doi],
        help_text="Digital Object Identifier, e.g. 10.3390/nu15092094. A pasted doi.org link is accepted.",
    )
    pmid = models.CharField(
        "PMID", max_length=9, blank=True, validators=[validate_pmid],
        help_text="PubMed ID, digits only.",
    )
    url = models.URLField("URL", max_length=500, blank=True, help_text="Web address, if not reachable by DOI/PMID.")
    study_design = models.CharField(
        max_length=30, choices=StudyDesign, default=StudyDesign.NARRATIVE_REVIEW,
        help_text="What kind of study or document this is. The evidence level is derived from it.",
    )
    evidence_level = models.PositiveSmallIntegerField(
        choices=EvidenceLevel, editable=False, default=EvidenceLevel.OPINION,
        help_text="Derived from the study design (1 strongest, 7 weakest).",
    )
    retracted = models.BooleanField(default=False, help_text="Tick if the work has been retracted.")
    industry_funded = models.BooleanField(default=False, help_text="Tick if funded by a supplement maker or seller.")
    notes = models.TextField(blank=True, help_text="Internal notes for editors; never shown to readers.")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["doi"], condition=~models.Q(doi=""), name="reference_source_unique_doi",
                violation_error_message="Another source already has this DOI.",
            ),
            models.UniqueConstraint(
                fields=["pmid"], condition=~models.Q(pmid=""), name="reference_source_unique_pmid",
                violation_error_message="Another source already has this PMID.",
            ),
        ]

    def __str__(self):
        year = f" ({self.year})" if self.year else ""
        return f"{self.title}{year}"

    def clean_fields(self, exclude=None):
        # Normalise before the field validators run, so a pasted "https://doi.org/10..." link
        # is accepted as the help text promises instead of failing the DOI format check.
        self.doi = normalize_doi(self.doi)
        self.pmid = re.sub(r"^pmid:\s*", "", (self.pmid or "").strip(), flags=re.IGNORECASE)
        super().clean_fields(exclude=exclude)

    def clean(self):
        """Refuse a second source with the same DOI or PMID, on the field, naming the first.

        The database constraints are the backstop, but their conditional UniqueConstraint error is
        a form-wide message; editors need it beside the field and need to know which source to edit.
        DOIs compare case-insensitively (10.1000/ABC and 10.1000/abc are the same work).
        """
        self.doi = normalize_doi(self.doi)
        errors = {}
        others = Source.objects.exclude(pk=self.pk) if self.pk else Source.objects.all()
        if self.doi and DOI_RE.match(self.doi):
            existing = others.filter(doi__iexact=self.doi).first()
            if existing:
                errors["doi"] = ValidationError(
                    "Another source already has this DOI: “%(other)s”. Edit that source instead of adding it twice.",
                    code="duplicate_doi", params={"other": existing},
                )
        if self.pmid and PMID_RE.match(self.pmid):
            existing = others.filter(pmid=self.pmid).first()
            if existing:
                errors["pmid"] = ValidationError(
                    "Another source already has this PMID: “%(other)s”. Edit that source instead of adding it twice.",
                    code="duplicate_pmid", params={"other": existing},
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.doi = normalize_doi(self.doi)
        self.evidence_level = EVIDENCE_BY_DESIGN.get(self.study_design, EvidenceLevel.OPINION)
        super().save(*args, **kwargs)

    @property
    def cite_key(self):
        """How an article cites this source: "pmid:…" when there is a PMID, else "doi:…", else ""."""
        if self.pmid:
            return f"pmid:{self.pmid}"
        if self.doi:
            return f"doi:{self.doi}"
        return ""

    @property
    def cite_keys(self):
        """Every citation key that names this source: "id:5", and "pmid:…" and "doi:…" when it has them."""
        return keys_for(pk=self.pk, pmid=self.pmid, doi=self.doi)

    @property
    def marker_key(self):
        """The key the editor's Cite button writes: "pmid:…", else "doi:…", else the source number."""
        return preferred_key(pk=self.pk, pmid=self.pmid, doi=self.doi)

    @property
    def has_identifier(self):
        return bool(self.doi or self.pmid or self.url)

    @property
    def is_weak(self):
        return self.study_design in WEAK_DESIGNS

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def link(self):
        return self.doi_url or self.pubmed_url or self.url

    def formatted_citation(self):
        """A Vancouver/AMA-like citation: Authors. Title. Journal. Year;Volume:Pages."""
        parts = []
        if self.authors:
            parts.append(self.authors.rstrip(".") + ".")
        parts.append(self.title.rstrip(".") + ".")
        tail = self.publisher.rstrip(".") if self.publisher else ""
        if self.year:
            tail = f"{tail}. {self.year}" if tail else str(self.year)
        if self.volume:
            tail += f";{self.volume}"
        if self.pages:
            tail += f":{self.pages}"
        if tail:
            parts.append(tail + ".")
        return " ".join(parts)


class Bioavailability(models.TextChoices):
    LOW = "low", "Low"
    MODERATE = "moderate", "Moderate"
    HIGH = "high", "High"
    # No good head-to-head human absorption data: saying "moderate" would claim a comparison nobody made.
    NOT_RATED = "not_rated", "Not rated"


class MagnesiumForm(models.Model):
    name = models.CharField(max_length=100, unique=True, help_text="Common name, e.g. “Magnesium glycinate”.")
    slug = models.SlugField(max_length=100, unique=True, help_text="Used in the page address.")
    aliases = models.CharField(
        max_length=300, blank=True,
        help_text="Other names, comma separated (e.g. “bisglycinate, glycinate chelate”). The flag rules "
                  "recognise these too.",
    )
    elemental_percent = models.DecimalField(
        "elemental magnesium %", max_digits=4, decimal_places=1,
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal("100"))],
        help_text="Share of the compound's weight that is magnesium, e.g. 14 for glycinate.",
    )
    elemental_basis = models.CharField(
        "elemental % basis", max_length=120, blank=True,
        help_text="Which salt or hydrate the percentage is for, e.g. “hexahydrate; 25% if anhydrous”. "
                  "Leave empty when there is only one common form.",
    )
    bioavailability = models.CharField(max_length=10, choices=Bioavailability,
                                       help_text="How well it is absorbed, as the evidence stands; “Not rated” when "
                                                 "no good human comparison exists.")
    bioavailability_note = models.CharField(max_length=300, blank=True,
                                            help_text="One line of nuance shown beside the rating.")
    best_for = models.CharField(
        max_length=200, blank=True,
        help_text="Short phrase for the comparison table, e.g. “Laxative use”. Describe, don't sell: no “best”.",
    )
    typical_uses = models.TextField(blank=True, help_text="What it is sold or used for, in plain words. One short paragraph.")
    side_effects = models.TextField(
        blank=True, help_text="Common side effects first. The first sentence is shown in the comparison table.",
    )
    evidence_summary = models.TextField(blank=True, help_text="What the evidence says, cited by the sources below.")
    sources = models.ManyToManyField(
        Source, blank=True, related_name="forms",
        help_text="Every source the text above relies on. Readers see them as a numbered list.",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "magnesium form"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reference:form_detail", args=[self.slug])

    @property
    def alias_list(self):
        return [a.strip() for a in self.aliases.split(",") if a.strip()]

    def elemental_mg(self, compound_mg):
        """Elemental magnesium in `compound_mg` of this compound."""
        return Decimal(compound_mg) * self.elemental_percent / 100


class FoodGroup(models.TextChoices):
    SEEDS_NUTS = "seeds_nuts", "Seeds and nuts"
    VEGETABLES = "vegetables", "Vegetables"
    LEGUMES = "legumes", "Legumes and soy"
    GRAINS = "grains", "Grains and cereals"
    DAIRY = "dairy", "Dairy and alternatives"
    FRUIT = "fruit", "Fruit"
    FISH_MEAT = "fish_meat", "Fish and meat"


class FoodQuerySet(models.QuerySet):
    def with_percent_dv(self):
        """Annotate `daily_value_mg` from the intake data, so %DV is computed in the same query."""
        dv = IntakeGuideline.objects.filter(kind=IntakeGuideline.Kind.DV).order_by("pk").values("amount_mg")[:1]
        return self.annotate(daily_value_mg=Subquery(dv))


class Food(models.Model):
    name = models.CharField(max_length=150, unique=True, help_text="e.g. “Pumpkin seeds, roasted”.")
    slug = models.SlugField(max_length=150, unique=True, help_text="Used in the page address; filled from the name.")
    serving = models.CharField(max_length=80, help_text="Serving as labelled, e.g. “1 oz” or “1/2 cup”.")
    magnesium_mg = models.PositiveIntegerField(
        validators=[MinValueValidator(0, message="Magnesium per serving can't be negative.")],
        help_text="Magnesium per serving, in mg. The %DV is calculated from this; never type it in.",
    )
    food_group = models.CharField(max_length=20, choices=FoodGroup, help_text="Used to group and sort the foods table.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="foods",
                               help_text="Where the figure comes from.")

    objects = FoodQuerySet.as_manager()

    class Meta:
        ordering = ["-magnesium_mg", "name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(magnesium_mg__gte=0), name="reference_food_mg_not_negative"),
        ]

    def __str__(self):
        return f"{self.name} ({self.serving})"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reference:food_detail", args=[self.slug])

    def percent_dv(self, daily_value_mg=None):
        """%DV, never typed in: mg per serving over the Daily Value, rounded half up."""
        if daily_value_mg is not None:
            dv = daily_value_mg
        elif hasattr(self, "daily_value_mg"):
            # Annotated by with_percent_dv(), possibly as None when no DV row exists: don't query
            # again per row (that would be an N+1 on the foods table).
            dv = self.daily_value_mg
        else:
            dv = IntakeGuideline.objects.daily_value_mg()
        if not dv:
            return None
        return int((Decimal(self.magnesium_mg) * 100 / Decimal(dv)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


class EvidenceGrade(models.TextChoices):
    STRONG = "strong", "Strong: consistent systematic reviews"
    MODERATE = "moderate", "Moderate: some trials, mostly consistent"
    LIMITED = "limited", "Limited: small or mixed studies"
    INSUFFICIENT = "insufficient", "Insufficient: no good human trials"


class Condition(models.Model):
    name = models.CharField(max_length=150, unique=True, help_text="The condition as readers search for it, e.g. “Migraine”.")
    slug = models.SlugField(max_length=150, unique=True, help_text="Used in the page address; filled from the name.")
    summary = models.TextField(help_text="Plain-language description of the condition, 1–3 sentences.")
    evidence_summary = models.TextField(
        help_text="What the evidence says about magnesium for this condition. Name the kind of study and "
                  "its size; no “treats”, “cures” or “prevents”.",
    )
    evidence_grade = models.CharField(
        max_length=20, choices=EvidenceGrade, default=EvidenceGrade.INSUFFICIENT,
        help_text="How strong the human evidence is (not whether it is positive). Shown as a badge.",
    )
    cautions = models.TextField(blank=True, help_text="Who should take care (kidney disease, pregnancy, children...).")
    related_forms = models.ManyToManyField(
        MagnesiumForm, blank=True, related_name="conditions",
        help_text="Forms used in the studies or commonly discussed for this condition. Not a recommendation.",
    )
    sources = models.ManyToManyField(
        Source, blank=True, related_name="conditions",
        help_text="Every source the text above relies on. Readers see them as a numbered list.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reference:condition_detail", args=[self.slug])


class IntakeGuidelineQuerySet(models.QuerySet):
    def daily_value_mg(self):
        return self.filter(kind=IntakeGuideline.Kind.DV).values_list("amount_mg", flat=True).first()

    def upper_limits(self):
        return self.filter(kind=IntakeGuideline.Kind.UL).order_by("age_from_years")

    def upper_limit_mg(self, age_years=19):
        """The supplemental UL (mg/day elemental) for an age in years, or None if none is set.

        Used by the dose rules; infants under 1 year have no UL row (none is established).
        """
        age = Decimal(str(age_years))
        return (
            self.upper_limits()
            .filter(age_from_years__lte=age)
            .filter(models.Q(age_to_years__isnull=True) | models.Q(age_to_years__gt=age))
            .values_list("amount_mg", flat=True)
            .first()
        )


class IntakeGuideline(models.Model):
    """One row of the intake tables: an RDA/AI for a life stage and sex, an upper limit, or the DV."""

    class Kind(models.TextChoices):
        RDA = "rda", "Recommended Dietary Allowance"
        AI = "ai", "Adequate Intake"
        UL = "ul", "Tolerable Upper Intake Level (supplements only)"
        DV = "dv", "Daily Value (labels)"

    class Sex(models.TextChoices):
        ANY = "any", "Any"
        MALE = "male", "Male"
        FEMALE = "female", "Female"

    class LifeStage(models.TextChoices):
        GENERAL = "general", "General"
        PREGNANCY = "pregnancy", "Pregnancy"
        LACTATION = "lactation", "Lactation"

    kind = models.CharField(max_length=3, choices=Kind, help_text="RDA/AI rows feed the intake table; UL rows feed the dose checks.")
    label = models.CharField(max_length=60, help_text="Age band as shown to readers, e.g. “19–30 years”.")
    age_from_years = models.DecimalField(max_digits=4, decimal_places=2, default=0,
                                         help_text="Lower bound of the age band in years (0.5 = 6 months).")
    age_to_years = models.DecimalField(max_digits=4, decimal_places=2, null=True, blank=True,
                                       help_text="Upper bound (exclusive); empty means no upper bound.")
    sex = models.CharField(max_length=6, choices=Sex, default=Sex.ANY,
                           help_text="Pregnancy and lactation rows are “Female”.")
    life_stage = models.CharField(max_length=10, choices=LifeStage, default=LifeStage.GENERAL)
    amount_mg = models.PositiveIntegerField(help_text="mg per day (elemental magnesium).")
    note = models.CharField(max_length=200, blank=True, help_text="Shown to readers beside the value, e.g. “Includes pregnancy”.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="intake_guidelines",
                               help_text="Where the value comes from (normally the Food and Nutrition Board or NIH ODS).")

    objects = IntakeGuidelineQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "age_from_years", "sex", "life_stage"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "age_from_years", "sex", "life_stage"],
                                    name="reference_intake_unique_row"),
            models.CheckConstraint(
                condition=models.Q(age_to_years__isnull=True) | models.Q(age_to_years__gt=models.F("age_from_years")),
                name="reference_intake_age_band_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.label} {self.get_sex_display()} {self.amount_mg} mg"
