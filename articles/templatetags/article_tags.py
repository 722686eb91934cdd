"""Template helpers for the public article pages: JSON-LD, pagination links, dates."""

import json

from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles.citations import strip_markers
from reference.models import StudyDesign

register = template.Library()

# Characters that could end the <script> element or open markup inside it, escaped as JSON
# unicode escapes (what django.utils.html.json_script does): the JSON value is unchanged.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def person(profile):
    data = {
        "@type": "Person",
        "name": profile.display_name,
        "url": settings.SITE_URL + profile.get_absolute_url(),
    }
    if profile.credentials:
        data["jobTitle"] = profile.credentials
        data["honorificSuffix"] = profile.credentials
    return data


def article_structured_data(article, *, authors, faqs, canonical_url):
    """schema.org data for an article page: MedicalWebPage + Article (+ FAQPage when there are FAQs)."""
    publisher = {"@type": "Organization", "@id": settings.SITE_URL + "/#organization",
                 "name": settings.SITE_NAME, "url": settings.SITE_URL + "/"}
    description = strip_markers(article.seo_description or article.standfirst)
    webpage = {
        "@type": "MedicalWebPage",
        "@id": canonical_url + "#webpage",
        "url": canonical_url,
        "name": article.display_title,
        "description": description,
        "inLanguage": "en",
        "isPartOf": {"@type": "WebSite", "name": settings.SITE_NAME, "url": settings.SITE_URL + "/"},
        "mainEntity": {"@id": canonical_url + "#article"},
    }
    if article.medical_reviewer_id:
        webpage["reviewedBy"] = person(article.medical_reviewer)
    if article.last_reviewed_at:
        webpage["lastReviewed"] = article.last_reviewed_at.isoformat()
    body = {
        "@type": "Article",
        "@id": canonical_url + "#article",
        "headline": article.title[:110],
        "description": description,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "dateModified": article.updated_at.isoformat() if article.updated_at else None,
        "author": [person(author) for author in authors],
        "publisher": publisher,
        "mainEntityOfPage": {"@id": canonical_url + "#webpage"},
        "wordCount": len((article.body_text or "").split()) or None,
    }
    if article.image:
        body["image"] = settings.SITE_URL + article.image.url
    graph = [webpage, {k: v for k, v in body.items() if v is not None}]
    if faqs:
        graph.append({
            "@type": "FAQPage",
            "@id": canonical_url + "#faq",
            "mainEntity": [
                {"@type": "Question", "name": faq.question,
                 "acceptedAnswer": {"@type": "Answer", "text": faq.answer}}
                for faq in faqs
            ],
        })
    return {"@context": "https://schema.org", "@graph": graph}


def json_ld_script(data):
    """A <script type="application/ld+json"> element that no data can break out of.

    No CSP nonce: JSON-LD is a data block the browser never executes, so script-src does not
    apply to it, and a nonce would stop the page from being cached (see articles/cache.py).
    """
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag
def article_json_ld(article, authors, faqs, canonical_url):
    return json_ld_script(article_structured_data(article, authors=authors, faqs=faqs, canonical_url=canonical_url))


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current URL with ?page=N (other kept parameters, e.g. q, preserved); page 1 drops it."""
    request = context["request"]
    params = request.GET.copy()
    params.pop("page", None)
    if int(number) > 1:
        params["page"] = number
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


HONORIFICS = {"dr", "dr.", "prof", "prof.", "mr", "mrs", "ms", "mx"}


@register.filter
def initials(name):
    """“Dr Lena Hartmann” -> “LH” (for the portrait placeholder)."""
    words = [w for w in (name or "").split() if w.lower() not in HONORIFICS]
    if not words:
        return ""
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()


@register.filter
def plain(text):
    """Text without citation markers (standfirsts in cards and meta tags)."""
    return strip_markers(text or "").strip()


STUDY_DESIGN_LABELS = dict(StudyDesign.choices)


@register.simple_tag
def reference_list(citations):
    """An article's numbered references: the targets of the in-text superscripts (#ref-N), each with
    a link back to the first place it is cited (#cite-N). Expects ArticleCitation rows with `source`.

    Built in Python rather than an included template: with twenty sources the template version made
    up half the article page's render time (a dozen variable lookups and tags per source). Every value
    is escaped, as autoescaping would.
    """
    items = []
    for citation in citations:
        source, number = citation.source, int(citation.number)
        parts = [f'<li id="ref-{number}" value="{number}">\n'
                 f'<span class="ref-text">{escape(source.formatted_citation())}</span>\n']
        if source.retracted:
            parts.append('<span class="badge badge-low">Retracted</span>\n')
        if source.industry_funded:
            parts.append('<span class="badge badge-limited">Industry-funded</span>\n')
        design = STUDY_DESIGN_LABELS.get(source.study_design, source.study_design)  # get_study_design_display()
        parts.append(f'<span class="ref-meta">\n<span class="badge badge-level ref-design">{escape(design)}</span>\n')
        if source.doi:
            parts.append(f'<a href="{escape(source.doi_url)}" rel="noopener">DOI: {escape(source.doi)}</a>\n')
        if source.pmid:
            parts.append(f'<a href="{escape(source.pubmed_url)}" rel="noopener">PMID: {escape(source.pmid)}</a>\n')
        if source.url and not source.doi and not source.pmid:
            parts.append(f'<a href="{escape(source.url)}" rel="noopener">Read online</a>\n')
        parts.append(f'<a class="ref-back" href="#cite-{number}" aria-label="Back to reference {number} in the text">'
                     f'↩</a>\n</span>\n</li>\n')
        items.append("".join(parts))
    return mark_safe(f'<ol class="references">\n{"".join(items)}</ol>')  # noqa: S308 - every value escaped above
