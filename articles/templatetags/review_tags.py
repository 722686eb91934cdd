from django import template
from django.utils import timezone

from articles.models import Article, Notification

register = template.Library()


@register.simple_tag
def editorial_dashboard(user):
    """What the admin home shows a staff user: unread notifications, their review queue and overdue
    re-reviews (a constant handful of queries)."""
    if not user.is_authenticated or not user.is_staff:
        return {}
    profile = getattr(user, "profile", None)
    queue = Article.objects.filter(status=Article.Status.IN_REVIEW)
    if not user.is_superuser and profile is not None:
        queue = queue.filter(medical_reviewer=profile) | queue.filter(medical_reviewer__isnull=True)
    overdue = Article.objects.filter(status=Article.Status.PUBLISHED, next_review_due__lt=timezone.localdate())
    return {
        "notifications": list(Notification.objects.filter(recipient=user, read=False).select_related("article")[:10]),
        "queue_count": queue.count() if user.has_perm("articles.review_article") else None,
        "overdue": list(overdue.order_by("next_review_due")[:10]),
        "overdue_count": overdue.count(),
    }
