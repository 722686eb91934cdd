"""Inline citation markers: numbering in order of first use, repeats, several sources at one
claim, and refusal (never a silent drop) of markers that are malformed or name no source."""

import pytest
from django.core.exceptions import ValidationError
from django.test import SimpleTestCase

from articles.citations import find_markers, parse_key, render_citations, resolve_markers
from articles.forms import ArticleAdminForm
from articles.models import Article, ArticleCitation
from articles.services import article_sync_citations
from reference.models import Source
from review.services import article_save
from tests.articles.editing_helpers import make_source


def numbered(article):
    return list(article.citations.order_by("number").values_list("number", "source__title"))


@pytest.fixture
def sources(db):
    return {
        "a": make_source("Trial A", pmid="11111111", doi="10.1000/a"),
        "b": make_source("Trial B", pmid="22222222", doi="10.1000/b"),
        "c": make_source("Review C", pmid="", doi="10.1000/C.Upper"),
    }


def test_sources_are_numbered_in_order_of_first_use(sources):
    body = "<p>B first.[[cite:pmid:22222222]] Then A.[[cite:pmid:11111111]] Then C.[[cite:doi:10.1000/c.upper]]</p>"
    article = article_save(article=Article(title="Order", slug="order", body=body))
    assert numbered(article) == [(1, "Trial B"), (2, "Trial A"), (3, "Review C")]


def test_a_repeated_source_keeps_its_first_number_whatever_key_names_it(sources):
    a = sources["a"]
    body = (f"<p>One.[[cite:pmid:11111111]] Two.[[cite:pmid:22222222]] Again A by DOI.[[cite:doi:10.1000/A]] "
            f"And by number.[[cite:{a.pk}]]</p>")
    article = article_save(article=Article(title="Repeat", slug="repeat", body=body))
    assert numbered(article) == [(1, "Trial A"), (2, "Trial B")]
    citations = article.citations.select_related("source")
    rendered = render_citations(article.body, [(c.number, c.source) for c in citations])
    assert rendered.count('aria-label="Reference 1">1</a>') == 3
    assert rendered.count('id="cite-1"') == 1  # the back-link anchor is on the first use only


def test_one_marker_may_cite_several_sources(sources):
    a, b = sources["a"], sources["b"]
    body = f"<p>Both trials agree.[[cite:pmid:22222222; {a.pk}]] Later: [[cite:doi:10.1000/c.upper, pmid:11111111]]</p>"
    article = article_save(article=Article(title="Multi", slug="multi", body=body))
    assert numbered(article) == [(1, "Trial B"), (2, "Trial A"), (3, "Review C")]
    rendered = render_citations(article.body, [(c.number, c.source) for c in article.citations.all()])
    assert '<sup class="cite">[<a href="#ref-1" id="cite-1" aria-label="Reference 1">1</a>, ' \
           '<a href="#ref-2" id="cite-2" aria-label="Reference 2">2</a>]</sup>' in rendered
    assert b.pk in article.citations.values_list("source", flat=True)


def test_doi_markers_accept_a_resolver_prefix_and_any_case(sources):
    body = "<p>x[[cite:doi:https://doi.org/10.1000/C.UPPER]]</p>"
    assert resolve_markers(body) == [sources["c"]]


def test_unknown_marker_raises_naming_the_marker(sources):
    with pytest.raises(ValidationError) as caught:
        resolve_markers("<p>x[[cite:pmid:11111111]] y[[cite:pmid:99999999]] z[[cite:doi:10.9/none]]</p>")
    message = " ".join(caught.value.messages)
    assert "No source matches these citation markers: [[cite:pmid:99999999]], [[cite:doi:10.9/none]]" in message
    assert "[[cite:pmid:11111111]]" not in message


def test_unknown_marker_is_refused_at_the_body_field_with_a_clear_message(sources):
    form = ArticleAdminForm(data={"title": "T", "slug": "t", "body": "<p>x[[cite:pmid:99999999]]</p>",
                                  "status": "draft", "tags": ""})
    assert not form.is_valid()
    assert form.errors["body"] == [
        "No source matches these citation markers: [[cite:pmid:99999999]]. Add the source under Reference "
        "library › Sources first, or correct the identifier."
    ]
    assert form.has_error("body", code="unknown_citation")


@pytest.mark.parametrize("marker", ["[[cite:pmid:12ab]]", "[[cite:isbn:12345]]", "[[cite:the 2019 trial]]",
                                    "[[cite:pmid:]]", "[[cite:id:x]]"])
def test_malformed_marker_is_refused_at_the_form(db, marker):
    form = ArticleAdminForm(data={"title": "T", "slug": "t", "body": f"<p>x{marker}</p>", "status": "draft"})
    assert not form.is_valid()
    assert form.has_error("body", code="malformed_citation")
    assert "not in a known form" in form.errors["body"][0]


def test_sync_refuses_an_unknown_marker_and_keeps_the_old_citations(sources):
    article = article_save(article=Article(title="Keep", slug="keep", body="<p>x[[cite:pmid:11111111]]</p>"))
    Article.objects.filter(pk=article.pk).update(body="<p>x[[cite:pmid:99999999]]</p>")
    article.refresh_from_db()
    with pytest.raises(ValidationError):
        article_sync_citations(article=article)
    assert numbered(article) == [(1, "Trial A")]


def test_removing_a_marker_renumbers_the_rest(sources):
    article = article_save(article=Article(
        title="Renumber", slug="renumber", body="<p>a[[cite:pmid:11111111]] b[[cite:pmid:22222222]]</p>"))
    article.body = "<p>b only[[cite:pmid:22222222]]</p>"
    article_save(article=article)
    assert numbered(article) == [(1, "Trial B")]
    assert ArticleCitation.objects.count() == 1


class MarkerParsingTests(SimpleTestCase):
    def test_keys_parse_into_kinds(self):
        self.assertEqual(str(parse_key("pmid:32956536")), "pmid:32956536")
        self.assertEqual(str(parse_key(" DOI: https://dx.doi.org/10.3390/NU15 ")), "doi:10.3390/nu15")
        self.assertEqual(str(parse_key("12")), "id:12")
        self.assertEqual(str(parse_key("id:12")), "id:12")
        self.assertIsNone(parse_key("pmid:abc"))
        self.assertIsNone(parse_key("smith 2019"))

    def test_markers_tolerate_spaces_and_case(self):
        found = find_markers("<p>a [[ Cite : PMID:1 ]] b [[cite:2; 3]]</p>")
        self.assertEqual([keys for _m, keys in found], [["PMID:1"], ["2", "3"]])

    def test_missing_source_renders_a_visible_question_mark(self):
        rendered = render_citations("<p>x[[cite:pmid:5]]</p>", [])
        self.assertIn('<span class="cite-missing" title="Citation not found">?</span>', rendered)

    def test_marker_inside_an_attribute_is_not_rendered_into_it(self):
        rendered = render_citations('<p><a href="https://x.example" title="see [[cite:pmid:5]]">x</a></p>',
                                    [(1, Source(pk=1, pmid="5"))])
        self.assertIn('title="see [[cite:pmid:5]]"', rendered)
        self.assertNotIn("<sup", rendered)
