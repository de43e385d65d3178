"""The role groups' permissions on a freshly migrated database are exactly what the code
declares: a change to a declaration needs a new data migration, never an edit of an old one
(an old migration never runs again on a production database)."""

import pytest

from cms import roles
from practitioners.roles import DIRECTORY_PERMISSIONS
from research.clinical_review import IMAGE_PERMISSIONS


def declared(grants):
    return {
        (app_label, f"{action}_{model}")
        for app_label, model, _verbose_name, actions in grants
        for action in actions
    }


pytestmark = pytest.mark.django_db

ACCESS_ADMIN = {("wagtailadmin", "access_admin")}
# Wagtail's own migrations grant choosing images and documents to existing groups; what the
# project declares is its apps' permissions, access to the admin and the search picks.
OURS = {"wagtailadmin", "cms", "home", "research", "practitioners", "wagtailsearchpromotions"}
DECLARED = {
    roles.WRITERS: ACCESS_ADMIN | declared(roles.WRITER_PERMISSIONS),
    roles.CLINICAL_REVIEWERS: ACCESS_ADMIN,
    roles.MARKETING: ACCESS_ADMIN | declared(roles.MARKETING_PERMISSIONS),
    roles.DIRECTORY_MANAGERS: ACCESS_ADMIN | declared(DIRECTORY_PERMISSIONS),
}


def test_every_declared_group_comes_from_the_migrations(migrated_group_permissions):
    assert set(roles.ROLE_GROUPS) <= set(migrated_group_permissions)


def test_migrated_permissions_match_the_declarations(migrated_group_permissions):
    for group_name, expected in DECLARED.items():
        granted = {
            (app_label, codename)
            for app_label, codename in migrated_group_permissions[group_name]["model"]
            if app_label in OURS
        }
        assert granted == expected, (
            f"{group_name}: migrations grant {sorted(granted - expected)} beyond the declaration "
            f"and miss {sorted(expected - granted)}; add a data migration for the change"
        )


def test_the_declarations_cover_every_role_group():
    assert set(DECLARED) == set(roles.ROLE_GROUPS)


def test_migrated_image_permissions_match_the_declarations(migrated_group_permissions):
    for group_name, codenames in IMAGE_PERMISSIONS.items():
        granted = {
            (app_label, codename)
            for app_label, codename in migrated_group_permissions[group_name]["collection"]
            if app_label == "wagtailimages"
        }
        assert granted == {("wagtailimages", codename) for codename in codenames}, group_name
