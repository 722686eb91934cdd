"""The public "How we review" page is generated from the live rules, roles and gate."""

import pytest

from moderation import RULES_BY_CODE
from review.models import RuleSetting
from review.workflow import GATE_CONDITIONS

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


def test_article_page_says_who_reviewed_it_and_how_many_claims():
    from django.test import Client

    from articles.models import Article
    from review import workflow
    from review.models import Claim
    from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER
    from tests.review.factories import add_claim, make_article, make_user

    editor, reviewer, managing = make_user(EDITOR), make_user(REVIEWER), make_user(MANAGING_EDITOR)
    article = make_article(author=editor, reviewer=reviewer, status=Article.Status.IN_REVIEW)
    for _ in range(3):
        claim = add_claim(article)
        workflow.claim_decide(claim=claim, user=reviewer, decision=Claim.Status.APPROVED)
    workflow.article_approve(article=article, user=reviewer)
    workflow.article_publish(article=article, user=managing)
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "Medically reviewed by" in html and reviewer.profile.display_name in html
    assert "3 claims checked against 1 source" in html
