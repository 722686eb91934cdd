"""The public "How we review" page is generated from the live rules, roles and gate."""

import pytest

from articles.models import RuleSetting
from articles.moderation import RULES_BY_CODE
from articles.workflow import GATE_CONDITIONS

pytestmark = pytest.mark.django_db


def test_page_lists_live_rules_roles_and_gate(client):
    response = client.get("/how-we-review/")
    html = response.content.decode()
    assert response.status_code == 200
    assert RULES_BY_CODE["promo.endorsement"].description.split("“")[0][:30] in html
    assert "FDA 21 CFR 101.93(g)" in html
    assert "Managing editor" in html and "Reviewer" in html
    assert GATE_CONDITIONS[0].capitalize()[:40] in html


def test_switching_a_rule_off_in_the_admin_removes_it_from_the_page(client):
    rule = RULES_BY_CODE["promo.coupon"]
    assert rule.description in client.get("/how-we-review/").content.decode()
    RuleSetting.objects.create(code=rule.code, enabled=False)
    assert rule.description not in client.get("/how-we-review/").content.decode()


def test_changed_severity_shows_on_the_page(client):
    rule = RULES_BY_CODE["promo.coupon"]
    RuleSetting.objects.create(code=rule.code, enabled=True, severity="blocker")
    html = client.get("/how-we-review/").content.decode()
    index = html.index(rule.description)
    assert "blocker" in html[index:index + 300]
