from django.db import migrations

GROUP = "Marketing"
# (app label, model, verbose name, actions) as they were when this migration was written.
PERMISSIONS = [
    ("cms", "calltoaction", "call to action", ["add", "change", "publish", "lock", "unlock"]),
    ("cms", "calltoactiondailycount", "call to action daily count", ["view"]),
    ("cms", "shareblock", "share block", ["add", "change", "view"]),
]


def permissions(apps):
    """The permissions PERMISSIONS names, made if missing under the names Django and Wagtail
    give them: Django creates permissions only after all migrations have run."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, verbose_name, actions in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {verbose_name}"},
            )
            yield permission


def grant(apps, schema_editor):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_calls_to_action"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
