from django.urls import path, re_path
from django.views.decorators.http import require_safe

from articles import views
from articles.feeds import LatestArticlesAtomFeed, LatestArticlesFeed
from magsite.cache import cache_public_page

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    # Topic slugs may hold any letter (taggit keeps the “é” of “magnésium”); <slug:> is ASCII only.
    re_path(r"^topics/(?P<slug>[-\w]+)/$", views.tag_detail, name="tag_detail"),
    path("authors/<slug:slug>/", views.author_detail, name="author_detail"),
    path("search/", views.search, name="search"),
    path("feeds/rss/", require_safe(cache_public_page(LatestArticlesFeed())), name="feed_rss"),
    path("feeds/atom/", require_safe(cache_public_page(LatestArticlesAtomFeed())), name="feed_atom"),
]
