"""Give the Directory managers group the practitioner snippets and the application queue."""

from django.db import migrations

from practitioners.roles import grant_directory_permissions, revoke_directory_permissions


def models(apps):
    return (
        apps.get_model("auth", "Group"),
        apps.get_model("auth", "Permission"),
        apps.get_model("contenttypes", "ContentType"),
    )


def grant(apps, schema_editor):
    grant_directory_permissions(*models(apps))


def revoke(apps, schema_editor):
    revoke_directory_permissions(*models(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("practitioners", "0002_directory"),
        ("cms", "0001_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
