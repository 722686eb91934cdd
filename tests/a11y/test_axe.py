"""axe-core (bundled by axe-playwright-python) on every public page type and the reviewer's review
screen, with the demo content: no serious or critical violation.

axe is evaluated through the DevTools protocol, which the page's Content Security Policy does not
govern, so the pages are audited exactly as served (no CSP bypass).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from taggit.models import Tag

from articles.models import Article, AuthorProfile
from demo.accounts import DEMO_PASSWORD, ensure_demo_accounts
from demo.loader import load_articles
from reference.demo import load_reference
from reference.models import Condition, Food, MagnesiumForm

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(live_server):
    load_reference()
    load_articles()
    ensure_demo_accounts()
    cache.clear()
    return live_server.url


def public_pages():
    article = Article.objects.published().filter(faqs__isnull=False).first()
    tag = Tag.objects.filter(article__in=Article.objects.published()).first()
    author = AuthorProfile.objects.filter(articles__in=Article.objects.published()).first()
    return {
        "home": "/",
        "article list": "/articles/",
        "article": article.get_absolute_url(),
        "tag": f"/topics/{tag.slug}/",
        "author": author.get_absolute_url(),
        "search results": "/search/?q=magnesium",
        "search, nothing found": "/search/?q=zzyzx",
        "search, empty": "/search/",
        "how we review": "/how-we-review/",
        "404": "/no-such-page/",
        "reference index": "/reference/",
        "forms table": "/reference/forms/",
        "form detail": MagnesiumForm.objects.first().get_absolute_url(),
        "foods table": "/reference/foods/",
        "food detail": Food.objects.first().get_absolute_url(),
        "conditions list": "/reference/conditions/",
        "condition detail": Condition.objects.first().get_absolute_url(),
        "intake": "/reference/intake/",
    }


def serious(page):
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"] if v["impact"] in BLOCKING
    ]


def test_public_pages_have_no_serious_or_critical_violations(page, demo, screenshot_dir):
    found = {}
    for viewport_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        for name, url in public_pages().items():
            if viewport_name == "phone" and name not in ("home", "article", "foods table", "search results"):
                continue  # the layouts that change most on a small screen
            page.goto(demo + url)
            problems = serious(page)
            if problems:
                found[f"{name} ({viewport_name}) {url}"] = problems
    page.set_viewport_size(DESKTOP)
    page.goto(demo + public_pages()["article"])
    page.screenshot(path=screenshot_dir / "a11y-article.png", full_page=True)
    assert found == {}


def test_review_screen_has_no_serious_or_critical_violations(page, demo, screenshot_dir):
    article = Article.objects.filter(status=Article.Status.IN_REVIEW, flags__status="open").distinct().first()
    page.set_viewport_size(DESKTOP)
    page.goto(f"{demo}/admin/login/?next=/admin/review/reviewqueueitem/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/review/reviewqueueitem/")
    found = {"queue": serious(page)}
    page.goto(f"{demo}/admin/review/reviewqueueitem/{article.pk}/review/")
    found["review screen"] = serious(page)
    page.screenshot(path=screenshot_dir / "a11y-review-screen.png", full_page=True)
    assert found == {"queue": [], "review screen": []}
