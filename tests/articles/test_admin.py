"""The article admin: adding and changing articles, the editorial rules its form enforces, the
Cite dialog's source search, previews, and the editor widget's configuration."""

import io
import os
import re

import pytest
from ckeditor.widgets import CKEditorWidget
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from PIL import Image
from taggit.models import Tag

from articles.forms import ArticleAdminForm, AuthorProfileAdminForm, FAQForm, KeyPointForm
from articles.models import Article, ArticleCitation
from articles.sanitize import ALLOWED_TAGS
from articles.widgets import allowed_content, body_widget
from review.roles import MANAGING_EDITOR, ensure_roles
from review.services import article_save
from tests.articles.editing_helpers import form_data, make_editor, make_profile, make_source, post_ready

ADD_URL = "/admin/articles/article/add/"
SOURCES_URL = "/admin/articles/article/sources.json"


def png_bytes(size=(40, 30), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.fixture
def editor(db, client):
    user = make_editor()
    client.force_login(user)
    return user


@pytest.fixture
def people(db):
    return {"writer": make_profile("Maya Okafor"), "reviewer": make_profile("Dr Lena Hartmann", reviewer=True)}


def add_form(client, **fields):
    """The add form as the browser would submit it, with `fields` filled in."""
    data = form_data(client.get(ADD_URL))
    for name, value in fields.items():
        data[name] = value if isinstance(value, list) else [value]
    return post_ready(data)


def test_editor_adds_article_with_tags_key_points_faq_and_citation(client, editor, people):
    source = make_source("Magnesium and sleep: a randomised trial", pmid="31234567")
    response = client.post(ADD_URL, add_form(
        client,
        title="Magnesium and sleep",
        slug="magnesium-and-sleep",
        standfirst="What trials say about magnesium for sleep.",
        body="<h2>Evidence</h2><p>One trial found a small effect.[[cite:pmid:31234567]]</p>",
        tags="sleep, glycinate",
        authors=[str(people["writer"].pk)],
        medical_reviewer=str(people["reviewer"].pk),
        **{
            "key_points-0-text": "Evidence is limited to small trials.",
            "faqs-TOTAL_FORMS": "1",
            "faqs-0-question": "Does magnesium help sleep?",
            "faqs-0-answer": "Perhaps a little, in people low in magnesium.",
            "faqs-0-order": "0",
        },
    ))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    article = Article.objects.get(slug="magnesium-and-sleep")
    assert article.status == Article.Status.DRAFT
    assert sorted(article.tags.names()) == ["glycinate", "sleep"]
    assert [kp.text for kp in article.key_points.all()] == ["Evidence is limited to small trials."]
    assert [faq.question for faq in article.faqs.all()] == ["Does magnesium help sleep?"]
    assert list(article.citations.values_list("number", "source")) == [(1, source.pk)]
    assert list(article.authors.all()) == [people["writer"]]


def test_unknown_citation_marker_is_an_error_at_the_body_and_creates_nothing(client, editor):
    response = client.post(ADD_URL, add_form(
        client, title="Unknown source", slug="unknown-source",
        body="<p>A claim.[[cite:pmid:99999999]]</p>", tags="sleep",
        **{"key_points-0-text": "A key point that must not be saved either."},
    ))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["body"]
    assert "No source matches these citation markers: [[cite:pmid:99999999]]" in " ".join(errors)
    assert "[[cite:pmid:99999999]]" in response.content.decode()
    assert not Article.objects.exists()
    assert not ArticleCitation.objects.exists()


def test_malformed_citation_marker_is_refused_with_the_accepted_forms(client, editor):
    response = client.post(ADD_URL, add_form(client, title="Bad marker", slug="bad-marker",
                                             body="<p>A claim.[[cite:pubmed 123]]</p>"))
    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.errors["body"])
    assert "not in a known form: [[cite:pubmed 123]]" in message
    assert "[[cite:pmid:NUMBER]]" in message
    assert not Article.objects.exists()


def test_medical_reviewer_who_is_also_an_author_is_refused(client, people):
    managing = make_editor()
    managing.groups.set([ensure_roles()[MANAGING_EDITOR]])  # only they may assign the reviewer
    client.force_login(managing)
    reviewer = people["reviewer"]
    response = client.post(ADD_URL, add_form(
        client, title="Self-reviewed", slug="self-reviewed", body="<p>Text.</p>",
        authors=[str(reviewer.pk), str(people["writer"].pk)], medical_reviewer=str(reviewer.pk),
    ))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["medical_reviewer"]
    assert "Dr Lena Hartmann is listed as an author, so cannot be the medical reviewer" in errors[0]
    assert not Article.objects.exists()


def test_editors_cannot_choose_the_medical_reviewer_or_status(client, editor, people):
    """Reviewer assignment belongs to managing editors; status moves only through the workflow."""
    response = client.post(ADD_URL, add_form(
        client, title="Picked my reviewer", slug="picked", body="<p>Text.</p>",
        authors=[str(people["writer"].pk)], medical_reviewer=str(people["reviewer"].pk), status="approved",
    ))
    assert response.status_code == 302
    article = Article.objects.get(slug="picked")
    assert article.medical_reviewer is None
    assert article.status == Article.Status.DRAFT


def test_image_without_alt_text_is_refused_with_a_clear_message(client, editor):
    data = add_form(client, title="With image", slug="with-image", body="<p>Text.</p>")
    data["image"] = SimpleUploadedFile("lead.png", png_bytes(), content_type="image/png")
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["image_alt"] == [
        "Add alt text describing the image for readers who cannot see it (or remove the image)."
    ]
    assert "__all__" not in errors  # said once, at the field
    assert not Article.objects.exists()


def test_image_with_alt_text_is_accepted(client, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = add_form(client, title="With image", slug="with-image", body="<p>Text.</p>",
                    image_alt="A spoonful of pumpkin seeds")
    data["image"] = SimpleUploadedFile("lead.png", png_bytes(), content_type="image/png")
    assert client.post(ADD_URL, data).status_code == 302
    article = Article.objects.get(slug="with-image")
    assert article.image.name.startswith("articles/lead")
    assert article.image_alt == "A spoonful of pumpkin seeds"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("lead.png", b"GIF89a this is not really an image", "Upload a valid image"),
    ("lead.png", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "Upload a valid image"),
    ("lead.gif", png_bytes(fmt="GIF"), "Upload a JPEG, PNG or WebP image (this file is GIF)"),
])
def test_image_upload_is_judged_by_content(client, editor, name, content, message):
    data = add_form(client, title="Bad image", slug="bad-image", body="<p>Text.</p>", image_alt="Alt")
    data["image"] = SimpleUploadedFile(name, content, content_type="image/png")
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["image"])
    assert not Article.objects.exists()


def test_image_over_5_mb_is_refused(client, editor):
    # Random pixels do not compress: a 1400×1400 PNG of noise is about 5.9 MB.
    buffer = io.BytesIO()
    Image.frombytes("RGB", (1400, 1400), os.urandom(1400 * 1400 * 3)).save(buffer, format="PNG", compress_level=0)
    assert buffer.tell() > 5 * 1024 * 1024
    data = add_form(client, title="Huge image", slug="huge-image", body="<p>Text.</p>", image_alt="Noise")
    data["image"] = SimpleUploadedFile("huge.png", buffer.getvalue(), content_type="image/png")
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "the limit is 5.0\xa0MB" in " ".join(response.context["adminform"].form.errors["image"])


@pytest.mark.django_db
def test_model_validation_and_database_refuse_an_image_without_alt_text():
    article = Article(title="T", slug="t", body="<p>x</p>", image="articles/x.png", image_alt="  ")
    with pytest.raises(ValidationError) as caught:
        article.full_clean()
    assert "Add alt text describing the image" in caught.value.message_dict["image_alt"][0]
    article.image_alt = ""
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()


def test_publishing_by_setting_the_status_is_impossible_in_the_admin(client, editor):
    """Status is read-only on the admin form: a forged status in the POST is ignored."""
    response = client.post(ADD_URL, add_form(client, title="Live", slug="live", body="<p>Text.</p>",
                                             status="published"))
    assert response.status_code == 302
    assert Article.objects.get(slug="live").status == Article.Status.DRAFT


def test_status_is_not_on_the_article_form_so_a_posted_status_is_ignored(db):
    """Only the workflow's services move an article's status (they check the publish gate)."""
    form = ArticleAdminForm(data={"title": "Live", "slug": "live", "body": "<p>Text.</p>", "status": "published"})
    assert form.is_valid(), form.errors
    assert "status" not in form.fields and form.save(commit=False).status == Article.Status.DRAFT


def test_change_page_shows_numbered_citations_preview_and_preview_link(client, editor):
    first, second = make_source("First trial"), make_source("Second trial")
    article = Article(title="Cited", slug="cited",
                      body=f"<p>A.[[cite:pmid:{second.pmid}]] B.[[cite:{first.pk}]] C.[[cite:pmid:{second.pmid}]]</p>")
    article_save(article=article)
    response = client.get(f"/admin/articles/article/{article.pk}/change/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<ol class="citation-panel"><li value="1">' in page
    assert page.index("Second trial") < page.index("First trial")  # numbered in order of first use
    assert 'aria-label="Reference 1">1</a>' in page and 'aria-label="Reference 2">2</a>' in page
    assert 'href="/articles/cited/?preview"' in page
    assert ">\n  Preview</a>" in page  # a draft: "Preview", not "View on site"


def test_saving_a_change_rebuilds_the_numbered_citations(client, editor):
    first, second = make_source(), make_source()
    article = Article(title="Renumber", slug="renumber", body=f"<p>A.[[cite:{first.pk}]] B.[[cite:{second.pk}]]</p>")
    article_save(article=article)
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(client.get(url))
    data["body"] = [f"<p>Only B now.[[cite:{second.pk}]]</p>"]
    assert client.post(url, post_ready(data)).status_code == 302
    assert list(article.citations.values_list("number", "source")) == [(1, second.pk)]


def test_changelist_shows_editorial_columns_without_n_plus_one(client, editor, people, django_assert_max_num_queries):
    source = make_source()
    for n in range(6):
        article = Article(title=f"Article {n}", slug=f"article-{n}", body=f"<p>x[[cite:{source.pk}]]</p>",
                          medical_reviewer=people["reviewer"])
        article_save(article=article, tags=["sleep", f"t{n}"])
        article.authors.set([people["writer"]])
    with django_assert_max_num_queries(14):
        response = client.get("/admin/articles/article/")
    assert response.status_code == 200
    page = response.content.decode()
    for column in ("Authors", "Medical reviewer", "Citations", "Status"):
        assert column in page
    assert "Maya Okafor" in page and "Dr Lena Hartmann" in page


def test_changelist_filters_by_status_tag_and_reviewer(client, editor, people):
    article_save(article=Article(title="Sleep draft", slug="a", body="<p>x</p>"), tags=["sleep"])
    article_save(article=Article(title="Cramps review", slug="b", body="<p>x</p>", status="in_review",
                                 medical_reviewer=people["reviewer"]), tags=["cramps"])
    page = client.get("/admin/articles/article/?status__exact=in_review").content.decode()
    assert "Cramps review" in page and "Sleep draft" not in page
    sleep = Tag.objects.get(name="sleep")
    assert f"?tags__id__exact={sleep.pk}" in client.get("/admin/articles/article/").content.decode()
    page = client.get(f"/admin/articles/article/?tags__id__exact={sleep.pk}").content.decode()
    assert "Sleep draft" in page and "Cramps review" not in page
    page = client.get(f"/admin/articles/article/?medical_reviewer__id__exact={people['reviewer'].pk}").content.decode()
    assert "Cramps review" in page and "Sleep draft" not in page


# The Cite dialog's source search.


def test_source_search_finds_by_title_pmid_doi_and_id(client, editor):
    source = make_source("Oral magnesium for leg cramps", pmid="22972095", doi="10.1002/14651858.CD009402.pub2")
    make_source("Something else entirely")
    for query in ("leg cramps", "22972095", "pmid:22972095", "https://doi.org/10.1002/14651858.cd009402.pub2",
                  str(source.pk)):
        results = client.get(SOURCES_URL, {"q": query}).json()["results"]
        assert [r["id"] for r in results] == [source.pk], query
    result = client.get(SOURCES_URL, {"q": "leg cramps"}).json()["results"][0]
    assert result == {"id": source.pk, "title": "Oral magnesium for leg cramps", "year": 2021, "pmid": "22972095",
                      "doi": "10.1002/14651858.CD009402.pub2", "retracted": False, "key": "pmid:22972095",
                      "marker": "[[cite:pmid:22972095]]"}


def test_source_search_is_for_staff_who_edit_articles_only(client, db):
    make_source()
    assert client.get(SOURCES_URL).status_code == 302  # anonymous: to the login page
    outsider = make_editor(superuser=False)
    outsider.groups.clear()
    client.force_login(outsider)
    assert client.get(SOURCES_URL).status_code == 403


def test_cite_markers_from_the_search_resolve_on_save(client, editor):
    with_pmid, doi_only, bare = make_source(), make_source(pmid=""), make_source(pmid="", doi="")
    # The exact identifier match comes first, even when titles contain the same digits.
    keys = [client.get(SOURCES_URL, {"q": str(s.pk)}).json()["results"][0]["marker"]
            for s in (with_pmid, doi_only, bare)]
    assert keys[0].startswith("[[cite:pmid:") and keys[1].startswith("[[cite:doi:") and keys[2] == f"[[cite:{bare.pk}]]"
    article = article_save(article=Article(title="Keys", slug="keys", body="<p>" + " ".join(keys) + "</p>"))
    assert list(article.citations.values_list("source", flat=True)) == [with_pmid.pk, doi_only.pk, bare.pk]


# Forms and the widget.


@pytest.mark.parametrize("form_class", [ArticleAdminForm, AuthorProfileAdminForm, KeyPointForm, FAQForm])
def test_every_editable_field_has_help_text_for_editors(form_class):
    missing = [name for name, field in form_class.base_fields.items() if not field.help_text]
    assert not missing, f"{form_class.__name__} fields without help text: {missing}"


def test_body_widget_is_ckeditor_with_cite_button_and_no_outside_services(db):
    widget = body_widget()
    config = widget.config
    assert isinstance(widget, CKEditorWidget)
    assert ArticleAdminForm.base_fields["body"].widget.__class__ is type(widget)
    assert ["Cite"] in config["toolbar_Article"]
    assert "cite" in config["extraPlugins"].split(",")
    removed = config["removePlugins"].split(",")
    assert {"exportpdf", "scayt", "wsc"} <= set(removed)
    rendered = widget.render("body", "<p>x</p>", {"id": "id_body"})
    assert "articles/ckeditor/cite/" in rendered and "plugin.js" in rendered
    assert "/admin/articles/article/sources.json" in rendered
    assert "<script" not in rendered  # the admin CSP allows no inline script


def test_editor_allowed_content_mirrors_the_sanitizer():
    rules = allowed_content()
    assert "{" not in rules and "(" not in rules  # no styles, no classes
    named = {tag for rule in rules.split(";") for tag in rule.split("[")[0].split()}
    assert named == ALLOWED_TAGS
    assert "th[colspan,headers,rowspan,scope]" in rules


def test_add_page_loads_editor_assets_without_inline_script(client, editor):
    response = client.get(ADD_URL)
    page = response.content.decode()
    assert "ckeditor/ckeditor/ckeditor.js" in page
    # The CSP shim loads after CKEditor itself (it patches CKEDITOR before any editor is built).
    assert page.index("ckeditor/ckeditor/ckeditor.js") < page.index("articles/ckeditor/csp-shim.js")
    assert "articles/admin.css" in page
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    # Any inline <script> must carry the nonce; Django's admin uses external files or JSON data.
    for tag in re.findall(r"<script\b[^>]*>", page):
        assert "src=" in tag or "application/json" in tag or "nonce=" in tag, tag


def test_author_profile_admin_lists_and_searches_profiles(client, db):
    admin_user = make_editor(superuser=True)
    client.force_login(admin_user)
    make_profile("Dr Samuel Reyes", reviewer=True, credentials="PharmD")
    page = client.get("/admin/articles/authorprofile/?q=Reyes").content.decode()
    assert "Dr Samuel Reyes" in page and "PharmD" in page
    assert client.get("/admin/articles/authorprofile/add/").status_code == 200


def test_managing_editor_adds_an_author_profile_for_a_staff_account(client, db):
    managing = make_editor()
    managing.groups.set([ensure_roles()[MANAGING_EDITOR]])
    client.force_login(managing)
    writer = make_editor("newwriter")
    page = client.get("/admin/articles/authorprofile/add/").content.decode()
    assert f'<option value="{writer.pk}">newwriter</option>' in page
    response = client.post("/admin/articles/authorprofile/add/", {
        "user": writer.pk, "display_name": "Sam Writer", "slug": "sam-writer", "credentials": "MPH", "bio": "",
    })
    assert response.status_code == 302
    assert writer.profile.display_name == "Sam Writer"
