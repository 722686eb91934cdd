"""Search engines' view: JSON-LD, sitemap.xml, robots.txt, canonical links and noindex."""

import json
import re
import xml.etree.ElementTree as ET

from django.conf import settings
from django.core.cache import cache
from django.test import SimpleTestCase, TestCase, override_settings

from articles.models import Article
from articles.templatetags.article_tags import json_ld_script
from tests.articles.reader_helpers import make_article, make_profile, make_sources, make_staff

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(html):
    blocks = JSON_LD.findall(html)
    assert len(blocks) == 1, blocks
    return json.loads(blocks[0])


def node(data, type_name):
    return next((n for n in data["@graph"] if n["@type"] == type_name), None)


class JsonLdTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviewer = make_profile("Dr Lena Hartmann", reviewer=True, credentials="MD, Internal Medicine")
        cls.writer = make_profile("Maya Okafor", credentials="MSc")
        cls.with_faq = make_article(
            "Magnesium for migraine </script><script>alert(1)</script>", sources=make_sources(2),
            reviewer=cls.reviewer, authors=[cls.writer],
            faqs=[("How long until it works?", "Trials ran for about three months."),
                  ("Is it safe in pregnancy?", "Ask your midwife <or> doctor & pharmacist.")],
        )
        cls.without_faq = make_article("Foods rich in magnesium", reviewer=cls.reviewer, authors=[cls.writer])

    def setUp(self):
        cache.clear()

    def test_medical_web_page_names_reviewer_and_last_review(self):
        data = json_ld(self.client.get(self.with_faq.get_absolute_url()).content.decode())
        self.assertEqual(data["@context"], "https://schema.org")
        page = node(data, "MedicalWebPage")
        self.assertEqual(page["reviewedBy"]["@type"], "Person")
        self.assertEqual(page["reviewedBy"]["name"], "Dr Lena Hartmann")
        self.assertEqual(page["reviewedBy"]["jobTitle"], "MD, Internal Medicine")
        self.assertEqual(page["lastReviewed"], "2026-01-15")
        self.assertEqual(page["url"], settings.SITE_URL + self.with_faq.get_absolute_url())

    def test_article_node_has_headline_dates_authors_publisher(self):
        data = json_ld(self.client.get(self.with_faq.get_absolute_url()).content.decode())
        article = node(data, "Article")
        self.assertEqual(article["headline"], self.with_faq.title[:110])
        self.assertEqual(article["datePublished"], self.with_faq.published_at.isoformat())
        self.assertIn("dateModified", article)
        self.assertEqual([a["name"] for a in article["author"]], ["Maya Okafor"])
        self.assertEqual(article["publisher"]["name"], settings.SITE_NAME)
        self.assertEqual(article["mainEntityOfPage"]["@id"], node(data, "MedicalWebPage")["@id"])

    def test_faq_page_only_when_there_are_faqs(self):
        data = json_ld(self.client.get(self.with_faq.get_absolute_url()).content.decode())
        faq = node(data, "FAQPage")
        self.assertEqual(len(faq["mainEntity"]), 2)
        self.assertEqual(faq["mainEntity"][1]["acceptedAnswer"]["text"], "Ask your midwife <or> doctor & pharmacist.")
        data = json_ld(self.client.get(self.without_faq.get_absolute_url()).content.decode())
        self.assertIsNone(node(data, "FAQPage"))

    def test_title_cannot_close_the_script_element(self):
        html = self.client.get(self.with_faq.get_absolute_url()).content.decode()
        block = JSON_LD.search(html).group(1)
        self.assertNotIn("<", block)
        self.assertIn("\\u003C/script\\u003E", block)

    def test_preview_is_noindex(self):
        draft = make_article("Draft", status=Article.Status.DRAFT, published_at=None)
        self.client.force_login(make_staff())
        response = self.client.get(draft.get_absolute_url())
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">')
        self.assertEqual(response["X-Robots-Tag"], "noindex")


class JsonLdEscapingTests(SimpleTestCase):
    def test_markup_characters_are_unicode_escaped_and_data_survives(self):
        data = {"name": "</script><!-- & -->"}
        html = str(json_ld_script(data))
        inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
        self.assertNotIn("<", inner)
        self.assertNotIn(">", inner)
        self.assertNotIn("&", inner)
        self.assertEqual(json.loads(inner), data)


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.writer = make_profile("Maya Okafor")
        cls.published = make_article("Published piece", tags=["sleep"], authors=[cls.writer])
        cls.draft = make_article("Draft piece", status=Article.Status.DRAFT, published_at=None, tags=["secret"])
        cls.in_review = make_article("Review piece", status=Article.Status.IN_REVIEW)

    def setUp(self):
        cache.clear()

    def locations(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        root = ET.fromstring(response.content)  # noqa: S314 - our own output
        return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]

    def test_sitemap_is_valid_xml_with_published_articles_only(self):
        locations = self.locations()
        base = settings.SITE_URL
        self.assertIn(base + self.published.get_absolute_url(), locations)
        self.assertNotIn(base + self.draft.get_absolute_url(), locations)
        self.assertNotIn(base + self.in_review.get_absolute_url(), locations)

    def test_sitemap_lists_topics_authors_static_and_reference_pages(self):
        locations = self.locations()
        base = settings.SITE_URL
        for path in ("/", "/articles/", "/how-we-review/", "/reference/", "/topics/sleep/",
                     self.writer.get_absolute_url()):
            self.assertIn(base + path, locations)
        self.assertNotIn(base + "/topics/secret/", locations)


class RobotsTests(TestCase):
    def test_robots_allows_all_but_admin_and_names_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/plain"))
        lines = response.content.decode().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Disallow: /admin/", lines)
        self.assertIn(f"Sitemap: {settings.SITE_URL}/sitemap.xml", lines)


@override_settings(DEBUG=False)
class NotFoundTests(TestCase):
    def setUp(self):
        cache.clear()

    def test_404_page_helps_with_search_latest_articles_and_the_library(self):
        make_article("A recent article")
        response = self.client.get("/no/such/page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, 'action="/search/"', status_code=404)
        self.assertContains(response, "A recent article", status_code=404)
        self.assertContains(response, 'href="/reference/"', status_code=404)
        self.assertContains(response, '<meta name="robots" content="noindex">', status_code=404)

    def test_404_for_draft_article_uses_the_helpful_page(self):
        draft = make_article("Secret draft title", status=Article.Status.DRAFT, published_at=None)
        response = self.client.get(draft.get_absolute_url())
        self.assertContains(response, "We can't find that page", status_code=404)
        self.assertNotContains(response, "Secret draft title", status_code=404)
