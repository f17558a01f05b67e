"""Readers' pages from the shared cache, and what is safe to store there.

Links shared on social networks and in newsletters carry tracking parameters (Facebook adds
a different `fbclid` to every click): the site ignores them, so such a reader gets the same
page, from the same cache entry, as everyone else. Otherwise a story going round Facebook
would be rendered afresh for every reader it brings.

Only readers without a session or a pending message get cached pages; editors, previews,
vote confirmations and forms that set cookies are never stored or served from the cache.

Freshness: a cached page tells browsers to ask again every time (`max-age=0`; its ETag
makes the answer a short 304 while the page is unchanged) and shared caches such as nginx
to keep it for SHARED_CACHE_SECONDS at most (`s-maxage`), never past the generation's end.
So a publish or a takedown reaches every reader within those few seconds.
"""

import hashlib
import time
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from pagecache.generation import current_generation
from pagecache.parts import code_version

CACHEABLE_STATUS = {200, 301}
# Answers not kept by the app, but which must replace a proxy's copy of the address: nginx
# keeps serving an expired page while the new answer is one it may not store.
GONE_STATUS = {404, 410}
# Query parameters that say where a reader came from, never what they asked for.
TRACKING_PARAMETERS = {"fbclid", "gclid", "gbraid", "wbraid", "dclid", "msclkid", "yclid"}
TRACKING_PARAMETERS |= {"igshid", "ttclid", "twclid", "mc_cid", "mc_eid", "_ga", "_gl"}
TRACKING_PREFIX = "utm_"


def without_tracking_parameters(query_string):
    """The query string without tracking parameters; the rest kept as it was, in order."""
    kept = [
        pair
        for pair in query_string.split("&")
        if pair and not is_tracking_parameter(unquote_plus(pair.partition("=")[0]))
    ]
    return "&".join(kept)


def is_tracking_parameter(name):
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIX)


def page_lifetime(until):
    """Seconds a page may be kept: the configured time, but never past the generation."""
    return max(0, min(settings.PAGE_CACHE_SECONDS, int(until - time.time())))


class PageCacheMiddleware:
    """Serve readers without a session from the cache; store what is safe to share."""

    def __init__(self, get_response):
        self.get_response = get_response

    def fresh(self, request):
        """The site's response, in one piece: a feed is written in thousands of small ones,
        which the server would send, and the cache store, one by one."""
        response = self.get_response(request)
        if not response.streaming:
            response.content = response.content
        return response

    def __call__(self, request):
        self.ignore_tracking_parameters(request)
        if not self.is_for_a_reader(request):
            response = self.fresh(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # Editors' pages (previews, messages) must not be kept by any proxy.
                patch_cache_control(response, private=True)
            return response
        if not settings.CACHE_PAGES:
            return self.fresh(request)
        try:
            address = self.address(request)
        except DisallowedHost:
            return self.fresh(request)
        generation, until = current_generation()
        # The code's version too: a deploy's new templates, or headers, never meet the
        # pages the old code stored (nor, while both run, does the old code meet new ones).
        page = f"{generation}:{code_version()}:{address}"
        key = "page:" + hashlib.sha256(page.encode()).hexdigest()
        response = cache.get(key)
        if response is None:
            response = self.fresh(request)
            if self.can_be_shared(response) and (lifetime := page_lifetime(until)):
                # Stored with the headers every reader gets: a hit then changes none.
                set_response_etag(response)
                self.patch_freshness(response, min(settings.SHARED_CACHE_SECONDS, lifetime))
                patch_vary_headers(response, ["Cookie"])
                cache.set(key, response, timeout=lifetime)
            elif response.status_code in GONE_STATUS and not response.cookies:
                patch_cache_control(response, public=True, max_age=0, s_maxage=1)
                return response
            else:
                return response
        elif until - time.time() < settings.SHARED_CACHE_SECONDS:
            # The generation ends sooner than a proxy would keep the page.
            self.patch_freshness(response, page_lifetime(until))
        if "HTTP_IF_NONE_MATCH" in request.META:
            return get_conditional_response(request, etag=response.get("ETag"), response=response)
        return response

    @staticmethod
    def patch_freshness(response, shared_seconds):
        """Browsers ask again each time; a reverse proxy or CDN keeps the page a few seconds."""
        patch_cache_control(response, public=True, max_age=0, s_maxage=shared_seconds)

    @staticmethod
    def address(request):
        """The page's address exactly as the URL router saw it. build_absolute_uri() would
        resolve "/../" and "/./", and so serve a cached page under addresses that 404."""
        query_string = request.META.get("QUERY_STRING", "")
        return f"{request.scheme}://{request.get_host()}{request.path}?{query_string}"

    @staticmethod
    def ignore_tracking_parameters(request):
        """Serve the request as if it had come without them (also the links on its page)."""
        query_string = request.META.get("QUERY_STRING", "")
        if query_string and (kept := without_tracking_parameters(query_string)) != query_string:
            request.META["QUERY_STRING"] = kept
            request.__dict__.pop("GET", None)  # parsed again from the kept parameters

    @staticmethod
    def is_for_a_reader(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
        )

    @staticmethod
    def can_be_shared(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code in CACHEABLE_STATUS
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )
