"""The shared cache (Redis) as a part that may fail without taking pages down.

`ResilientRedisCache` is django-redis's backend with two additions:

- When Redis cannot be reached (stopped, or not answering within the socket timeouts of the
  settings), every cache call answers as a miss (django-redis's IGNORE_EXCEPTIONS), and for
  `CACHE_RETRY_SECONDS` afterwards the process does not try again: a page that reads the cache
  five times waits for one timeout at most, not five.
- The outage is logged once when it starts and once when Redis answers again, not per call.

The state is per process (one app server's view of its own connection); nothing that must agree
across processes is kept here.
"""

import contextlib
import logging
import threading
import time

from django.conf import settings
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

logger = logging.getLogger(__name__)


class Outage:
    """Whether Redis at one address is known to be down in this process, and since when."""

    _by_location = {}
    _lock = threading.Lock()

    def __init__(self, location):
        self.location = location
        self.down_since = None
        self.next_try = 0.0

    @classmethod
    def at(cls, location):
        with cls._lock:
            return cls._by_location.setdefault(location, cls(location))

    def allows_a_try(self):
        return self.down_since is None or time.monotonic() >= self.next_try

    def failed(self, error):
        now = time.monotonic()
        self.next_try = now + getattr(settings, "CACHE_RETRY_SECONDS", 5)
        if self.down_since is None:
            self.down_since = now
            logger.error(
                "The shared cache at %s is unavailable (%s); pages are served without it and "
                "it is tried again every %s s.",
                self.location,
                error,
                getattr(settings, "CACHE_RETRY_SECONDS", 5),
            )

    def answered(self):
        if self.down_since is not None:
            logger.warning(
                "The shared cache at %s answers again after %.0f s.",
                self.location,
                time.monotonic() - self.down_since,
            )
            self.down_since = None


class GuardedClient:
    """django-redis's client, its calls skipped while Redis is known to be down."""

    def __init__(self, client, outage):
        self._client = client
        self._outage = outage

    # The calls that talk to Redis; the client's helpers (make_key, encode, …) pass through.
    CALLS_TO_REDIS = frozenset(
        [
            "add",
            "clear",
            "decr",
            "delete",
            "delete_many",
            "delete_pattern",
            "expire",
            "expire_at",
            "get",
            "get_many",
            "has_key",
            "incr",
            "incr_version",
            "iter_keys",
            "keys",
            "lock",
            "persist",
            "pexpire",
            "pexpire_at",
            "pttl",
            "set",
            "set_many",
            "touch",
            "ttl",
        ]
    )

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if name not in self.CALLS_TO_REDIS:
            return attribute

        def call(*args, **kwargs):
            if not self._outage.allows_a_try():
                raise ConnectionInterrupted(connection=None) from RedisConnectionError(
                    "skipped while the shared cache is down"
                )
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted as error:
                self._outage.failed(error)
                self._drop_connections()
                raise
            self._outage.answered()
            return result

        return call

    def _drop_connections(self):
        """Pooled connections to a Redis that went away are stale: the first calls after it
        returns would fail on them one by one."""
        with contextlib.suppress(Exception):
            self._client.get_client(write=True).connection_pool.disconnect()


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**params.get("OPTIONS", {}), "IGNORE_EXCEPTIONS": True}}
        super().__init__(server, params)
        self._outage = Outage.at(server)

    @property
    def client(self):
        return GuardedClient(super().client, self._outage)

    def ping(self):
        """True when Redis answers now (a health check: it always tries, outage or not)."""
        try:
            answered = super().client.get_client(write=True).ping()
        except Exception as error:  # any failure means "not answering"
            self._outage.failed(error)
            return False
        self._outage.answered()
        return bool(answered)
