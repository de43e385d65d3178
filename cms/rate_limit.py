"""Per-visitor rate limits for the site's public forms, counted in the shared cache.

Every app server counts in the same cache (Redis in production), so a limit holds however many
servers there are. The visitor's address is never kept: the key is a keyed hash of it.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache

from cms.client_address import client_address

logger = logging.getLogger(__name__)
HOUR = 3600


def keyed_hash(value):
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


class RateLimit:
    """At most `limit` requests per `window` seconds from one visitor, for the form `name`.

    `label` names the limit in the warning logged, to `log` (the form's own logger), when the
    cache cannot count."""

    def __init__(self, name, limit, window=HOUR, *, label="Rate limit", log=logger):
        self.name = name
        self.limit = limit
        self.window = window
        self.label = label
        self.log = log

    def key(self, request):
        return self.key_for(client_address(request))

    def key_for(self, identity):
        return f"{self.name}:{keyed_hash(identity)}"

    def exceeded(self, request):
        """Count this request from the visitor; whether it goes over the limit."""
        return self.exceeded_for(client_address(request))

    def exceeded_for(self, identity):
        """Count one more use by `identity` (an address, an email address); whether it goes
        over the limit.

        Without the cache (Redis down) nothing can be counted and the limit lets requests
        through: losing a visitor's request is worse than a burst of spam, which each form's
        honeypot still stops.
        """
        key = self.key_for(identity)
        cache.add(key, 0, timeout=self.window)
        try:
            count = cache.incr(key)
        except ValueError:  # the entry expired between add and incr
            cache.set(key, 1, timeout=self.window)
            return False
        if count is None:  # a cache that swallows its errors answered nothing
            self.log.warning("%s not applied: the shared cache is unavailable.", self.label)
            return False
        return count > self.limit
