from django.urls import path

from articles import views
from articles.cache import cache_public_page
from articles.feeds import LatestArticlesAtomFeed, LatestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("topics/<slug:slug>/", views.tag_detail, name="tag_detail"),
    path("authors/<slug:slug>/", views.author_detail, name="author_detail"),
    path("search/", views.search, name="search"),
    path("how-we-review/", views.how_we_review, name="how_we_review"),
    path("feeds/rss/", cache_public_page(LatestArticlesFeed()), name="feed_rss"),
    path("feeds/atom/", cache_public_page(LatestArticlesAtomFeed()), name="feed_atom"),
]
