"""Put XSS vectors into every field an editor can fill, through the real paths: the admin's own forms
(POSTed as a browser would submit them), the reviewer's screen, and the import command.

Nothing here writes a field directly, so the site's own sanitizing, validation and escaping all
run where they normally do. The one shortcut is `publish_for_test`, which publishes without a
reviewer approving dozens of articles one by one (as tests/workflow/factories.py does).

Short fields hold several vectors at once: the vectors are packed into groups of at most 70
characters (the shortest field, the SEO title), one group per article, so every vector passes
whole through every field. The one vector longer than 70 characters is cut only there. Fields
that take many values (key points, FAQs, tags) get one vector per row in a "kitchen sink" article.
"""

import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from articles.models import Article, AuthorProfile
from reference.models import Source
from review.roles import MANAGING_EDITOR
from tests.helpers import make_live
from tests.review.factories import make_user
from tests.review.formdata import form_data
from tests.security.vectors import XSS_VECTORS, has_nul

ARTICLE_ADD = "/admin/articles/article/add/"
PROFILE_ADD = "/admin/articles/authorprofile/add/"
SOURCE_ADD = "/admin/reference/source/add/"
NUL_REFUSED = "Null characters are not allowed."
GROUP_CHARS = 70  # the SEO title's max_length, the shortest field
SINK_SLUG = "xss-kitchen-sink"


def png_bytes(size=(8, 6), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=fmt)
    return buffer.getvalue()


def pack(vectors, limit):
    """Vectors joined by spaces into groups of at most `limit` characters (a longer one alone)."""
    groups, current = [], ""
    for vector in vectors:
        candidate = f"{current} {vector}" if current else vector
        if len(candidate) <= limit:
            current = candidate
        else:
            if current:
                groups.append(current)
            current = vector
    if current:
        groups.append(current)
    return groups


def quote_tag(name):
    """One tag as taggit parses it from the tag field: commas and double quotes cannot be in a
    name, so they become spaces (what an editor would get by typing the name)."""
    return '"' + name.replace('"', " ").replace(",", " ").strip()[:100] + '"'


class XssSite:
    """Builds the content as an editor and a managing editor would, through the admin."""

    def __init__(self, vectors=XSS_VECTORS, *, staff=None):
        self.vectors = [v for v in vectors if not has_nul(v)]
        self.nul_vectors = [v for v in vectors if has_nul(v)]
        self.groups = pack(self.vectors, GROUP_CHARS)
        self.staff = staff or make_user(MANAGING_EDITOR)
        self.client = Client()
        self.client.force_login(self.staff)
        self._forms = {}
        self.profiles, self.sources, self.articles = [], [], []

    def _form(self, url, form_id):
        if url not in self._forms:  # an add form is the same every time: read it once
            page = self.client.get(url)
            assert page.status_code == 200, (url, page.status_code)
            self._forms[url] = form_data(page.content, form_id)
        return dict(self._forms[url])

    def post(self, url, form_id, fields):
        data = self._form(url, form_id)
        data.update(fields)
        return self.client.post(url, data)

    @staticmethod
    def errors(response):
        context = response.context
        if context is not None and "adminform" in context:
            return context["adminform"].form.errors, [f.formset.errors for f in context.get("inline_admin_formsets", [])]
        return response.content.decode()[:2000]

    def add_profile(self, text, n):
        user = get_user_model().objects.create_user(username=f"xss-author-{n}", password="x", is_staff=True)
        response = self.post(PROFILE_ADD, "authorprofile_form", {
            "user": str(user.pk), "display_name": text[:120], "slug": f"xss-author-{n}", "credentials": text[:120],
            "bio": text, "is_medical_reviewer": "on",
        })
        return response, AuthorProfile.objects.filter(user=user).first()

    def add_source(self, text, n):
        pmid = str(41_000_000 + n)
        response = self.post(SOURCE_ADD, "source_form", {
            "title": text[:500], "authors": text[:500], "publisher": text[:300], "notes": text, "year": "2020",
            "volume": "1", "pages": "1-2", "pmid": pmid, "doi": "", "url": "", "study_design": "rct",
        })
        return response, Source.objects.filter(pmid=pmid).first()

    def add_article(self, *, slug, title, text, author, reviewer, source, extra=None):
        image = SimpleUploadedFile(f"{slug}.png", png_bytes(), content_type="image/png")
        fields = {
            "title": title[:200], "slug": slug, "standfirst": text[:400],
            "body": f"<p>Magnesium and {slug}.</p>{text}<p>Evidence.[[cite:pmid:{source.pmid}]]</p>",
            "tags": f"{quote_tag(text)}, xss-suite", "authors": [str(author.pk)], "medical_reviewer": str(reviewer.pk),
            "image": image, "image_alt": text[:250], "seo_title": text[:70], "seo_description": text[:160],
            "key_points-TOTAL_FORMS": "1", "key_points-0-text": text[:300], "key_points-0-order": "0",
            "faqs-TOTAL_FORMS": "1", "faqs-0-question": text[:250], "faqs-0-answer": text, "faqs-0-order": "0",
            **(extra or {}),
        }
        response = self.post(ARTICLE_ADD, "article_form", fields)
        return response, Article.objects.filter(slug=slug).first()

    def build(self):
        # Author profiles and sources hold longer text: fewer, fuller groups.
        for n, text in enumerate(pack(self.vectors, 120)):
            response, profile = self.add_profile(text, n)
            assert profile is not None, self.errors(response)
            self.profiles.append(profile)
        for n, text in enumerate(pack(self.vectors, 300)):
            response, source = self.add_source(text, n)
            assert source is not None, self.errors(response)
            self.sources.append(source)
        people, sources = self.profiles, self.sources
        for n, text in enumerate(self.groups):
            author, reviewer = people[n % len(people)], people[(n + 1) % len(people)]
            response, article = self.add_article(slug=f"xss-{n}", title=text, text=text, author=author,
                                                 reviewer=reviewer, source=sources[n % len(sources)])
            assert article is not None, (text, self.errors(response))
            self.articles.append(article)
        self.articles.append(self.add_kitchen_sink())
        return self

    def build_small(self, articles=3):
        """What a browser test can load in a few pages: two profiles, one source, the kitchen sink
        and a few packed articles."""
        for n, text in enumerate(pack(self.vectors, 120)[:2]):
            self.profiles.append(self.add_profile(text, n)[1])
        self.sources.append(self.add_source(" ".join(self.vectors)[:500], 0)[1])
        for n, text in enumerate(self.groups[:articles]):
            response, article = self.add_article(slug=f"xss-{n}", title=text, text=text, author=self.profiles[0],
                                                 reviewer=self.profiles[1], source=self.sources[0])
            assert article is not None, self.errors(response)
            self.articles.append(article)
        self.articles.append(self.add_kitchen_sink())
        return self

    def add_kitchen_sink(self):
        """One article with every vector as its own key point, FAQ (question and answer) and tag."""
        vectors = self.vectors
        extra = {"key_points-TOTAL_FORMS": str(len(vectors)), "faqs-TOTAL_FORMS": str(len(vectors)),
                 "tags": ", ".join([quote_tag(v) for v in vectors] + ["xss-suite"])}
        for i, vector in enumerate(vectors):
            extra.update({f"key_points-{i}-text": vector[:300], f"key_points-{i}-order": str(i),
                          f"faqs-{i}-question": vector[:250], f"faqs-{i}-answer": vector, f"faqs-{i}-order": str(i)})
        response, article = self.add_article(
            slug=SINK_SLUG, title="</script><script>window.__xss=1</script> {{7*7}} kitchen sink",
            text=" ".join(vectors), author=self.profiles[0], reviewer=self.profiles[1], source=self.sources[0],
            extra=extra)
        assert article is not None, self.errors(response)
        return article

    def refuse_nul(self):
        """NUL characters are refused at every text field, with Django's message (nothing saved)."""
        refused = []
        for n, vector in enumerate(self.nul_vectors):
            response, profile = self.add_profile(vector, 1000 + n)
            assert profile is None and NUL_REFUSED in response.content.decode(), vector
            response, source = self.add_source(vector, 1000 + n)
            assert source is None and NUL_REFUSED in response.content.decode(), vector
            response, article = self.add_article(slug=f"xss-nul-{n}", title=vector, text=vector,
                                                 author=self.profiles[0], reviewer=self.profiles[1],
                                                 source=self.sources[0])
            assert article is None and NUL_REFUSED in response.content.decode(), vector
            refused.append(vector)
        return refused


def publish_for_test(articles):
    """Publish without the review workflow (test fixture only, as tests/review/factories does)."""
    now = timezone.now()
    for n, article in enumerate(articles):
        article.refresh_from_db()
        Article.objects.filter(pk=article.pk).update(last_reviewed_at=now.date())
        article.refresh_from_db()
        make_live(article, published_at=now - timedelta(minutes=10 + n))
