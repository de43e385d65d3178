"""The "Clinical review" task: a group approval in which nobody approves what they submitted.

Wagtail's group approval lets any member of the group approve, the author included, so a
clinical reviewer could write an article and publish it under their own review. This task
withholds "Approve" from whoever submitted the revision under review (who started the workflow,
and whose revision it is); they may still request changes, and another reviewer approves. The
editor says why (research.wagtail_hooks); a crafted request is refused all the same.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from wagtail.models import GroupApprovalTask

SELF_APPROVAL_MESSAGE = (
    "You submitted this version for clinical review, so another clinical reviewer must "
    "approve it. You can still request changes."
)


def submitters(task_state):
    """Ids of the users who submitted the revision `task_state` reviews."""
    ids = {task_state.workflow_state.requested_by_id}
    if task_state.revision is not None:
        ids.add(task_state.revision.user_id)
    ids.discard(None)
    return ids


class ClinicalReviewTask(GroupApprovalTask):
    """A group approval task that refuses approval by the revision's submitter."""

    class Meta:
        proxy = True
        verbose_name = "clinical review task"
        verbose_name_plural = "clinical review tasks"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.id:
            # Task records the type it was created as; for a proxy Wagtail would record the
            # concrete GroupApprovalTask, and the task would load without this class's rule.
            self.content_type = ContentType.objects.get_for_model(self, for_concrete_model=False)

    def is_submitter(self, obj, user):
        task_state = obj.current_workflow_task_state
        return task_state is not None and user.pk in submitters(task_state)

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and self.is_submitter(obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and user.pk in submitters(task_state):
            raise PermissionDenied(SELF_APPROVAL_MESSAGE)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve, except whoever submitted the version under "
            "review."
        )
