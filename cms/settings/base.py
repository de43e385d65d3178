"""Settings shared by every environment; dev, test and production adjust them."""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "cms",
    "home",
    "research",
    "practitioners",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session, CSRF and messages middleware: it sees the cookies and Vary they add.
    "cms.http_caching.CacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            # A template library kept beside the code it serves rather than in templatetags/.
            "libraries": {"calls_to_action": "cms.calls_to_action.tags"},
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# DATABASE_URL picks the database; without it the site runs on a local SQLite file.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Complex page editors post many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Acupuncture Research Library"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")


def search_backends(environ):
    """Wagtail's database backend (SQLite FTS5, PostgreSQL full-text search) by default; with
    OPENSEARCH_URL or ELASTICSEARCH_URL, Wagtail's backend for that cluster, whose client comes
    from requirements-opensearch.txt or requirements-elasticsearch.txt. Several addresses may be
    given, separated by commas. Run `manage.py update_index` after switching."""
    for variable, backend in (
        ("OPENSEARCH_URL", "wagtail.search.backends.opensearch3"),
        ("ELASTICSEARCH_URL", "wagtail.search.backends.elasticsearch9"),
    ):
        urls = [url.strip() for url in environ.get(variable, "").split(",") if url.strip()]
        if urls:
            return {
                "default": {
                    "BACKEND": backend,
                    "URLS": urls,
                    "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "research-library-"),
                    "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "5")),
                }
            }
    return {"default": {"BACKEND": "wagtail.search.backends.database"}}


WAGTAILSEARCH_BACKENDS = search_backends(os.environ)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAIL_TAG_SPACES_ALLOWED = True

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The shared cache: every app server and the cron job see the same cached choices, cache
# generations and rate-limit counts. If Redis stops or stops answering, pages are served without
# it: a call waits at most the socket timeouts below, then the process skips Redis for
# CACHE_RETRY_SECONDS (cms.shared_cache), logging the outage once.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.shared_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
CACHE_RETRY_SECONDS = int(os.environ.get("CACHE_RETRY_SECONDS", "5"))

# Cache-Control of public pages for anonymous visitors (cms.http_caching): browsers keep a page
# CACHE_CONTROL_MAX_AGE seconds, a shared cache in front (Varnish, a CDN) CACHE_CONTROL_S_MAXAGE,
# and is purged when content changes where FRONTEND_CACHE_URL is set.
CACHE_CONTROL_MAX_AGE = int(os.environ.get("CACHE_CONTROL_MAX_AGE", "60"))
CACHE_CONTROL_S_MAXAGE = int(os.environ.get("CACHE_CONTROL_S_MAXAGE", "600"))

# The HTTP cache in front (Varnish): where wagtail.contrib.frontend_cache sends PURGE requests
# when content changes (cms.frontend_cache). Empty: no cache to purge.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "http-cache": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A mail server that does not answer costs a request at most this many seconds.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "library@example.org")
DEMO_CONTENT_ALLOWED = True
# How many reverse proxies of our own stand in front of the app, each appending the address it
# saw to X-Forwarded-For. 0: visitors connect directly and REMOTE_ADDR is theirs. Used where a
# visitor's address matters (the "get listed" form's rate limit); see docs/deploy.md.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Where seed_demo keeps the demo accounts' generated passwords (never committed).
DEMO_CREDENTIALS_FILE = Path(
    os.environ.get("DEMO_CREDENTIALS_FILE", BASE_DIR / ".demo-accounts.json")
)

# Editorial workflow: approving an article in "Clinical review" records the reviewer and
# publishes it (research.review).
WAGTAIL_FINISH_WORKFLOW_ACTION = "research.review.record_review_and_publish"
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Citation fill-in: public APIs, no key needed; tests point these at a local stub.
CROSSREF_API_URL = os.environ.get("CROSSREF_API_URL", "https://api.crossref.org")
NCBI_EUTILS_URL = os.environ.get("NCBI_EUTILS_URL", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils")
CITATION_LOOKUP_TIMEOUT = 5  # seconds to connect, and between two parts of an answer
# The whole answer must have come within this many seconds and stay under this size: a service
# that trickles its answer, or sends far more than a citation, is given up on.
CITATION_LOOKUP_TOTAL_TIMEOUT = 10
CITATION_LOOKUP_MAX_BYTES = 1024 * 1024
CITATION_LOOKUP_TOOL_NAME = "acupuncture-research-library"
CITATION_LOOKUP_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
# Crossref and NCBI ask callers to say who they are, with a contact address.
CITATION_LOOKUP_USER_AGENT = (
    f"{CITATION_LOOKUP_TOOL_NAME}/1.0 (mailto:{CITATION_LOOKUP_CONTACT_EMAIL})"
)
# The admin shows initials instead of fetching avatars from gravatar.com: no third-party requests.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Practitioner directory: a verification older than this many months is due to be checked again;
# until it is, the listing shows without its verified badge.
PRACTITIONER_VERIFICATION_VALID_MONTHS = 12
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Bulk import of studies (research.importing). It runs as a task of Wagtail's task queue
# (django-tasks): with no TASKS setting the immediate backend runs it within the request.
STUDY_IMPORT_MAX_ENTRIES = 500  # identifiers pasted, or references in one file
STUDY_IMPORT_MAX_FILE_SIZE = 5 * 1024 * 1024
# After this many failures in a row, a service is not asked again for the rest of that run:
# the entries are marked to retry instead of each waiting for its timeout.
STUDY_IMPORT_LOOKUP_GIVE_UP_AFTER = 3
# NCBI allows three requests a second without an API key.
STUDY_IMPORT_PUBMED_INTERVAL = 0.34  # seconds between PubMed look-ups
