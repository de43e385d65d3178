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


# What the Marketing group may do, and nothing more: (app label, model, verb, codenames).
MARKETING_PERMISSIONS = [
    ("cms", "calltoaction", "call to action", ["add", "change", "publish", "lock", "unlock"]),
    ("cms", "calltoactiondailycount", "call to action daily count", ["view"]),
    ("cms", "shareblock", "share block", ["add", "change", "view"]),
]


def grant_marketing_permissions(group_model, permission_model, content_type_model):
    """Let Marketing run calls to action (and read their report) and edit the share blocks.

    Takes the models as arguments so that the data migration can pass its historical ones;
    Django creates permissions only after all migrations, so missing ones are made here.
    """
    marketing = group_model.objects.get(name=MARKETING)
    for app_label, model, verbose_name, actions in MARKETING_PERMISSIONS:
        content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            marketing.permissions.add(permission)
