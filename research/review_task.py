"""The "Clinical review" task: a group approval in which nobody approves what they submitted.

Wagtail's group approval lets any member of the group approve, the author included, so a
clinical reviewer could write an article and publish it under their own review. This task
withholds "Approve" from whoever submitted the revision under review (who started the workflow,
and whose revision it is); they may still request changes, and another reviewer approves. The
editor says why (research.wagtail_hooks); a crafted request is refused all the same.

Approving with a comment also offers a "review again by" day earlier than the usual interval
(ClinicalApprovalForm). Wagtail passes the form's cleaned data to `on_action` as keyword
arguments: from the workflow action view as the form cleaned it, from the page editor as JSON
(the day as "YYYY-MM-DD") that the browser posted back, so `on_action` validates it again.
`TaskState.approve` takes no such argument; the day travels on the workflow state instance,
which `approve` passes through `WorkflowState.update` and `finish` to the finish action
(research.review.record_review_and_publish).
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.admin.widgets import AdminDateInput
from wagtail.forms import TaskStateCommentForm
from wagtail.models import GroupApprovalTask

from research.reviews_due.dates import add_months, review_interval_months

SELF_APPROVAL_MESSAGE = (
    "You submitted this version for clinical review, so another clinical reviewer must "
    "approve it. You can still request changes."
)
APPROVE_WITH_FORM_LABEL = "Approve with comment or review date"


class ClinicalApprovalForm(TaskStateCommentForm):
    """An approval's optional comment, and an optional earlier day to review the article again."""

    review_again_by = forms.DateField(
        label="Review again by",
        required=False,
        widget=AdminDateInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.interval = review_interval_months(None)
        self.fields["review_again_by"].help_text = (
            f"Leave empty for the usual {self.interval} months. Choose an earlier day when this "
            "article needs checking sooner, e.g. a larger trial is due to report."
        )

    def clean_review_again_by(self):
        day = self.cleaned_data.get("review_again_by")
        if day is None:
            return None
        today = timezone.localdate()
        latest = add_months(today, self.interval)
        if day <= today:
            raise forms.ValidationError("Choose a day after today.")
        if day > latest:
            raise forms.ValidationError(
                f"Choose a day no later than {latest.day} {latest:%B %Y}, the usual "
                f"{self.interval} months from today, or leave it empty for that."
            )
        return day


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
        # The approval that opens a form says what the form offers.
        return [
            (name, APPROVE_WITH_FORM_LABEL if name == "approve" and modal else label, modal)
            for name, label, modal in actions
        ]

    def get_form_for_action(self, action):
        if action == "approve":
            return ClinicalApprovalForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        review_again_by = kwargs.pop("review_again_by", None)
        if action_name == "approve":
            if user.pk in submitters(task_state):
                raise PermissionDenied(SELF_APPROVAL_MESSAGE)
            task_state.workflow_state.review_again_by = self.checked_day(review_again_by)
        return super().on_action(task_state, user, action_name, **kwargs)

    @staticmethod
    def checked_day(value):
        """The reviewer's day, checked as the form checks it: the editor posts it back as text,
        which a crafted request could change. A day the form would refuse is refused."""
        if not value:
            return None
        form = ClinicalApprovalForm({"review_again_by": value})
        if not form.is_valid():
            raise PermissionDenied(" ".join(form.errors["review_again_by"]))
        return form.cleaned_data["review_again_by"]

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve, except whoever submitted the version under "
            "review."
        )
