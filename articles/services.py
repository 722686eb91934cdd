"""Article workflows that touch several rows. Keyword-only, transactional, used by the admin,
management commands and tests alike."""

from django.db import transaction

from articles.citations import resolve_markers
from articles.models import Article, ArticleCitation


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


@transaction.atomic
def article_save(*, article: Article, tags=None) -> Article:
    """Save an article and everything derived from its body (citations), all or nothing."""
    resolve_markers(article.body)  # validate before writing anything
    article.save()
    if tags is not None:
        article.tags.set(tags)
    article_sync_citations(article=article)
    return article
