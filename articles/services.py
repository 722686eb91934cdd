"""Article workflows that touch several rows. Keyword-only, transactional, used by the admin,
management commands and tests alike. (Status transitions live in articles.workflow.)"""

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.citations import resolve_markers
from articles.models import Article, ArticleCitation


class StaleEditError(ValidationError):
    """The article was saved by someone else since this edit began."""


@transaction.atomic
def article_sync_citations(*, article: Article) -> list:
    """Rebuild the article's numbered citations from the markers in its body.

    Raises ValidationError (and changes nothing) when a marker names no known source.
    Returns the sources in citation order.
    """
    sources = resolve_markers(article.body)
    ArticleCitation.objects.filter(article=article).delete()
    ArticleCitation.objects.bulk_create(
        ArticleCitation(article=article, source=source, number=number)
        for number, source in enumerate(sources, start=1)
    )
    return sources


def article_claim_version(*, article: Article, expected_version=None):
    """Lock the row and take the next version number; refuse if `expected_version` is stale.

    Must run inside a transaction. Two people editing the same article: the second save sees
    a version that moved on and is refused, so the first save is never overwritten silently.
    """
    if article.pk is None:
        article.version = 1
        return
    current = Article.objects.select_for_update().filter(pk=article.pk).values_list("version", flat=True).first()
    if current is None:
        return
    if expected_version is not None and int(expected_version) != current:
        raise StaleEditError(
            "Someone else saved this article while you were editing it, so your changes were not saved "
            "(nothing of theirs was lost). Copy your changes, reload the page, and apply them again.",
            code="stale_edit",
        )
    article.version = current + 1


@transaction.atomic
def article_save(*, article: Article, tags=None, expected_version=None, user=None, scan=True) -> Article:
    """Save an article and everything derived from its body, all or nothing: version check,
    citations, tags, then the flag scan and the workflow's after-edit rule."""
    resolve_markers(article.body)  # validate before writing anything
    article_claim_version(article=article, expected_version=expected_version)
    article.save()
    if tags is not None:
        article.tags.set(tags)
    article_after_save(article=article, user=user, scan=scan)
    return article


def article_after_save(*, article: Article, user=None, scan=True):
    """Everything derived from a saved article's body: numbered citations, then flags and claims,
    then the workflow's rule for edits to approved/published articles."""
    article_sync_citations(article=article)
    if scan:
        from articles.review.services import article_scan
        from articles.workflow import after_edit

        article_scan(article=article)
        after_edit(article=article, user=user)
