from django.db import migrations

from research.clinical_review import attach_to_library, ensure_workflow, grant_image_permissions


def set_up_clinical_review(apps, schema_editor):
    """The workflow and image permissions now; the library's share if it exists already.

    On a fresh database the library does not exist yet: it gets the workflow and page
    permissions when it is created (research.clinical_review.attach_when_library_created).
    """
    ensure_workflow(apps)
    grant_image_permissions(apps)
    for library in apps.get_model("research", "ResearchLibraryPage").objects.all():
        attach_to_library(apps, library.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_role_groups"),
        ("research", "0003_article_clinical_review"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    # Reversing leaves the workflow and permissions in place: removing them could open the
    # library to unreviewed publishing, and they harm nothing if the code goes back.
    operations = [migrations.RunPython(set_up_clinical_review, migrations.RunPython.noop)]
