"""Production settings as an operator's environment makes them (loaded in a fresh process)."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHOW = """
import json
from cms.settings import production as settings
db = settings.DATABASES["default"]
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "conn_max_age": db["CONN_MAX_AGE"],
    "health_checks": db["CONN_HEALTH_CHECKS"],
    "connect_timeout": db.get("OPTIONS", {}).get("connect_timeout"),
    "email": [settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_HOST_USER,
              settings.EMAIL_HOST_PASSWORD, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT],
    "from": [settings.DEFAULT_FROM_EMAIL, settings.SERVER_EMAIL],
    "admins": settings.ADMINS,
    "media": settings.STORAGES["default"]["BACKEND"],
    "exempt": settings.SECURE_REDIRECT_EXEMPT,
}))
"""
BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "research.example.org",
    "DATABASE_URL": "postgres://app@db.internal:5432/research_library",
}


def load(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "SINGLE_PROCESS"}}
    return subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=REPO,
        env={**clean, **BASE_ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_shared_cache():
    result = load()
    assert result.returncode != 0
    assert "Set REDIS_URL to the shared Redis cache" in result.stderr


def test_a_single_process_site_may_go_without_one():
    result = load(SINGLE_PROCESS="1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["cache"] == "django.core.cache.backends.locmem.LocMemCache"


def test_production_reads_its_parts_from_the_environment():
    result = load(
        REDIS_URL="redis://cache.internal:6379/0",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="library",
        EMAIL_HOST_PASSWORD="mail-secret",
        EMAIL_USE_TLS="true",
        DEFAULT_FROM_EMAIL="library@example.org",
        SERVER_EMAIL="errors@example.org",
        ADMINS="Ada Lovelace <ada@example.org>, ops@example.org",
        MEDIA_STORAGE="s3",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "cache": "cms.shared_cache.ResilientRedisCache",
        "conn_max_age": 60,
        "health_checks": True,
        "connect_timeout": 5,
        "email": ["smtp.example.org", 587, "library", "mail-secret", True, 10],
        "from": ["library@example.org", "errors@example.org"],
        "admins": [["Ada Lovelace", "ada@example.org"], ["", "ops@example.org"]],
        "media": "storages.backends.s3.S3Storage",
        "exempt": ["^healthz/$"],
    }
