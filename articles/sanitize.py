"""The one HTML sanitizer for editor-written rich text (nh3, an explicit allowlist).

Everything an editor stores passes through `clean_html` before it is saved, and templates mark
a body safe only after that. The allowlist keeps what the article toolbar can produce and nothing
else: no `style` (the public CSP forbids inline styles anyway; the site stylesheet does the
presentation), no `class`, no images or embeds, links limited to http, https, mailto and tel.
"""

import html
import re

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
    "ul", "ol", "li", "blockquote", "q", "cite", "abbr", "dfn", "code", "pre", "hr",
    "a", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption",
    "dl", "dt", "dd", "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "id", "name", "hreflang"},
    "abbr": {"title"},
    "ol": {"start", "reversed"},
    "th": {"scope", "colspan", "rowspan", "headers"},
    "td": {"colspan", "rowspan", "headers"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "q": {"cite"},
    "blockquote": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Content of these is dropped entirely, not unwrapped into text.
CLEAN_CONTENT_TAGS = {"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math",
                      "textarea", "select", "title"}

# nh3 checks the scheme of href but not of `cite` (blockquote, q): check every URL attribute
# here, as a browser would read it (control characters and whitespace ignored).
URL_ATTRIBUTES = {"href", "cite"}
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def _url_allowed(value):
    match = _SCHEME_RE.match(re.sub(r"[\x00-\x20]+", "", value).lower())
    return match is None or match.group(1) in URL_SCHEMES


def _filter_attribute(tag, attribute, value):
    if attribute in URL_ATTRIBUTES and not _url_allowed(value):
        return None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=CLEAN_CONTENT_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
    attribute_filter=_filter_attribute,
)


def clean_html(value):
    """Return `value` reduced to the article allowlist. Idempotent: clean(clean(x)) == clean(x)."""
    if not value:
        return ""
    return _cleaner.clean(value).strip()


def clean_text(value):
    """Plain-text fields: drop every tag, keep the text as text (templates autoescape it on output).

    nh3 returns HTML, so its entities are turned back into characters: stored escaped, a standfirst
    "Magnesium & sleep" was escaped again by every template and readers saw "Magnesium &amp; sleep".
    """
    if not value:
        return ""
    return html.unescape(nh3.clean(value, tags=set())).strip()
