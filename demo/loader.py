"""Load the demo articles from demo/content/: one Markdown file per article, with TOML front matter
(+++ ... +++) for its title, standfirst, people, topics, key points and FAQs. Files load in name
order; the slug is the file name after its number ("04-choosing-a-magnesium-supplement.md").

The writing is original, on the seed topics; facts come from ../shared/domain/magnesium-facts.md
and from what each demo source supports (reference.demo.DEMO_SOURCE_NOTES). Markers in the bodies
use short names, `[[cite:cochrane_cramps]]`, turned into the real identifiers of
reference.demo.DEMO_SOURCE_KEYS; `[[cite:ods]]` names the NIH ODS fact sheet, which has no DOI or
PMID and is cited by its library number. Bodies are converted by the importer's Markdown reader
(articles.importers.markdown_to_html), the same one editors' imports use.

Published articles get there the way any article does: saved through the one save path, submitted
by an author, their claims approved and blocker flags settled by the medical reviewer, approved,
then published by the managing editor (review.workflow), so the audit trail, the claims and the
gate agree with what the site shows. The review dates are then set in the past so the demo looks
lived-in. One article is a draft and two are in review on purpose, with the problems the moderation
features exist to catch; the loader never publishes them.
"""

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from articles.importers import markdown_to_html
from articles.models import FAQ, Article, AuthorProfile, KeyPoint
from articles.pages import article_pages_refresh
from demo.accounts import ensure_demo_accounts
from reference.demo import DEMO_SOURCE_KEYS, ODS_URL, load_reference
from reference.models import Condition, Food, MagnesiumForm, Source
from review import workflow
from review.models import Claim
from review.notifications import emails_off
from review.services import article_save

CONTENT = Path(__file__).resolve().parent / "content"
_MARKER_NAME_RE = re.compile(r"\[\[cite:([a-z0-9_]+)\]\]")
_FILE_RE = re.compile(r"^\d+-(?P<slug>[a-z0-9-]+)\.md$")


@dataclass
class DemoArticle:
    slug: str
    title: str
    standfirst: str
    status: str
    body: str  # Markdown, with short citation names
    authors: list
    reviewer: str = ""
    days_ago: int = 0
    tags: list = field(default_factory=list)
    forms: list = field(default_factory=list)
    foods: list = field(default_factory=list)
    conditions: list = field(default_factory=list)
    key_points: list = field(default_factory=list)
    faqs: list = field(default_factory=list)


def read_article(path: Path) -> DemoArticle:
    """One content file; a file that does not follow the format is an error naming it."""
    match = _FILE_RE.match(path.name)
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("+++", 2) if text.startswith("+++") and text.count("+++") >= 2 else ("", "", "")
    if not match or not body.strip():
        raise ValueError(f"{path}: expected NN-slug.md with +++ TOML front matter +++ and a Markdown body")
    meta = tomllib.loads(front)
    meta["faqs"] = [(faq["question"], faq["answer"]) for faq in meta.get("faqs", [])]
    return DemoArticle(slug=match["slug"], body=body.strip(), **meta)


def demo_articles() -> list[DemoArticle]:
    return [read_article(path) for path in sorted((CONTENT / "articles").glob("*.md"))]


def source_markers():
    """Short citation names -> the marker values the citation parser understands."""
    markers = dict(DEMO_SOURCE_KEYS)
    ods = Source.objects.filter(url=ODS_URL).only("pk").first()
    if ods is not None:
        markers["ods"] = f"id:{ods.pk}"  # a web page without DOI or PMID: cited by library number
    return markers


def resolve_demo_markers(body, markers):
    """Replace [[cite:short_name]] with [[cite:pmid:…]] / [[cite:doi:…]] / [[cite:id:…]]."""

    def replace(match):
        name = match.group(1)
        if name not in markers:
            raise KeyError(f"Demo article cites {name!r}, which is not a demo source")
        return f"[[cite:{markers[name]}]]"

    return _MARKER_NAME_RE.sub(replace, body)


def _profiles():
    ensure_demo_accounts()
    bios = tomllib.loads((CONTENT / "people.toml").read_text(encoding="utf-8"))["bios"]
    profiles = {p.user.username: p for p in AuthorProfile.objects.select_related("user")
                .filter(user__username__in=list(bios))}
    for username, profile in profiles.items():
        if not profile.bio:
            profile.bio = bios[username]
            profile.save(update_fields=["bio"])
    return profiles


def _review_and_publish(article, *, author, reviewer, publisher, days_ago):
    """Take a saved draft through the workflow to published, then date it `days_ago`."""
    article = workflow.article_submit(article=article, user=author)
    for claim in article.claims.pending():
        workflow.claim_decide(claim=claim, user=reviewer, decision=Claim.Status.APPROVED)
    blockers = [f"{flag.rule}: {flag.excerpt!r}" for flag in article.flags.open_blockers()]
    if blockers:
        # Published demo articles are written to pass review as they stand: a blocker here means a
        # rule regressed (or the text did), and the demo must not paper over it.
        raise ValueError(f"Demo article {article.slug!r} raises blocker flags: {'; '.join(blockers)}")
    article = workflow.article_approve(article=article, user=reviewer)
    article = workflow.article_publish(article=article, user=publisher)
    published_at = (timezone.now() - datetime.timedelta(days=days_ago)).replace(
        hour=9, minute=0, second=0, microsecond=0)
    reviewed = (published_at - datetime.timedelta(days=2)).date()
    # The history is replayed today; dated as it would have happened, the page's "Last updated" is
    # the publication, not the moment the demo was loaded.
    Article.objects.filter(pk=article.pk).update(
        published_at=published_at, updated_at=published_at, last_reviewed_at=reviewed,
        next_review_due=reviewed + workflow.REVIEW_INTERVAL)
    article_pages_refresh(article_ids=[article.pk])  # an update() sends no signal; the page shows these dates


def load_articles(*, stdout=None) -> dict:
    """Create the demo articles that don't exist yet (matched by slug); return how many were created.

    Create-only and idempotent: an existing article, even one an editor has changed, is left alone.
    Needs the demo reference library (reference.demo.load_reference), which it loads if missing.
    Nobody is emailed about this replayed history (dashboard notifications are still recorded).
    """
    with emails_off():
        created = _load_articles()
    if stdout is not None:
        stdout.write(f"Demo articles: created {created} articles.\n")
    return {"articles": created}


@transaction.atomic
def _load_articles():
    load_reference()  # create-only too: a no-op when the library is there
    specs = demo_articles()
    existing = set(Article.objects.filter(slug__in=[a.slug for a in specs]).values_list("slug", flat=True))
    if len(existing) == len(specs):
        return 0
    markers = source_markers()
    profiles = _profiles()
    created = 0
    for spec in specs:
        if spec.slug in existing:
            continue
        authors = [profiles[name] for name in spec.authors]
        reviewer = profiles[spec.reviewer] if spec.reviewer else None
        article = Article(
            title=spec.title, slug=spec.slug, standfirst=spec.standfirst, status=Article.Status.DRAFT,
            body=markdown_to_html(resolve_demo_markers(spec.body, markers)), medical_reviewer=reviewer,
        )

        def write_related(article=article, spec=spec, authors=authors):
            article.authors.set(authors)
            article.related_forms.set(MagnesiumForm.objects.filter(slug__in=spec.forms))
            article.related_foods.set(Food.objects.filter(name__in=spec.foods))
            article.related_conditions.set(Condition.objects.filter(slug__in=spec.conditions))
            KeyPoint.objects.bulk_create(KeyPoint(article=article, text=text, order=i)
                                         for i, text in enumerate(spec.key_points))
            FAQ.objects.bulk_create(FAQ(article=article, question=q, answer=a, order=i)
                                    for i, (q, a) in enumerate(spec.faqs))

        # Through the one save path, so citations, claims and flags are exactly what an editor's save makes.
        article_save(article=article, tags=spec.tags, write_related=write_related, user=authors[0].user)
        if spec.status == Article.Status.PUBLISHED:
            _review_and_publish(article, author=authors[0].user, reviewer=reviewer.user,
                                publisher=profiles["managing"].user, days_ago=spec.days_ago)
        elif spec.status == Article.Status.IN_REVIEW:
            workflow.article_submit(article=article, user=authors[0].user)
        created += 1
    return created
