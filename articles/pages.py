"""The public article page: its parts, rendered live or stored when what they show was written.

An article page lists rows of nine relations (citations with their sources, authors, tags, key
points, FAQs, related forms, foods and conditions, the count of approved claims). Reading and
rendering them on every request cost ten queries and about 8 ms; rendering them when they are
written, and storing the result, leaves one query (the stored parts of the published article at
that address) and the base template around them.

- `render_parts(article)` renders the article-specific parts of the page (title, meta
  description, meta tags with JSON-LD, the content block) from templates/articles/article_parts.html.
  It is the only renderer: the view renders the page around the parts, whether they were stored
  or rendered just now, so the stored page and the live page are the same bytes by construction.
- Published articles have their parts stored in `ArticlePage` (`articles.services.
  article_pages_render`). The view uses them when they are fresh (`stored_parts`, one query); a
  preview, a stale or missing stored page, or one rendered by other code or settings
  (`render_key`) is rendered live, and a GET never writes. A live render costs eleven queries (the
  stored page looked for, the article with its reviewer, the nine relations).
- Freshness: every write a page depends on marks the stored pages it affects stale in the same
  transaction (`article_pages_refresh`), so readers get the live page from the moment the write
  commits, and renders them again once it has committed. The receivers below find the affected
  articles for each dependency; code that writes without signals (queryset.update, bulk_create)
  calls `article_pages_refresh` itself.

| what is written | pages marked stale and rendered again |
|---|---|
| the article (save), its citations, key points, FAQs, claims | that article |
| its authors, tags, related forms, foods, conditions (m2m, either side) | that article |
| a source (incl. retraction) | the articles that cite it |
| an author profile | the articles it wrote or reviewed |
| a tag (rename, delete) | the articles tagged with it |
| a magnesium form, food or condition | the articles that link to it |
| templates, this code, SITE_URL and friends | every page, by `render_key`; `manage.py render_pages` renders them again |

Writes without signals that call it themselves: workflow.article_assign_reviewer, claim_decide and
after_edit (queryset updates), review.services.article_scan (bulk claim rows), article_after_save
and the admin's save (after the inlines and citations), the demo loader; the benchmark's bulk
builder renders its articles directly.

With the page cache (articles/cache.py), which the same writes bump: the stale mark commits with
the write, so a page rendered after the commit, cached or not, is rendered live from the new rows,
and a page rendered before it is cached under a content version the commit's bump retires. So no
reader can cache a page older than the rows, whichever of the bump and the re-render comes first;
the re-render bumps once more when it has stored the new parts.
"""

import hashlib
import re
from functools import cache, lru_cache
from pathlib import Path

import django
from django.conf import settings
from django.db.models import Q
from django.template import loader
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from articles.citations import render_citations
from articles.models import FAQ, Article, ArticleCitation, AuthorProfile, Claim, KeyPoint

PARTS = ("title", "description", "meta", "content")
PARTS_TEMPLATE = "articles/article_parts.html"
STORED_COLUMNS = tuple(f"stored_page__{name}" for name in PARTS)
# What the stored parts are a function of, beside the rows: a change to any of these files makes
# every stored page stale (rendered live) until `manage.py render_pages` has run.
RENDERER_FILES = [
    "templates/articles/article_parts.html",
    "articles/pages.py",
    "articles/citations.py",
    "articles/templatetags/article_tags.py",
    "articles/models.py",
    "reference/models.py",
    "articles/urls.py",
    "reference/urls.py",
    "magsite/urls.py",
]


_TABLE_OPEN_RE = re.compile(r"<table\b")


def wrap_tables(html):
    """Each table of the body in a region that scrolls sideways on a narrow screen and that a
    keyboard can reach (the body is sanitized HTML, so tables are not nested)."""
    if "<table" not in html:
        return html
    html = _TABLE_OPEN_RE.sub('<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table', html)
    return mark_safe(html.replace("</table>", "</table></div>"))  # noqa: S308 - sanitized body, fixed markup added


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
    the rows, this code and the settings in `render_key`.
    """
    rows = article_page_rows(article)
    canonical_url = settings.SITE_URL + article.get_absolute_url()
    context = {
        "article": article,
        "body": wrap_tables(render_citations(article.body, ((c.number, c.source) for c in rows["citations"]))),
        **rows,
        "preview": preview,
        "canonical_url": canonical_url,
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
    }
    with translation.override(settings.LANGUAGE_CODE), timezone.override(timezone.get_default_timezone()):
        return {name: loader.get_template(f"{PARTS_TEMPLATE}#{name}").render(context) for name in PARTS}


def stored_parts(slug):
    """The stored parts of the published article at `slug` when they are fresh, else None.

    One query, and a lean one (the parts, no model instances, no ORDER BY): this is what nearly
    every reader's request costs. Freshness is checked here rather than in SQL, which is cheaper
    to build for the one row there is.
    """
    rows = (Article.objects.published().filter(slug=slug).order_by()
            .values_list(*STORED_COLUMNS, "stored_page__stale", "stored_page__render_key")[:1])
    row = next(iter(rows), None)
    if row is None or row[-2] is not False or row[-1] != render_key():  # no page (None), stale, or another key
        return None
    return {name: mark_safe(html) for name, html in zip(PARTS, row, strict=False)}  # noqa: S308 - our own output


@cache
def _renderer_digest():
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for name in RENDERER_FILES:
        path = base / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    return digest.hexdigest()


@lru_cache(maxsize=8)
def _render_key(*values):
    return hashlib.sha256("\n".join(map(str, values)).encode()).hexdigest()[:32]


def render_key():
    """Names the code, templates, Django release and settings stored parts are rendered with (see
    RENDERER_FILES). Other libraries are not in it: after upgrading one that changes output, run
    `render_pages --force`.

    The files are read once per process (a deploy restarts it), except with DEBUG on, where a
    template edited under the development server must not leave pages of the old one fresh.
    """
    digest = _renderer_digest.__wrapped__() if settings.DEBUG else _renderer_digest()
    return _render_key(digest, django.__version__, settings.SITE_URL, settings.SITE_NAME, settings.LANGUAGE_CODE,
                       settings.TIME_ZONE, settings.MEDIA_URL, settings.ROOT_URLCONF,
                       settings.STORAGES["default"]["BACKEND"])


# Receivers: which stored pages a write affects (the table in the module docstring).


def _refresh(article_ids):
    from articles.services import article_pages_refresh

    article_pages_refresh(article_ids=article_ids)


def _own_article(sender, instance, **kwargs):
    _refresh([instance.article_id])


def _article_saved(sender, instance, **kwargs):
    _refresh([instance.pk])


def _source_saved(sender, instance, **kwargs):
    _refresh(ArticleCitation.objects.filter(source_id=instance.pk).values_list("article_id", flat=True))


def _profile_changed(sender, instance, **kwargs):
    _refresh(Article.objects.filter(Q(authors=instance.pk) | Q(medical_reviewer=instance.pk))
             .values_list("pk", flat=True).distinct())


def _library_record_changed(sender, instance, **kwargs):
    """A magnesium form, food or condition: the articles that link to it (before a delete clears the links)."""
    _refresh(instance.articles.values_list("pk", flat=True))


def _article_content_type():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Article)


def _tag_changed(sender, instance, **kwargs):
    from taggit.models import TaggedItem

    _refresh(TaggedItem.objects.filter(tag_id=instance.pk, content_type=_article_content_type())
             .values_list("object_id", flat=True))


def _tagged_item_changed(sender, instance, **kwargs):
    if instance.content_type_id == _article_content_type().pk:
        _refresh([instance.object_id])


def _m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """An article's authors, tags or library links, changed from either side."""
    if isinstance(instance, Article):
        if action.startswith("post_"):
            _refresh([instance.pk])
    elif model is Article:
        if action in ("post_add", "post_remove"):
            _refresh(pk_set or ())
        elif action == "pre_clear":  # the links are still there to be read
            field = next(f for f in sender._meta.fields if f.is_relation and isinstance(instance, f.related_model))
            article_field = next(f for f in sender._meta.fields if f.is_relation and f.related_model is Article)
            _refresh(sender.objects.filter(**{field.name: instance}).values_list(article_field.attname, flat=True))


def connect_signals():
    """Connect the receivers; called from ArticlesConfig.ready()."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
    from taggit.models import Tag, TaggedItem

    from reference.models import Condition, Food, MagnesiumForm, Source

    def connect(signal, receiver, model):
        signal.connect(receiver, sender=model, dispatch_uid=f"magsite-pages-{signal_names[signal]}-{model._meta.label_lower}")

    signal_names = {post_save: "save", post_delete: "delete", pre_delete: "pre-delete", m2m_changed: "m2m"}
    connect(post_save, _article_saved, Article)
    for model in (ArticleCitation, KeyPoint, FAQ, Claim):
        connect(post_save, _own_article, model)
        connect(post_delete, _own_article, model)
    connect(post_save, _source_saved, Source)
    connect(pre_delete, _source_saved, Source)
    connect(post_save, _profile_changed, AuthorProfile)
    connect(pre_delete, _profile_changed, AuthorProfile)
    connect(post_save, _tag_changed, Tag)
    connect(pre_delete, _tag_changed, Tag)
    connect(post_save, _tagged_item_changed, TaggedItem)
    connect(post_delete, _tagged_item_changed, TaggedItem)
    for model in (MagnesiumForm, Food, Condition):
        connect(post_save, _library_record_changed, model)
        connect(pre_delete, _library_record_changed, model)
    for field in ("authors", "related_forms", "related_foods", "related_conditions"):
        connect(m2m_changed, _m2m_changed, getattr(Article, field).through)
    connect(m2m_changed, _m2m_changed, TaggedItem)  # taggit sends it for article.tags.add/set/remove/clear
