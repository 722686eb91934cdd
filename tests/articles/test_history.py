"""Article history: every admin save keeps a version with its tags, citations, key points and
FAQs; two versions can be compared; restoring one brings all of them back."""

import re

import pytest
from reversion.models import Version
from taggit.models import Tag

from articles.models import Article
from tests.articles.editing_helpers import form_data, make_editor, make_source, post_ready

ADD_URL = "/admin/articles/article/add/"


@pytest.fixture
def editor(db, client):
    user = make_editor()
    client.force_login(user)
    return user


def save_through_admin(client, url, **fields):
    data = form_data(client.get(url))
    for name, value in fields.items():
        data[name] = value if isinstance(value, list) else [value]
    response = client.post(url, post_ready(data))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    return response


@pytest.fixture
def edited_article(client, editor):
    """An article saved twice through the admin: v1 cites A and is tagged sleep; v2 cites B, cramps."""
    first, second = make_source("First trial"), make_source("Second trial")
    save_through_admin(client, ADD_URL, title="Magnesium and sleep", slug="magnesium-and-sleep",
                       standfirst="Version one.", body=f"<p>Claim one.[[cite:{first.pk}]]</p>",
                       tags="sleep, glycinate", **{"key_points-0-text": "The first key point."})
    article = Article.objects.get(slug="magnesium-and-sleep")
    change_url = f"/admin/articles/article/{article.pk}/change/"
    save_through_admin(client, change_url, standfirst="Version two.",
                       body=f"<p>Claim two.[[cite:{second.pk}]] Claim one.[[cite:{first.pk}]]</p>",
                       tags="cramps", **{"key_points-0-text": "A rewritten key point."})
    article.refresh_from_db()
    return {"article": article, "first": first, "second": second, "change_url": change_url}


def test_every_admin_save_keeps_a_version_with_tags_and_citations(edited_article):
    article = edited_article["article"]
    versions = list(Version.objects.get_for_object(article).order_by("pk"))
    assert len(versions) == 2
    for version, expected_tags, expected_sources in [
        (versions[0], {"sleep", "glycinate"}, [edited_article["first"].pk]),
        (versions[1], {"cramps"}, [edited_article["second"].pk, edited_article["first"].pk]),
    ]:
        in_revision = list(version.revision.version_set.select_related("content_type"))
        tag_ids = {v.field_dict["tag_id"] for v in in_revision if v.content_type.model == "taggeditem"}
        assert set(Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True)) == expected_tags
        citations = sorted((v.field_dict["number"], v.field_dict["source_id"]) for v in in_revision
                           if v.content_type.model == "articlecitation")
        assert [source for _number, source in citations] == expected_sources


def test_restoring_a_version_brings_back_tags_citations_and_key_points(client, edited_article):
    article = edited_article["article"]
    assert set(article.tags.names()) == {"cramps"}
    oldest = Version.objects.get_for_object(article).order_by("pk").first()
    revision_url = f"/admin/articles/article/{article.pk}/history/{oldest.pk}/"

    # Opening the old version shows it in the form, without changing anything yet.
    response = client.get(revision_url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Version one." in page and "glycinate" in page
    article.refresh_from_db()
    assert article.standfirst == "Version two."
    assert set(article.tags.names()) == {"cramps"}

    # Saving that form restores it.
    restored = client.post(revision_url, post_ready(form_data(response)))
    assert restored.status_code == 302
    article.refresh_from_db()
    assert article.standfirst == "Version one."
    assert set(article.tags.names()) == {"sleep", "glycinate"}
    assert list(article.citations.values_list("number", "source")) == [(1, edited_article["first"].pk)]
    assert [kp.text for kp in article.key_points.all()] == ["The first key point."]
    latest = Version.objects.get_for_object(article).order_by("pk").last()
    assert latest.revision.comment.startswith("Reverted to previous version")


def test_revision_revert_restores_tags_even_after_the_tag_was_deleted(edited_article):
    article = edited_article["article"]
    Tag.objects.filter(name="glycinate").delete()
    oldest = Version.objects.get_for_object(article).order_by("pk").first()
    oldest.revision.revert(delete=True)
    article.refresh_from_db()
    assert set(article.tags.names()) == {"sleep", "glycinate"}
    assert list(article.citations.values_list("source", flat=True)) == [edited_article["first"].pk]


def test_history_page_offers_versions_to_compare(client, edited_article):
    article = edited_article["article"]
    page = client.get(f"/admin/articles/article/{article.pk}/history/").content.decode()
    assert page.count('type="radio" name="a"') == 2 and page.count('type="radio" name="b"') == 2
    assert f'action="/admin/articles/article/{article.pk}/history/compare/"' in page
    assert "Compare selected versions" in page


def test_compare_shows_a_unified_diff_of_text_tags_and_citations(client, edited_article):
    article = edited_article["article"]
    older, newer = Version.objects.get_for_object(article).order_by("pk")
    response = client.get(f"/admin/articles/article/{article.pk}/history/compare/", {"a": newer.pk, "b": older.pk})
    assert response.status_code == 200
    page = response.content.decode()
    lines = re.findall(r'<span class="diff-(added|removed)">(.*?)</span>', page)
    assert ("removed", "-Version one.") in lines and ("added", "+Version two.") in lines
    assert ("removed", "-glycinate") in lines and ("removed", "-sleep") in lines and ("added", "+cramps") in lines
    first, second = edited_article["first"].pk, edited_article["second"].pk
    assert ("added", f"+Claim two.[[cite:{second}]] Claim one.[[cite:{first}]]") in lines
    assert ("removed", "-[1] First trial (2021)") in lines
    assert ("added", "+[1] Second trial (2021)") in lines and ("added", "+[2] First trial (2021)") in lines
    assert "Unchanged: Title." in page


def test_compare_defaults_to_the_latest_two_versions(client, edited_article):
    article = edited_article["article"]
    response = client.get(f"/admin/articles/article/{article.pk}/history/compare/")
    assert response.status_code == 200
    assert "+Version two." in response.content.decode()


def test_compare_needs_permission_to_see_articles(client, edited_article):
    article = edited_article["article"]
    url = f"/admin/articles/article/{article.pk}/history/compare/"
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
    outsider = make_editor()
    outsider.groups.clear()
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def test_compare_with_a_version_of_another_article_is_not_found(client, edited_article):
    article = edited_article["article"]
    other = Article.objects.create(title="Other", slug="other", body="<p>x</p>")
    save_through_admin(client, f"/admin/articles/article/{other.pk}/change/", standfirst="Changed.")
    foreign = Version.objects.get_for_object(other).first()
    own = Version.objects.get_for_object(article).first()
    response = client.get(f"/admin/articles/article/{article.pk}/history/compare/", {"a": own.pk, "b": foreign.pk})
    assert response.status_code == 404


def test_compare_with_a_single_version_explains_there_is_nothing_to_compare(client, editor):
    save_through_admin(client, ADD_URL, title="Single", slug="single", body="<p>x</p>")
    article = Article.objects.get(slug="single")
    response = client.get(f"/admin/articles/article/{article.pk}/history/compare/", follow=True)
    assert "only one saved version" in response.content.decode()


def test_an_untouched_body_is_not_reported_as_changed(client, editor):
    save_through_admin(client, ADD_URL, title="Same", slug="same", body="<p>One.</p><p>Two.</p>")
    article = Article.objects.get(slug="same")
    # CKEditor sends the body back re-serialized, with line breaks between blocks.
    save_through_admin(client, f"/admin/articles/article/{article.pk}/change/",
                       body="<p>One.</p>\n\n<p>Two.</p>\n", standfirst="New standfirst.")
    latest = Version.objects.get_for_object(article).order_by("pk").last()
    assert latest.revision.comment == "Changed Standfirst."


def test_a_deleted_article_can_be_recovered_with_its_tags_and_citations(edited_article):
    article = edited_article["article"]
    pk = article.pk
    article.delete()
    deleted = Version.objects.get_deleted(Article).get(object_id=str(pk))
    deleted.revision.revert(delete=True)
    recovered = Article.objects.get(pk=pk)
    assert set(recovered.tags.names()) == {"cramps"}
    assert list(recovered.citations.values_list("number", "source")) == [
        (1, edited_article["second"].pk), (2, edited_article["first"].pk),
    ]
    assert [kp.text for kp in recovered.key_points.all()] == ["A rewritten key point."]
