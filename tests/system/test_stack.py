"""The production layout as `make stack` runs it: Varnish in front of two gunicorn app servers on
PostgreSQL and Redis. What a visitor sees through the cache while editors publish and Redis fails.
"""

import re
import socket
import textwrap

import pytest

pytestmark = pytest.mark.stack

SEED_ARTICLE = "/research/migraines/imaging-brain-vascular-reactions-headache-treatments/"
BEACON = re.compile(r'src="(/go/\d+/seen/\?from=\d+)"')


def publish_title(stack, slug, title):
    """What an editor's publish does (a revision by them, published), in another process."""
    stack.shell(
        textwrap.dedent(f"""
            from django.contrib.auth import get_user_model
            from research.models import ResearchArticlePage
            editor = get_user_model().objects.get(username="admin")
            page = ResearchArticlePage.objects.get(slug={slug!r})
            page.title = {title!r}
            page.save_revision(user=editor).publish(user=editor)
        """)
    )


def article_url(stack, condition="migraines", exclude=SEED_ARTICLE):
    return stack.shell(
        textwrap.dedent(f"""
            from research.models import ResearchArticlePage
            pages = ResearchArticlePage.objects.live().filter(slug__isnull=False)
            print(next(p.url for p in pages if {condition!r} in p.url and p.url != {exclude!r}))
        """)
    )


def test_the_second_anonymous_get_is_a_cache_hit(stack):
    first = stack.get("/research/how-we-rate-evidence/")
    assert first.status_code == 200
    assert first.headers["X-Cache"] == "MISS"
    second = stack.get("/research/how-we-rate-evidence/", cookies={"_ga": "GA1.1.123"})
    assert second.headers["X-Cache"] == "HIT"
    assert "Age" in second.headers
    assert "public" in second.headers["Cache-Control"]
    # Someone who may be signed in always reaches an app server.
    session = stack.get("/research/how-we-rate-evidence/", cookies={"sessionid": "abc"})
    assert session.headers["X-Cache"] == "MISS"


def purge_from(stack, source, path):
    with socket.create_connection(("127.0.0.1", stack.port), source_address=(source, 0)) as s:
        s.sendall(f"PURGE {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        return s.recv(200).decode().split("\r\n", 1)[0]


def test_purges_are_taken_only_from_the_app_servers_addresses(stack):
    path = "/practitioners/"
    stack.get(path)
    assert stack.get(path).headers["X-Cache"] == "HIT"
    # 127.0.0.2 is loopback too, but not in the acl: it stands for anyone else.
    assert purge_from(stack, "127.0.0.2", path) == "HTTP/1.1 405 Not allowed"
    assert stack.get(path).headers["X-Cache"] == "HIT"
    assert purge_from(stack, "127.0.0.1", path) == "HTTP/1.1 200 Purged"
    assert stack.get(path).headers["X-Cache"] == "MISS"


def test_a_publish_shows_through_the_cache_within_two_seconds(stack):
    url = article_url(stack)
    # The library's first page may not list this article; a search of it does (and is purged
    # with the library's address, query strings and all).
    condition, library = "/research/migraines/", "/research/?q=Retitled"
    for path in (url, condition, library):
        stack.get(path)
        assert stack.get(path).headers["X-Cache"] == "HIT", path

    publish_title(stack, url.rstrip("/").rsplit("/", 1)[1], "Retitled by the clinical reviewer")

    for path in (url, condition, library):
        response = stack.wait_for(path, "Retitled by the clinical reviewer", seconds=2)
        assert "Retitled by the clinical reviewer" in response.text, path


def test_a_publish_is_seen_by_every_app_server_at_once(stack):
    """The library's search rankings, counts and topics are cached in the shared Redis under a
    generation a publish renews: no app server keeps an old copy in its own memory."""
    url = article_url(stack, condition="anxiety")
    condition = url.rsplit("/", 2)[0] + "/"
    paths = [condition, "/research/?q=everywhere"]
    for n in (0, 1):
        for path in paths:
            for _ in range(3):  # each of the app server's workers
                assert stack.get(path, base=stack.app_url(n)).status_code == 200

    publish_title(stack, url.rstrip("/").rsplit("/", 1)[1], "Seen everywhere at once")

    for n in (0, 1):
        for path in paths:
            for _ in range(3):
                response = stack.get(path, base=stack.app_url(n))
                assert "Seen everywhere at once" in response.text, f"app server {n + 1}: {path}"


def test_a_call_to_action_publish_changes_what_articles_show(stack):
    assert stack.get(SEED_ARTICLE).status_code == 200
    assert stack.get(SEED_ARTICLE).headers["X-Cache"] == "HIT"
    stack.shell(
        textwrap.dedent("""
            from django.contrib.auth import get_user_model
            from cms.models import CallToAction
            marketer = get_user_model().objects.get(username="marketing")
            for call in CallToAction.objects.filter(live=True):
                call.heading = "Book a first visit this week"
                call.save_revision(user=marketer).publish(user=marketer)
        """)
    )
    response = stack.wait_for(SEED_ARTICLE, "Book a first visit this week", seconds=2)
    assert "Book a first visit this week" in response.text


def impressions(stack, beacon):
    call_to_action, page = re.findall(r"\d+", beacon)
    return int(
        stack.shell(
            textwrap.dedent(f"""
                from django.db.models import Sum
                from cms.models.calls_to_action import CallToActionDailyCount
                counts = CallToActionDailyCount.objects.filter(
                    call_to_action_id={call_to_action}, page_id={page}
                )
                print(counts.aggregate(n=Sum("impressions"))["n"] or 0)
            """)
        )
    )


def test_cached_views_of_an_article_count_every_impression(stack):
    stack.get(SEED_ARTICLE)
    beacon = BEACON.search(stack.get(SEED_ARTICLE).text).group(1).replace("&amp;", "&")
    before = impressions(stack, beacon)
    views = 5
    for _ in range(views):
        page = stack.get(SEED_ARTICLE)
        assert page.headers["X-Cache"] == "HIT"
        # What the visitor's browser does with the panel's image.
        pixel = stack.get(BEACON.search(page.text).group(1).replace("&amp;", "&"))
        assert pixel.status_code == 200
        assert "no-store" in pixel.headers["Cache-Control"]
    assert impressions(stack, beacon) == before + views


def test_pages_answer_with_redis_stopped_and_health_says_so_until_it_returns(stack):
    pages = ["/", "/research/", "/research/?q=pain", SEED_ARTICLE, "/practitioners/?zip=10001"]
    stack.redis.stop()
    try:
        for base in (stack.url, stack.app_url(0), stack.app_url(1)):
            for path in pages:
                assert stack.get(path, base=base).status_code == 200, base + path
        for base in (stack.url, stack.app_url(0)):
            health = stack.get("/healthz/", base=base)
            assert health.status_code == 503
            assert health.json()["failed"] == ["cache"]
    finally:
        stack.redis.start()
    # Each app server tries Redis again within CACHE_RETRY_SECONDS (5 s).
    health = stack.wait_for("/healthz/", '"status": "ok"', seconds=10, base=stack.app_url(1))
    assert health.status_code == 200
    for path in pages:
        assert stack.get(path).status_code == 200
