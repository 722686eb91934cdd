"""The site's URLs plus two comparison views that exist only in the benchmark.

- /__bench__/bare/: a Django view returning the article page's bytes. It goes through the same
  middleware as every page, so article/bare is the cost of the article view itself (queries,
  template, citations) relative to Django's floor. The bytes come from the file named by
  BENCH_BARE_FILE, written by the benchmark before it starts gunicorn.
- /__bench__/plain/<slug>/: the yardstick the targets are quoted against, "a plain Django view
  with two queries, ten tags and a template", so a run on a slow or busy machine shows where
  that yardstick lands on it.
"""

import os
from pathlib import Path

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import path

from articles.models import Article
from magsite.urls import urlpatterns as site_urlpatterns

handler404 = "articles.views.page_not_found"

_bare_file = os.environ.get("BENCH_BARE_FILE", "")
BARE_BYTES = Path(_bare_file).read_bytes() if _bare_file and Path(_bare_file).is_file() else b"<!doctype html>"
BARE_CONTENT_TYPE = "text/html; charset=utf-8"

PLAIN_TEMPLATE = engines["django"].from_string(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ article.title }}</title></head>'
    "<body><h1>{{ article.title }}</h1><p>{{ article.standfirst }}</p>"
    '<p><time datetime="{{ article.published_at|date:"Y-m-d" }}">{{ article.published_at|date:"j F Y" }}</time>'
    " · {{ article.reading_time_minutes }} min read</p>"
    '<ul>{% for tag in tags %}<li><a href="/topics/{{ tag.slug }}/">{{ tag.name }}</a></li>{% endfor %}</ul>'
    "<div>{{ article.body|safe }}</div></body></html>"
)


def bare(request):
    return HttpResponse(BARE_BYTES, content_type=BARE_CONTENT_TYPE)


def plain(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    tags = list(article.tags.all())
    return HttpResponse(PLAIN_TEMPLATE.render({"article": article, "tags": tags}, request))


urlpatterns = [
    path("__bench__/bare/", bare, name="bench_bare"),
    path("__bench__/plain/<slug:slug>/", plain, name="bench_plain"),
    *site_urlpatterns,
]
