"""The benchmark's data: N published articles built with bulk inserts, plus the reference library.

Each article is about `words` words (default 2,000) of magnesium-topic sentences from a small
vocabulary, cites `citations` distinct sources with [[cite:id:N]] markers (numbered ArticleCitation
rows in order of first use, as article_sync_citations would write them), and has `tags` tags,
`claims` claims (each citing one source), `flags` flags (all settled, as on a published article), three key
points, two FAQs, two authors, a medical reviewer and two related forms, foods and conditions.

Rows are bulk-created, so no model save() runs: body_text and reading time are derived here with
the same functions save() uses, the articles are created as drafts with their revision 1 (as
article_snapshot records it) and made live afterwards with queryset updates (Article.save() refuses
a direct publish outside the workflow, rightly; a benchmark builds its data directly), and their
stored pages are rendered by articles.pages.article_pages_render. The builder is deterministic for a given article index and
can extend an existing dataset (`start`), which is how the benchmark measures a small and then a
large database without building twice.
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import FAQ, Article, ArticleCitation, ArticleRevision, AuthorProfile, KeyPoint, RevisionCitation
from articles.pages import article_pages_render
from articles.text import reading_time_minutes
from moderation.html import html_to_text
from reference.models import EVIDENCE_BY_DESIGN, Condition, Food, MagnesiumForm, Source, StudyDesign
from review.models import Claim, Flag

ADMIN_USERNAME = "bench-admin"
SLUG_PREFIX = "bench-article-"
SOURCE_POOL = 240
POOL_PMID_BASE, POOL_PMID_PREFIX = 90000000, "9000"  # beyond any real PubMed ID for years to come
BATCH = 200

# Sentences an editor might write, most of them harmless, a few with what the flag rules look for
# (an uncited "research shows", a dose above the upper limit, selling words), as in real drafts.
SENTENCES = [
    "Magnesium is a mineral the body needs for more than three hundred enzyme reactions.",
    "Most of the magnesium in the body is stored in bone, and only a small share circulates in the blood.",
    "Green leafy vegetables, legumes, nuts, seeds and whole grains are good dietary sources of magnesium.",
    "The kidneys keep blood magnesium within a narrow range by excreting less when intake is low.",
    "A serum magnesium test can look normal even when the body's stores are low.",
    "Adults need roughly 310 to 420 mg of magnesium a day from all sources, depending on age and sex.",
    "The upper limit of 350 mg a day applies to supplements and medicines, not to magnesium in food.",
    "Diarrhoea is the most common side effect of magnesium supplements, especially of the oxide and citrate forms.",
    "People with kidney disease should not take magnesium supplements without medical advice.",
    "Magnesium glycinate is a chelate that many people tolerate well.",
    "Magnesium oxide contains a lot of elemental magnesium but is poorly absorbed.",
    "Magnesium citrate is absorbed better than the oxide and is also used as a laxative.",
    "Several trials have tested magnesium for leg cramps, with mixed results.",
    "A systematic review found little benefit of magnesium for cramps in older adults.",
    "Low magnesium intake is common in people who eat few whole foods.",
    "Some medicines, such as proton pump inhibitors and diuretics, can lower magnesium levels.",
    "Magnesium can reduce the absorption of certain antibiotics if they are taken at the same time.",
    "Separate magnesium supplements from bisphosphonates and some antibiotics by at least two hours.",
    "Small trials suggest magnesium may modestly lower blood pressure in people with deficiency.",
    "Observational studies link higher magnesium intake with a lower risk of type 2 diabetes.",
    "An observational link does not show that taking a supplement would change the risk.",
    "Pumpkin seeds provide about 156 mg of magnesium per ounce.",
    "A cup of cooked spinach provides about 157 mg of magnesium.",
    "Black beans and almonds are convenient everyday sources of magnesium.",
    "Food labels show magnesium as a percentage of the Daily Value of 420 mg.",
    "Research shows that magnesium improves sleep for almost everyone.",
    "Many readers ask whether magnesium helps with sleep, and the honest answer is that the evidence is thin.",
    "Older adults absorb less magnesium from food and lose more in urine.",
    "Alcohol use disorder is a common cause of magnesium deficiency.",
    "Severe deficiency can cause muscle cramps, abnormal heart rhythms and low calcium levels.",
    "Intravenous magnesium is a hospital treatment and is not comparable with oral supplements.",
    "Some people take 800 mg of magnesium oxide every day for constipation.",
    "This miracle mineral is the best supplement you can buy.",
    "Talk to a pharmacist before combining magnesium with other medicines.",
    "Magnesium is often marketed for stress, but good human trials are few.",
    "Migraine guidelines mention magnesium as an option with limited evidence.",
    "Pregnant women need slightly more magnesium than other adults.",
    "Children need less magnesium, and their upper limit from supplements is lower too.",
    "A balanced diet gives most healthy people enough magnesium without supplements.",
    "If you choose a supplement, count the elemental magnesium on the label, not the weight of the compound.",
]
HEADINGS = ["What magnesium does", "How much you need", "Food first", "Supplements and their forms",
            "Safety and interactions", "What the evidence says", "Who should take care", "The bottom line"]
TOPICS = ["sleep", "cramps", "migraine", "blood pressure", "diabetes", "pregnancy", "kidneys", "heart",
          "anxiety", "bones", "constipation", "glycinate", "citrate", "oxide", "threonate", "children",
          "older adults", "athletes", "diet", "interactions", "deficiency", "testing", "nuts", "seeds",
          "leafy greens", "whole grains", "legumes", "alcohol", "medicines", "labels", "stress", "fatigue",
          "restless legs", "asthma", "osteoporosis", "pms", "hypertension", "insulin", "calcium", "vitamin d"]
KEY_POINTS = [
    "Most people get enough magnesium from food.",
    "Supplements above 350 mg a day can cause diarrhoea.",
    "People with kidney disease should ask a doctor first.",
]
FAQS = [
    ("Should I take a magnesium supplement?", "Only if your diet falls short or a clinician advises it."),
    ("Which form is best absorbed?", "Organic salts such as citrate and glycinate are absorbed better than oxide."),
]
FLAG_RULES = [
    ("unsupported.research_appeal", "unsupported", "warning"),
    ("unsupported.statistic", "unsupported", "warning"),
    ("promo.puffery", "promotional", "warning"),
    ("dose.above_ul", "dosage_risk", "blocker"),
    ("disease.claim", "disease_claim", "blocker"),
]


@dataclass
class BuildInfo:
    """What the pages need to address the benchmark data."""

    article_slug: str
    article_pk: int
    tag_slug: str
    search_query: str
    form_slug: str
    food_slug: str
    condition_slug: str
    admin_username: str = ADMIN_USERNAME


def make_body(index, source_ids, *, words=2000):
    """About `words` words of HTML, citing every id in `source_ids` once, in order."""
    rng = random.Random(index)
    paragraphs, count, cited, heading = [], 0, 0, 0
    total_sentences = max(1, words // 14)
    cite_every = max(1, total_sentences // max(1, len(source_ids)))
    sentence_no = 0
    while count < words or cited < len(source_ids):
        if len(paragraphs) % 6 == 0:
            paragraphs.append(f"<h2>{HEADINGS[heading % len(HEADINGS)]}</h2>")
            heading += 1
        sentences = []
        for _ in range(5):
            sentence = rng.choice(SENTENCES)
            count += len(sentence.split())
            sentence_no += 1
            if cited < len(source_ids) and sentence_no % cite_every == 0:
                sentence = f"{sentence[:-1]} [[cite:id:{source_ids[cited]}]]."
                cited += 1
            sentences.append(sentence)
        paragraphs.append(f"<p>{' '.join(sentences)}</p>")
    return "\n".join(paragraphs)


def _ensure_base():
    """Reference library, people, a pool of sources and the tag vocabulary (once per database)."""
    from reference.demo import load_reference
    from review.roles import ensure_roles

    if not MagnesiumForm.objects.exists():
        load_reference()
    ensure_roles()
    User = get_user_model()
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        admin = User(username=ADMIN_USERNAME, email="bench@example.invalid", is_staff=True, is_superuser=True)
        admin.set_unusable_password()  # the benchmark signs in with force_login only
        admin.save()
    if not AuthorProfile.objects.filter(slug__startswith="bench-").exists():
        unusable = make_password(None)  # nobody signs in as these people
        users = User.objects.bulk_create(
            User(username=f"bench-person-{n}", email=f"bench{n}@example.invalid", is_staff=True, password=unusable)
            for n in range(8)
        )
        AuthorProfile.objects.bulk_create(
            AuthorProfile(user=user, display_name=f"{'Dr ' if n >= 5 else ''}Bench Person {n}",
                          slug=f"bench-person-{n}", credentials="MD" if n >= 5 else "",
                          bio="Writes about minerals and health.", is_medical_reviewer=n >= 5)
            for n, user in enumerate(users)
        )
    if not Source.objects.filter(pmid__startswith=POOL_PMID_PREFIX).exists():
        designs = [StudyDesign.RCT, StudyDesign.SYSTEMATIC_REVIEW, StudyDesign.COHORT, StudyDesign.GUIDELINE]
        Source.objects.bulk_create(
            Source(title=f"Magnesium supplementation trial {n}", authors="Doe J, Roe R", publisher="Nutrients",
                   year=2000 + n % 25, volume=str(n % 20), pages=str(100 + n), pmid=str(POOL_PMID_BASE + n),
                   study_design=designs[n % len(designs)],
                   evidence_level=EVIDENCE_BY_DESIGN[designs[n % len(designs)]])
            for n in range(SOURCE_POOL)
        )
    existing_tags = set(Tag.objects.filter(name__in=TOPICS).values_list("name", flat=True))
    Tag.objects.bulk_create(Tag(name=name, slug=name.replace(" ", "-")) for name in TOPICS
                            if name not in existing_tags)


def build(*, articles, start=None, words=2000, citations=20, tags=8, claims=15, flags=10, now=None):
    """Add `articles` published articles (numbered after those already there); return BuildInfo."""
    with transaction.atomic():
        _build(articles=articles, start=start, words=words, citations=citations, tags=tags, claims=claims,
               flags=flags, now=now)
    if connection.vendor == "postgresql":
        # A live database has planner statistics (autovacuum gathers them); a bulk-loaded one has
        # none until ANALYZE, and the planner then picks nested loops over 1,000 "estimated 1" rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return info()


def _build(*, articles, start, words, citations, tags, claims, flags, now):
    _ensure_base()
    now = now or timezone.now()
    if start is None:
        start = Article.objects.filter(slug__startswith=SLUG_PREFIX).count()
    source_ids = list(Source.objects.filter(pmid__startswith=POOL_PMID_PREFIX).order_by("pk").values_list("pk", flat=True))
    people = list(AuthorProfile.objects.filter(slug__startswith="bench-person-").order_by("slug"))
    writers = [p for p in people if not p.is_medical_reviewer]
    reviewers = [p for p in people if p.is_medical_reviewer]
    tag_rows = list(Tag.objects.filter(name__in=TOPICS).order_by("pk"))
    forms = list(MagnesiumForm.objects.order_by("pk").values_list("pk", flat=True))
    foods = list(Food.objects.order_by("pk").values_list("pk", flat=True))
    conditions = list(Condition.objects.order_by("pk").values_list("pk", flat=True))
    citations = min(citations, len(source_ids))

    new, cited_by_index = [], {}
    for index in range(start, start + articles):
        rng = random.Random(index)
        cited = rng.sample(source_ids, citations)
        cited_by_index[index] = cited
        body = make_body(index, cited, words=words)
        body_text = html_to_text(body)
        topic = TOPICS[index % len(TOPICS)]
        reviewed = (now - datetime.timedelta(days=index % 300 + 2)).date()
        new.append(Article(
            title=f"Magnesium and {topic}: what the evidence says ({index + 1})",
            slug=f"{SLUG_PREFIX}{index + 1}",
            standfirst=f"What is known about magnesium and {topic}, and what deserves your attention first.",
            body=body, body_text=body_text, reading_time_minutes=reading_time_minutes(body_text),
            medical_reviewer=reviewers[index % len(reviewers)], status=Article.Status.DRAFT,
            published_at=now - datetime.timedelta(hours=index + 1), last_reviewed_at=reviewed,
            next_review_due=reviewed + datetime.timedelta(days=365),
            seo_description=f"Magnesium and {topic}, checked against the evidence.",
        ))
    created = Article.objects.bulk_create(new, batch_size=BATCH)
    if not all(a.pk for a in created):  # backends without RETURNING: read the ids back
        by_slug = dict(Article.objects.filter(slug__in=[a.slug for a in created]).values_list("slug", "pk"))
        for article in created:
            article.pk = article.id = by_slug[article.slug]

    article_type = ContentType.objects.get_for_model(Article)
    AuthorsThrough = Article.authors.through
    FormsThrough = Article.related_forms.through
    FoodsThrough = Article.related_foods.through
    ConditionsThrough = Article.related_conditions.through
    ClaimSources = Claim.citations.through
    authors_rows, citation_rows, tag_items, form_rows, food_rows, condition_rows = [], [], [], [], [], []
    key_points, faqs, claim_rows, claim_sources, flag_rows = [], [], [], [], []
    for offset, article in enumerate(created):
        index = start + offset
        cited = cited_by_index[index]
        for n in range(2):
            authors_rows.append(AuthorsThrough(article_id=article.pk,
                                               authorprofile_id=writers[(index + n) % len(writers)].pk))
        citation_rows.extend(ArticleCitation(article_id=article.pk, source_id=source_pk, number=number)
                             for number, source_pk in enumerate(cited, start=1))
        for n in range(min(tags, len(tag_rows))):
            tag_items.append(TaggedItem(content_type=article_type, object_id=article.pk,
                                        tag=tag_rows[(index * 3 + n) % len(tag_rows)]))
        for rows, Through, field, pool in ((form_rows, FormsThrough, "magnesiumform_id", forms),
                                           (food_rows, FoodsThrough, "food_id", foods),
                                           (condition_rows, ConditionsThrough, "condition_id", conditions)):
            for pk in {pool[(index + n) % len(pool)] for n in range(2)} if pool else ():
                rows.append(Through(article_id=article.pk, **{field: pk}))
        key_points.extend(KeyPoint(article_id=article.pk, text=text, order=n) for n, text in enumerate(KEY_POINTS))
        faqs.extend(FAQ(article_id=article.pk, question=q, answer=a, order=n) for n, (q, a) in enumerate(FAQS))
        text = article.body_text
        sentences = [s for s in SENTENCES if s[:-1] in text]
        for n in range(claims):
            sentence = sentences[n % len(sentences)][:-1]
            position = text.find(sentence)
            status = Claim.Status.APPROVED if n % 3 else Claim.Status.NOT_A_CLAIM  # published: all decided
            claim_rows.append(Claim(article_id=article.pk, text=sentence, start=position,
                                    end=position + len(sentence), category="efficacy",
                                    fingerprint=f"bench-claim-{n}", status=status, created=now))
            claim_sources.append(cited[n % len(cited)])
        for n in range(flags):
            rule, category, severity = FLAG_RULES[n % len(FLAG_RULES)]
            sentence = sentences[(n * 2) % len(sentences)][:-1]
            position = text.find(sentence)
            status = Flag.Status.ACKNOWLEDGED if severity == "note" else Flag.Status.DISMISSED  # published: settled
            flag_rows.append(Flag(
                article_id=article.pk, rule=rule, category=category, severity=severity, excerpt=sentence[:80],
                start=position, end=position + min(80, len(sentence)), message="Benchmark flag.",
                fingerprint=f"bench-flag-{n}", status=status,
                resolution_note="" if status == Flag.Status.OPEN else "Checked by the benchmark reviewer.",
                resolved_at=None if status == Flag.Status.OPEN else now,
            ))
    AuthorsThrough.objects.bulk_create(authors_rows, batch_size=1000)
    ArticleCitation.objects.bulk_create(citation_rows, batch_size=1000)
    TaggedItem.objects.bulk_create(tag_items, batch_size=1000)
    FormsThrough.objects.bulk_create(form_rows, batch_size=1000)
    FoodsThrough.objects.bulk_create(food_rows, batch_size=1000)
    ConditionsThrough.objects.bulk_create(condition_rows, batch_size=1000)
    KeyPoint.objects.bulk_create(key_points, batch_size=1000)
    FAQ.objects.bulk_create(faqs, batch_size=1000)
    claim_objs = Claim.objects.bulk_create(claim_rows, batch_size=500)
    if claim_objs and not claim_objs[0].pk:
        claim_objs = list(Claim.objects.filter(article__in=created).order_by("article_id", "pk"))
    ClaimSources.objects.bulk_create(
        (ClaimSources(claim_id=claim.pk, source_id=source_pk) for claim, source_pk in zip(claim_objs, claim_sources,
                                                                                        strict=True)),
        batch_size=1000,
    )
    flag_objs = Flag.objects.bulk_create(flag_rows, batch_size=500)
    if flag_objs and not flag_objs[0].pk:
        flag_objs = list(Flag.objects.filter(article__in=created).order_by("article_id", "pk"))
    revisions = _revisions(created, authors_rows=authors_rows, citation_rows=citation_rows, tag_items=tag_items,
                           form_rows=form_rows, food_rows=food_rows, condition_rows=condition_rows, claims=claim_objs,
                           flags=flag_objs, now=now)
    # Published after creation: each article's revision 1 made live with queryset updates, not the
    # workflow (which checks the gate per article; a benchmark builds its data directly).
    for article in created:
        Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED,
                                                     live_revision=revisions[article.pk])
    # Bulk writes send no signals: store the published pages as an editor's save would have
    # (articles/pages.py), or the benchmark would measure the live render a missing page falls back to.
    article_pages_render(article_ids=[a.pk for a in created])

    from magsite.cache import bump

    bump()  # bulk writes send no signals; a cached page must not outlive them


def _revisions(created, *, authors_rows, citation_rows, tag_items, form_rows, food_rows, condition_rows, claims,
               flags, now):
    """Revision 1 of each built article, as article_snapshot would record it, with its relations and
    its claims and flags linked; {article pk: revision pk}."""
    points = [{"text": text} for text in KEY_POINTS]
    questions = [{"question": q, "answer": a} for q, a in FAQS]
    rows = ArticleRevision.objects.bulk_create(
        (ArticleRevision(
            article_id=a.pk, number=1, created_at=now, content_hash=f"bench-{a.slug}", title=a.title,
            standfirst=a.standfirst, body=a.body, body_text=a.body_text, reading_time_minutes=a.reading_time_minutes,
            seo_description=a.seo_description, key_points=points, faqs=questions,
            medical_reviewer_id=a.medical_reviewer_id, last_reviewed_at=a.last_reviewed_at,
            next_review_due=a.next_review_due, live_at=a.published_at,
            review_summary={"claims_checked": 10, "claims_cited": 10, "not_claims": 0, "flags_settled": 7,
                            "sources": 20})
         for a in created), batch_size=BATCH)
    if rows and not rows[0].pk:
        rows = list(ArticleRevision.objects.filter(article__in=created).order_by("article_id"))
    by_article = {r.article_id: r.pk for r in rows}
    R = ArticleRevision
    R.authors.through.objects.bulk_create(
        (R.authors.through(articlerevision_id=by_article[r.article_id], authorprofile_id=r.authorprofile_id)
         for r in authors_rows), batch_size=1000)
    R.tags.through.objects.bulk_create(
        (R.tags.through(articlerevision_id=by_article[int(t.object_id)], tag_id=t.tag_id) for t in tag_items),
        batch_size=1000)
    for links, Through, field in ((form_rows, R.related_forms.through, "magnesiumform_id"),
                                  (food_rows, R.related_foods.through, "food_id"),
                                  (condition_rows, R.related_conditions.through, "condition_id")):
        Through.objects.bulk_create((Through(articlerevision_id=by_article[r.article_id], **{field: getattr(r, field)})
                                     for r in links), batch_size=1000)
    RevisionCitation.objects.bulk_create(
        (RevisionCitation(revision_id=by_article[c.article_id], source_id=c.source_id, number=c.number)
         for c in citation_rows), batch_size=1000)
    Claim.revisions.through.objects.bulk_create(
        (Claim.revisions.through(claim_id=c.pk, articlerevision_id=by_article[c.article_id]) for c in claims),
        batch_size=1000)
    Flag.revisions.through.objects.bulk_create(
        (Flag.revisions.through(flag_id=f.pk, articlerevision_id=by_article[f.article_id]) for f in flags),
        batch_size=1000)
    return by_article


def article_count():
    return Article.objects.filter(slug__startswith=SLUG_PREFIX).count()


def info():
    """Addresses of the pages the benchmark measures (the first article, which every size has)."""
    first = Article.objects.filter(slug=f"{SLUG_PREFIX}1").only("pk", "slug").first()
    if first is None:
        raise RuntimeError("No benchmark articles: build() first")
    tag = first.tags.order_by("pk").first()
    return BuildInfo(
        article_slug=first.slug, article_pk=first.pk, tag_slug=tag.slug, search_query="magnesium sleep",
        form_slug=MagnesiumForm.objects.order_by("pk").values_list("slug", flat=True).first(),
        food_slug=Food.objects.order_by("pk").values_list("slug", flat=True).first(),
        condition_slug=Condition.objects.order_by("pk").values_list("slug", flat=True).first(),
    )
