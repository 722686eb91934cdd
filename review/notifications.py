"""Telling people what the workflow needs from them: a notification on their admin dashboard, and
an email sent once the decision has committed."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from review.models import Notification

_emails_on = ContextVar("magsite_notification_emails", default=True)


@contextmanager
def emails_off():
    """Record notifications but email nobody, for replayed history (the demo loader)."""
    token = _emails_on.set(False)
    try:
        yield
    finally:
        _emails_on.reset(token)


def notify(*, article, recipients, message):
    """A dashboard notification for each recipient, and one email each (sent after commit)."""
    recipients = list({user.pk: user for user in recipients}.values())
    Notification.objects.bulk_create(Notification(recipient=u, article=article, message=message) for u in recipients)
    emails = sorted({u.email for u in recipients if u.email})
    if emails and _emails_on.get():
        subject = f"[MagSite] {article.title[:80]}"
        link = settings.SITE_URL + reverse("admin:review_reviewqueueitem_review", args=[article.pk])
        body = f"{message}\n\nArticle: {article.title}\nReview screen: {link}"
        transaction.on_commit(lambda: send_mail(subject, body, None, emails))
