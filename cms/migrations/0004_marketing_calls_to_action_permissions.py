from django.db import migrations

from cms.roles import (
    MARKETING,
    MARKETING_PERMISSIONS,
    grant_permissions,
    historical_role_models,
    revoke_permissions,
)


def grant(apps, schema_editor):
    grant_permissions(*historical_role_models(apps), MARKETING, MARKETING_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(*historical_role_models(apps), MARKETING, MARKETING_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_calls_to_action"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
