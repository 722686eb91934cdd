from django import template

from review.models import Notification, ReviewQueueItem

register = template.Library()


@register.simple_tag
def editorial_dashboard(user):
    """What the admin home shows a staff user: unread notifications, their review queue and overdue
    re-reviews (a constant handful of queries)."""
    if not user.is_authenticated or not user.is_staff:
        return {}
    overdue = ReviewQueueItem.objects.overdue_for_review()
    return {
        "notifications": list(Notification.objects.filter(recipient=user, read=False).select_related("article")[:10]),
        "queue_count": (ReviewQueueItem.objects.awaiting_review_by(user).count()
                        if user.has_perm("articles.review_article") else None),
        "overdue": list(overdue.order_by("next_review_due")[:10]),
        "overdue_count": overdue.count(),
    }
