"""Helpers shared by the test packages."""

from django.utils import timezone

from articles.models import Article, ArticleRevision


def make_live(article, *, published_at=None, review_summary=None):
    """Test fixture: make the article's newest revision live as if it had been approved and
    published, without the workflow (tests of reading pages; the workflow has its own tests).
    Real code publishes only through review.workflow, which checks the gate."""
    revision = article.revisions.order_by("-number").first()
    published_at = published_at or article.published_at or timezone.now()
    ArticleRevision.objects.filter(pk=revision.pk).update(
        medical_reviewer=article.medical_reviewer, last_reviewed_at=article.last_reviewed_at,
        next_review_due=article.next_review_due, live_at=published_at,
        review_summary=review_summary if review_summary is not None else {})
    article.live_revision = revision
    article.status = Article.Status.PUBLISHED
    article.published_at = published_at
    article._workflow_transition = "fixture"
    article.save(update_fields=["live_revision", "status", "published_at"])
    return article
