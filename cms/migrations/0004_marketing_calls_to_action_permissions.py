from django.db import migrations

from cms.roles import MARKETING, MARKETING_PERMISSIONS, grant_marketing_permissions


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    if not Group.objects.filter(name=MARKETING).exists():
        return
    grant_marketing_permissions(
        Group, apps.get_model("auth", "Permission"), apps.get_model("contenttypes", "ContentType")
    )


def revoke(apps, schema_editor):
    marketing = apps.get_model("auth", "Group").objects.filter(name=MARKETING).first()
    if marketing is not None:
        marketing.permissions.remove(
            *marketing.permissions.filter(
                content_type__app_label="cms",
                content_type__model__in=[model for _, model, _, _ in MARKETING_PERMISSIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_calls_to_action"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
