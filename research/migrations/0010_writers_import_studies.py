"""Writers may import studies (start an import, see imports and their results).

Carries its own data, as cms/roles.py declares it for the Writers group at the time of writing;
a test compares migrated group permissions with those declarations.
"""

from django.db import migrations

GROUP = "Writers"
APP_LABEL, MODEL, VERBOSE_NAME = "research", "studyimport", "study import"
ACTIONS = ["add", "view"]


def permissions(apps):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _ = content_type_model.objects.get_or_create(app_label=APP_LABEL, model=MODEL)
    return [
        permission_model.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{MODEL}",
            defaults={"name": f"Can {action} {VERBOSE_NAME}"},
        )[0]
        for action in ACTIONS
    ]


def grant(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0009_study_import"),
        ("cms", "0001_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
