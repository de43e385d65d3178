"""The editorial roles: one auth group each, created by a data migration in every environment."""

WRITERS = "Writers"
CLINICAL_REVIEWERS = "Clinical reviewers"
MARKETING = "Marketing"
DIRECTORY_MANAGERS = "Directory managers"

ROLE_GROUPS = [WRITERS, CLINICAL_REVIEWERS, MARKETING, DIRECTORY_MANAGERS]


def ensure_role_groups(group_model, permission_model, content_type_model):
    """Create the role groups, each able to reach the admin.

    Takes the models as arguments so that the data migration can pass its historical ones.
    """
    admin_type, _ = content_type_model.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = permission_model.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    for name in ROLE_GROUPS:
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.add(access_admin)


# What each group may do beyond its page permissions: (app label, model, verbose name, actions).
MARKETING_PERMISSIONS = [
    ("cms", "calltoaction", "call to action", ["add", "change", "publish", "lock", "unlock"]),
    ("cms", "calltoactiondailycount", "call to action daily count", ["view"]),
    ("cms", "shareblock", "share block", ["add", "change", "view"]),
]
# Writers keep the home page's intro and featured research current (a site setting, because
# page permissions on the home page would reach the practitioner directory beneath it).
# They also bring studies in by the hundred: the "Import studies" page (research.importing),
# and keep the search synonyms and picks that lead patients' words to the research.
WRITER_PERMISSIONS = [
    ("home", "homepagecontent", "home page content", ["change"]),
    ("research", "studyimport", "study import", ["add", "view"]),
    ("cms", "searchsynonym", "search synonym", ["add", "change", "delete", "view"]),
    (
        "wagtailsearchpromotions",
        "searchpromotion",
        "search promotion",
        ["add", "change", "delete", "view"],
    ),
]
GROUP_PERMISSIONS = {MARKETING: MARKETING_PERMISSIONS, WRITERS: WRITER_PERMISSIONS}


def model_permissions(permission_model, content_type_model, grants):
    """The permissions `grants` names, made if missing under the names Django and Wagtail give
    them: Django creates permissions only after all migrations have run."""
    for app_label, model, verbose_name, actions in grants:
        content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            yield permission


def grant_permissions(group_model, permission_model, content_type_model, group_name, grants):
    """Give the group the permissions `grants` names.

    Takes the models as arguments so that data migrations can pass their historical ones.
    """
    group, _ = group_model.objects.get_or_create(name=group_name)
    group.permissions.add(*model_permissions(permission_model, content_type_model, grants))


def grant_role_permissions(group_model, permission_model, content_type_model):
    """Every role group's model permissions, for seed_demo to restore after a test empties the
    database."""
    for group_name, grants in GROUP_PERMISSIONS.items():
        grant_permissions(group_model, permission_model, content_type_model, group_name, grants)
