"""The public article page: the parts of it that depend on the article and the rows it lists.

`render_parts(article)` renders them (title, meta description, meta tags with JSON-LD, the content
block) from templates/articles/article_parts.html; the view renders the page around them.
"""

from django.conf import settings
from django.template import loader
from django.utils import timezone, translation

from articles.citations import render_citations
from articles.models import ArticleCitation, Claim

PARTS = ("title", "description", "meta", "content")
PARTS_TEMPLATE = "articles/article_parts.html"


def article_page_rows(article):
    """Everything the article page lists, one plain query per relation, in display order.

    Deliberately not prefetch_related: for one article, prefetch's machinery (built to spread rows
    over many parents) costs several times the queries themselves. Citations come with their
    sources, in number order.
    """
    return {
        "citations": list(ArticleCitation.objects.filter(article=article).select_related("source").order_by("number")),
        "authors": list(article.authors.all()),
        "tags": list(article.tags.order_by("pk")),  # as prefetch_related gave them: oldest tag first
        "key_points": list(article.key_points.all()),
        "faqs": list(article.faqs.all()),
        "related_forms": list(article.related_forms.all()),
        "related_foods": list(article.related_foods.all()),
        "related_conditions": list(article.related_conditions.all()),
        "claims_reviewed": article.claims.filter(is_current=True, status=Claim.Status.APPROVED).count(),
    }


def render_parts(article, *, preview=False):
    """The article-specific parts of its page, as safe HTML strings keyed by PARTS.

    Reads the article's related rows (nine queries). Rendered in the site's language and time zone
    whoever asks (a reader, an editor's save, a management command), so the result depends only on
    the rows, this code.
    """
    rows = article_page_rows(article)
    canonical_url = settings.SITE_URL + article.get_absolute_url()
    context = {
        "article": article,
        "body": render_citations(article.body, ((c.number, c.source) for c in rows["citations"])),
        **rows,
        "preview": preview,
        "canonical_url": canonical_url,
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
    }
    with translation.override(settings.LANGUAGE_CODE), timezone.override(timezone.get_default_timezone()):
        return {name: loader.get_template(f"{PARTS_TEMPLATE}#{name}").render(context) for name in PARTS}
