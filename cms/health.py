"""/healthz/: whether this app server can reach the parts it needs, for monitors and balancers.

Answers 200 when every part answers, else 503 naming the parts that failed, as JSON. Never
cached, and exempt from the HTTPS redirect (settings.SECURE_REDIRECT_EXEMPT) so that a balancer
can probe the app server over plain HTTP.

`?only=database` checks the database alone. A load balancer probes that: when the shared cache
is down every app server is alike and still serves pages (without the cache), so taking them
all out of rotation would turn a slower site into no site.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return False


def cache_answers():
    ping = getattr(cache, "ping", None)
    if ping is not None:  # the shared cache (cms.shared_cache) says for itself
        return ping()
    token = uuid.uuid4().hex
    cache.set("healthz", token, 10)
    return cache.get("healthz") == token


CHECKS = {"database": database_answers, "cache": cache_answers}


@never_cache
@require_GET
def healthz(request):
    chosen = [name for name in request.GET.getlist("only") if name in CHECKS] or list(CHECKS)
    results = {name: "ok" if CHECKS[name]() else "unavailable" for name in chosen}
    failed = [name for name, result in results.items() if result != "ok"]
    return JsonResponse(
        {"status": "unavailable" if failed else "ok", "failed": failed, **results},
        status=503 if failed else 200,
    )
