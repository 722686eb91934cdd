"""Writing an article's own rows: keyword-only, transactional services.

`article_write` is the content half of the one save path; review.services.article_save wraps it
with the flag scan and the workflow (the admin, the importer, the demo loader and the tests call
that). Status transitions live in review.workflow; the public page's lifecycle in articles.pages.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction

from articles.citations import resolve_markers
from articles.models import Article, ArticleCitation
from articles.pages import article_pages_refresh


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


def article_check_version(*, article: Article, expected_version, lock=False) -> int | None:
    """The version of `article` now stored; StaleEditError when `expected_version` (the one the
    editor's form was opened at) is not it. With `lock`, the row is locked until the caller's
    transaction ends, so no other save slips in between. None for an article not saved yet."""
    rows = Article.objects.filter(pk=article.pk)
    if lock:
        rows = rows.select_for_update()
    current = rows.values_list("version", flat=True).first() if article.pk else None
    if current is not None and expected_version not in (None, "") and int(expected_version) != current:
        raise StaleEditError(
            "Someone else saved this article while you were editing it (their version %(current)s, you started "
            "from %(expected)s). Your changes were NOT saved, and nothing of theirs was lost: copy your changes, "
            "open the article again in a new tab, and apply them to the latest version.",
            code="stale_edit", params={"current": current, "expected": expected_version},
        )
    return current


def article_claim_version(*, article: Article, expected_version=None):
    """Lock the row and take the next version number; refuse if `expected_version` is stale.

    Must run inside a transaction. Two people editing the same article: the second save sees
    a version that moved on and is refused, so the first save is never overwritten silently.
    """
    current = article_check_version(article=article, expected_version=expected_version, lock=True)
    article.version = 1 if current is None else current + 1


@transaction.atomic
def article_write(*, article: Article, tags=None, write_related: Callable[[], None] | None = None,
                  expected_version=None) -> Article:
    """Save an article's own rows, all or nothing: the citation markers resolved (an unknown source
    refuses the save, naming the marker), the version checked (a stale edit is refused), the row,
    its tags and the caller's related rows (`write_related`: the admin's inlines and many-to-many
    fields, written once the row exists), then its numbered citations, and its public page
    refreshed."""
    resolve_markers(article.body)  # validate before writing anything
    article_claim_version(article=article, expected_version=expected_version)
    article.save()
    if tags is not None:
        article.tags.set(tags)
    if write_related is not None:
        write_related()
    article_sync_citations(article=article)
    article_pages_refresh(article_ids=[article.pk])
    return article
