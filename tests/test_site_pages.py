"""Site-wide pages: errors, crawlers' files and the site search."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import override_settings


def test_unknown_address_gets_the_friendly_404(client, demo_site):
    response = client.get("/research/no-such-condition/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We couldn't find that page" in html
    assert '<a class="skip-link" href="#main">' in html
    assert 'href="/research/"' in html


def test_500_page_stands_alone_in_the_site_look():
    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "/static/css/site.css" in html


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_a_server_error_renders_the_500_page(client, demo_site, monkeypatch):
    from home.models import HomePage

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client, demo_site):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_sitemap_lists_the_public_pages(client, demo_site):
    body = client.get("/sitemap.xml").content.decode()
    assert "/research/migraines/imaging-brain-vascular-reactions-headache-treatments/" in body
    assert "/practitioners/" in body
    assert "<lastmod>" in body


@pytest.mark.parametrize(
    "query",
    ["", "migraine", "x" * 10_000, "a\x00b", "ｍｉｇｒａｉｎｅ 🌿", "<script>alert(1)</script>"],
    ids=["empty", "word", "10k-characters", "nul-byte", "wide-unicode", "markup"],
)
def test_site_search_answers_any_query_safely(client, demo_site, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("page_number", ["abc", "-1", "999999"])
def test_site_search_answers_a_page_that_does_not_exist_with_404(client, demo_site, page_number):
    assert client.get("/search/", {"q": "migraine", "page": page_number}).status_code == 404


def test_site_search_finds_the_seed_article(client, demo_site):
    html = client.get("/search/", {"q": "neuroimaging headache"}).content.decode()
    assert "Imaging the brain and vascular reactions to headache treatments" in html


def run_manage(args, env):
    # The browser tests' relaxation of Django's async check must not leak into a deploy check.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**inherited, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {"SECRET_KEY": "", "ALLOWED_HOSTS": "research.example.org"}
    result = run_manage(["check"], env)
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_settings_pass_the_deploy_checks():
    env = {
        "SECRET_KEY": "a-long-random-production-secret-" + "x7Qk2" * 10,
        "ALLOWED_HOSTS": "research.example.org",
        # Production needs the shared cache's address (it is not connected to by the checks).
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stderr


def test_production_sends_a_content_security_policy_without_a_literal_nonce():
    env = {
        "SECRET_KEY": "a-long-random-production-secret-" + "x7Qk2" * 10,
        "ALLOWED_HOSTS": "research.example.org",
        # robots.txt needs no cache; one process is enough to read the header it is sent with.
        "SINGLE_PROCESS": "1",
    }
    fetch = (
        "from django.test import Client; "
        "response = Client().get('/robots.txt', secure=True, HTTP_HOST='research.example.org'); "
        "print(response.status_code); print(response['Content-Security-Policy'])"
    )
    result = run_manage(["shell", "-c", fetch], env)
    assert result.returncode == 0, result.stderr
    status, policy = result.stdout.strip().splitlines()[-2:]
    assert status == "200"
    directives = dict(directive.strip().split(" ", 1) for directive in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "nonce" not in policy
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"


def run_manage_without_settings(args, env):
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE", "SECRET_KEY")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_manage_py_refuses_to_guess_settings_where_a_secret_key_is_set():
    """A SECRET_KEY means a deployment: running on development settings there would let
    seed_demo write demo accounts into production's database."""
    result = run_manage_without_settings(
        ["shell", "-c", "from django.conf import settings; print(settings.SETTINGS_MODULE)"],
        {"SECRET_KEY": "a-long-random-production-secret-" + "x7Qk2" * 10},
    )
    assert result.returncode != 0
    assert "set DJANGO_SETTINGS_MODULE=cms.settings.production" in result.stderr
    assert "cms.settings.dev" not in result.stdout


def test_manage_py_defaults_to_development_settings_in_a_checkout():
    result = run_manage_without_settings(
        ["shell", "-c", "from django.conf import settings; print(settings.SETTINGS_MODULE)"], {}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "cms.settings.dev"
