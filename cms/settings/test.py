"""The test suite: fast hashing, in-memory mail, plain static storage."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
APPLICANT_PHOTOS_ROOT = BASE_DIR / ".test-private" / "applicant-photos"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_CREDENTIALS_FILE = BASE_DIR / ".test-media" / "demo-accounts.json"  # noqa: F405
STUDY_IMPORT_PUBMED_INTERVAL = 0  # the stub services have no rate limit
