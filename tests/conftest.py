import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import Site

# The stand-in citation services for the fill-in tests and the editorial browser journey.
from tests.citation_stub import citation_services  # noqa: F401


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that commit (the browser tests, the concurrency tests) run last.

    pytest-django sorts them last, but pytest then groups the tests that share Playwright's
    session-scoped browser, which can put them back among the others; each empties every table
    when it ends, and the seeded demo site would be gone for the tests after it.
    """

    def commits(item):
        fixtures = getattr(item, "fixturenames", ())
        return "live_server" in fixtures or "transactional_db" in fixtures

    items.sort(key=commits)


def seed_demo():
    call_command("seed_demo", stdout=io.StringIO())


MIGRATED_GROUP_PERMISSIONS = pytest.StashKey[dict]()


def group_permissions():
    """Each group's model permissions, and its permissions on collections (images), as
    (app label, codename) pairs."""

    def pairs(permissions):
        return {(p.content_type.app_label, p.codename) for p in permissions}

    return {
        group.name: {
            "model": pairs(group.permissions.select_related("content_type")),
            "collection": pairs(
                Permission.objects.filter(groupcollectionpermission__group=group).select_related(
                    "content_type"
                )
            ),
        }
        for group in Group.objects.all()
    }


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """Every test database starts with the demo site, built once per run.

    Tests that use `db` run inside a transaction on top of it; pytest-django runs the
    transactional tests (the browser tests) last, and those seed again for themselves.
    What the migrations alone granted is kept first: seeding grants the roles again.
    """
    with django_db_blocker.unblock():
        request.config.stash[MIGRATED_GROUP_PERMISSIONS] = group_permissions()
        seed_demo()


@pytest.fixture(scope="session")
def migrated_group_permissions(request, django_db_setup):
    """The groups' model permissions as the migrations left them, before any seeding."""
    return request.config.stash[MIGRATED_GROUP_PERMISSIONS]


@pytest.fixture
def demo_site(db):
    """The whole demo site as `seed_demo` builds it."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolled-back rows must not live on in it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
