"""Django's Redis cache, made to fail soft: with Redis down the site is slower, not broken.

Django's RedisCache raises on every call while Redis is unreachable, which would turn each
cached page or fragment into a server error. Here a failed call is logged and answered as
a miss (reads) or ignored (writes), and for a few seconds afterwards the cache is not even
asked, so that readers do not each wait for a connection timeout.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 5.0  # seconds without trying Redis after a failure


def fail_soft(fallback):
    """Answer `fallback(args, kwargs)` instead of raising while Redis is unreachable."""

    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() < self._unavailable_until:
                return fallback(args, kwargs)
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                self._unavailable_until = time.monotonic() + RETRY_AFTER
                logger.warning("Cache unavailable, serving without it: %s", error)
                return fallback(args, kwargs)

        return wrapper

    return decorator


def default_argument(position):
    """The caller's `default`: the argument at `position` or the keyword."""
    return lambda args, kwargs: kwargs.get(
        "default", args[position] if len(args) > position else None
    )


def constant(value):
    return lambda args, kwargs: value


class FailSoftRedisCache(RedisCache):
    _unavailable_until = 0.0

    get = fail_soft(default_argument(1))(RedisCache.get)
    get_many = fail_soft(constant({}))(RedisCache.get_many)
    has_key = fail_soft(constant(False))(RedisCache.has_key)
    set = fail_soft(constant(None))(RedisCache.set)
    add = fail_soft(constant(False))(RedisCache.add)
    touch = fail_soft(constant(False))(RedisCache.touch)
    set_many = fail_soft(lambda args, kwargs: list(args[0]) if args else [])(RedisCache.set_many)
    delete = fail_soft(constant(False))(RedisCache.delete)
    delete_many = fail_soft(constant(None))(RedisCache.delete_many)
    clear = fail_soft(constant(False))(RedisCache.clear)

    def get_or_set(self, key, default, timeout=None, version=None):
        value = self.get(key, version=version)
        if value is None:
            value = default() if callable(default) else default
            self.set(key, value, timeout=timeout, version=version)
        return value
