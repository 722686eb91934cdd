"""A per-client rate limit for what readers can send (the search box), counted in the cache.

    @rate_limit("MAGSITE_SEARCH_RATE", scope="search")
    def search(request): ...

The rate is a setting ("60/m": 60 requests per minute; also /s and /h), read on every request so
tests and load tests can raise it. Counting is a fixed window per client address: one cache key
per address and window, created with add() and bumped with incr() (atomic in Redis and in
local memory), so the shared cache in production gives one limit across all app servers. Over
the limit the view is not run: the reader gets 429 with Retry-After (the seconds left in the
window).
"""

import ipaddress
import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

PERIODS = {"s": 1, "m": 60, "h": 3600}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*([smh])\s*$")


def parse_rate(rate):
    """"60/m" -> (60, 60). Anything else is a configuration error, reported at once."""
    match = _RATE_RE.match(str(rate or ""))
    if not match:
        raise ValueError(f"Rate {rate!r} is not like '60/m' (a number of requests per s, m or h).")
    return int(match[1]), PERIODS[match[2]]


def client_ip(request):
    """The reader's address, or None. Behind the site's own proxy (MAGSITE_BEHIND_PROXY) it is the
    last X-Forwarded-For entry, the one that proxy appended: earlier entries come from the client
    and can be forged. Otherwise REMOTE_ADDR (a client-sent X-Forwarded-For is ignored). Only a
    valid IP address is returned (django-axes stores it in an IP address column)."""
    candidates = []
    if getattr(settings, "MAGSITE_BEHIND_PROXY", False):
        candidates.append(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def too_many_requests(request, retry_after):
    body = render_to_string("429.html", {"retry_after": retry_after}, request=request)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def count_request(request, setting, *, scope):
    """Count one request of this client against settings.<setting>; the seconds until the window
    ends when it is over the limit, else None."""
    limit, period = parse_rate(getattr(settings, setting))
    now = int(time.time())
    window = now // period
    key = f"magsite:ratelimit:{scope}:{client_ip(request) or 'unknown'}:{window}"
    try:
        cache.add(key, 0, timeout=period + 1)
        count = cache.incr(key)
    except ValueError:  # the key expired between add() and incr(): a new window
        count = 1
    if count > limit:
        return (window + 1) * period - now
    return None


def rate_limit(setting, *, scope):
    """Limit a view to settings.<setting> requests per client address (see the module docstring).

    Its responses carry the limit (`rate_limit`), so that the page cache counts a cached page it
    serves for this view against the same limit (magsite.cache).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            retry_after = count_request(request, setting, scope=scope)
            if retry_after is not None:
                return too_many_requests(request, retry_after=retry_after)
            response = view(request, *args, **kwargs)
            response.rate_limit = (setting, scope)
            return response

        return wrapper

    return decorator
