"""A Redis cache that fails soft: when Redis is unreachable, reads miss and writes are dropped, so pages
still render (the page cache, counters and rate limits all degrade instead of raising)."""

import functools
import logging

from django.core.cache.backends.redis import RedisCache

from portal.resilience import CircuitBreaker

log = logging.getLogger(__name__)
_breaker = CircuitBreaker(seconds=10)


def _soft(fallback):
    """When Redis fails (or failed in the last seconds), answer `fallback(*args, **kwargs)` instead."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if _breaker.closed:
                try:
                    return method(self, *args, **kwargs)
                except ValueError:
                    raise  # incr() of a missing key: callers handle it
                except Exception:  # redis.ConnectionError, TimeoutError and friends
                    log.warning("Redis cache unavailable; continuing without it", exc_info=True)
                    _breaker.open()
            return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _returns(value):
    return lambda *args, **kwargs: value


class ResilientRedisCache(RedisCache):
    @_soft(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_soft(_returns(False))
    def set(self, *args, **kwargs):
        return super().set(*args, **kwargs)

    @_soft(_returns(False))
    def add(self, *args, **kwargs):
        return super().add(*args, **kwargs)

    @_soft(_returns(False))
    def touch(self, *args, **kwargs):
        return super().touch(*args, **kwargs)

    @_soft(_returns(False))
    def delete(self, *args, **kwargs):
        return super().delete(*args, **kwargs)

    @_soft(lambda *args, **kwargs: {})
    def get_many(self, *args, **kwargs):
        return super().get_many(*args, **kwargs)

    @_soft(lambda *args, **kwargs: [])
    def set_many(self, *args, **kwargs):
        return super().set_many(*args, **kwargs)

    @_soft(_returns(None))
    def delete_many(self, *args, **kwargs):
        return super().delete_many(*args, **kwargs)

    @_soft(_returns(False))
    def has_key(self, *args, **kwargs):
        return super().has_key(*args, **kwargs)

    @_soft(_returns(1))
    def incr(self, *args, **kwargs):
        return super().incr(*args, **kwargs)

    @_soft(_returns(False))
    def clear(self):
        return super().clear()
