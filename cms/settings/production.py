"""Production: every secret from the environment, HTTPS only, strict headers."""

import os
from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env_flag(name, default="false"):
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
# Only the local production-like stack (`make stack`) seeds the demo into production settings.
DEMO_CONTENT_ALLOWED = env_flag("DEMO_CONTENT_ALLOWED")

# Persistent database connections, checked before reuse, and a bounded wait for a new one: a
# restarted database costs one failed request per connection, not a hang.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(  # noqa: F405
        os.environ.get("DB_CONNECT_TIMEOUT", "5")
    )

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable to run in production.")

# Several app servers must share one cache: the rate limit's counts, the cache generations that a
# publish renews and the chosen calls to action live there. Only a site that really runs as one
# process may go without it.
SINGLE_PROCESS = env_flag("SINGLE_PROCESS")
if not REDIS_URL and not SINGLE_PROCESS:  # noqa: F405
    raise ImproperlyConfigured(
        "Set REDIS_URL to the shared Redis cache (e.g. redis://cache.internal:6379/0), or "
        "SINGLE_PROCESS=1 if the site runs as a single process (one gunicorn worker, no cron)."
    )

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", "true")
# Balancers and monitors probe the app servers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: only our own scripts and styles; JSON-LD blocks carry the nonce.
INSTALLED_APPS += ["csp"]  # noqa: F405
MIDDLEWARE.insert(1, "csp.middleware.CSPMiddleware")  # noqa: F405
CONTENT_SECURITY_POLICY = {
    # Wagtail's admin ships inline scripts and styles of its own; the policy guards public pages.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'nonce'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
# "Ada Lovelace <ada@example.org>, ops@example.org": who hears of errors and failed notifications.
ADMINS = [
    (name, address) for name, address in getaddresses([os.environ.get("ADMINS", "")]) if address
]
MANAGERS = ADMINS

# Media on shared storage, so that every app server sees every upload: MEDIA_STORAGE=s3 uses
# django-storages' S3 backend (pip install -r requirements-storage.txt; AWS_STORAGE_BUCKET_NAME,
# AWS_S3_REGION_NAME, AWS_S3_ENDPOINT_URL and credentials as django-storages reads them).
# Without it, uploads go to MEDIA_ROOT, which must then be a shared mount.
if os.environ.get("MEDIA_STORAGE", "").lower() == "s3":
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
