"""Give the Directory managers group the practitioner snippets and the application queue.

The group's name and permissions are written out here, as they stood when this migration was
made, so that later changes to practitioners/roles.py never change what it does: a change
there needs a new migration.
"""

from django.db import migrations

DIRECTORY_MANAGERS = "Directory managers"

# (app label, model, verbose name, actions), as practitioners/roles.py listed them.
DIRECTORY_PERMISSIONS = [
    (
        "practitioners",
        "practitioner",
        "practitioner",
        ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    ),
    ("practitioners", "language", "language", ["add", "change", "delete", "view"]),
    ("practitioners", "modality", "modality", ["add", "change", "delete", "view"]),
    (
        "practitioners",
        "practitionerapplication",
        "listing application",
        ["change", "delete", "view"],
    ),
]


def directory_permissions(apps):
    """The permissions listed above, made if missing under the names Django and Wagtail give
    them: Django creates permissions only after all migrations have run."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model, verbose_name, actions in DIRECTORY_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=DIRECTORY_MANAGERS)
    group.permissions.add(*directory_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=DIRECTORY_MANAGERS).first()
    if group is not None:
        group.permissions.remove(*directory_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("practitioners", "0002_directory"),
        ("cms", "0001_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
