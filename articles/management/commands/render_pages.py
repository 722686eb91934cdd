import time

from django.core.management.base import BaseCommand

from articles.cache import bump
from articles.models import Article
from articles.services import article_pages_render


class Command(BaseCommand):
    help = ("Render and store the public page of every published article (articles/pages.py). Run it on "
            "each deploy: stored pages rendered by other templates, code or SITE_URL are not served (the "
            "page is rendered live, more slowly) until this has run.")

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG", help="Only these articles.")

    def handle(self, *args, slugs, **options):
        articles = Article.objects.filter(status=Article.Status.PUBLISHED).order_by("pk")
        if slugs:
            articles = articles.filter(slug__in=slugs)
        ids = list(articles.values_list("pk", flat=True))
        started = time.perf_counter()
        rendered = 0
        for start in range(0, len(ids), 200):
            rendered += article_pages_render(article_ids=ids[start:start + 200])
            self.stdout.write(f"\r{rendered}/{len(ids)}", ending="")
            self.stdout.flush()
        self.stdout.write("")
        if rendered:
            bump()  # cached pages were rendered from the same rows, but say it plainly
        self.stdout.write(self.style.SUCCESS(
            f"Rendered {rendered} published article page(s) in {time.perf_counter() - started:.1f} s."))
