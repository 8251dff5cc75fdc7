"""The one thing django-redis lacks for an outage: after Redis failed to connect, skip it for a few seconds.

django-redis with IGNORE_EXCEPTIONS already answers a failed read with the caller's default and drops a
failed write, so pages render while Redis is down. But every cache call would still wait for the connect
timeout (and redis-py's retries) — several calls per page on a host that does not answer. This pool
refuses at once for `SKIP_SECONDS` after a failed connect, and django-redis treats that as any outage.
"""

import logging
import time

import redis

log = logging.getLogger(__name__)

SKIP_SECONDS = 10


class SkippingConnectionPool(redis.ConnectionPool):
    skip_until = 0.0

    def get_connection(self, *args, **kwargs):
        if time.monotonic() < self.skip_until:
            raise redis.ConnectionError("Redis was unreachable a moment ago; skipped")
        try:
            return super().get_connection(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError):
            log.warning("Redis cache unreachable; the portal runs without it for %s s", SKIP_SECONDS)
            self.skip_until = time.monotonic() + SKIP_SECONDS
            raise
