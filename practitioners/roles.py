"""What the Directory managers group may do: the practitioner snippets (with publishing and
locking) and the listing-application queue, and nothing else.

Used by a data migration, and by seed_demo so that a database emptied by a test is set up again.
"""

from cms.roles import DIRECTORY_MANAGERS

GRANTS = {
    "practitioner": ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    "language": ["add", "change", "delete", "view"],
    "modality": ["add", "change", "delete", "view"],
    # Applications come from the site: managers decide on them (change) and clear out spam.
    "practitionerapplication": ["change", "delete", "view"],
}
VERBOSE_NAMES = {
    "practitioner": "practitioner",
    "language": "language",
    "modality": "modality",
    "practitionerapplication": "listing application",
}


def directory_permissions(permission_model, content_type_model):
    """The permissions granted, made if missing under the names Django and Wagtail give them
    (permissions are otherwise only made after migrations have run)."""
    for model, actions in GRANTS.items():
        content_type, _ = content_type_model.objects.get_or_create(
            app_label="practitioners", model=model
        )
        for action in actions:
            permission, _ = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {VERBOSE_NAMES[model]}"},
            )
            yield permission


def grant_directory_permissions(group_model, permission_model, content_type_model):
    """Takes the models as arguments so that the data migration can pass its historical ones."""
    group = group_model.objects.get(name=DIRECTORY_MANAGERS)
    group.permissions.add(*directory_permissions(permission_model, content_type_model))


def revoke_directory_permissions(group_model, permission_model, content_type_model):
    group = group_model.objects.get(name=DIRECTORY_MANAGERS)
    group.permissions.remove(*directory_permissions(permission_model, content_type_model))
