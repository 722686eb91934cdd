"""Writing an article's own rows: keyword-only, transactional services.

`article_write` is the content half of the one save path; review.services.article_save wraps it
with the flag scan and the workflow (the admin, the importer, the demo loader and the tests call
that). Each save that changes the content records a revision (`article_snapshot`): reviewers review
the newest, and readers see only the one the workflow made live (review.workflow). Status
transitions live in review.workflow; the public page's lifecycle in articles.pages.
"""

import hashlib
import json
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from articles.citations import resolve_markers
from articles.models import Article, ArticleCitation, ArticleRevision, RevisionCitation
from articles.pages import article_pages_refresh

# What a content save writes to an existing article row. Status, the live revision, publication and
# review dates are the workflow's: a content save never writes them, so an editor's save that raced
# a transition can never carry an old status back.
CONTENT_FIELDS = ["title", "slug", "standfirst", "body", "body_text", "reading_time_minutes", "image", "image_alt",
                  "seo_title", "seo_description", "medical_reviewer", "version", "updated_at"]


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


def check_slug(*, article: Article, slug):
    """Refuse a new address for an article readers have been given (ValidationError): links,
    feeds and search engines point to it. The form calls it at the field; the save calls it too."""
    if article.pk is None or not article.published_at:
        return
    stored = Article.objects.filter(pk=article.pk).values_list("slug", flat=True).first()
    if stored is not None and slug != stored:
        raise ValidationError(
            "This article has been published at /articles/%(slug)s/, and readers, feeds and search engines "
            "link there: its address cannot change.", code="slug_locked", params={"slug": stored})


@transaction.atomic
def article_write(*, article: Article, tags=None, write_related: Callable[[], None] | None = None,
                  expected_version=None, user=None, summary="") -> ArticleRevision:
    """Save an article's own rows, all or nothing: the citation markers resolved (an unknown source
    refuses the save, naming the marker), the version checked (a stale edit is refused), the row,
    its tags and the caller's related rows (`write_related`: the admin's inlines and many-to-many
    fields, written once the row exists), its numbered citations, then a revision of the content if
    it changed. Returns the newest revision (the one just made, or the unchanged latest one)."""
    resolve_markers(article.body)  # validate before writing anything
    check_slug(article=article, slug=article.slug)
    article_claim_version(article=article, expected_version=expected_version)
    if article.pk is None:
        article.save()
    else:
        article.save(update_fields=CONTENT_FIELDS)
    if tags is not None:
        article.tags.set(tags)
    if write_related is not None:
        write_related()
    article_sync_citations(article=article)
    revision = article_snapshot(article=article, user=user, summary=summary)
    article_pages_refresh(article_ids=[article.pk])  # a preview shows the newest revision
    return revision


def _content(article: Article) -> dict:
    """Everything a page of `article` shows, from its saved rows, as plain values (few queries)."""
    return {
        "title": article.title, "standfirst": article.standfirst, "body": article.body,
        "body_text": article.body_text, "reading_time_minutes": article.reading_time_minutes,
        "image": article.image.name or "", "image_alt": article.image_alt, "seo_title": article.seo_title,
        "seo_description": article.seo_description,
        "key_points": [{"text": text} for text in article.key_points.values_list("text", flat=True)],
        "faqs": [{"question": q, "answer": a} for q, a in article.faqs.values_list("question", "answer")],
        "authors": list(article.authors.order_by("display_name", "pk").values_list("pk", flat=True)),
        "tags": list(article.tags.order_by("pk").values_list("pk", flat=True)),
        "related_forms": sorted(article.related_forms.values_list("pk", flat=True)),
        "related_foods": sorted(article.related_foods.values_list("pk", flat=True)),
        "related_conditions": sorted(article.related_conditions.values_list("pk", flat=True)),
        "citations": list(article.citations.order_by("number").values_list("number", "source_id")),
    }


RELATIONS = ("authors", "tags", "related_forms", "related_foods", "related_conditions")


def article_snapshot(*, article: Article, user=None, summary="") -> ArticleRevision:
    """Record the article's saved content as a new revision, unless the newest revision already
    holds exactly this content (then that one is returned: a save that changes nothing makes no
    revision, and sends nothing back to review). Call inside the saving transaction."""
    content = _content(article)
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
    latest = article.revisions.order_by("-number").first()
    if latest is not None and latest.content_hash == digest:
        return latest
    number = (article.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    revision = ArticleRevision.objects.create(
        article=article, number=number, created_by=user, summary=(summary or "")[:300], content_hash=digest,
        **{name: content[name] for name in ("title", "standfirst", "body", "body_text", "reading_time_minutes",
                                            "image", "image_alt", "seo_title", "seo_description", "key_points",
                                            "faqs")},
    )
    for name in RELATIONS:
        getattr(revision, name).set(content[name])
    RevisionCitation.objects.bulk_create(
        RevisionCitation(revision=revision, number=number, source_id=source_id)
        for number, source_id in content["citations"])
    return revision
