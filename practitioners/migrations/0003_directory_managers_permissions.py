"""Give the Directory managers group what its work needs, and nothing else: the practitioner
snippets (with publishing and locking) and the listing-application queue.

Permissions are normally made after migrations run; this migration makes the ones it grants,
under the names Django and Wagtail would give them, so that it works on a fresh database too.
"""

from django.db import migrations

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


def directory_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model, actions in GRANTS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="practitioners", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {VERBOSE_NAMES[model]}"},
            )
            yield permission


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.get(name=DIRECTORY_MANAGERS)
    group.permissions.add(*directory_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.get(name=DIRECTORY_MANAGERS)
    group.permissions.remove(*directory_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("practitioners", "0002_directory"),
        ("cms", "0001_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
