from django.core.management.base import BaseCommand, CommandError

from review.workflow import publish_scheduled


class Command(BaseCommand):
    help = "Publish scheduled articles that are due and pass the publish gate; report those that do not (run from cron)."

    def handle(self, *args, **options):
        published, refused = publish_scheduled()
        for article in published:
            self.stdout.write(self.style.SUCCESS(f"Published: {article.slug}"))
        for article, problems in refused:
            self.stdout.write(self.style.WARNING(f"Not published: {article.slug}: {' '.join(problems)}"))
        self.stdout.write(f"{len(published)} published, {len(refused)} held back by the publish gate.")
        if refused:
            # A non-zero exit makes cron mail the report to whoever watches it.
            raise CommandError(f"{len(refused)} due article(s) did not pass the publish gate.")
