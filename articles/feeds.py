"""RSS and Atom feeds of the latest published articles."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from articles.citations import strip_markers
from articles.views import card_queryset

FEED_ITEMS = 20
# Characters XML 1.0 cannot carry. Django's feed writer refuses them (the whole feed would be a
# server error), and text pasted from a word processor brings them along (a vertical tab is
# Word's line break): drop them from what the feed shows.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value):
    return _XML_INVALID.sub("", value) if value else value


class LatestArticlesFeed(Feed):
    title = f"{settings.SITE_NAME}: magnesium, checked"
    description = "New evidence-checked articles about magnesium and health, each medically reviewed."
    feed_url_name = "articles:feed_rss"

    # Links use the public site address (as canonical URLs do), not whatever Host the request had.
    def link(self):
        return settings.SITE_URL + reverse("articles:article_list")

    def feed_url(self):
        return settings.SITE_URL + reverse(self.feed_url_name)

    def items(self):
        return card_queryset()[:FEED_ITEMS]

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(strip_markers(item.standfirst))

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    item_guid_is_permalink = True

    def item_author_name(self, item):
        return xml_text(", ".join(author.display_name for author in item.authors.all())) or None

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [xml_text(tag.name) for tag in item.tags.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
    feed_url_name = "articles:feed_atom"
