"""The pages the benchmark measures: SQL queries per page and warm render time, in process.

Both run through django.test.Client (full middleware stack) with the page cache off, so a page
is really rendered; admin pages are fetched signed in as the benchmark's superuser.

"article page" is what a reader gets: the article with its stored page (articles/pages.py).
"article page, live render" is the same page while its stored page is set aside (marked stale in
a transaction that is rolled back afterwards): what readers get between an edit's commit and the
new page being stored, and what a staff preview costs.
"""

import statistics
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from bench.data import BuildInfo

CACHE_OFF = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    admin: bool = False
    live_render_of: str = ""  # an article slug: its stored page is set aside while this page is measured


def pages(info: BuildInfo) -> list[Page]:
    """Every page in the report, in table order."""
    search = reverse("articles:search") + "?" + urlencode({"q": info.search_query})
    return [
        Page("home", reverse("articles:home")),
        Page("article list", reverse("articles:article_list")),
        Page("article page", reverse("articles:article_detail", args=[info.article_slug])),
        Page("article page, live render", reverse("articles:article_detail", args=[info.article_slug]),
             live_render_of=info.article_slug),
        Page("tag page", reverse("articles:tag_detail", args=[info.tag_slug])),
        Page("search", search),
        Page("reference index", reverse("reference:index")),
        Page("forms list", reverse("reference:form_list")),
        Page("form detail", reverse("reference:form_detail", args=[info.form_slug])),
        Page("foods list", reverse("reference:food_list")),
        Page("food detail", reverse("reference:food_detail", args=[info.food_slug])),
        Page("conditions list", reverse("reference:condition_list")),
        Page("condition detail", reverse("reference:condition_detail", args=[info.condition_slug])),
        Page("intake", reverse("reference:intake")),
        Page("admin article list", reverse("admin:articles_article_changelist"), admin=True),
        Page("admin article form", reverse("admin:articles_article_change", args=[info.article_pk]), admin=True),
        Page("review screen", reverse("admin:review_reviewqueueitem_review", args=[info.article_pk]), admin=True),
    ]


def clients(info: BuildInfo):
    """(anonymous client, signed-in superuser client)."""
    staff = Client()
    staff.force_login(get_user_model().objects.get(username=info.admin_username))
    return Client(), staff


@contextmanager
def page_cache_off():
    with override_settings(CACHES=CACHE_OFF):
        yield


@contextmanager
def _stored_page_set_aside(slug):
    from articles.models import ArticlePage

    with transaction.atomic():
        ArticlePage.objects.filter(article__slug=slug).update(stale=True)
        yield
        transaction.set_rollback(True)


def measuring(page):
    """The context `page` is measured in (its article's stored page set aside, for a live render)."""
    return _stored_page_set_aside(page.live_render_of) if page.live_render_of else nullcontext()


def _get(client, page):
    response = client.get(page.url)
    if response.status_code != 200:
        raise RuntimeError(f"{page.name}: {page.url} answered {response.status_code}")
    return response


def query_counts(info: BuildInfo, *, warm=True, timings=None) -> dict[str, int]:
    """SQL queries per page, page cache off.

    With `warm`, each page is fetched once first, so that per-process one-off lookups (the content
    types cache, say) are not counted; a process that has already served every page needs no
    warm-up. `timings`, a dict, receives the wall and CPU time of each counted request (the
    benchmark reuses them for pages too slow to time again).
    """
    anonymous, staff = clients(info)
    counts = {}
    with page_cache_off():
        for page in pages(info):
            client = staff if page.admin else anonymous
            with measuring(page):
                if warm or page.live_render_of:  # the live render may not have run in this process yet
                    _get(client, page)
                with CaptureQueriesContext(connection) as queries:
                    started, started_cpu = time.perf_counter(), time.thread_time()
                    _get(client, page)
            if timings is not None:
                timings[page.name] = {"wall_ms": (time.perf_counter() - started) * 1000,
                                      "cpu_ms": (time.thread_time() - started_cpu) * 1000, "samples": 1}
            counts[page.name] = len(queries.captured_queries)
    return counts


def time_page(client, page, *, iterations, budget):
    """Median wall and CPU time of `client.get(page)` in ms, after one or two warm-up requests.

    CPU time (this thread's) is reported beside wall time because these machines are shared:
    wall time also counts the moments the OS gave the core to someone else.
    """
    started = time.perf_counter()
    _get(client, page)
    if time.perf_counter() - started > budget / 2:
        # A page this slow (seconds) is reported from one more request rather than holding the run up.
        iterations = 1
    else:
        _get(client, page)
    wall, cpu = [], []
    deadline = time.perf_counter() + budget
    while len(wall) < iterations and (len(wall) < min(5, iterations) or time.perf_counter() < deadline):
        started, started_cpu = time.perf_counter(), time.thread_time()
        _get(client, page)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return {"wall_ms": statistics.median(wall), "cpu_ms": statistics.median(cpu), "samples": len(wall)}


def render_times(info: BuildInfo, *, iterations=60, budget=3.0, known=None) -> dict[str, dict]:
    """Median warm render time per page, page cache off, plus the article page with the cache on.

    `known`: timings already taken (query_counts); a page that took longer than `budget` there is
    reported from that request instead of being fetched again.
    """
    anonymous, staff = clients(info)
    times = {}
    with page_cache_off():
        for page in pages(info):
            if known and page.name in known and known[page.name]["wall_ms"] > budget * 1000:
                times[page.name] = known[page.name]
                continue
            with measuring(page):
                times[page.name] = time_page(staff if page.admin else anonymous, page, iterations=iterations,
                                             budget=budget)
    article = next(p for p in pages(info) if p.name == "article page")
    # The configured cache (local memory, or Redis with CACHE_URL): the first request fills it.
    _get(anonymous, article)
    hit = _get(anonymous, article).get("X-MagSite-Cache")
    if hit != "hit":
        raise RuntimeError(f"article page with the cache on was not served from the cache ({hit!r})")
    times["article page (cache on)"] = time_page(anonymous, article, iterations=iterations * 4, budget=budget)
    return times


def article_bytes(info: BuildInfo) -> bytes:
    """The article page as an anonymous reader gets it (the bare view serves these bytes)."""
    anonymous = Client()
    article = next(p for p in pages(info) if p.name == "article page")
    with page_cache_off():
        return _get(anonymous, article).content


def profile_page(info: BuildInfo, name: str, *, iterations=200):
    """Profile `iterations` warm renders of one page (page cache off) and return the report as text.

    pyinstrument (requirements-dev.txt) when installed, cProfile otherwise.
    """
    by_name = {page.name: page for page in pages(info)}
    if name not in by_name:
        raise SystemExit(f"No page named {name!r}; choose from: {', '.join(by_name)}")
    page = by_name[name]
    anonymous, staff = clients(info)
    client = staff if page.admin else anonymous
    with page_cache_off(), measuring(page):
        for _ in range(5):
            _get(client, page)
        try:
            from pyinstrument import Profiler
        except ImportError:
            import cProfile
            import io
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(iterations):
                _get(client, page)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
            return out.getvalue()
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(iterations):
            _get(client, page)
        profiler.stop()
        return profiler.output_text(unicode=True, color=False)
