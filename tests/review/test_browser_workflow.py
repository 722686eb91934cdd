"""The whole editorial path in a real browser: write, flag, submit, review, request changes, fix,
approve, publish, read; then edit the published article, and readers keep its approved text until
the new text is approved and published."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from demo.accounts import DEMO_PASSWORD, ensure_demo_accounts
from reference.models import Source, StudyDesign
from review.models import Claim, Flag, Term

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CITED = "Magnesium glycinate may ease night cramps in some older adults.[[cite:pmid:32956536]]"
PLUG = "NervaCalm Max is the best magnesium supplement, so buy it today."
EDITED = "Magnesium may ease leg cramps at night in some older adults.[[cite:pmid:32956536]]"


def login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def editor_body(page):
    return page.frame_locator("#cke_id_body iframe.cke_wysiwyg_frame").locator("body")


def transition(page, name, note=None):
    form = page.locator("form", has=page.locator(f"input[name=transition][value={name}]"))
    if note is not None:
        form.locator("input[name=note]").fill(note)
    form.locator("button").click()
    expect(page.locator(".messagelist")).to_be_visible()


def test_editorial_path_end_to_end(page, live_server, screenshot_dir):
    ensure_demo_accounts()
    Source.objects.create(title="Magnesium for skeletal muscle cramps", pmid="32956536", year=2020,
                          study_design=StudyDesign.SYSTEMATIC_REVIEW, publisher="Cochrane Database Syst Rev")
    Term.objects.get_or_create(kind="product", value="NervaCalm Max")
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    # 1. The editor writes an article with a planted product plug and sees the flag, highlighted.
    login(page, base, "editor")
    page.goto(f"{base}/admin/articles/article/add/")
    page.fill("#id_title", "Magnesium and night cramps")
    page.keyboard.press("Tab")
    page.locator("#id_authors + .select2 .select2-selection").click()
    page.keyboard.type("Maya")
    page.locator(".select2-results__option", has_text="Maya Okafor").click()
    expect(page.locator("#cke_id_body .cke_button__bold")).not_to_have_class(re.compile("cke_button_disabled"))
    editor_body(page).click()
    page.keyboard.type(CITED)
    page.keyboard.press("Enter")
    page.keyboard.type(PLUG)
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    highlighted = page.locator(".flag-context mark", has_text="NervaCalm Max")
    expect(highlighted.first).to_be_visible()
    page.screenshot(path=screenshot_dir / "workflow-1-editor-flag.png", full_page=True)
    article = Article.objects.get(slug="magnesium-and-night-cramps")
    assert not Flag.objects.filter(article=article, rule="citation.unresolved").exists()

    # 2. ... and submits it for review from the review screen.
    page.click("text=Open the review screen")
    transition(page, "submit")
    assert Article.objects.get(pk=article.pk).status == Article.Status.IN_REVIEW

    # 3. The reviewer opens the queue, approves the claim, dismisses a flag and requests changes.
    login(page, base, "reviewer")
    page.goto(f"{base}/admin/review/reviewqueueitem/")
    page.click(f"text={article.title}")
    expect(page.locator(".review-body mark").first).to_be_visible()
    page.screenshot(path=screenshot_dir / "workflow-2-review-screen.png", full_page=True)
    for claim in Claim.objects.filter(article=article, is_current=True):
        card = page.locator(f"#claim-{claim.pk}")
        card.locator("input[value=approved]").check()
        card.locator("button", has_text="Save decision").click()
        expect(page.locator(".messagelist .success")).to_contain_text("approved")
    puffery = Flag.objects.get(article=article, rule="promo.puffery")
    card = page.locator(f"#flag-{puffery.pk}")
    card.locator("input[name=reason]").fill("Removing the whole sentence; see change request")
    card.locator("button", has_text="Dismiss").click()
    expect(page.locator(".messagelist .success")).to_contain_text("dismissed")
    transition(page, "request_changes", note="Remove the NervaCalm Max plug.")
    assert Article.objects.get(pk=article.pk).status == Article.Status.CHANGES_REQUESTED

    # 4. The editor removes the plug and resubmits.
    login(page, base, "editor")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#cke_id_body .cke_button__bold")).not_to_have_class(re.compile("cke_button_disabled"))
    editor_body(page).click()
    page.keyboard.press("Control+A")
    page.keyboard.type(CITED)
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert not Flag.objects.filter(article=article, status=Flag.Status.OPEN).exists()
    page.click("text=Open the review screen")
    transition(page, "submit")

    # 5. The reviewer approves.
    login(page, base, "reviewer")
    page.goto(f"{base}/admin/review/reviewqueueitem/{article.pk}/review/")
    transition(page, "approve", note="Claim matches the Cochrane review.")
    assert Article.objects.get(pk=article.pk).status == Article.Status.APPROVED

    # 6. The managing editor publishes.
    login(page, base, "managing")
    page.goto(f"{base}/admin/review/reviewqueueitem/{article.pk}/review/")
    expect(page.locator(".gate-ok")).to_be_visible()
    transition(page, "publish")
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED

    # 7. A reader sees the reviewed badge.
    page.context.clear_cookies()
    page.goto(f"{base}/articles/{article.slug}/")
    stamp = page.locator(".review-stamp")
    expect(stamp).to_contain_text("Medically reviewed by Dr Lena Hartmann")
    expect(stamp).to_contain_text("1 claim checked")
    page.screenshot(path=screenshot_dir / "workflow-3-reader.png", full_page=True)

    # 8. The editor edits the published article: readers keep the approved text meanwhile.
    login(page, base, "editor")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    expect(page.locator("#cke_id_body .cke_button__bold")).not_to_have_class(re.compile("cke_button_disabled"))
    editor_body(page).click()
    page.keyboard.press("Control+A")
    page.keyboard.type(EDITED)
    page.fill("#id_change_summary", "Cramp evidence restated")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .warning")).to_contain_text("back in review")
    page.context.clear_cookies()
    page.goto(f"{base}/articles/{article.slug}/")
    expect(page.locator(".prose")).to_contain_text("may ease night cramps")
    expect(page.locator(".prose")).not_to_contain_text("leg cramps at night")
    page.screenshot(path=screenshot_dir / "workflow-4-reader-keeps-approved-text.png", full_page=True)

    # 9. The reviewer approves the new text, the managing editor publishes it, readers get it.
    login(page, base, "reviewer")
    page.goto(f"{base}/admin/review/reviewqueueitem/{article.pk}/review/")
    expect(page.locator(".review-meta")).to_contain_text("readers see revision")
    for claim in Claim.objects.filter(article=article, is_current=True, status=Claim.Status.PENDING):
        card = page.locator(f"#claim-{claim.pk}")
        card.locator("input[value=approved]").check()
        card.locator("button", has_text="Save decision").click()
        expect(page.locator(".messagelist .success")).to_contain_text("approved")
    transition(page, "approve")
    login(page, base, "managing")
    page.goto(f"{base}/admin/review/reviewqueueitem/{article.pk}/review/")
    transition(page, "publish")
    page.context.clear_cookies()
    page.goto(f"{base}/articles/{article.slug}/")
    expect(page.locator(".prose")).to_contain_text("leg cramps at night")
    expect(page.locator(".prose")).not_to_contain_text("may ease night cramps")
    page.screenshot(path=screenshot_dir / "workflow-5-reader-gets-new-text.png", full_page=True)
