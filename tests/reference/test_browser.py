"""Real browser: the forms and foods tables render, header links sort the foods, and screenshots are saved.

Screenshots land in screenshots/ref-*.png (desktop 1280x900, phone 390x844) for people to look at.
"""

import pytest

from reference.demo import load_reference

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def food_names(page):
    return page.locator("table.foods-table tbody th.food-name a").all_inner_texts()


def csp_violations(messages):
    return [m for m in messages if "Content Security Policy" in m]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_foods_table_sorts_by_clicking_headers(live_server, page):
    load_reference()
    messages = []
    page.on("console", lambda msg: messages.append(msg.text))
    page.goto(f"{live_server.url}/reference/foods/")

    names = food_names(page)
    assert len(names) == 29
    assert names[0] == "Pumpkin seeds, roasted", "default order is most magnesium first"

    page.get_by_role("link", name="Food (sort A to Z)").click()
    page.wait_for_url("**/reference/foods/?sort=name")
    by_name = food_names(page)
    assert by_name == sorted(names, key=str.lower)
    assert by_name[0] == "Almonds, dry roasted"
    assert page.locator("th[aria-sort]").get_attribute("aria-sort") == "ascending"

    page.get_by_role("link", name="Food (sort Z to A)").click()
    page.wait_for_url("**/reference/foods/?sort=-name")
    assert food_names(page) == list(reversed(by_name))

    page.get_by_role("link", name="Magnesium (sort highest first)").click()
    page.wait_for_url("**/reference/foods/?sort=-mg")
    assert food_names(page) == names
    page.get_by_role("link", name="Magnesium (sort lowest first)").click()
    page.wait_for_url("**/reference/foods/?sort=mg")
    mg = [int(t.split("\xa0")[0]) for t in page.locator("table.foods-table td.mg").all_inner_texts()]
    assert mg == sorted(mg) and mg[0] == 7
    assert not csp_violations(messages)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reference_pages_screenshots(live_server, page, screenshot_dir):
    load_reference()
    messages = []
    page.on("console", lambda msg: messages.append(msg.text))
    pages = {
        "index": "/reference/",
        "forms": "/reference/forms/",
        "foods": "/reference/foods/",
        "form": "/reference/forms/magnesium-glycinate/",
        "food": "/reference/foods/pumpkin-seeds-roasted/",
        "conditions": "/reference/conditions/",
        "condition": "/reference/conditions/high-blood-pressure/",
        "intake": "/reference/intake/",
    }
    for device, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            assert page.locator("h1").count() == 1
            if name == "forms":
                assert page.locator("table.forms-table tbody tr").count() == 13
                assert page.locator("table.forms-table").get_by_text("Magnesium oxide").is_visible()
            if name == "foods":
                # The %DV bar is an SVG sized by attribute: it must have drawn, not collapsed.
                assert page.locator("svg.dv-bar").first.bounding_box()["width"] > 20
            page.screenshot(path=str(screenshot_dir / f"ref-{name}-{device}.png"), full_page=True)
            # Nothing may overflow the viewport sideways except inside a scrolling table wrapper.
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name} on {device} scrolls sideways by {overflow}px"
    assert not csp_violations(messages)
