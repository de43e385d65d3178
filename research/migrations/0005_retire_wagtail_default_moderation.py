from django.db import migrations

from research.clinical_review import retire_wagtail_defaults


def retire(apps, schema_editor):
    retire_wagtail_defaults(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0004_clinical_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Reversing does not bring back rights to publish anywhere without a clinical review.
    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
