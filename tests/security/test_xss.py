"""No XSS vector an editor, a reviewer, an imported file or a reader's URL can carry survives as
script in any page that shows it.

The content is built through the real paths (tests/security/xss_content.py: the admin's forms,
the reviewer's screen, `manage.py import_article`), then every page that shows it is parsed the
way a browser would and checked structurally (tests/security/vectors.py: no <script> the site did
not write, no on* attribute, no javascript:/data: URL, no frames, no inline styles on public pages).
Where a value must come back exactly (titles, JSON-LD, feed titles), the test checks that too, so
"escaped" cannot quietly mean "mangled".
"""

import json
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from unittest import mock
from urllib.parse import quote, urlencode

from django.core.management import CommandError, call_command
from django.test import Client, TestCase
from django.utils.html import escape
from taggit.models import Tag

from articles.models import Article, AuthorProfile
from reference.models import Source
from review.models import AuditEvent, Claim, Flag
from review.roles import EDITOR, REVIEWER
from tests.review.factories import add_claim, add_flag, make_user
from tests.security.vectors import XSS_VECTORS, audit_html, has_nul
from tests.security.xss_content import SINK_SLUG, XssSite, pack, publish_for_test

CLEAN_VECTORS = [v for v in XSS_VECTORS if not has_nul(v)]
ATOM = "{http://www.w3.org/2005/Atom}"


def import_files(directory):
    """Three files an editor might import, each carrying every vector (the NUL ones excepted:
    a file with a NUL byte is refused as binary, which test_import_refuses_nul_bytes checks)."""
    directory = Path(directory)
    text = "\n\n".join(["</script><script>window.__xss=1</script> imported as text", *CLEAN_VECTORS])
    markdown = "\n\n".join(
        ["# \"><svg onload=window.__xss=1> imported as markdown"]
        + [f"## {v}\n\n- {v}\n- [link]({v})\n\n> {v}\n\n| a | {v} |\n|---|---|\n| {v} | b |\n\n{v}"
           for v in CLEAN_VECTORS])
    html = ("<html><head><title>t</title></head><body><h1>&lt;img src=x onerror=window.__xss=1&gt; imported as "
            "html</h1>" + "".join(f"<p>{v}</p><div>{v}</div>" for v in CLEAN_VECTORS) + "</body></html>")
    paths = []
    for name, content in (("vectors.txt", text), ("vectors.md", markdown), ("vectors.html", html)):
        path = directory / name
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


class XssThroughEveryField(TestCase):
    @classmethod
    def setUpTestData(cls):
        site = XssSite().build()
        cls.nul_refused = site.refuse_nul()
        cls.staff = site.staff
        with tempfile.TemporaryDirectory() as directory:
            before = set(Article.objects.values_list("pk", flat=True))
            call_command("import_article", *map(str, import_files(directory)), stdout=mock.MagicMock())
            imported = list(Article.objects.exclude(pk__in=before))
        assert len(imported) == 3
        publish_for_test(site.articles + imported)
        cls.article_ids = [a.pk for a in site.articles + imported]
        cls.imported_ids = [a.pk for a in imported]
        cls.profile_ids = [p.pk for p in site.profiles]
        cls.source_ids = [s.pk for s in site.sources]
        cls.groups = site.groups

    def setUp(self):
        self.staff_client = Client()
        self.staff_client.force_login(self.staff)

    # Helpers.

    def get_ok(self, client, url, *, admin=False, statuses=(200,)):
        response = client.get(url)
        self.assertIn(response.status_code, statuses, url)
        problems = audit_html(response.content, admin=admin) if response.get("Content-Type", "").startswith(
            "text/html") else []
        self.assertEqual(problems, [], f"{url}: script could run")
        return response

    def published(self):
        return Article.objects.filter(pk__in=self.article_ids).order_by("pk")

    # The content arrived as typed (nothing refused, nothing mangled).

    def test_every_vector_went_into_every_field(self):
        """Each vector whole in title, standfirst, SEO fields, alt text, key point, FAQ, tags, profile
        and source fields: the form refused none of them (NUL characters aside)."""
        self.assertGreaterEqual(len(XSS_VECTORS), 100)
        articles = {a.slug: a for a in self.published()}
        by_field = {name: " ".join(getattr(articles[f"xss-{n}"], name) for n in range(len(self.groups)))
                    for name in ("title", "seo_title", "seo_description", "image_alt")}
        sink = articles[SINK_SLUG]
        key_points = {kp.text for kp in sink.key_points.all()}
        questions = {faq.question for faq in sink.faqs.all()}
        answers = {faq.answer for faq in sink.faqs.all()}
        profiles = " ".join(p.display_name + p.credentials + p.bio for p in AuthorProfile.objects.filter(
            pk__in=self.profile_ids))
        sources = " ".join(s.title + s.authors + s.publisher + s.notes for s in Source.objects.filter(
            pk__in=self.source_ids))
        for vector in CLEAN_VECTORS:
            stored = vector.strip()  # Django's CharField strips surrounding whitespace
            with self.subTest(vector=vector):
                for name, text in by_field.items():
                    if name != "seo_title" or len(stored) <= 70:
                        self.assertIn(stored, text, name)
                self.assertIn(vector[:300].strip(), key_points)
                self.assertIn(vector[:250].strip(), questions)
                self.assertIn(vector.strip(), answers)
                self.assertIn(stored, profiles)
                self.assertIn(stored, sources)
        self.assertEqual(len(self.nul_refused), len(XSS_VECTORS) - len(CLEAN_VECTORS))
        self.assertGreater(Tag.objects.count(), len(CLEAN_VECTORS) * 0.9)

    # Public pages.

    def test_article_pages_escape_every_field_and_json_ld_round_trips(self):
        client = Client()
        for article in self.published().prefetch_related("faqs"):
            response = self.get_ok(client, article.get_absolute_url())
            html = response.content.decode()
            self.assertIn(f'<h1 id="article-title">{escape(article.title)}</h1>', html)
            blocks = [json.loads(m) for m in re.findall(
                r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)]
            self.assertEqual(len(blocks), 1)
            graph = {node["@type"]: node for node in blocks[0]["@graph"]}
            self.assertEqual(graph["Article"]["headline"], article.title[:110])
            faqs = graph["FAQPage"]["mainEntity"] if "FAQPage" in graph else []
            self.assertEqual([q["name"] for q in faqs], [f.question for f in article.faqs.all()])
            self.assertEqual([q["acceptedAnswer"]["text"] for q in faqs], [f.answer for f in article.faqs.all()])
        sink = self.get_ok(client, f"/articles/{SINK_SLUG}/").content.decode()
        self.assertIn("{{7*7}} kitchen sink", sink)  # not rendered as a template

    def test_home_list_tag_and_author_pages(self):
        client = Client()
        self.get_ok(client, "/")
        pages = -(-len(self.article_ids) // 10)
        for number in range(1, pages + 1):
            self.get_ok(client, f"/articles/?page={number}")
        tags = Tag.objects.filter(article__in=self.published()).distinct()
        self.assertGreater(tags.count(), 100)
        for tag in tags:
            self.get_ok(client, f"/topics/{tag.slug}/")
        for number in range(1, pages + 1):
            self.get_ok(client, f"/topics/xss-suite/?page={number}")
        for profile in AuthorProfile.objects.filter(pk__in=self.profile_ids):
            response = self.get_ok(client, profile.get_absolute_url())
            self.assertIn(escape(profile.display_name), response.content.decode())

    def test_search_results_and_snippets(self):
        client = Client(REMOTE_ADDR="10.9.0.1")
        for query in ("magnesium", "onerror", "script", "javascript", "svg onload", "7*7", "alert(1)"):
            page = self.get_ok(client, "/search/?" + urlencode({"q": query}))
            if query == "magnesium":  # in every article (which other words match depends on the backend)
                self.assertGreater(page.context["page_obj"].paginator.count, 50)
                for number in range(2, page.context["page_obj"].paginator.num_pages + 1):
                    self.get_ok(client, "/search/?" + urlencode({"q": query, "page": number}))
        for vector in XSS_VECTORS:
            with self.subTest(vector=vector):
                response = self.get_ok(client, "/search/?" + urlencode({"q": vector}))
                shown = response.context["search_query"]
                if shown:
                    self.assertIn(f'value="{escape(shown)}"', response.content.decode())

    def test_feeds_are_well_formed_and_carry_titles_exactly(self):
        client = Client()
        # Characters XML cannot carry (a pasted vertical tab) are dropped from the feed, nothing else.
        titles = {re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", t) for t in self.published().values_list("title", flat=True)}
        with mock.patch("articles.feeds.FEED_ITEMS", 1000):
            rss = client.get("/feeds/rss/")
            atom = client.get("/feeds/atom/")
        self.assertEqual(rss.status_code, 200)
        self.assertEqual(atom.status_code, 200)
        rss_root = ET.fromstring(rss.content)  # noqa: S314 - our own output; raises if not well-formed
        atom_root = ET.fromstring(atom.content)  # noqa: S314 - our own output
        self.assertEqual({item.findtext("title") for item in rss_root.iter("item")}, titles)
        self.assertEqual({entry.findtext(f"{ATOM}title") for entry in atom_root.iter(f"{ATOM}entry")}, titles)
        for item in rss_root.iter("item"):
            self.assertTrue(item.findtext("link").startswith("http"))

    def test_sitemap_is_well_formed(self):
        response = Client().get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        root = ET.fromstring(response.content)  # noqa: S314 - our own output
        urls = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        for article in self.published():
            self.assertIn(article.get_absolute_url(), " ".join(urls))
        for url in urls:
            self.assertRegex(url, r"^https?://[^\s<>\"']+$")

    # The admin: the editors' and reviewers' screens show the same text.

    def test_admin_change_pages_and_lists(self):
        """Change forms show every vector: the kitchen-sink article has each one in a text input
        (key point, FAQ question) and a textarea (FAQ answer), the widget kinds of every article
        field, so a sample of the packed articles is enough for the rest (it keeps the run short)."""
        client = self.staff_client
        articles = list(self.published())
        sample = [a for n, a in enumerate(articles) if n % 4 == 0 or a.slug == SINK_SLUG]
        for article in sample:
            self.get_ok(client, f"/admin/articles/article/{article.pk}/change/", admin=True)
        self.get_ok(client, "/admin/articles/article/", admin=True)
        self.get_ok(client, "/admin/review/reviewqueueitem/?status__exact=published&assigned=all", admin=True)
        for profile_id in self.profile_ids:
            self.get_ok(client, f"/admin/articles/authorprofile/{profile_id}/change/", admin=True)
        self.get_ok(client, "/admin/articles/authorprofile/", admin=True)
        for source_id in self.source_ids:
            self.get_ok(client, f"/admin/reference/source/{source_id}/change/", admin=True)
        self.get_ok(client, "/admin/reference/source/", admin=True)
        self.get_ok(client, "/admin/review/flag/?status__exact=open", admin=True)
        self.get_ok(client, "/admin/", admin=True)
        for vector in CLEAN_VECTORS[::6]:  # the admin's search box, and the Cite dialog's source search
            self.get_ok(client, "/admin/articles/article/?" + urlencode({"q": vector}), admin=True)
            response = client.get("/admin/articles/article/sources.json?" + urlencode({"q": vector}))
            self.assertEqual(response["Content-Type"], "application/json")

    def test_review_screen_with_claims_flags_notes_and_reasons(self):
        """Claims and flags carry the vectors (as a scan would find them in the text); the reviewer
        types each vector as a claim note and a flag reason, and request-changes notes."""
        editor, reviewer = make_user(EDITOR), make_user(REVIEWER)
        article = Article.objects.get(slug=SINK_SLUG)
        article.authors.add(editor.profile)
        claims = [add_claim(article, text=v) for v in CLEAN_VECTORS]
        flags = [add_flag(article, severity="warning") for _ in CLEAN_VECTORS]
        for flag, vector in zip(flags, CLEAN_VECTORS, strict=True):
            Flag.objects.filter(pk=flag.pk).update(excerpt=vector, message=vector, suggestion=vector[:300])
        client = Client()
        client.force_login(reviewer)
        base = f"/admin/review/reviewqueueitem/{article.pk}"
        self.get_ok(client, f"{base}/review/", admin=True)  # open flags, pending claims
        for claim, vector in zip(claims, CLEAN_VECTORS, strict=True):
            response = client.post(f"{base}/claims/{claim.pk}/", {"decision": "needs_source", "note": vector,
                                                                  "expected_status": "pending"})
            self.assertEqual(response.status_code, 302)
        for flag, vector in zip(flags, CLEAN_VECTORS, strict=True):
            response = client.post(f"{base}/flags/{flag.pk}/", {"decision": "dismissed", "reason": vector})
            self.assertEqual(response.status_code, 302)
        self.assertEqual(Claim.objects.filter(pk__in=[c.pk for c in claims], note__in=[v.strip() for v in
                                              CLEAN_VECTORS] + CLEAN_VECTORS).count(), len(claims))
        self.assertFalse(Flag.objects.filter(pk__in=[f.pk for f in flags], status="open").exists())
        page = self.get_ok(client, f"{base}/review/", admin=True).content.decode()
        for vector in CLEAN_VECTORS:
            self.assertIn(escape(vector), page)  # every note and reason shown, escaped
        # Request changes with a note of every vector; the editor resubmits with the same.
        editor_client = Client()
        editor_client.force_login(editor)
        for note in pack(CLEAN_VECTORS, 500):
            Article.objects.filter(pk=article.pk).update(status=Article.Status.IN_REVIEW)
            response = client.post(f"{base}/transition/", {"transition": "request_changes", "note": note})
            self.assertEqual(response.status_code, 302)
            response = editor_client.post(f"{base}/transition/", {"transition": "submit", "note": note})
            self.assertEqual(response.status_code, 302)
        self.assertGreater(AuditEvent.objects.filter(article=article, action__contains="request").count(), 5)
        self.get_ok(client, f"{base}/review/", admin=True)
        self.get_ok(editor_client, f"{base}/review/", admin=True)
        self.get_ok(editor_client, "/admin/", admin=True)  # notifications on the editorial desk
        self.get_ok(self.staff_client, "/admin/review/auditevent/", admin=True)
        self.get_ok(self.staff_client, f"/admin/articles/article/{article.pk}/change/", admin=True)

    # The import command.

    def test_imported_files_show_no_script(self):
        client = Client()
        for article in Article.objects.filter(pk__in=self.imported_ids):
            self.assertIn("imported as", article.title)
            self.get_ok(client, article.get_absolute_url())
            self.get_ok(self.staff_client, f"/admin/articles/article/{article.pk}/change/", admin=True)

    def test_import_refuses_a_file_with_nul_bytes(self):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / "nul.txt"
            path.write_text("Title\n\n" + "\n".join(v for v in XSS_VECTORS if has_nul(v)), encoding="utf-8")
            with self.assertRaises(CommandError):
                call_command("import_article", str(path), stdout=mock.MagicMock(), stderr=mock.MagicMock())

    # What a reader can send: query strings and path segments.

    def test_url_parameters_and_path_segments(self):
        client = Client(REMOTE_ADDR="10.9.0.2")
        for vector in XSS_VECTORS:
            with self.subTest(vector=vector):
                q = urlencode
                self.get_ok(client, "/reference/foods/?" + q({"sort": vector}))
                self.get_ok(client, "/articles/?" + q({"page": vector}), statuses=(200, 404))
                self.get_ok(client, "/search/?" + q({"q": "magnesium", "page": vector}), statuses=(200, 404))
        # Unknown parameters (names and values), all at once: pages ignore them.
        unknown = urlencode([(v, v) for v in XSS_VECTORS])
        for url in ("/", "/articles/", "/reference/", "/reference/foods/", "/how-we-review/"):
            self.get_ok(client, f"{url}?{unknown}")
        # Path segments: the 404 page does not echo the path, so every third vector is plenty.
        for vector in XSS_VECTORS[::3]:
            with self.subTest(vector=vector):
                segment = quote(vector, safe="")
                for prefix in ("/articles/", "/topics/", "/authors/", "/reference/foods/", "/reference/forms/",
                               "/reference/conditions/", "/"):
                    self.get_ok(client, f"{prefix}{segment}/", statuses=(404,))
                self.get_ok(self.staff_client, f"/admin/articles/article/{segment}/change/", admin=True,
                            statuses=(302, 404))


# Editor input that used to take the public site down (found by the suite above).


class EditorInputCannotBreakPages(TestCase):
    @classmethod
    def setUpTestData(cls):
        site = XssSite(vectors=[])
        cls.staff = site.staff
        cls.writer, cls.reviewer = site.add_profile("Writer", 1)[1], site.add_profile("Reviewer", 2)[1]
        cls.source = site.add_source("A trial", 1)[1]

    def add(self, slug, tags, title="Magnesium topics"):
        site = XssSite(vectors=[], staff=self.staff)
        return site.add_article(slug=slug, title=title, text="<p>Text.</p>", author=self.writer,
                                reviewer=self.reviewer, source=self.source, extra={"tags": tags})

    def test_a_topic_without_letters_or_digits_is_refused_at_the_field(self):
        """A tag such as “<>” slugified to an empty address: every page listing it was a 500."""
        response, article = self.add("unreadable-tag", '"<>", sleep')
        self.assertIsNone(article)
        self.assertIn("has no letters or digits", str(response.context["adminform"].form.errors["tags"]))

    def test_a_topic_longer_than_the_column_is_refused_at_the_field(self):
        response, article = self.add("long-tag", "x" * 101)
        self.assertIsNone(article)
        self.assertIn("longer than 100 characters", str(response.context["adminform"].form.errors["tags"]))

    def test_a_topic_with_accented_letters_gets_a_working_page(self):
        """taggit keeps “é” in the slug; the topic URL used to be ASCII-only (NoReverseMatch: 500)."""
        _, article = self.add("accented-tag", "magnésium, Schlaf-Qualität")
        self.assertIsNotNone(article)
        publish_for_test([article])
        client = Client()
        for url in ("/", article.get_absolute_url(), "/sitemap.xml", "/search/?q=magnesium"):
            self.assertEqual(client.get(url).status_code, 200, url)
        tag = Tag.objects.get(name="magnésium")
        response = client.get(f"/topics/{quote(tag.slug)}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "magnésium")

    def test_a_control_character_in_a_title_does_not_break_the_feeds(self):
        """Word's line break is a vertical tab; XML 1.0 cannot carry it and the feed was a 500."""
        _, article = self.add("vertical-tab", "sleep", title="Magnesium\x0band sleep\x08")
        publish_for_test([article])
        for url in ("/feeds/rss/", "/feeds/atom/"):
            response = Client().get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertIn("Magnesiumand sleep", response.content.decode())
            ET.fromstring(response.content)  # noqa: S314 - our own output

    def test_a_standfirst_with_an_ampersand_or_angle_bracket_shows_as_typed(self):
        """The standfirst was stored HTML-escaped, so every page escaped it twice ("&amp;")."""
        site = XssSite(vectors=[], staff=self.staff)
        standfirst = "Magnesium & sleep: doses < 350 mg, \"quoted\" <b>bold</b>"
        _, article = site.add_article(slug="ampersand", title="Magnesium & sleep", text="<p>x</p>",
                                      author=self.writer, reviewer=self.reviewer, source=self.source,
                                      extra={"standfirst": standfirst, "seo_description": ""})
        publish_for_test([article])
        article.refresh_from_db()
        self.assertEqual(article.standfirst, 'Magnesium & sleep: doses < 350 mg, "quoted" bold')
        html = Client().get(article.get_absolute_url()).content.decode()
        self.assertIn('<p class="standfirst">Magnesium &amp; sleep: doses &lt; 350 mg, &quot;quoted&quot; bold</p>',
                      html)
        self.assertNotIn("&amp;amp;", html)
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)[1])
        self.assertEqual(data["@graph"][0]["description"], article.standfirst)
        rss = Client().get("/feeds/rss/").content.decode()
        self.assertIn("Magnesium &amp; sleep: doses &lt; 350 mg", rss)
        self.assertNotIn("&amp;amp;", rss)
