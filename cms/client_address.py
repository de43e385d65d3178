"""The visitor's address, as the app sees it behind the site's own reverse proxies.

The "get listed" form's rate limit and the sign-in throttle both count per address, so both
read it here (settings.TRUSTED_PROXY_COUNT, docs/deploy.md).
"""

from django.conf import settings


def client_address(request):
    """The visitor's address. Behind TRUSTED_PROXY_COUNT proxies of ours, each appending to
    X-Forwarded-For, it is the entry that many places from the end: the entries before it come
    from the visitor, who can write anything there."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
