"""Whole-page caching for anonymous readers, invalidated by a site-wide content version.

Design: one integer in the cache, the *content version*, is stored with every cached page. Any
write to content a public page can show (articles and their parts, author profiles, tags, the
reference library) bumps it, so every cached page becomes stale at once: a page is served only
when it was stored under the current version, and is otherwise rendered again and overwritten.
One counter is cruder than per-page invalidation but cannot miss a dependency (an article page
shows its sources, a home page shows foods), and edits are rare next to reads. The version and the
page are read together (one round trip to Redis), and the version is read before the page is
rendered, so a page rendered from data that changed meanwhile is stored under the old version.

What is never cached: requests from signed-in users (staff see previews and admin links), any
query string beyond `page`, `q` and `sort`, non-200 responses, responses marked private/no-store
(previews), responses that set cookies, and any response whose rendering used the CSP nonce: a
nonce must be fresh per response, and a cached page would hand one reader's nonce to everyone.
Public pages therefore carry no nonce (JSON-LD is a data block, not a script, so CSP does not
apply to it).

Use on any public view (`reference` views too):

    from articles.cache import cache_public_page

    @cache_public_page
    def food_list(request): ...
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject

VERSION_KEY = "magsite:content-version"
PAGE_KEY_PREFIX = "magsite:page"
CACHEABLE_PARAMS = frozenset({"page", "q", "sort"})
# Headers worth replaying from a cached page; the CSP, security and Vary headers are added again
# by middleware on every response.
REPLAYED_HEADERS = ("Content-Type", "Content-Language", "Last-Modified", "X-Robots-Tag")


def _fresh_version():
    # Time-based, so a version key lost to eviction or a restart never comes back as a number
    # that old page keys were stored under.
    return time.time_ns()


def get_version():
    """The current content version (created on first use)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _fresh_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump():
    """Invalidate every cached page by moving the content version on."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key is missing (first write, eviction, cache flushed)
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)


def bump_now_and_on_commit(**kwargs):
    """Signal receiver: bump at once, and again when the surrounding transaction commits.

    The second bump closes a race: a reader who renders a page between the write and the commit
    still sees the old rows and would cache them under the already-bumped version.
    """
    bump()
    if connection.in_atomic_block:
        transaction.on_commit(bump)


def page_key(request):
    url = request.build_absolute_uri()
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{digest}"


def _request_is_cacheable(request):
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if set(request.GET) - CACHEABLE_PARAMS:
        return False
    return _is_anonymous(request)


def _is_anonymous(request):
    user = getattr(request, "user", None)
    if user is None:
        return True
    session = getattr(request, "session", None)
    if type(user) is SimpleLazyObject and session is not None and session.session_key is None:
        # AuthenticationMiddleware's lazy user comes from the session, and there is none (no
        # session cookie): anonymous, decided without loading the session and the user. Readers
        # have no session, so this is the path of nearly every request.
        return True
    return not user.is_authenticated


def _nonce_was_used(request):
    nonce = getattr(request, "_csp_nonce", None)
    return bool(nonce)  # LazyNonce is truthy only once something rendered it


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
        return False
    return not _nonce_was_used(request)


def cache_public_page(view):
    """Cache a public view's page for anonymous readers under the current content version."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _request_is_cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        if version is None:
            version = get_version()
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            _, content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            response["X-MagSite-Cache"] = "hit"
            _vary_on_cookie(response)
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response.render()
        if _response_is_cacheable(request, response):
            headers = {name: response[name] for name in REPLAYED_HEADERS if name in response}
            cache.set(key, (version, response.content, headers), settings.PAGE_CACHE_SECONDS)
            response["X-MagSite-Cache"] = "miss"
        _vary_on_cookie(response)
        return response

    return wrapper


def _vary_on_cookie(response):
    """What a cacheable page's response always said (checking the user read the session, and the
    session middleware then adds it): the page depends on the cookie, as a signed-in user sees
    another page. Said explicitly now that readers' requests no longer load the session."""
    if "Vary" in response:
        patch_vary_headers(response, ("Cookie",))
    else:
        response["Vary"] = "Cookie"  # what patch_vary_headers writes here, without parsing anything


def connect_signals():
    """Bump the content version whenever anything a public page shows is written.

    Called from ArticlesConfig.ready(). Bulk operations (queryset.update, bulk_create) send no
    signals: code that uses them on public content calls `bump()` itself, or also saves a model
    that does (article_save saves the article).
    """
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from taggit.models import Tag, TaggedItem

    from articles.models import FAQ, Article, ArticleCitation, AuthorProfile, KeyPoint, RuleSetting
    from reference.models import Condition, Food, IntakeGuideline, MagnesiumForm, Source

    # RuleSetting: the public "How we review" page lists the rules that run.
    models = [Article, ArticleCitation, KeyPoint, FAQ, AuthorProfile, Tag, TaggedItem,
              Source, MagnesiumForm, Food, Condition, IntakeGuideline, RuleSetting]
    for model in models:
        uid = f"magsite-cache-{model._meta.label_lower}"
        post_save.connect(bump_now_and_on_commit, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(bump_now_and_on_commit, sender=model, dispatch_uid=f"{uid}-delete")
    # Many-to-many relations between public models (taggit sends m2m_changed from TaggedItem).
    through_models = {TaggedItem}
    for model in models:
        for field in model._meta.local_many_to_many:
            through = getattr(field.remote_field, "through", None)
            if through is not None:
                through_models.add(through)
    for through in through_models:
        m2m_changed.connect(bump_now_and_on_commit, sender=through,
                            dispatch_uid=f"magsite-cache-m2m-{through._meta.label_lower}")
