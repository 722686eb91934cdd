"""Security in a real browser (Chromium): no XSS vector runs, the site cannot be framed, and the
public site and the admin (CKEditor included) work under their Content Security Policy with no
violation at all.

The XSS pass runs twice: with the CSP on (any injected script or handler would show up as a
violation) and in a context that bypasses the CSP, so that escaping alone is what is tested (a
dialog or `window.__xss` would mean a vector ran).
"""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article
from demo.accounts import DEMO_PASSWORD, ensure_demo_accounts
from demo.loader import load_articles
from reference.demo import load_reference
from review.models import Flag
from review.roles import REVIEWER
from tests.review.factories import add_claim, add_flag, make_article, make_user
from tests.security.vectors import XSS_VECTORS
from tests.security.xss_content import SINK_SLUG, XssSite, publish_for_test

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "pw-test-12345"  # tests/workflow/factories.make_user's
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} in ${e.sourceFile}:${e.lineNumber}`);
});
"""


def watch(page):
    """Collect dialogs (dismissed), page errors, console errors and CSP violation events."""
    seen = {"dialogs": [], "errors": []}

    def on_dialog(dialog):
        seen["dialogs"].append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message):
        if "status of 404" in message.text:
            return  # pages this test opens on purpose to get the 404 page, the admin's missing favicon
        if message.type == "error" or "Content Security Policy" in message.text:
            seen["errors"].append(f"{message.text} ({message.location.get('url')})")

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda error: seen["errors"].append(f"page error: {error}"))
    page.add_init_script(WATCH_CSP)
    return seen


def violations(page):
    return [v for frame in page.frames for v in (frame.evaluate("window.__cspViolations || []"))]


def ran_script(page):
    return page.evaluate("typeof window.__xss !== 'undefined'")


def poke(page):
    """Give handlers a chance to fire: hover across the page, open every <details>, tab around."""
    for y in range(60, 900, 200):
        page.mouse.move(20, y)
        page.mouse.move(1260, y, steps=4)
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    for _ in range(5):
        page.keyboard.press("Tab")


def sign_in(page, base, username, next_url):
    page.goto(f"{base}/admin/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"**{next_url}")


@pytest.fixture
def xss_site(live_server):
    site = XssSite().build_small()
    publish_for_test(site.articles)
    sink = Article.objects.get(slug=SINK_SLUG)
    # What the review screen shows: claims and flags found in the text, the reviewer's notes.
    reviewer = make_user(REVIEWER)
    claims = [add_claim(sink, text=v) for v in site.vectors[::2]]
    flags = [add_flag(sink, severity="warning") for _ in site.vectors[1::2]]
    for flag, vector in zip(flags, site.vectors[1::2], strict=True):
        Flag.objects.filter(pk=flag.pk).update(excerpt=vector, message=vector, suggestion=vector[:300])
    client = Client()
    client.force_login(reviewer)
    base = f"/admin/review/reviewqueueitem/{sink.pk}"
    for claim, vector in zip(claims, site.vectors[::2], strict=True):
        client.post(f"{base}/claims/{claim.pk}/", {"decision": "needs_source", "note": vector,
                                                    "expected_status": "pending"})
    cache.clear()
    return {"site": site, "sink": sink, "reviewer": reviewer, "staff": site.staff}


def public_urls(site):
    urls = [f"/articles/{SINK_SLUG}/", "/articles/xss-0/", "/articles/xss-1/", "/articles/xss-2/", "/",
            "/articles/", "/topics/xss-suite/", site.profiles[0].get_absolute_url(),
            site.profiles[1].get_absolute_url(), "/search/?q=onerror", "/search/?q=script+alert",
            "/feeds/rss/"]
    urls += ["/search/?" + urlencode({"q": v}) for v in XSS_VECTORS[::12]]
    urls += ["/reference/foods/?" + urlencode({"sort": v}) for v in XSS_VECTORS[1::24]]
    urls += ["/?" + urlencode([(v, v) for v in XSS_VECTORS[::4]]), f"/articles/{quote(XSS_VECTORS[0], safe='')}/"]
    return urls


def test_no_vector_runs_in_the_browser(browser, live_server, xss_site, screenshot_dir):
    base = live_server.url
    urls = public_urls(xss_site["site"])

    # 1. Under the site's real CSP: nothing is even attempted (an injected script or handler would
    #    be blocked and reported as a violation).
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    seen = watch(page)
    for url in urls:
        page.goto(base + url)
        assert violations(page) == [], url
        assert not ran_script(page), url
    page.goto(base + f"/articles/{SINK_SLUG}/")
    poke(page)
    page.screenshot(path=screenshot_dir / "xss-kitchen-sink-article.png", full_page=False)
    assert seen["dialogs"] == [] and seen["errors"] == []
    context.close()

    # 2. Without the CSP's safety net: escaping alone must keep every vector inert, public pages
    #    and the editors' and reviewers' screens alike.
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    seen = watch(page)
    for n, url in enumerate(urls):
        page.goto(base + url)
        if n < 4:  # the article pages, where every field is shown
            poke(page)
        assert not ran_script(page), url
    sign_in(page, base, xss_site["staff"].username, "/admin/")
    sink = xss_site["sink"]
    for url in (f"/admin/articles/article/{sink.pk}/change/", "/admin/articles/article/",
                "/admin/articles/authorprofile/", "/admin/reference/source/",
                f"/admin/review/reviewqueueitem/{sink.pk}/review/"):
        page.goto(base + url)
        if url.endswith("/change/"):  # CKEditor has parsed the body and is ready
            expect(page.locator("#cke_id_body .cke_button__bold")).not_to_have_class(
                re.compile("cke_button_disabled"))
            # The Cite dialog lists sources by title (vectors, here) from the JSON endpoint.
            page.locator("#cke_id_body .cke_button__cite").click()
            dialog = page.locator(".cke_dialog").filter(has_text="Cite a source")
            dialog.locator("input.cke_dialog_ui_input_text").fill("script")
            expect(dialog.locator("select option")).not_to_have_count(0)
            expect(dialog.locator(".cite-status")).to_contain_text("<script>")  # shown as text
            page.keyboard.press("Escape")
        poke(page)
        assert not ran_script(page), url
    page.screenshot(path=screenshot_dir / "xss-review-screen.png", full_page=False)
    ckeditor_own = "confirm: You have changed some options. Are you sure you want to close the dialog window?"
    assert [d for d in seen["dialogs"] if d != ckeditor_own] == []
    assert [e for e in seen["errors"] if "__xss" in e or "alert" in e] == []
    context.close()


# Clickjacking.


def serve_framing_page(target_urls):
    """A page on another origin (127.0.0.1 vs the live server's localhost) that frames `target_urls`
    and one page of its own (the control: that one must render)."""
    frames = "".join(f'<iframe id="target{n}" src="{url}" width="600" height="300"></iframe>'
                     for n, url in enumerate(target_urls))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            body = (f"<!doctype html><title>attacker</title>{frames}"
                    '<iframe id="control" src="/control.html"></iframe>' if self.path == "/" else
                    "<!doctype html><title>control</title><h1>control frame rendered</h1>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_another_site_cannot_frame_the_article_page_or_the_admin(page, live_server, screenshot_dir):
    article = make_article(author=make_user("Editor"), status=Article.Status.PUBLISHED, published_at=timezone.now())
    targets = [live_server.url + article.get_absolute_url(), live_server.url + "/admin/login/"]
    server = serve_framing_page(targets)
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    try:
        page.goto(f"http://127.0.0.1:{server.server_port}/")
        page.wait_for_load_state("load")
        expect(page.frame_locator("#control").locator("h1")).to_have_text("control frame rendered")
        article_frame, admin_frame = page.frame_locator("#target0"), page.frame_locator("#target1")
        expect(article_frame.get_by_text(article.title)).to_have_count(0)
        expect(article_frame.locator("#article-title, .site-header")).to_have_count(0)
        expect(admin_frame.locator("#id_username, #id_password")).to_have_count(0)
        page.screenshot(path=screenshot_dir / "clickjacking-blocked.png")
    finally:
        server.shutdown()
    refused = [m for m in messages if "frame-ancestors" in m or "X-Frame-Options" in m]
    assert len(refused) >= len(targets), messages


# The Content Security Policy leaves the site working.


def test_public_pages_and_admin_with_ckeditor_run_with_no_csp_violation(page, live_server, screenshot_dir):
    load_reference()
    load_articles()
    ensure_demo_accounts()
    cache.clear()
    base = live_server.url
    page.set_viewport_size(DESKTOP)
    seen = watch(page)
    article = Article.objects.published().first()
    for url in ("/", "/articles/", article.get_absolute_url(), "/search/?q=magnesium", "/how-we-review/",
                "/reference/", "/reference/foods/", "/reference/forms/", "/reference/intake/", "/no-such-page/"):
        page.goto(base + url)
        assert violations(page) == [], url
    page.goto(f"{base}/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/articles/article/add/")
    toolbar = page.locator("#cke_id_body .cke_button__bold")
    expect(toolbar).to_be_visible()
    expect(toolbar).not_to_have_class(re.compile("cke_button_disabled"))
    page.frame_locator("#cke_id_body iframe.cke_wysiwyg_frame").locator("body").click()
    page.keyboard.type("Typing works under the policy.")
    expect(page.frame_locator("#cke_id_body iframe.cke_wysiwyg_frame").locator("body")).to_contain_text(
        "Typing works")
    page.screenshot(path=screenshot_dir / "csp-admin-ckeditor.png")
    assert violations(page) == []
    in_review = Article.objects.filter(status=Article.Status.IN_REVIEW).first()
    page.goto(f"{base}/admin/review/reviewqueueitem/{in_review.pk}/review/")
    assert violations(page) == []
    assert seen["errors"] == [] and seen["dialogs"] == []
