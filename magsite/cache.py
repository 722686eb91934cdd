"""Whole-page caching for anonymous readers, invalidated by a site-wide content version.

Design: one integer in the cache, the *content version*, is stored with every cached page. Any
write to content a public page can show (articles and their parts, author profiles, tags, the
reference library: the table in articles/pages.py) bumps it, so every cached page becomes stale at once: a page is served only
when it was stored under the current version, and is otherwise rendered again and overwritten.
One counter is cruder than per-page invalidation but cannot miss a dependency (an article page
shows its sources, a home page shows foods), and edits are rare next to reads. The version and the
page are read together (one round trip to Redis), and the version is read before the page is
rendered, so a page rendered from data that changed meanwhile is stored under the old version.

One mechanism, two parts:

- `cache_public_page` (on a view) only says that the view's pages may be cached: it marks the
  view and each response it returns.
- `PageCacheMiddleware`, placed right after SecurityMiddleware and WhiteNoise, looks pages up,
  stores them and serves them. It stores a marked response on its way out, after the rest of the
  stack has added its headers (CSP, X-Frame-Options, Vary, Content-Length), so a stored page is
  the whole response the full stack produced, headers included; SecurityMiddleware, outside it,
  adds its own headers to hits and misses alike. A reader's request (GET or HEAD, no session or
  messages cookie, no query parameter beyond `page`, `q` and `sort`) for a page this process has
  served before is answered from the cache before sessions, CSRF, authentication, messages, the
  other header middleware and URL routing run: no cookie means no session, so the reader is
  anonymous. Any other request (a session cookie, which may still be an anonymous reader's, or a
  path this process has not served yet) goes through the stack, and the middleware looks the page
  up in `process_view`, once authentication has said who it is and the view is known to be
  cacheable; pages that are never cached cost no cache read. Either way the page is stored only
  from a GET.
- Rate-limited views (search, `magsite.ratelimit`): the stored page remembers the limit, and
  serving it counts against the reader's limit, as the view would. Over the limit the cached page
  is not served: the request goes on through the stack to the view, which answers 429 with every
  header the site adds.

What is never cached: requests from signed-in users (staff see previews and admin links), any
query string beyond `page`, `q` and `sort`, HEAD and POST responses (a HEAD is served a page a GET
stored), non-200 responses, responses marked private/no-store/no-cache (previews), responses that
set cookies, responses that vary on anything but the cookie, and any response whose rendering
used the CSP nonce: a nonce must be fresh per response, and a cached page would hand one reader's
nonce to everyone. Public pages therefore carry no nonce (JSON-LD is a data block, not a script,
so CSP does not apply to it). There is no conditional GET (no ETag, no 304) anywhere in the stack,
so hits, like misses, answer 200 with the stored Last-Modified, if any.

Use on any public view (`reference` views too):

    from magsite.cache import cache_public_page

    @cache_public_page
    def food_list(request): ...
"""

import hashlib
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.http import split_header_value

from magsite.ratelimit import count_request

VERSION_KEY = "magsite:content-version"
PAGE_KEY_PREFIX = "magsite:page:2"  # 2: entries hold the whole header list and the rate limit
CACHEABLE_PARAMS = frozenset({"page", "q", "sort"})
HIT_HEADER = "X-MagSite-Cache"


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


def bump_now_and_on_commit():
    """Bump at once, and again when the surrounding transaction commits.

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


def cache_public_page(view):
    """Let PageCacheMiddleware cache this public view's pages for anonymous readers.

    Marks the view (so the middleware may look its page up before running it) and every response
    it returns (so the middleware may store it); the middleware decides everything else.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.page_cacheable = True
        return response

    wrapper.page_cacheable = True
    return wrapper


@dataclass
class _Lookup:
    key: str
    version: int | None
    stored: tuple | None  # (version, content, headers, rate limit), only when stored under `version`


_DEFERRED = object()  # decided in process_view, once the view and the user are known

# Paths this process has seen answered by a cacheable view. Only these are looked up before the
# stack runs, so a request for a page that is never cached (/healthz, the admin login) costs no
# cache read; any other path is looked up in process_view once its view is known to be cacheable,
# and is remembered from then on. Bounded: a crawler walking endless URLs only empties it.
_KNOWN_PATHS: set[str] = set()
_KNOWN_PATHS_MAX = 20_000


def _remember(path):
    if len(_KNOWN_PATHS) >= _KNOWN_PATHS_MAX:
        _KNOWN_PATHS.clear()
    _KNOWN_PATHS.add(path)


class PageCacheMiddleware:
    """Serves and stores the pages of views marked with `cache_public_page` (module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _request_is_cacheable(request):
            if request.path in _KNOWN_PATHS and _sends_no_reader_cookie(request):
                found = _lookup(request)
                response = _serve(request, found)
                if response is not None:
                    return response
                request._page_cache = found
            else:
                request._page_cache = _DEFERRED
        response = self.get_response(request)
        if getattr(response, "page_cacheable", False):
            _remember(request.path)
            _vary_on_cookie(response)
            found = getattr(request, "_page_cache", None)
            if isinstance(found, _Lookup) and request.method == "GET" and _response_is_cacheable(request, response):
                _store(found, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(request, "_page_cache", None) is not _DEFERRED:
            return None
        if not (getattr(view_func, "page_cacheable", False) and _is_anonymous(request)):
            return None
        found = _lookup(request)
        request._page_cache = found
        return _serve(request, found)


def _request_is_cacheable(request):
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    return not (request.GET and set(request.GET) - CACHEABLE_PARAMS)


def _sends_no_reader_cookie(request):
    """No session cookie (so no signed-in user) and no pending messages: an anonymous reader."""
    cookies = request.COOKIES
    return not cookies or (settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies)


def _is_anonymous(request):
    user = getattr(request, "user", None)
    if user is None:
        return True
    session = getattr(request, "session", None)
    if type(user) is SimpleLazyObject and session is not None and session.session_key is None:
        # AuthenticationMiddleware's lazy user comes from the session, and there is none:
        # anonymous, decided without loading the session and the user.
        return True
    return not user.is_authenticated


def _lookup(request):
    key = page_key(request)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = get_version()
    stored = found.get(key)
    if stored is not None and stored[0] != version:
        stored = None
    return _Lookup(key, version, stored)


def _serve(request, found):
    """The stored response for a hit; None for a miss, or when the reader is over the view's rate limit."""
    if found.stored is None:
        return None
    _, content, headers, limit = found.stored
    if limit is not None:
        setting, scope = limit
        if count_request(request, setting, scope=scope) is not None:
            return None  # the view itself refuses it, as a page of the site
    response = HttpResponse(content, headers=headers)
    response[HIT_HEADER] = "hit"
    return response


def _store(found, response):
    headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
    limit = getattr(response, "rate_limit", None)
    cache.set(found.key, (found.version, response.content, headers, limit), settings.PAGE_CACHE_SECONDS)
    response[HIT_HEADER] = "miss"


def _nonce_was_used(request):
    nonce = getattr(request, "_csp_nonce", None)
    return bool(nonce)  # LazyNonce is truthy only once something rendered it


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control or "no-cache" in cache_control:
        return False
    # The key is the URL alone: a page that differs by any request header but the cookie (whose
    # readers never reach the cache signed in) cannot be stored under it.
    if {value.lower() for value in split_header_value(response.get("Vary", ""))} - {"cookie"}:
        return False
    return not _nonce_was_used(request)


def _vary_on_cookie(response):
    """What a cacheable page's response always says: it depends on the cookie, as a signed-in user
    sees another page. Said explicitly because readers' requests never load the session (whose
    middleware would otherwise add it)."""
    if "Vary" in response:
        patch_vary_headers(response, ("Cookie",))
    else:
        response["Vary"] = "Cookie"  # what patch_vary_headers writes here, without parsing anything
