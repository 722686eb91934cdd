"""The workflow through the article admin: version check on save, gated bulk actions, scan on save."""

import pytest
from django.urls import reverse

from articles.models import Article
from review.models import Claim, Flag
from review.roles import EDITOR, MANAGING_EDITOR, REVIEWER
from tests.review.factories import add_claim, add_flag, make_article, make_source, make_user
from tests.review.formdata import form_data

S = Article.Status
pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_second_editor_saving_a_stale_form_is_refused_and_first_edit_kept(client):
    first_editor, second_editor, reviewer = make_user(EDITOR), make_user(EDITOR), make_user(REVIEWER)
    article = make_article(author=first_editor, reviewer=reviewer)
    client.force_login(second_editor)
    stale = form_data(client.get(change_url(article)).content, "article_form")  # opened before the first save
    client.force_login(first_editor)
    fresh = form_data(client.get(change_url(article)).content, "article_form")
    fresh["title"] = "First editor's title"
    assert client.post(change_url(article), fresh).status_code == 302
    client.force_login(second_editor)
    stale["title"] = "Second editor's title"
    response = client.post(change_url(article), stale)
    assert response.status_code == 200
    assert "Someone else saved this article while you were editing it" in response.content.decode()
    assert "Second editor&#x27;s title" in response.content.decode()  # their text is still in the form
    assert Article.objects.get(pk=article.pk).title == "First editor's title"


def test_bulk_publish_goes_through_the_gate_for_each_article(client):
    editor, reviewer, managing = make_user(EDITOR), make_user(REVIEWER), make_user(MANAGING_EDITOR)
    ready = make_article(author=editor, reviewer=reviewer, status=S.APPROVED)
    add_claim(ready, status=Claim.Status.APPROVED)
    blocked = make_article(author=editor, reviewer=reviewer, status=S.APPROVED)
    add_flag(blocked)
    client.force_login(managing)
    response = client.post(reverse("admin:articles_article_changelist"),
                           {"action": "publish_selected", "_selected_action": [ready.pk, blocked.pk]}, follow=True)
    page = response.content.decode()
    assert Article.objects.get(pk=ready.pk).status == S.PUBLISHED
    assert Article.objects.get(pk=blocked.pk).status == S.APPROVED
    assert "not published" in page and "blocker flag" in page


def test_bulk_publish_by_an_editor_is_refused(client):
    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    article = make_article(author=editor, reviewer=reviewer, status=S.APPROVED)
    add_claim(article, status=Claim.Status.APPROVED)
    client.force_login(editor)
    client.post(reverse("admin:articles_article_changelist"),
                {"action": "publish_selected", "_selected_action": [article.pk]})
    assert Article.objects.get(pk=article.pk).status == S.APPROVED


def test_saving_in_the_admin_scans_the_article_and_shows_the_flag_in_context(client):
    editor = make_user(EDITOR)
    source = make_source()
    article = make_article(author=editor)
    client.force_login(editor)
    data = form_data(client.get(change_url(article)).content, "article_form")
    data["body"] = (f"<p>Magnesium supports normal muscle function.[[cite:pmid:{source.pmid}]]</p>"
                    "<p>Studies have found that it doubles your energy.</p>")
    assert client.post(change_url(article), data).status_code == 302
    flag = Flag.objects.get(article=article, rule="unsupported.research_appeal")
    # The scan runs after the citations are rebuilt: the valid marker is not "unresolved",
    # and the cited claim is linked to its source.
    assert not Flag.objects.filter(article=article, rule="citation.unresolved").exists()
    assert Claim.objects.get(article=article, text__contains="muscle function").citations.get() == source
    page = client.get(change_url(article)).content.decode()
    assert "<mark>" in page and flag.excerpt in page


def test_editing_a_published_article_keeps_its_approved_text_live_until_the_new_text_is_approved(client):
    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    article = make_article(author=editor, reviewer=reviewer, status=S.PUBLISHED)
    live_text = client.get(article.get_absolute_url()).content.decode()
    client.force_login(editor)
    data = form_data(client.get(change_url(article)).content, "article_form")
    source = article.citations.get().source
    data["body"] = f"<p>Magnesium reduces night cramps in older adults.[[cite:pmid:{source.pmid}]]</p>"
    response = client.post(change_url(article), data, follow=True)
    assert "back in review" in response.content.decode()
    article.refresh_from_db()
    assert article.status == S.IN_REVIEW and article.live_revision.number == 1
    assert article.revisions.count() == 2
    client.logout()
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200 and "night cramps" not in page.content.decode()
    assert "Magnesium is a mineral." in page.content.decode() and "Magnesium is a mineral." in live_text


def test_open_flags_list_filters_by_category_severity_rule_and_article(client):
    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    first = make_article(author=editor)
    second = make_article(author=editor)
    add_flag(first)
    add_flag(second, severity="warning")
    client.force_login(reviewer)
    url = reverse("admin:review_flag_changelist")
    page = client.get(url, {"status__exact": "open", "severity__exact": "blocker",
                            "category__exact": "unsupported", "rule__exact": "unsupported.research_appeal",
                            "article__id__exact": first.pk}).content.decode()
    results = page[page.index('id="result_list"'):page.index("</table>", page.index('id="result_list"'))]
    assert first.title in results and second.title not in results
    assert f">{second.title}</a>" in page  # offered as a filter choice: it has flags


def review_url(article):
    return reverse("admin:review_reviewqueueitem_review", args=[article.pk])


def test_review_queue_is_headed_as_a_queue(client):
    client.force_login(make_user(REVIEWER))
    page = client.get(reverse("admin:review_reviewqueueitem_changelist")).content.decode()
    assert "<h1>Review queue</h1>" in page
    assert "Select article to review" not in page


def test_assigning_a_reviewer_says_so_and_signed_off_articles_offer_no_reassignment(client):
    editor, reviewer, other, managing = make_user(EDITOR), make_user(REVIEWER), make_user(REVIEWER), \
        make_user(MANAGING_EDITOR)
    in_review = make_article(author=editor, reviewer=reviewer, status=S.IN_REVIEW)
    client.force_login(managing)
    assert 'value="assign_reviewer"' in client.get(review_url(in_review)).content.decode()
    response = client.post(reverse("admin:review_reviewqueueitem_transition", args=[in_review.pk]),
                           {"transition": "assign_reviewer", "reviewer": other.profile.pk}, follow=True)
    assert f"Done: {other.profile.display_name} is now the medical reviewer." in response.content.decode()
    assert Article.objects.get(pk=in_review.pk).medical_reviewer == other.profile

    published = make_article(author=editor, reviewer=reviewer, status=S.PUBLISHED)
    assert 'value="assign_reviewer"' not in client.get(review_url(published)).content.decode()
    response = client.post(reverse("admin:review_reviewqueueitem_transition", args=[published.pk]),
                           {"transition": "assign_reviewer", "reviewer": other.profile.pk}, follow=True)
    assert "send it back to review first" in response.content.decode()
    assert Article.objects.get(pk=published.pk).medical_reviewer == reviewer.profile


def test_changing_the_reviewer_of_a_published_article_in_the_form_is_refused(client):
    editor, reviewer, other = make_user(EDITOR), make_user(REVIEWER), make_user(REVIEWER)
    article = make_article(author=editor, reviewer=reviewer, status=S.PUBLISHED)
    client.force_login(make_user(MANAGING_EDITOR))  # editors see the reviewer field read-only
    data = form_data(client.get(change_url(article)).content, "article_form")
    data["medical_reviewer"] = str(other.profile.pk)
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "send it back to review first" in response.content.decode()
    assert Article.objects.get(pk=article.pk).medical_reviewer == reviewer.profile


def test_only_a_reviewer_who_is_not_an_author_is_offered_flag_decisions(client):
    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    article = make_article(author=editor, reviewer=reviewer, status=S.IN_REVIEW)
    blocker, warning = add_flag(article, severity="blocker"), add_flag(article, severity="warning")
    flag_action = "admin:review_reviewqueueitem_flag"
    client.force_login(editor)
    page = client.get(review_url(article)).content.decode()
    assert reverse(flag_action, args=[article.pk, warning.pk]) not in page
    assert reverse(flag_action, args=[article.pk, blocker.pk]) not in page
    assert "A medical reviewer who did not write the article settles flags" in page
    client.force_login(reviewer)
    page = client.get(review_url(article)).content.decode()
    assert reverse(flag_action, args=[article.pk, blocker.pk]) in page
    assert reverse(flag_action, args=[article.pk, warning.pk]) in page


def test_a_refused_action_answers_403_saying_why(client):
    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    article = make_article(author=editor, reviewer=reviewer, status=S.IN_REVIEW)
    blocker = add_flag(article, severity="blocker")
    client.force_login(editor)
    response = client.post(reverse("admin:review_reviewqueueitem_flag", args=[article.pk, blocker.pk]),
                           {"decision": "dismissed", "reason": "Not needed"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Only a medical reviewer" in page or "Reviewer role" in page, page[:2000]
    assert 'id="site-name"' in page  # the admin's look, with its header
    assert Flag.objects.get(pk=blocker.pk).status == Flag.Status.OPEN


def test_queue_shows_a_reviewer_their_own_and_everyone_else_the_whole_queue(client):
    editor, mine, theirs = make_user(EDITOR), make_user(REVIEWER), make_user(REVIEWER)
    for_me = make_article(author=editor, reviewer=mine, status=S.IN_REVIEW)
    unassigned = make_article(author=editor, status=S.IN_REVIEW)
    for_them = make_article(author=editor, reviewer=theirs, status=S.IN_REVIEW)
    for article, title in ((for_me, "For me"), (unassigned, "Nobody yet"), (for_them, "For them")):
        article.title = title
    queue = reverse("admin:review_reviewqueueitem_changelist")

    def listed(user, query=""):
        client.force_login(user)
        page = client.get(queue + query).content.decode()
        return {a.title for a in (for_me, unassigned, for_them) if review_url(a) in page}, page

    titles, page = listed(mine)
    assert titles == {"For me", "Nobody yet"}
    assert "2 articles to review" in page
    assert listed(mine, "?assigned=all")[0] == {"For me", "Nobody yet", "For them"}
    assert listed(editor)[0] == {"For me", "Nobody yet", "For them"}
    assert listed(make_user(MANAGING_EDITOR))[0] == {"For me", "Nobody yet", "For them"}
    assert "No article here to review." in listed(mine, "?status__exact=published")[1]


def test_review_text_shows_citation_numbers_not_markers(client):
    from articles.models import ArticleCitation

    editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
    article = make_article(author=editor, reviewer=reviewer, status=S.IN_REVIEW)
    first = ArticleCitation.objects.get(article=article).source
    second = make_source(title="A <second> trial")
    ArticleCitation.objects.create(article=article, source=second, number=2)
    Article.objects.filter(pk=article.pk).update(body_text=(
        f"Magnesium is a mineral.[[cite:pmid:{first.pmid}]] Cramps ease.[[cite:pmid:{second.pmid}; pmid:99]]"))
    client.force_login(reviewer)
    page = client.get(review_url(article)).content.decode()
    assert "[[cite:" not in page
    assert f'<sup class="cite" title="{first.title}">[1]</sup>' in page
    assert '<sup class="cite" title="A &lt;second&gt; trial; not found: pmid:' in page
    assert ">[2, ?]</sup>" in page
    claim = add_claim(article, text=f"Cramps ease.[[cite:pmid:{second.pmid}]]")
    page = client.get(review_url(article)).content.decode()
    assert '“Cramps ease.<sup class="cite" title="A &lt;second&gt; trial">[2]</sup>”' in page, claim
