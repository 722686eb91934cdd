"""Plain factory helpers for workflow tests."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.models import Article, ArticleCitation, AuthorProfile
from articles.services import article_snapshot
from reference.models import Source, StudyDesign
from review.models import Claim, Flag
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER, ensure_roles
from tests.helpers import make_live

_n = itertools.count(1)


def make_user(role=None, *, username=None, superuser=False, reviewer_profile=None):
    ensure_roles()
    n = next(_n)
    username = username or f"{(role or 'user').lower().replace(' ', '')}{n}"
    user = get_user_model().objects.create_user(
        username=username, password="pw-test-12345", email=f"{username}@example.org",
        is_staff=True, is_superuser=superuser,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    AuthorProfile.objects.create(
        user=user, display_name=f"Person {n}", slug=f"person-{n}", credentials="MD" if role == REVIEWER else "",
        is_medical_reviewer=(role == REVIEWER) if reviewer_profile is None else reviewer_profile,
    )
    return user


def make_source(**kw):
    n = next(_n)
    defaults = {"title": f"Trial {n}", "pmid": str(30000000 + n), "study_design": StudyDesign.RCT, "year": 2020}
    return Source.objects.create(**{**defaults, **kw})


def make_article(*, author, reviewer=None, status=Article.Status.DRAFT, cited=True, tags=(), **kw):
    """An article with one author, a cited source and revision 1 of that content. `status`
    published makes revision 1 live (a fixture: the workflow's own tests publish through it)."""
    n = next(_n)
    article = Article(title=f"Article {n}", slug=f"article-{n}", body="<p>Magnesium is a mineral.</p>",
                      medical_reviewer=reviewer.profile if reviewer else None, **kw)
    article.save()
    article.authors.add(author.profile)
    if cited:
        ArticleCitation.objects.create(article=article, source=make_source(), number=1)
    if tags:
        article.tags.add(*tags)
    article_snapshot(article=article)
    if status == Article.Status.PUBLISHED:
        make_live(article)
    elif status != Article.Status.DRAFT:
        Article.objects.filter(pk=article.pk).update(status=status)
        article.refresh_from_db()
    return article


def _latest(article):
    return article.revisions.order_by("-number").first()


def add_claim(article, status=Claim.Status.PENDING, text=None):
    """A claim made by the article's newest revision."""
    n = next(_n)
    claim = Claim.objects.create(article=article, text=text or f"Magnesium helps claim {n}.", start=0, end=10,
                                 category="efficacy", fingerprint=f"claim-{n}", status=status)
    claim.revisions.add(_latest(article))
    return claim


def add_flag(article, severity="blocker", status=Flag.Status.OPEN):
    """A flag raised on the article's newest revision."""
    n = next(_n)
    flag = Flag.objects.create(article=article, rule="unsupported.research_appeal", category="unsupported",
                               severity=severity, excerpt="Research shows", start=0, end=14, message="m",
                               fingerprint=f"flag-{n}", status=status,
                               resolution_note="" if status != Flag.Status.DISMISSED else "because")
    flag.revisions.add(_latest(article))
    return flag


ROLES = {"editor": EDITOR, "reviewer": REVIEWER, "managing": MANAGING_EDITOR}
