"""A reader in a real browser: open an article, follow a citation to its reference and back.

Also saves screenshots (desktop 1280x900, phone 390x844) of the home and article pages, and checks
that the strict public Content Security Policy blocks nothing on them (JSON-LD needs no nonce).
"""

import json

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from demo.loader import load_articles
from reference.demo import load_reference

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = "/articles/magnesium-leg-cramps-restless-legs/"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo_site(live_server):
    load_reference()
    load_articles()
    cache.clear()
    return live_server.url


def watch_csp(page):
    """Collect console messages about blocked content (CSP violations are reported there)."""
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if "Content Security Policy" in msg.text else None)
    return problems


def test_reader_follows_a_citation_to_its_reference_and_back(page, demo_site, screenshot_dir):
    csp_problems = watch_csp(page)
    page.set_viewport_size(DESKTOP)
    page.goto(demo_site + ARTICLE)
    expect(page.get_by_role("heading", level=1)).to_have_text("Leg cramps and restless legs: does magnesium help?")
    expect(page.locator(".review-stamp")).to_contain_text("Medically reviewed by Dr Samuel Reyes, PharmD, on")

    first_cite = page.locator("sup.cite a").first
    number = first_cite.inner_text()
    first_cite.click()
    page.wait_for_url(f"**#ref-{number}")
    reference = page.locator(f"#ref-{number}")
    expect(reference).to_be_in_viewport()
    expect(reference).to_contain_text("Magnesium for skeletal muscle cramps")

    reference.locator("a.ref-back").click()
    page.wait_for_url(f"**#cite-{number}")
    expect(page.locator(f"#cite-{number}")).to_be_in_viewport()

    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    types = {node["@type"] for node in data["@graph"]}
    assert {"MedicalWebPage", "Article", "FAQPage"} <= types

    page.goto(demo_site + ARTICLE)
    page.screenshot(path=screenshot_dir / "article-desktop.png", full_page=True)
    assert csp_problems == []


def test_faq_opens_without_javascript_and_pages_look_right(browser, demo_site, screenshot_dir):
    """Reading needs no JavaScript: FAQs are <details>; screenshots of home and article on two sizes."""
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_site + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".article-card").first).to_be_visible()
    page.screenshot(path=screenshot_dir / "home-desktop.png", full_page=True)

    page.goto(demo_site + ARTICLE)
    faq = page.locator("details.faq").first
    answer = faq.locator("p")
    expect(answer).to_be_hidden()
    faq.locator("summary").click()
    expect(answer).to_be_visible()
    context.close()

    phone = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = phone.new_page()
    csp_problems = watch_csp(page)
    page.goto(demo_site + ARTICLE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"page scrolls sideways on a phone ({width}px)"
    page.screenshot(path=screenshot_dir / "article-phone.png", full_page=True)
    page.goto(demo_site + "/")
    page.screenshot(path=screenshot_dir / "home-phone.png", full_page=True)
    assert csp_problems == []
    phone.close()
