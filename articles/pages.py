"""The public article page: its parts, rendered live or stored, and when a stored page goes stale.

Readers see an article's live revision (articles.models.ArticleRevision, made live only by the
workflow's publish service, which checks the publish gate); staff previewing see its newest one.
An article page lists rows of eight relations of the revision (citations with their sources,
authors, tags, related forms, foods and conditions; key points and FAQs are stored on it).
Rendering them on every request cost about ten queries and 8 ms; rendering them when they change,
and storing the result, leaves one query and the base template around them. This module is the
whole lifecycle:

- `render_parts(revision)` renders the article-specific parts of the page (title, meta description,
  meta tags with JSON-LD, the content block) from templates/articles/article_parts.html. It is the
  only renderer: the view renders the page around the parts, whether they were stored or rendered
  just now, so the stored page and the live page are the same bytes by construction.
- `article_pages_render` stores the parts of each article's live revision in `ArticlePage`. The
  view uses them when they are fresh (`stored_parts`, one query); a preview, a stale or missing
  stored page, or one rendered by other code or settings (`render_key`) is rendered live, and a GET
  never writes.
- `article_pages_refresh(article_ids=...)` is what every write a public page depends on calls, in
  the writer's transaction: it marks those articles' stored pages stale (so from the moment the
  write commits readers get the live render), moves the page cache's content version on
  (magsite.cache: now, and again on commit), and renders the stale pages again once the write has
  committed. Rendering renders only pages still stale, so many calls in one transaction render
  each page once.
- `DEPENDENCIES` is the one table of which writes affect which pages. Its receivers call
  `article_pages_refresh`; code that writes without signals (queryset.update, bulk_create) calls
  it itself. Another app whose rows a public page shows adds rows with `depends_on()`.

| what is written | stored article pages refreshed |
|---|---|
| the article row (its live revision, publication dates, address) | that article |
| a source (incl. retraction) | the articles whose live revision cites it |
| an author profile | the articles whose live revision it wrote or reviewed |
| a tag (rename, delete) | the articles whose live revision carries it |
| a magnesium form, food or condition | the articles whose live revision links to it |
| an intake guideline, a rule setting | none (other public pages show them: the page cache moves on) |
| templates, this code, SITE_URL and friends | every page, by `render_key`; `manage.py render_pages` renders them again |

Revisions never change once made, so editing an article (which makes a new revision) changes no
public page until that revision is published.

With the page cache: the stale mark commits with the write, so a page rendered after the commit,
cached or not, is rendered live from the new rows, and a page rendered before it is cached under a
content version the commit's bump retires. So no reader can cache a page older than the rows,
whichever of the bump and the re-render comes first; the re-render bumps once more when it has
stored the new parts.
"""

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import SimpleNamespace

import django
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.signals import post_save, pre_delete
from django.template import loader
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from taggit.models import Tag

from articles.citations import render_citations
from articles.models import Article, ArticlePage, ArticleRevision, AuthorProfile, RevisionCitation
from magsite.cache import bump, bump_now_and_on_commit
from reference.models import Condition, Food, IntakeGuideline, MagnesiumForm, Source

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


def article_page_rows(revision):
    """Everything the page of `revision` lists, one plain query per relation, in display order.

    Deliberately not prefetch_related: for one revision, prefetch's machinery (built to spread rows
    over many parents) costs several times the queries themselves. Citations come with their
    sources, in number order.
    """
    return {
        "citations": list(RevisionCitation.objects.filter(revision=revision).select_related("source")
                          .order_by("number")),
        "authors": list(revision.authors.order_by("display_name", "pk")),
        "tags": list(revision.tags.order_by("pk")),  # as the article's tags: oldest first
        "key_points": [SimpleNamespace(**point) for point in revision.key_points],
        "faqs": [SimpleNamespace(**faq) for faq in revision.faqs],
        "related_forms": list(revision.related_forms.all()),
        "related_foods": list(revision.related_foods.all()),
        "related_conditions": list(revision.related_conditions.all()),
        "review": revision.review_summary,  # what the review covered, written by the workflow on publish
    }


def render_parts(revision, *, preview=False):
    """The article-specific parts of the page of `revision`, as safe HTML strings keyed by PARTS:
    readers get the article's live revision, staff previewing get its newest one.

    Reads the revision's related rows (eight queries). Rendered in the site's language and time zone
    whoever asks (a reader, an editor's save, a management command), so the result depends only on
    the rows, this code and the settings in `render_key`.
    """
    rows = article_page_rows(revision)
    canonical_url = settings.SITE_URL + revision.get_absolute_url()
    context = {
        "article": revision,
        "body": wrap_tables(render_citations(revision.body, ((c.number, c.source) for c in rows["citations"]))),
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




# Storing pages, and marking them stale.


def article_pages_render(*, article_ids, only_stale=False) -> int:
    """Render the public page (its live revision) of each article in `article_ids` that has one, and
    store its parts, now.
    With `only_stale`, pages already fresh are left alone. Returns how many were rendered; the
    others are left as they are (a stale page is never served stored).

    One transaction per article, which first writes the stored page's row (a row lock on
    PostgreSQL, the write lock on SQLite), then reads the rows it renders: a concurrent write that
    marks the page stale waits for this render to commit and then marks it stale again, and this
    render sees every write committed before it. The page cache is left to the caller.
    """
    ids = {int(pk) for pk in article_ids}
    published = Article.objects.filter(pk__in=ids, live_revision__isnull=False)
    if only_stale:
        published = published.exclude(stored_page__stale=False, stored_page__render_key=render_key())
    rendered = 0
    for pk in list(published.order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            if not ArticlePage.objects.filter(article_id=pk).update(stale=True):
                try:
                    with transaction.atomic():
                        ArticlePage.objects.create(article_id=pk, stale=True)
                except IntegrityError:  # created by a concurrent render, which has committed
                    ArticlePage.objects.filter(article_id=pk).update(stale=True)
            revision = (ArticleRevision.objects.select_related("article", "medical_reviewer")
                        .filter(live_of__pk=pk).first())
            if revision is None:  # unpublished (or deleted) since: its stored page stays stale
                continue
            parts = render_parts(revision)
            ArticlePage.objects.filter(article_id=pk).update(
                **parts, stale=False, render_key=render_key(), rendered_at=timezone.now())
            rendered += 1
    return rendered


def article_pages_refresh(*, article_ids: Iterable) -> None:
    """A write that public pages show is being made, in the caller's transaction: mark these
    articles' stored pages stale now, move the page cache on (now and on commit), and render the
    pages again once the write has committed (at once outside a transaction)."""
    bump_now_and_on_commit()
    ids = {int(pk) for pk in article_ids if pk is not None}
    if not ids:
        return
    ArticlePage.objects.filter(article_id__in=ids, stale=False).update(stale=True)
    transaction.on_commit(lambda: _render_after_commit(ids), robust=True)


def _render_after_commit(ids):
    if article_pages_render(article_ids=ids, only_stale=True):
        bump()  # pages cached meanwhile were rendered live from the same rows; this is belt and braces


# What each write affects: the one dependency table.


@dataclass(frozen=True)
class Dependency:
    """Writes to `model` refresh the stored pages of the articles `affected(instance)` names (and
    move the page cache on); `affected` None: no article page shows it, other public pages do."""

    model: type
    affected: Callable[[object], Iterable[int]] | None


def _itself(article):
    return [article.pk]


def _live_revisions():
    return ArticleRevision.objects.filter(live_of__isnull=False)


def _citing(source):
    return _live_revisions().filter(citations__source=source.pk).values_list("article_id", flat=True)


def _written_or_reviewed(profile):
    return (_live_revisions().filter(Q(authors=profile.pk) | Q(medical_reviewer=profile.pk))
            .values_list("article_id", flat=True).distinct())


def _linking(record):
    """A magnesium form, food or condition: the live pages that link to it."""
    return record.article_revisions.filter(live_of__isnull=False).values_list("article_id", flat=True)


def _tagged(tag):
    return _live_revisions().filter(tags=tag.pk).values_list("article_id", flat=True)


# A page shows its article's live revision, and revisions never change: what affects a page is
# the article row (its live revision, its dates and address), and the shared records its revision
# shows. Edits to the working copy (body, key points, tags...) make a new revision and change no
# page until that revision is published.
DEPENDENCIES = [
    Dependency(Article, _itself),
    Dependency(AuthorProfile, _written_or_reviewed),
    Dependency(Source, _citing),
    Dependency(MagnesiumForm, _linking),
    Dependency(Food, _linking),
    Dependency(Condition, _linking),
    Dependency(IntakeGuideline, None),
    Dependency(Tag, _tagged),
]


def depends_on(model, affected=None):
    """Add a row to the table from another app (in its AppConfig.ready) and connect it."""
    dependency = Dependency(model, affected)
    DEPENDENCIES.append(dependency)
    _connect(dependency)


def _on_write(sender, instance, **kwargs):
    dependency = next(d for d in DEPENDENCIES if d.model is sender)
    article_pages_refresh(article_ids=dependency.affected(instance) if dependency.affected else ())


def _connect(dependency):
    uid = f"magsite-pages-{dependency.model._meta.label_lower}"
    post_save.connect(_on_write, sender=dependency.model, dispatch_uid=f"{uid}-save")
    # Before the delete: the links that say which articles showed the row are still there.
    pre_delete.connect(_on_write, sender=dependency.model, dispatch_uid=f"{uid}-delete")


def connect_signals():
    """Connect the table's receivers; called from ArticlesConfig.ready()."""
    for dependency in DEPENDENCIES:
        _connect(dependency)
