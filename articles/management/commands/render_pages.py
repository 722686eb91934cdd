import time

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.pages import article_pages_render, render_key
from magsite.cache import bump

BATCH = 200


class Command(BaseCommand):
    help = ("Render and store the public pages of published articles whose stored page is missing, stale, or "
            "rendered by other templates, code or settings (articles/pages.py); --force renders them all. Run it "
            "on each deploy: until then such pages are rendered live for every reader, correctly but more slowly.")

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG", help="Only these articles.")
        parser.add_argument("--force", action="store_true", help="Render fresh pages again too.")

    def handle(self, *args, slugs, force, **options):
        articles = Article.objects.filter(status=Article.Status.PUBLISHED).order_by("pk")
        if slugs:
            articles = articles.filter(slug__in=slugs)
        if not force:
            articles = articles.exclude(stored_page__stale=False, stored_page__render_key=render_key())
        ids = list(articles.values_list("pk", flat=True))
        started = time.perf_counter()
        rendered = 0
        for start in range(0, len(ids), BATCH):
            rendered += article_pages_render(article_ids=ids[start:start + BATCH])
            self.stdout.write(f"\r{rendered}/{len(ids)}", ending="")
            self.stdout.flush()
        if ids:
            self.stdout.write("")
        if rendered:
            bump()  # cached pages were rendered from the same rows, but say it plainly
        self.stdout.write(self.style.SUCCESS(
            f"Rendered {rendered} published article page(s) in {time.perf_counter() - started:.1f} s."))
