from django.db import migrations

# Wagtail's installation creates these groups with rights over the whole page tree (Moderators
# may publish anywhere) and this workflow on the root page.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def retire(apps, schema_editor):
    """Leave "Clinical review" the only way to publish: Wagtail's default groups go when nobody
    is in them (a group with members is left for an administrator to decide on), and its default
    workflow is detached from the root and, once nothing is in moderation, switched off."""
    apps.get_model("auth", "Group").objects.filter(
        name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True
    ).delete()
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        apps.get_model("wagtailcore", "WorkflowPage").objects.filter(workflow=workflow).delete()
        if not WorkflowState.objects.filter(workflow=workflow, status="in_progress").exists():
            Workflow.objects.filter(pk=workflow.pk).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("research", "0004_clinical_review_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Reversing does not bring back rights to publish anywhere without a clinical review.
    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
