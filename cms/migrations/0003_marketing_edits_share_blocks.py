from django.db import migrations

from cms.roles import MARKETING

SHARE_BLOCK_PERMISSIONS = [
    ("add_shareblock", "Can add share block"),
    ("change_shareblock", "Can change share block"),
    ("view_shareblock", "Can view share block"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions are normally made after all migrations; make these now so the group can get them.
    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="shareblock")
    marketing, _ = Group.objects.get_or_create(name=MARKETING)
    for codename, name in SHARE_BLOCK_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        marketing.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    marketing = Group.objects.filter(name=MARKETING).first()
    if marketing:
        marketing.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="cms",
                codename__in=[codename for codename, _ in SHARE_BLOCK_PERMISSIONS],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_share_block")]

    operations = [migrations.RunPython(grant, revoke)]
