"""The ten ways unapproved text once reached readers (issue 11), replayed over HTTP as each role.

Each test plays the attack through the admin forms, the history views and the review screen as a
user of that role would, then asserts what an anonymous reader gets, and that the invariant check
(`manage.py audit_published`) finds nothing. They run on SQLite and PostgreSQL alike.
"""

import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from review import workflow
from review.models import AuditEvent, Claim, Flag, Term
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER
from review.services import article_save
from tests.articles.editing_helpers import form_data, post_ready
from tests.review.factories import make_source, make_user

S = Article.Status
pytestmark = pytest.mark.django_db

CLAIM = "Magnesium helps muscles relax after exercise."


@pytest.fixture
def people():
    return {"editor": make_user(EDITOR), "reviewer": make_user(REVIEWER), "reviewer2": make_user(REVIEWER),
            "managing": make_user(MANAGING_EDITOR)}


def published(people, *, body=None, title="Magnesium and muscles"):
    """An article taken through the real workflow: saved by its editor, every claim approved and
    every flag dismissed by the reviewer, approved, published by the managing editor."""
    source = make_source()
    article = Article(title=title, slug=title.lower().replace(" ", "-"),
                      body=body or f"<p>{CLAIM}[[cite:pmid:{source.pmid}]]</p>",
                      medical_reviewer=people["reviewer"].profile)
    article_save(article=article, user=people["editor"],
                 write_related=lambda: article.authors.set([people["editor"].profile]))
    workflow.article_submit(article=article, user=people["editor"])
    settle(people, article)
    workflow.article_approve(article=article, user=people["reviewer"])
    workflow.article_publish(article=article, user=people["managing"])
    article.refresh_from_db()
    assert article.is_public
    return article


def settle(people, article):
    for claim in article.claims.pending():
        workflow.claim_decide(claim=claim, user=people["reviewer"], decision=Claim.Status.APPROVED)
    for flag in Flag.objects.filter(article=article).unsettled():
        workflow.flag_decide(flag=flag, user=people["reviewer"], decision=Flag.Status.DISMISSED,
                             reason="Checked in context: acceptable as written.")


def reader(client, article):
    """What an anonymous reader gets at the article's address: (status, page text)."""
    client.logout()
    response = client.get(article.get_absolute_url())
    return response.status_code, response.content.decode()


def audit_is_clean():
    assert workflow.audit_published() == []
    out = io.StringIO()
    call_command("audit_published", stdout=out)
    assert "passes the gate" in out.getvalue()


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def post_change_form(client, user, article, **fields):
    client.force_login(user)
    data = form_data(client.get(change_url(article)))
    for name, value in fields.items():
        data[name] = value if isinstance(value, list) else [value]
    return client.post(change_url(article), post_ready(data))


def review_post(client, user, article, name, **fields):
    client.force_login(user)
    return client.post(reverse(f"admin:review_reviewqueueitem_{name}", args=[article.pk, *fields.pop("args", [])]),
                       fields)


# 1. History restore republishes.

def test_1_restoring_a_version_saved_while_published_makes_a_draft_not_a_live_page(client, people):
    article = published(people)
    response = post_change_form(client, people["editor"], article, standfirst="A typo fixed while it was live.")
    assert response.status_code == 302
    workflow.article_archive(article=article, user=people["managing"])
    assert reader(client, article)[0] == 404
    typo_fix = Version.objects.get_for_object(article).order_by("pk").last()
    revision_url = reverse("admin:articles_article_revision", args=[article.pk, typo_fix.pk])
    client.force_login(people["editor"])
    page = client.get(revision_url)
    assert page.status_code == 200
    client.post(revision_url, post_ready(form_data(page)))
    article.refresh_from_db()
    assert article.status == S.ARCHIVED and article.live_revision_id is None
    assert reader(client, article)[0] == 404
    audit_is_clean()


def test_1_restoring_an_old_version_of_a_live_article_makes_a_draft_and_keeps_the_live_text(client, people):
    article = published(people)
    live = reader(client, article)
    post_change_form(client, people["editor"], article, standfirst="Second version.")
    post_change_form(client, people["editor"], article, standfirst="Third version.")
    first = Version.objects.get_for_object(article).order_by("pk").first()  # "Second version."
    revision_url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    client.force_login(people["editor"])
    page = client.get(revision_url)
    assert "Published" in page.content.decode() or "In review" in page.content.decode()
    assert client.post(revision_url, post_ready(form_data(page))).status_code == 302
    article.refresh_from_db()
    assert article.status == S.IN_REVIEW and article.live_revision.number == 1
    assert list(article.revisions.values_list("number", "standfirst")) == [
        (4, "Second version."), (3, "Third version."), (2, "Second version."), (1, "")]
    assert reader(client, article) == live
    audit_is_clean()


# 2. Edits that break the gate stay live: now the live revision stays, the edit waits for review.

@pytest.mark.parametrize("edit", ["affiliate_and_endorsement", "no_citations"])
def test_2_an_edit_that_breaks_the_gate_never_reaches_readers(client, people, edit):
    article = published(people)
    live_status, live_page = reader(client, article)
    if edit == "affiliate_and_endorsement":
        body = (f"<p>{CLAIM}[[cite:pmid:{article.citations.get().source.pmid}]]</p><p>Dr Hana Ortiz says she "
                "recommends NervaCalm to every runner. <a href=\"https://www.amazon.com/dp/B01?tag=mag-20\">Buy it "
                "here</a>.</p>")
    else:
        body = f"<p>{CLAIM}</p>"
    assert post_change_form(client, people["editor"], article, body=body).status_code == 302
    article.refresh_from_db()
    assert article.status == S.IN_REVIEW and article.revisions.count() == 2
    assert reader(client, article) == (live_status, live_page)  # the approved text, unchanged
    with pytest.raises(Exception, match="Cannot publish"):
        workflow.article_publish(article=article, user=people["managing"])
    assert reader(client, article) == (live_status, live_page)
    audit_is_clean()


def test_2_a_rejected_claim_added_again_stays_rejected_and_off_the_page(client, people):
    article = published(people)
    source = article.citations.get().source
    rejected = "Magnesium improves sleep quality in everyone who takes it."
    post_change_form(client, people["editor"], article,
                     body=f"<p>{CLAIM}[[cite:pmid:{source.pmid}]] {rejected}</p>")
    claim = Claim.objects.get(article=article, text__startswith="Magnesium improves sleep")
    workflow.claim_decide(claim=claim, user=people["reviewer"], decision=Claim.Status.REJECTED, note="No evidence.")
    post_change_form(client, people["editor"], article, body=f"<p>{CLAIM}[[cite:pmid:{source.pmid}]]</p>")
    post_change_form(client, people["editor"], article, body=f"<p>{CLAIM}[[cite:pmid:{source.pmid}]] {rejected}</p>")
    article.refresh_from_db()
    assert "claim not approved" in " ".join(workflow.publish_gate_problems(article))
    assert rejected not in reader(client, article)[1]
    audit_is_clean()


def test_2_the_reviewer_cannot_be_added_as_an_author_by_an_editor_who_cannot_see_the_field(client, people):
    article = published(people)
    response = post_change_form(client, people["editor"], article,
                                authors=[str(people["editor"].profile.pk), str(people["reviewer"].profile.pk)])
    assert response.status_code == 200 and "cannot be the medical reviewer" in response.content.decode()
    assert list(article.authors.all()) == [people["editor"].profile]
    assert article.revisions.count() == 1
    audit_is_clean()


# 3. The Claim admin is writable: now read-only, decisions only through the service.

def test_3_the_claim_admin_refuses_a_direct_approval(client, people):
    coauthor = people["reviewer2"]
    source = make_source()
    article = Article(title="Co-written", slug="co-written", body=f"<p>{CLAIM}[[cite:pmid:{source.pmid}]]</p>",
                      medical_reviewer=people["reviewer"].profile)
    article_save(article=article, user=people["editor"],
                 write_related=lambda: article.authors.set([people["editor"].profile, coauthor.profile]))
    claim = article.claims.get()
    client.force_login(coauthor)
    url = reverse("admin:review_claim_change", args=[claim.pk])
    response = client.post(url, {"status": "approved", "note": "mine"})
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PENDING and claim.decided_by is None
    response = review_post(client, coauthor, article, "claim", args=[claim.pk], decision="approved")
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PENDING
    audit_is_clean()


# 4. Authors settle flags on their own articles.

def test_4_authors_cannot_settle_flags_on_their_own_article(client, people):
    source = make_source()
    article = Article(title="Deal", slug="deal", body=f"<p>{CLAIM}[[cite:pmid:{source.pmid}]] Use code SAVE20 "
                      "for 20% off your first order.</p>", medical_reviewer=people["reviewer"].profile)
    article_save(article=article, user=people["editor"],
                 write_related=lambda: article.authors.set([people["editor"].profile, people["reviewer2"].profile]))
    flags = list(Flag.objects.filter(article=article).unsettled())
    assert flags
    for author in (people["editor"], people["reviewer2"]):
        for flag in flags:
            response = review_post(client, author, article, "flag", args=[flag.pk], decision="dismissed",
                                   reason="Partner offer, approved by marketing")
            assert response.status_code == 403
    assert not Flag.objects.filter(article=article).settled().exists()
    audit_is_clean()


# 5. Warnings never block (and a page with no byline went live).

def test_5_selling_warnings_and_a_missing_byline_block_the_article(client, people):
    source = make_source()
    article = Article(title="Sleep better", slug="sleep-better", medical_reviewer=people["reviewer"].profile,
                      body=f"<p>Try NervaCalm Magnesium, use code CALM20 for 20% off. It is the best magnesium "
                           f"supplement on the market.</p><p>{CLAIM}[[cite:pmid:{source.pmid}]]</p>")
    article_save(article=article, user=people["editor"])
    assert Flag.objects.filter(article=article, severity="warning").exists()
    workflow.article_submit(article=article, user=people["editor"])
    for claim in article.claims.pending():
        review_post(client, people["reviewer"], article, "claim", args=[claim.pk], decision="approved")
    response = review_post(client, people["reviewer"], article, "transition", transition="approve")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == S.IN_REVIEW
    problems = " ".join(workflow.publish_gate_problems(article))
    assert "warning flag" in problems and "no author" in problems
    assert reader(client, article)[0] == 404
    audit_is_clean()


# 6. Rejecting a claim on a live article left it live.

def test_6_rejecting_a_claim_of_the_live_text_takes_the_article_off_the_site(client, people):
    article = published(people)
    claim = article.live_revision.claims.get()
    response = review_post(client, people["reviewer2"], article, "claim", args=[claim.pk], decision="rejected",
                           note="The cited trial measured sleep, not muscles.", expected_status="approved")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live_revision_id is None
    assert reader(client, article)[0] == 404
    assert AuditEvent.objects.filter(article=article, action="taken_down").exists()
    audit_is_clean()


# 7. A term change settled a blocker as "text changed".

def test_7_switching_a_term_off_never_settles_its_flag(client, people):
    source = make_source()
    article = Article(title="Insomnia", slug="insomnia", medical_reviewer=people["reviewer"].profile,
                      body=f"<p>Magnesium cures insomnia.[[cite:pmid:{source.pmid}]]</p>")
    article_save(article=article, user=people["editor"],
                 write_related=lambda: article.authors.set([people["editor"].profile]))
    blocker = Flag.objects.get(article=article, rule="disease.claim")
    Term.objects.get_or_create(kind="disease", value="insomnia")
    term = Term.objects.get(kind="disease", value="insomnia")
    client.force_login(people["managing"])
    response = client.post(reverse("admin:review_term_change", args=[term.pk]),
                           {"kind": "disease", "value": "insomnia", "note": "too broad"})  # "active" unticked
    assert response.status_code == 302
    assert post_change_form(client, people["managing"], article).status_code == 302
    blocker.refresh_from_db()
    assert blocker.status in (Flag.Status.OPEN, Flag.Status.NO_LONGER_RAISED)
    assert blocker.status != Flag.Status.TEXT_CHANGED
    assert workflow.publish_gate_problems(article)
    audit_is_clean()


# 8. A transition lost to an editor's form opened before it.

def test_8_a_form_opened_before_an_archive_cannot_bring_the_article_back(client, people):
    article = published(people)
    client.force_login(people["editor"])
    stale_form = form_data(client.get(change_url(article)))
    workflow.article_archive(article=article, user=people["managing"])
    stale_form["standfirst"] = ["Saved from a form opened before the archive."]
    response = client.post(change_url(article), post_ready(stale_form))
    assert response.status_code == 200 and "Someone else saved this article" in response.content.decode()
    article.refresh_from_db()
    assert article.status == S.ARCHIVED and article.live_revision_id is None
    assert reader(client, article)[0] == 404
    audit_is_clean()


# 9. A busy database answered 500.

def test_9_a_write_that_finds_the_database_locked_gets_the_busy_page_not_a_500(client, people):
    article = published(people)
    client.raise_request_exception = False
    with mock.patch("review.services.article_write", side_effect=OperationalError("database is locked")):
        response = post_change_form(client, people["editor"], article, standfirst="Saved while someone else was.")
    assert response.status_code == 503 and response["Retry-After"]
    assert "was <strong>not saved</strong>" in response.content.decode()
    article.refresh_from_db()
    assert article.standfirst != "Saved while someone else was." and article.revisions.count() == 1
    audit_is_clean()


# 10. Malformed schedule dates answered 500.

@pytest.mark.parametrize("value", ["2026-13-45T99:99", "2026-12-24T09:00-25:00", "9999-12-31T23:59-12:00", "",
                                   "tomorrow", "0000-00-00T00:00"])
def test_10_a_malformed_schedule_date_is_a_message_not_a_500(client, people, value):
    source = make_source()
    article = Article(title="Scheduled", slug="scheduled", medical_reviewer=people["reviewer"].profile,
                      body=f"<p>{CLAIM}[[cite:pmid:{source.pmid}]]</p>")
    article_save(article=article, user=people["editor"],
                 write_related=lambda: article.authors.set([people["editor"].profile]))
    workflow.article_submit(article=article, user=people["editor"])
    settle(people, article)
    workflow.article_approve(article=article, user=people["reviewer"])
    client.force_login(people["managing"])
    response = client.post(reverse("admin:review_reviewqueueitem_transition", args=[article.pk]),
                           {"transition": "schedule", "publish_at": value}, follow=True)
    assert response.status_code == 200
    assert "Enter" in response.content.decode()
    article.refresh_from_db()
    assert article.status == S.APPROVED
    audit_is_clean()
