"""Django's Redis cache, made to fail soft: with Redis down the site is slower, not broken.

Django's RedisCache raises on every call while Redis is unreachable, which would turn each
cached page or fragment into a server error. Here a failed call is logged and answered as
a miss (reads) or ignored (writes), and for a few seconds afterwards the cache is not even
asked, so that readers do not each wait for a connection timeout.

Django's RedisCache also builds a new `redis.Redis` client for every call (three quarters
of a cache read's cost), and every thread and cache alias gets its own connection pool.
Here each process keeps one client per Redis address and options, shared by its threads
(redis-py's clients and pools are thread-safe, and a pool starts afresh in a forked child).
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
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


class KeptClientRedisCacheClient(RedisCacheClient):
    """Django's client with one `redis.Redis` per server, made once and then reused."""

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        try:
            return self._clients[index]
        except KeyError:
            pool = self._pool_class.from_url(self._servers[index], **self._pool_options)
            return self._clients.setdefault(index, self._client(connection_pool=pool))


# {(servers, options): client} of this process, for every thread and cache alias.
_clients = {}
_clients_lock = threading.Lock()


def shared_client(servers, options):
    key = (tuple(servers), repr(sorted(options.items())))
    with _clients_lock:
        if key not in _clients:
            _clients[key] = KeptClientRedisCacheClient(servers, **options)
        return _clients[key]


class FailSoftRedisCache(RedisCache):
    _unavailable_until = 0.0

    @cached_property
    def _cache(self):
        return shared_client(self._servers, self._options)

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
