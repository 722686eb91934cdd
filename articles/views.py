"""The public reading experience: home, article list and pages, topics, authors, search, 404.

What the public may see is `Article.objects.published()`, nothing else. Staff with the
view_article permission may preview any article at its public address (a banner, noindex, and
never cached); everyone else gets a 404 for an unpublished article.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.models import Article, ArticleRevision, AuthorProfile
from articles.pages import render_parts, stored_parts
from articles.search import MAX_QUERY_LENGTH, add_snippets, clean_query, search_articles
from magsite.cache import cache_public_page
from magsite.ratelimit import rate_limit
from reference.models import Food, MagnesiumForm

PER_PAGE = 10
HOME_LATEST = 5
HOME_TOPICS = 16


def card_queryset():
    """Published articles (their live revisions) as list cards need them: authors and tags in two
    queries, no bodies, newest first."""
    return (ArticleRevision.objects.live().select_related("medical_reviewer")
            .prefetch_related("authors", "tags")
            .defer("body", "body_text", "article__body", "article__body_text")
            .order_by("-article__published_at", "-article__pk"))


def paginate(request, queryset, per_page=PER_PAGE):
    """A page of `queryset`; a page number that is not a number or out of range is a 404."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page") or 1
    try:
        number = int(number)
    except (TypeError, ValueError):
        raise Http404("No such page") from None
    if number < 1 or (number > paginator.num_pages):
        raise Http404("No such page")
    page = paginator.page(number)
    page.page_range_elided = paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
    return page


def canonical(request, page=None):
    """Absolute canonical URL on the public site address (keeps ?page=N beyond the first)."""
    url = settings.SITE_URL + request.path
    if page is not None and page.number > 1:
        url += f"?page={page.number}"
    return url


def public_topics(limit=None):
    """Tags used by at least one published article, with the number of such articles."""
    topics = (
        Tag.objects.filter(article_revisions__in=ArticleRevision.objects.live())
        .annotate(article_count=Count("article_revisions", distinct=True))
        .order_by("-article_count", "name")
    )
    return topics[:limit] if limit else topics


def _reference_teaser():
    """A few rows of the reference tables for the home page (two queries)."""
    foods = list(Food.objects.with_percent_dv().order_by("-magnesium_mg", "name")[:5])
    # The forms readers meet most in articles first.
    forms = list(MagnesiumForm.objects.annotate(article_count=Count("articles"))
                 .order_by("-article_count", "name")
                 .only("name", "slug", "elemental_percent", "bioavailability")[:6])
    return foods, forms


@require_safe
@cache_public_page
def home(request):
    latest = list(card_queryset()[:HOME_LATEST])
    foods, forms = _reference_teaser()
    return render(request, "articles/home.html", {
        "lead": latest[0] if latest else None,
        "latest": latest[1:],
        "topics": public_topics(HOME_TOPICS),
        "top_foods": foods,
        "forms": forms,
        "canonical_url": canonical(request),
    })


@require_safe
@cache_public_page
def article_list(request):
    page = paginate(request, card_queryset())
    return render(request, "articles/article_list.html", {
        "page_obj": page,
        "articles": page.object_list,
        "topics": public_topics(HOME_TOPICS),
        "canonical_url": canonical(request, page),
    })


def can_preview(user):
    return user.is_authenticated and user.is_staff and user.has_perm("articles.view_article")


def page_revision(request, slug):
    """(revision, preview): what the page at `slug` shows this request. Readers get the article's
    live revision. Staff who may preview get the newest revision (the text under review) when the
    article is not public or when they ask for `?preview`; a preview is never cached or indexed."""
    if can_preview(request.user):
        article = get_object_or_404(Article, slug=slug)
        if "preview" in request.GET or not article.is_public:
            revision = get_object_or_404(article.revisions.select_related("article", "medical_reviewer")
                                         .order_by("-number")[:1])
            return revision, True
    revision = get_object_or_404(ArticleRevision.objects.live().select_related("medical_reviewer"),
                                 article__slug=slug)
    return revision, False


@require_safe
@cache_public_page
def article_detail(request, slug):
    # A published article: the parts of its page stored when its live revision was published
    # (articles/pages.py), the same for everyone.
    parts = stored_parts(slug) if "preview" not in request.GET else None
    article, preview = None, False
    if parts is None:
        # A preview, or no fresh stored page: rendered live from the revision, and not stored (a GET
        # never writes; the stored page is rendered when what it shows is written).
        article, preview = page_revision(request, slug)
        parts = render_parts(article, preview=preview)
    response = render(request, "articles/article_detail.html", {"article": article, "parts": parts, "preview": preview})
    if preview:
        # A draft must never land in a shared or browser cache, nor in a search index.
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
@cache_public_page
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    articles = card_queryset().filter(tags__slug=tag.slug).distinct()
    page = paginate(request, articles)
    if not page.object_list:
        raise Http404("No published articles on this topic")
    return render(request, "articles/tag_detail.html", {
        "tag": tag,
        "page_obj": page,
        "articles": page.object_list,
        "canonical_url": canonical(request, page),
    })


@require_safe
@cache_public_page
def author_detail(request, slug):
    """A profile page for anyone who wrote or reviewed a published article (nobody else)."""
    live = ArticleRevision.objects.live()
    profile = get_object_or_404(
        AuthorProfile.objects.filter(Q(revisions__in=live) | Q(reviewed_revisions__in=live)).distinct(),
        slug=slug,
    )
    page = paginate(request, card_queryset().filter(authors=profile))
    reviewed = list(card_queryset().filter(medical_reviewer=profile)[:PER_PAGE])
    return render(request, "articles/author_detail.html", {
        "profile": profile,
        "page_obj": page,
        "articles": page.object_list,
        "reviewed": reviewed,
        "canonical_url": canonical(request, page),
    })


@require_safe
@rate_limit("MAGSITE_SEARCH_RATE", scope="search")  # the page cache counts its hits against it too
@cache_public_page
def search(request):
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    context = {
        "search_query": query,
        "query_truncated": len(raw.strip()) > MAX_QUERY_LENGTH,
        "max_query_length": MAX_QUERY_LENGTH,
        "page_obj": None,
        "articles": [],
        "topics": [],
    }
    if query:
        page = paginate(request, search_articles(query))
        context["page_obj"] = page
        context["articles"] = add_snippets(list(page.object_list), query)
    if not context["articles"]:
        context["topics"] = public_topics(HOME_TOPICS)
    return render(request, "articles/search.html", context)


@require_safe
@cache_public_page
def robots_txt(request):
    return render(request, "robots.txt", {"sitemap_url": settings.SITE_URL + "/sitemap.xml"},
                  content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """handler404: a page that helps the reader on (search, latest articles, the library)."""
    try:
        latest = list(card_queryset()[:5])
    except DatabaseError:  # a 404 page must render even when the database does not answer
        latest = []
    template = loader.get_template("404.html")
    return HttpResponse(template.render({"latest": latest, "request_path": request.path}, request), status=404)
