"""Give the Directory managers group the practitioner snippets and the application queue."""

from django.db import migrations

from cms.roles import historical_role_models
from practitioners.roles import grant_directory_permissions, revoke_directory_permissions


def grant(apps, schema_editor):
    grant_directory_permissions(*historical_role_models(apps))


def revoke(apps, schema_editor):
    revoke_directory_permissions(*historical_role_models(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("practitioners", "0002_directory"),
        ("cms", "0001_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
