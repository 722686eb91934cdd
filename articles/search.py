"""Article search: PostgreSQL full-text search with ranking, or a plain fallback on SQLite.

Both return published articles only (their live revisions: `ArticleRevision.objects.live()`), best
matches first,
and both give each result a `snippet`: HTML-safe text with the matched words in <mark>. Snippets
are built by escaping everything first and only then inserting <mark> tags, so nothing in an
article or a query can inject markup.
"""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.citations import strip_markers
from articles.models import ArticleRevision

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_CHARS = 220
# Private-use code points as highlight sentinels: never typed by editors, and untouched by escaping.
START_SEL, STOP_SEL = "\ue000", "\ue001"
_HIGHLIGHT_RE = re.compile(f"{START_SEL}([^{START_SEL}{STOP_SEL}]*){STOP_SEL}")


def clean_query(raw):
    """The query as searched: whitespace collapsed, bounded length."""
    # Control characters (NUL above all: PostgreSQL refuses it in text) and our sentinels go.
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000\ue001]", "", raw or "")
    text = re.sub(r"\s+", " ", text).strip()
    return text[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    """Distinct words of a query (quotes and stray punctuation dropped), at most MAX_TERMS."""
    terms = []
    for word in re.findall(r"[\w%'’.+-]+", query):
        word = word.strip("'’.+-")
        if word and word.lower() not in {t.lower() for t in terms}:
            terms.append(word)
    return terms[:MAX_TERMS]


def highlight_sentinels(text):
    """Escape text that carries START_SEL/STOP_SEL pairs, then turn the pairs into <mark>."""
    escaped = escape(strip_markers(text))
    marked = _HIGHLIGHT_RE.sub(r"<mark>\1</mark>", escaped)
    # Lone sentinels (from an odd headline cut) must not survive into the page.
    return mark_safe(marked.replace(START_SEL, "").replace(STOP_SEL, ""))  # noqa: S308 - escaped above


def highlight_terms(text, terms, *, length=SNIPPET_CHARS):
    """A window of `text` around the first match of any term, terms wrapped in <mark>."""
    text = re.sub(r"\s+", " ", strip_markers(text or "")).strip()
    if not text:
        return mark_safe("")
    if not terms:
        return mark_safe(escape(_clip(text, 0, length)))  # noqa: S308 - escaped
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    first = pattern.search(text)
    start = 0
    if first and first.start() > length // 3:
        start = first.start() - length // 3
        space = text.rfind(" ", 0, start)
        start = space + 1 if space != -1 and start - space < 20 else start
    window = _clip(text, start, length)
    parts, last = [], 0
    for match in pattern.finditer(window):
        parts.append(escape(window[last:match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(window[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped


def _clip(text, start, length):
    end = start + length
    window = text[start:end]
    if end < len(text):
        cut = window.rfind(" ")
        window = (window[:cut] if cut > length // 2 else window) + "…"
    return ("…" + window) if start > 0 else window


def _base_queryset():
    return (
        ArticleRevision.objects.live()
        .prefetch_related("authors", "tags")
        .defer("body", "article__body", "article__body_text")
    )


def search_articles(query):
    """Published articles matching `query`, best first. Add snippets with `add_snippets`."""
    query = clean_query(query)
    if not query:
        return ArticleRevision.objects.none()
    if settings.IS_POSTGRES:
        return _search_postgres(query)
    return _search_fallback(query)


def _search_postgres(query):
    # The stored, GIN-indexed column of revisions (title A, standfirst B, body C; migration 0010).
    vector = RawSQL('"articles_articlerevision"."search_vector"', [], output_field=SearchVectorField())
    search_query = SearchQuery(query, search_type="websearch", config="english")
    return (
        _base_queryset()
        .annotate(
            search=vector,
            rank=SearchRank(vector, search_query),
            headline=SearchHeadline(
                "body_text", search_query, config="english", start_sel=START_SEL, stop_sel=STOP_SEL,
                max_words=40, min_words=20, max_fragments=2, fragment_delimiter=" … ",
            ),
        )
        .filter(search=search_query)  # the @@ match on the indexed column; ts_rank alone is never quite 0
        .order_by("-rank", "-article__published_at", "pk")
    )


def _search_fallback(query):
    terms = query_terms(query) or [query]
    matches = Q()
    for term in terms:
        matches &= Q(title__icontains=term) | Q(standfirst__icontains=term) | Q(body_text__icontains=term)
    title_hits = sum(
        (Case(When(title__icontains=term, then=Value(1)), default=Value(0), output_field=IntegerField())
         for term in terms),
        Value(0),
    )
    return (
        _base_queryset()
        .filter(matches)
        .annotate(title_hits=title_hits)
        .order_by("-title_hits", "-article__published_at", "pk")
    )


def add_snippets(articles, query):
    """Give each article (of one results page) a safe, highlighted `snippet`."""
    terms = query_terms(clean_query(query))
    for article in articles:
        headline = getattr(article, "headline", None)
        if headline and START_SEL in headline:
            article.snippet = highlight_sentinels(headline)
        else:
            source = article.body_text if any(t.lower() in article.body_text.lower() for t in terms) else (
                article.standfirst or article.body_text)
            article.snippet = highlight_terms(source, terms)
    return articles
