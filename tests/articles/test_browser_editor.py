"""An editor in a real browser: log in, write an article in CKEditor, cite a source with the Cite
button, save, preview it, then edit it again and compare the two versions.

CKEditor 4 must work under the admin's Content Security Policy (scripts from 'self' only): any
CSP violation or JavaScript error in the console fails the test. Screenshots are saved under
screenshots/ (desktop, 1280 px wide).
"""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Article, AuthorProfile
from reference.models import Source, StudyDesign
from review.roles import EDITOR, ensure_roles

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "editor-password-1"


@pytest.fixture
def newsroom(live_server):
    groups = ensure_roles()
    User = get_user_model()
    editor = User.objects.create_user(username="maya", password=PASSWORD, is_staff=True)
    editor.groups.add(groups[EDITOR])
    AuthorProfile.objects.create(user=editor, display_name="Maya Okafor", credentials="MSc")
    reviewer = User.objects.create_user(username="lena", password=PASSWORD, is_staff=True)
    AuthorProfile.objects.create(user=reviewer, display_name="Dr Lena Hartmann", credentials="MD",
                                 is_medical_reviewer=True)
    source = Source.objects.create(
        title="Oral magnesium supplementation for insomnia in older adults: a systematic review",
        authors="Mah J, Pitre T", publisher="BMC Complement Med Ther", year=2021, pmid="33865376",
        doi="10.1186/s12906-021-03297-z", study_design=StudyDesign.SYSTEMATIC_REVIEW,
    )
    return {"url": live_server.url, "source": source}


def watch_console(page):
    """Collect CSP violations and script errors reported by the browser."""
    problems = []

    def on_console(msg):
        if msg.location.get("url", "").endswith("/favicon.ico"):
            return  # the admin has no favicon; not the editor's concern
        if msg.type == "error" or "Content Security Policy" in msg.text or "[csp-shim]" in msg.text:
            problems.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    return problems


def editor_body(page):
    return page.frame_locator("#cke_id_body iframe.cke_wysiwyg_frame").locator("body")


def test_editor_writes_cites_saves_previews_and_compares(page, newsroom, screenshot_dir):
    problems = watch_console(page)
    page.set_viewport_size(DESKTOP)
    base = newsroom["url"]

    page.goto(base + "/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", "maya")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/articles/article/add/")

    # CKEditor has replaced the textarea, with the article toolbar and the Cite button.
    expect(page.locator("#cke_id_body iframe.cke_wysiwyg_frame")).to_be_visible()
    cite_button = page.locator("#cke_id_body .cke_button__cite")
    expect(cite_button).to_be_visible()
    expect(cite_button).to_contain_text("Cite")
    for absent in ("cke_button__image", "cke_button__flash", "cke_button__iframe", "cke_button__exportpdf"):
        expect(page.locator(f"#cke_id_body .{absent}")).to_have_count(0)

    page.fill("#id_title", "Magnesium and sleep: what the trials show")
    page.keyboard.press("Tab")
    page.fill("#id_slug", "magnesium-and-sleep")
    page.fill("#id_standfirst", "Small trials in older adults, and what they do and do not show.")

    body = editor_body(page)
    body.click()
    page.keyboard.type("Trials in older adults found a small gain in sleep time.")

    # Cite: search the library from the dialog and insert the marker at the cursor.
    cite_button.click()
    dialog = page.locator(".cke_dialog").filter(has_text="Cite a source")
    expect(dialog).to_be_visible()
    dialog.locator("input.cke_dialog_ui_input_text").fill("insomnia")
    options = dialog.locator("select option")
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text("systematic review (2021) · PMID 33865376")
    expect(dialog.locator(".cite-status")).to_contain_text("OK inserts [[cite:pmid:33865376]]")
    page.screenshot(path=screenshot_dir / "admin-cite-dialog.png")
    dialog.locator(".cke_dialog_ui_button_ok").click()
    expect(dialog).to_be_hidden()
    expect(body).to_contain_text("[[cite:pmid:33865376]]")

    page.keyboard.press("Enter")
    page.keyboard.type("Magnesium is not a sleeping pill.")

    page.fill("#id_tags", "sleep, older adults")
    page.fill("#id_key_points-0-text", "Evidence comes from small trials in older adults.")
    page.screenshot(path=screenshot_dir / "admin-article-form.png", full_page=True)

    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    article = Article.objects.get(slug="magnesium-and-sleep")
    assert article.status == Article.Status.DRAFT
    assert list(article.citations.values_list("number", "source")) == [(1, newsroom["source"].pk)]
    assert "[[cite:pmid:33865376]]" in article.body and "<p>Magnesium is not a sleeping pill.</p>" in article.body
    assert set(article.tags.names()) == {"sleep", "older adults"}
    assert article.medical_reviewer is None  # assigned by a managing editor, not by the writer

    # The editor is ready when its toolbar buttons are enabled (wait_for_function would need eval).
    expect(page.locator("#cke_id_body .cke_button__bold")).not_to_have_class(re.compile("cke_button_disabled"))
    panel = page.locator(".citation-panel")
    expect(panel).to_contain_text("Oral magnesium supplementation for insomnia")
    expect(page.locator(".article-preview sup.cite a")).to_have_text("1")
    page.screenshot(path=screenshot_dir / "admin-article-change.png", full_page=True)

    # The preview link opens the public address, where staff see the draft.
    preview_link = page.locator("#article-preview-link")
    expect(preview_link).to_have_text("Preview")
    with page.context.expect_page() as opened:
        preview_link.click()
    preview = opened.value
    preview.wait_for_load_state()
    assert preview.url.endswith("/articles/magnesium-and-sleep/?preview")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Magnesium and sleep: what the trials show")
    expect(preview.locator("sup.cite a").first).to_have_text("1")
    preview.set_viewport_size(DESKTOP)
    preview.screenshot(path=screenshot_dir / "admin-preview.png", full_page=True)
    preview.close()

    # A second save, then compare the two versions from the history page.
    page.fill("#id_standfirst", "What small trials in older adults show, and what they do not.")
    page.fill("#id_tags", "sleep")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_contain_text("was changed successfully")
    page.click("a.historylink >> text=History")
    expect(page.locator("#change-history input[type=radio]")).to_have_count(4)
    page.screenshot(path=screenshot_dir / "admin-article-history.png")
    page.click("input[value='Compare selected versions']")
    expect(page.locator(".diff-removed", has_text="-older adults")).to_be_visible()
    expect(page.locator(".diff-added", has_text="+What small trials")).to_be_visible()
    page.screenshot(path=screenshot_dir / "admin-article-compare.png", full_page=True)

    page.goto(base + "/admin/articles/article/")
    expect(page.locator("#result_list")).to_contain_text("Magnesium and sleep: what the trials show")
    page.screenshot(path=screenshot_dir / "admin-article-list.png")

    assert problems == []


def test_every_toolbar_tool_works_under_the_admin_csp(page, newsroom, screenshot_dir):
    """Format menu (an iframe panel), styles, lists, link, table, special characters, source view
    and maximize all work, and none of them trips the Content Security Policy."""
    problems = watch_console(page)
    page.set_viewport_size(DESKTOP)
    page.goto(newsroom["url"] + "/admin/login/?next=/admin/articles/article/add/")
    page.fill("#id_username", "maya")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    editor = page.locator("#cke_id_body")
    expect(editor.locator(".cke_button__bold")).not_to_have_class(re.compile("cke_button_disabled"))
    body = editor_body(page)

    body.click()
    page.keyboard.type("Forms of magnesium")
    editor.locator(".cke_combo__format .cke_combo_button").click()
    page.frame_locator("iframe.cke_panel_frame").get_by_text("Heading 2").click()
    expect(body.locator("h2")).to_have_text("Forms of magnesium")
    page.keyboard.press("End")
    page.keyboard.press("Enter")

    editor.locator(".cke_button__bulletedlist").click()
    page.keyboard.type("Glycinate")
    expect(body.locator("ul li")).to_have_text("Glycinate")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")

    editor.locator(".cke_button__superscript").click()
    page.keyboard.type("2")
    editor.locator(".cke_button__superscript").click()
    expect(body.locator("sup")).to_have_text("2")

    editor.locator(".cke_button__link").click()
    link_dialog = page.locator(".cke_dialog").filter(has_text="Link Type")
    expect(link_dialog).to_be_visible()
    expect(link_dialog.get_by_text("Advanced", exact=True)).to_have_count(0)  # trimmed: no class/style/id
    link_dialog.locator("input.cke_dialog_ui_input_text").nth(1).fill("ods.od.nih.gov/factsheets/Magnesium")
    link_dialog.locator(".cke_dialog_ui_button_ok").click()
    expect(body.locator("a[href='http://ods.od.nih.gov/factsheets/Magnesium']")).to_have_count(1)
    page.keyboard.press("End")  # CKEditor selects the new link; don't let the table replace it
    page.keyboard.press("Enter")

    editor.locator(".cke_button__table").click()
    table_dialog = page.locator(".cke_dialog").filter(has_text="Table Properties")
    expect(table_dialog).to_be_visible()
    expect(table_dialog.get_by_text("Border size")).to_be_hidden()  # no presentational attributes
    table_dialog.locator(".cke_dialog_ui_button_ok").click()
    expect(body.locator("table tr")).to_have_count(3)

    editor.locator(".cke_button__specialchar").click()
    special = page.locator(".cke_dialog").filter(has_text="Select Special Character")
    expect(special).to_be_visible()
    special.get_by_title("Degree sign").click()

    body.click(button="right")
    expect(page.frame_locator("iframe.cke_panel_frame").last.get_by_text("Paste")).to_be_visible()
    page.keyboard.press("Escape")

    editor.locator(".cke_button__maximize").click()
    expect(page.locator(".cke_maximized")).to_have_count(1)
    page.screenshot(path=screenshot_dir / "admin-editor-maximized.png")
    editor.locator(".cke_button__maximize").click()

    editor.locator(".cke_button__source").click()
    source = editor.locator("textarea.cke_source")
    expect(source).to_have_value(re.compile(r"<h2>Forms of magnesium</h2>[\s\S]*<sup>2</sup>[\s\S]*"
                                            r"<a href=\"http://ods.od.nih.gov/factsheets/Magnesium\">"))
    editor.locator(".cke_button__source").click()
    expect(body.locator("h2")).to_have_text("Forms of magnesium")

    assert problems == []
