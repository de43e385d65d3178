"""What writers and clinical reviewers may do in the research library, and the review workflow.

Every environment gets the same setup: a data migration creates the "Clinical review"
workflow and the image permissions, and attaches the workflow and the page permissions to
the research library if one exists already; on a fresh database the library is created later
(by seed_demo or by an administrator), and `attach_when_library_created` does it then.

The data migrations carry their own copy of these lists, as they were when each was written; a
change here needs a new migration. The functions take an app registry (`django.apps.apps`), as
the migrations' copies take their historical one.
"""

from django.apps import apps as app_registry

from cms import roles

WORKFLOW_NAME = "Clinical review"
TASK_NAME = "Clinical review"

# Writers write and submit; reviewers may do the same and approve through the workflow.
# Neither group may publish directly, so "Submit for review" is the only way to go live.
PAGE_PERMISSIONS = {
    roles.WRITERS: ["add_page", "change_page"],
    roles.CLINICAL_REVIEWERS: ["add_page", "change_page"],
}
# Both groups may upload images for articles and choose them; only their own uploads are
# theirs to change.
IMAGE_PERMISSIONS = {
    roles.WRITERS: ["add_image", "choose_image"],
    roles.CLINICAL_REVIEWERS: ["add_image", "choose_image"],
}


def _permission(apps, app_label, model, codename):
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def _group(apps, name):
    return apps.get_model("auth", "Group").objects.get_or_create(name=name)[0]


def ensure_workflow(apps):
    """The "Clinical review" workflow: one clinical review task (a group approval that refuses
    approval by whoever submitted) for the clinical reviewers."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        # Historical models lack Task.__init__, which sets the specific content type: a
        # clinical review task (research.review_task), a group approval that refuses approval
        # by the revision's submitter.
        content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
            app_label="research", model="clinicalreviewtask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type)
    task.groups.add(_group(apps, roles.CLINICAL_REVIEWERS))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _grant_each(apps, permission_model, grants, app_label, model, **target):
    """Give each group in `grants` its codenames of `app_label.model` on `target` (a collection
    or a page) through Wagtail's `permission_model`."""
    GroupPermission = apps.get_model("wagtailcore", permission_model)
    for group_name, codenames in grants.items():
        group = _group(apps, group_name)
        for codename in codenames:
            GroupPermission.objects.get_or_create(
                group=group,
                permission=_permission(apps, app_label, model, codename),
                **target,
            )


def grant_image_permissions(apps):
    """Give writers and reviewers their image permissions on the root collection, as the
    migrations did: seed_demo calls it so that a database emptied and seeded again (as the
    browser tests do) has them too."""
    root = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    if root is not None:
        _grant_each(
            apps,
            "GroupCollectionPermission",
            IMAGE_PERMISSIONS,
            "wagtailimages",
            "image",
            collection_id=root.pk,
        )


def attach_to_library(apps, library_page_id):
    """Give the library's subtree the page permissions and the "Clinical review" workflow."""
    _grant_each(
        apps,
        "GroupPagePermission",
        PAGE_PERMISSIONS,
        "wagtailcore",
        "page",
        page_id=library_page_id,
    )
    apps.get_model("wagtailcore", "WorkflowPage").objects.update_or_create(
        page_id=library_page_id, defaults={"workflow": ensure_workflow(apps)}
    )


def attach_when_library_created(sender, instance, created, raw=False, **kwargs):
    """post_save receiver for ResearchLibraryPage: a new library starts under review rules."""
    if created and not raw:
        attach_to_library(app_registry, instance.pk)
