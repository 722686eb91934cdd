"""sitemap.xml: published articles, topics, author pages, static pages and the reference library.

URLs are absolute on settings.SITE_URL (the public address), like canonical links and feeds,
rather than on whatever host the request arrived at.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from taggit.models import Tag

from articles.models import ArticleRevision, AuthorProfile
from reference.models import Condition, Food, MagnesiumForm


class SiteSitemap(Sitemap):
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return (ArticleRevision.objects.live().only("live_at", "created_at", "article__slug", "article__published_at")
                .order_by("-article__published_at", "-article__pk"))

    def lastmod(self, revision):
        return revision.updated_at


class TopicSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return (Tag.objects.filter(article_revisions__in=ArticleRevision.objects.live())
                .annotate(latest=Max("article_revisions__live_at")).order_by("name"))

    def location(self, tag):
        return reverse("articles:tag_detail", args=[tag.slug])

    def lastmod(self, tag):
        return tag.latest


class AuthorSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        live = ArticleRevision.objects.live()
        return (AuthorProfile.objects.filter(Q(revisions__in=live) | Q(reviewed_revisions__in=live))
                .distinct().only("slug").order_by("slug"))


class StaticPagesSitemap(SiteSitemap):
    """Pages with a fixed address: the site's own and the reference library's index pages."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return [
            "articles:home", "articles:article_list", "review:how_we_review",
            "reference:index", "reference:form_list", "reference:food_list",
            "reference:condition_list", "reference:intake",
        ]

    def location(self, name):
        return reverse(name)


class ReferenceSitemap(SiteSitemap):
    """Detail pages of a reference model (each model gives its own get_absolute_url)."""

    changefreq = "monthly"
    priority = 0.6

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.only("slug").order_by("slug")


def sitemaps():
    return {
        "pages": StaticPagesSitemap,
        "articles": ArticleSitemap,
        "topics": TopicSitemap,
        "authors": AuthorSitemap,
        "forms": ReferenceSitemap(MagnesiumForm),
        "foods": ReferenceSitemap(Food),
        "conditions": ReferenceSitemap(Condition),
    }
