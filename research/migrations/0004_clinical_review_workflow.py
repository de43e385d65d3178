from django.db import migrations

# As they were when this migration was written; research/clinical_review.py declares the
# current ones, and a later change to them needs a migration of its own.
WORKFLOW_NAME = "Clinical review"
TASK_NAME = "Clinical review"
REVIEWERS = "Clinical reviewers"
PAGE_PERMISSIONS = {
    "Writers": ["add_page", "change_page"],
    "Clinical reviewers": ["add_page", "change_page"],
}
IMAGE_PERMISSIONS = {
    "Writers": ["add_image", "choose_image"],
    "Clinical reviewers": ["add_image", "choose_image"],
}


def permission(apps, app_label, model, codename):
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model
    )
    found, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return found


def group(apps, name):
    return apps.get_model("auth", "Group").objects.get_or_create(name=name)[0]


def ensure_workflow(apps):
    """The "Clinical review" workflow: one group approval task for the clinical reviewers."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        # Historical models lack Task.__init__, which sets the specific content type.
        content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type)
    task.groups.add(group(apps, REVIEWERS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def grant_each(apps, permission_model, grants, app_label, model, **target):
    """Give each group in `grants` its codenames of `app_label.model` on `target` (a collection
    or a page) through Wagtail's `permission_model`."""
    GroupPermission = apps.get_model("wagtailcore", permission_model)
    for group_name, codenames in grants.items():
        for codename in codenames:
            GroupPermission.objects.get_or_create(
                group=group(apps, group_name),
                permission=permission(apps, app_label, model, codename),
                **target,
            )


def set_up_clinical_review(apps, schema_editor):
    """The workflow and image permissions now; the library's share if it exists already.

    On a fresh database the library does not exist yet: it gets the workflow and page
    permissions when it is created (research.clinical_review.attach_when_library_created).
    """
    workflow = ensure_workflow(apps)
    root = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    if root is not None:
        grant_each(
            apps,
            "GroupCollectionPermission",
            IMAGE_PERMISSIONS,
            "wagtailimages",
            "image",
            collection=root,
        )
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for library in apps.get_model("research", "ResearchLibraryPage").objects.all():
        grant_each(
            apps,
            "GroupPagePermission",
            PAGE_PERMISSIONS,
            "wagtailcore",
            "page",
            page_id=library.pk,
        )
        WorkflowPage.objects.update_or_create(page_id=library.pk, defaults={"workflow": workflow})


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
