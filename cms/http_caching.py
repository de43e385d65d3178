"""Cache-Control on every response: which ones a shared cache (Varnish, a CDN) may keep.

One rule for the whole site, decided here from the request and the finished response:

- Anything for a signed-in user, and any preview, is `private, no-store`: editors always see
  fresh pages, and nothing they see is kept where another visitor could get it.
- A view that set its own Cache-Control keeps it (`/go/` and the impression beacon use
  `never_cache`; the site search is `private`, below).
- An anonymous GET or HEAD answered 200, 301 or 404, that sets no cookie and does not vary on
  Cookie, is the same bytes for every visitor: `public, max-age=CACHE_CONTROL_MAX_AGE,
  s-maxage=CACHE_CONTROL_S_MAXAGE`. Browsers keep it briefly; a shared cache keeps it longer
  and is purged when content changes (cms.frontend_cache).
- Everything else is `private, no-store`. A page that renders a form with `{% csrf_token %}`
  (the practitioner application, a profile's enquiry button) sets the CSRF cookie and varies
  on Cookie, so it lands here without being named; so does a page that read the session.

Public pages therefore must not read the session: `{% editor_userbar %}` (cms.templatetags)
looks for a signed-in editor only when the request carries a session cookie.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import has_vary_header, patch_cache_control

PRIVATE = "private, no-store"
SAFE_METHODS = {"GET", "HEAD"}
# Answers that are the same for everyone and cheap to be briefly wrong about: a page, the
# trailing-slash redirect, "not found" (purged with the page's address when it is published).
PUBLIC_STATUSES = {200, 301, 404}


def may_be_signed_in(request):
    """Whether the request carries a session cookie. Without one nobody is signed in, and the
    session need not be read: reading it makes the response vary on Cookie."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_signed_in(request):
    if not may_be_signed_in(request):
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def is_public(request, response):
    return (
        request.method in SAFE_METHODS
        and response.status_code in PUBLIC_STATUSES
        and not response.cookies
        and not has_vary_header(response, "Cookie")
    )


def private(view):
    """Mark a view's responses `private, no-store` whoever asks."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = PRIVATE
        return response

    return wrapped


class CacheControlMiddleware:
    """Sits above the session, CSRF and message middleware so that it sees the cookies and
    Vary headers they add."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_signed_in(request) or getattr(request, "is_preview", False):
            if "no-store" not in response.get("Cache-Control", ""):
                response["Cache-Control"] = PRIVATE
        elif response.has_header("Cache-Control"):
            pass  # the view decided
        elif is_public(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.CACHE_CONTROL_MAX_AGE,
                s_maxage=settings.CACHE_CONTROL_S_MAXAGE,
            )
        else:
            response["Cache-Control"] = PRIVATE
        return response
