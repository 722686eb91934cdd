"""The reviewer's whole path with the keyboard only (page.keyboard, no clicks): sign in, reach the
review queue, open an article's review screen, decide a claim (radio, Tab, Enter), dismiss a flag
with a reason, and request changes. Every element that takes focus on the way must show it (an
outline or a box-shadow), and each step must have taken effect in the database.
"""

import pytest

from articles.models import Article
from review.models import Claim, Flag
from review.roles import EDITOR, REVIEWER
from tests.review.factories import add_claim, add_flag, make_article, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "pw-test-12345"  # tests/workflow/factories.make_user's
MAX_TABS = 120

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  return {
    tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute("name"), type: el.getAttribute("type"),
    value: el.value || "", href: el.getAttribute("href") || "",
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
    visible: outline || shadow,
  };
}"""


class Walk:
    """Tab through a page, checking that each focused element shows its focus."""

    def __init__(self, page, screenshot_dir):
        self.page, self.screenshot_dir = page, screenshot_dir
        self.invisible = []

    def focused(self):
        return self.page.evaluate(FOCUSED)

    def tab_to(self, wanted, *, what):
        for _ in range(MAX_TABS):
            self.page.keyboard.press("Tab")
            element = self.focused()
            if element is None:
                continue
            if not element["visible"]:
                self.invisible.append(f"{self.page.url}: {element}")
            if wanted(element):
                return element
        raise AssertionError(f"Tab never reached {what} on {self.page.url}")

    def shot(self, name):
        self.page.screenshot(path=self.screenshot_dir / f"keyboard-{name}.png")


@pytest.fixture
def review_case(live_server):
    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    article = make_article(author=editor, reviewer=reviewer, status=Article.Status.IN_REVIEW)
    claim = add_claim(article, text="Magnesium shortens the time to fall asleep.")
    flag = add_flag(article, severity="blocker")
    return {"url": live_server.url, "reviewer": reviewer, "article": article, "claim": claim, "flag": flag}


def test_reviewer_does_the_whole_review_with_the_keyboard(page, review_case, screenshot_dir):
    page.set_viewport_size(DESKTOP)
    walk = Walk(page, screenshot_dir)
    base, article = review_case["url"], review_case["article"]

    # Sign in: Tab to each field, type, Enter.
    page.goto(base + "/admin/login/")
    walk.tab_to(lambda e: e["id"] == "id_username", what="the username field")
    page.keyboard.type(review_case["reviewer"].username)
    walk.tab_to(lambda e: e["id"] == "id_password", what="the password field")
    page.keyboard.type(PASSWORD)
    walk.shot("1-login")
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/admin/")

    # The admin home: to the review queue.
    walk.tab_to(lambda e: e["href"].endswith("/admin/review/reviewqueueitem/") and e["tag"] == "a",
                what="the review queue link")
    walk.shot("2-admin-home")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/review/reviewqueueitem/")

    # The queue: to the article's review screen.
    walk.tab_to(lambda e: e["href"].endswith(f"/{article.pk}/review/"), what="the article in the queue")
    walk.shot("3-queue")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{article.pk}/review/")

    # Decide the claim: the radio group (Space checks the focused radio), a note, the Save button.
    claim = review_case["claim"]
    radio = walk.tab_to(lambda e: e["type"] == "radio" and e["name"] == "decision", what="the claim's decision")
    assert radio["value"] == "approved"  # the first choice; arrow keys move between the others
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True
    walk.tab_to(lambda e: e["id"] == f"claim-note-{claim.pk}", what="the claim's note")
    page.keyboard.type("Supported by the cited trial.")
    walk.tab_to(lambda e: e["tag"] == "button" and "Save decision" in e["text"], what="Save decision")
    walk.shot("4-claim-decision")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{article.pk}/review/#claim-{claim.pk}")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.APPROVED and claim.note == "Supported by the cited trial."

    # Dismiss the flag with a reason.
    flag = review_case["flag"]
    walk.tab_to(lambda e: e["id"] == f"reason-{flag.pk}", what="the flag's reason")
    page.keyboard.type("The sentence cites the trial it refers to.")
    walk.tab_to(lambda e: e["tag"] == "button" and e["value"] == "dismissed", what="Dismiss")
    walk.shot("5-flag-dismiss")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{article.pk}/review/#flags")
    flag.refresh_from_db()
    assert flag.status == Flag.Status.DISMISSED
    assert flag.resolution_note == "The sentence cites the trial it refers to."

    # Request changes, with the required note. (The page reloaded: start from its top.)
    walk.tab_to(lambda e: e["id"] == "note-request_changes", what="the request-changes note")
    page.keyboard.type("Add the dose used in the trial.")
    walk.tab_to(lambda e: e["tag"] == "button" and "Request changes" in e["text"], what="Request changes")
    walk.shot("6-request-changes")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    article.refresh_from_db()
    assert article.status == Article.Status.CHANGES_REQUESTED
    assert page.locator(".messagelist .success").count() == 1
    walk.shot("7-done")

    assert walk.invisible == [], "focus not visible on:\n" + "\n".join(walk.invisible)
