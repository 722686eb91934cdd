"""Article workflows that touch several rows. Keyword-only, transactional, used by the admin,
management commands and tests alike. (Status transitions live in articles.workflow.)"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.citations import resolve_markers
from articles.models import Article, ArticleCitation, ArticlePage


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
    then the workflow's rule for edits to approved/published articles, then its stored public page."""
    article_sync_citations(article=article)
    if scan:
        from articles.review.services import article_scan
        from articles.workflow import after_edit

        article_scan(article=article)
        after_edit(article=article, user=user)
    article_pages_refresh(article_ids=[article.pk])


def article_pages_render(*, article_ids) -> int:
    """Render the public page of each published article in `article_ids` and store its parts, now.
    Returns how many were rendered; the others are left as they are (never served stored).

    One transaction per article, which first writes the stored page's row (a row lock on
    PostgreSQL, the write lock on SQLite), then reads the rows it renders: a concurrent write that
    marks the page stale waits for this render to commit and then marks it stale again, and this
    render sees every write committed before it. The page cache is left to the caller.
    """
    from articles.pages import render_key, render_parts

    published = (Article.objects.filter(pk__in={int(pk) for pk in article_ids}, status=Article.Status.PUBLISHED)
                 .order_by("pk").values_list("pk", flat=True))
    rendered = 0
    for pk in list(published):
        with transaction.atomic():
            if not ArticlePage.objects.filter(article_id=pk).update(stale=True):
                try:
                    with transaction.atomic():
                        ArticlePage.objects.create(article_id=pk, stale=True)
                except IntegrityError:  # created by a concurrent render, which has committed
                    ArticlePage.objects.filter(article_id=pk).update(stale=True)
            article = (Article.objects.select_related("medical_reviewer")
                       .filter(pk=pk, status=Article.Status.PUBLISHED).first())
            if article is None:  # unpublished (or deleted) since: its stored page stays stale
                continue
            parts = render_parts(article)
            ArticlePage.objects.filter(article_id=pk).update(
                **parts, stale=False, render_key=render_key(), rendered_at=timezone.now())
            rendered += 1
    return rendered


def article_pages_refresh(*, article_ids) -> None:
    """Mark these articles' stored pages stale now, in the caller's transaction, and render them
    again once it has committed.

    From the moment the caller's write commits, readers get these pages rendered live, so no one
    reads a stored page older than the rows it shows; the new parts are stored right after the
    commit (at once outside a transaction). Called by the receivers in articles/pages.py for every
    write a page depends on, and by code that writes without signals.
    """
    ids = {int(pk) for pk in article_ids if pk is not None}
    if not ids:
        return
    ArticlePage.objects.filter(article_id__in=ids, stale=False).update(stale=True)
    connection = transaction.get_connection()
    pending = getattr(connection, "magsite_pages_pending", None)
    if pending is None:
        pending = connection.magsite_pages_pending = set()
    pending |= ids
    # One callback per call, each rendering whatever is pending: the first after the commit does
    # the work once, however many writes the transaction made. (A callback registered in a savepoint
    # that rolls back is dropped; the ids it would have rendered stay pending for the next one.)
    transaction.on_commit(_render_pending, robust=True)


def _render_pending():
    from articles.cache import bump

    connection = transaction.get_connection()
    ids, connection.magsite_pages_pending = getattr(connection, "magsite_pages_pending", set()), set()
    if ids and article_pages_render(article_ids=ids):
        bump()  # pages cached meanwhile were rendered live from the same rows; this is belt and braces
