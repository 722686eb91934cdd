"""`manage.py audit_published`: check the invariant on everything readers can see.

For every public article: its live revision passes the publish gate, and the audit trail backs it
(who approved each claim, who settled each flag, none of them an author, a recorded publication).
Prints each violation and exits non-zero if there is any. CI runs it after loading the demo and
after the attack suite.
"""

from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from review.workflow import audit_published


class Command(BaseCommand):
    help = ("Check that every public article's live revision passes the publish gate and that the audit trail "
            "backs each decision on it; exit non-zero on any violation.")

    def handle(self, *args, **options):
        public = Article.objects.published().count()
        violations = audit_published()
        for article, message in violations:
            self.stdout.write(f"{article.slug}: {message}")
        if violations:
            raise CommandError(f"{len(violations)} violation(s) on {public} public article(s).")
        self.stdout.write(self.style.SUCCESS(
            f"{public} public article(s): each live revision passes the gate, and the audit trail backs it."))
