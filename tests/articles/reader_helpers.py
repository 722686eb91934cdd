"""Plain factory helpers for the reader-facing tests (views, feeds, search, cache, SEO)."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from articles.models import FAQ, Article, AuthorProfile, KeyPoint
from articles.services import article_write
from reference.models import Source, StudyDesign
from tests.helpers import make_live

_counter = itertools.count(1)


def make_profile(name=None, *, reviewer=False, credentials=""):
    n = next(_counter)
    name = name or f"Author {n}"
    user = get_user_model().objects.create_user(username=f"user{n}", password="x", is_staff=True)
    return AuthorProfile.objects.create(user=user, display_name=name, credentials=credentials,
                                        is_medical_reviewer=reviewer)


def make_staff(*, perm=True):
    n = next(_counter)
    user = get_user_model().objects.create_user(username=f"staff{n}", password="x", is_staff=True)
    if perm:
        user.user_permissions.add(Permission.objects.get(codename="view_article", content_type__app_label="articles"))
    return user


def make_sources(count):
    start = next(_counter) * 1000
    return [
        Source.objects.create(title=f"Trial of magnesium number {start + i}", authors="Doe J, Roe R",
                              publisher="J Test Med", year=2020, pmid=str(10_000_000 + start + i),
                              doi=f"10.5555/test.{start + i}", study_design=StudyDesign.RCT)
        for i in range(count)
    ]


def make_article(title=None, *, status=Article.Status.PUBLISHED, body=None, sources=(), tags=(),
                 authors=None, reviewer=None, faqs=(), key_points=(), standfirst="What the evidence says.",
                 published_at=None, days_ago=1):
    n = next(_counter)
    title = title or f"Magnesium article {n}"
    markers = " ".join(f"Claim {i}.[[cite:pmid:{s.pmid}]]" for i, s in enumerate(sources, start=1))
    body = body if body is not None else f"<h2>Section</h2><p>Body text for {title}. {markers}</p>"
    if reviewer is None:
        reviewer = make_profile(f"Dr Reviewer {n}", reviewer=True, credentials="MD")
    if published_at is None and status == Article.Status.PUBLISHED:
        published_at = timezone.now() - datetime.timedelta(days=days_ago)
    article = Article(title=title, standfirst=standfirst, body=body, medical_reviewer=reviewer,
                      last_reviewed_at=datetime.date(2026, 1, 15))
    if authors is None:
        authors = [make_profile(f"Writer {n}")]

    def related():
        article.authors.set(authors)
        for i, (question, answer) in enumerate(faqs):
            FAQ.objects.create(article=article, question=question, answer=answer, order=i)
        for i, text in enumerate(key_points):
            KeyPoint.objects.create(article=article, text=text, order=i)

    # No flag scan: these tests are about reading pages.
    article_write(article=article, tags=list(tags), write_related=related)
    if status == Article.Status.PUBLISHED:
        make_live(article, published_at=published_at)
    elif status != Article.Status.DRAFT:
        Article.objects.filter(pk=article.pk).update(status=status, published_at=published_at)
        article.refresh_from_db()
    return article
