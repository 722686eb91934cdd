from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from review.scan import engine_inputs
from review.services import article_scan


class Command(BaseCommand):
    help = "Re-scan stored articles with the current rules (after a rule or term change). Reviewers' decisions are kept."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG", help="Articles to re-scan.")
        parser.add_argument("--all", action="store_true", help="Re-scan every article.")

    def handle(self, *args, slugs, all, **options):
        if bool(slugs) == bool(all):
            raise CommandError("Give article slugs or --all (not both).")
        articles = Article.objects.order_by("pk")
        if slugs:
            articles = articles.filter(slug__in=slugs)
            missing = sorted(set(slugs) - set(articles.values_list("slug", flat=True)))
            if missing:
                raise CommandError(f"No article with slug: {', '.join(missing)}")
        total = articles.count()
        inputs = engine_inputs()  # read once, not per article
        open_flags = claims = 0
        width = 30
        for done, article in enumerate(articles.iterator(chunk_size=200), start=1):
            flags_open, claims_current = article_scan(article=article, inputs=inputs)
            open_flags += flags_open
            claims += claims_current
            filled = width * done // total
            self.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {article.slug[:40]:<40}",
                              ending="")
            self.stdout.flush()
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(
            f"Re-scanned {total} article(s): {open_flags} open flag(s), {claims} current claim(s)."
        ))
