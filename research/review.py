"""Clinical review: recording who approved an article, and crediting them on the page.

The review belongs to the page as a whole, not to one revision: `ResearchArticlePage`
keeps `reviewed_by`, `reviewed_at` and `review_due` when a revision is loaded (see its
`with_content_json`), so a later draft neither loses nor forges the record.

Each approval also sets when the article is due for review again: the editorial settings'
interval after the approval, or the earlier date the reviewer chose when approving
(research.review_task).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.workflows import publish_workflow_state


def credit_of(user):
    """(name, credentials) a reviewer is credited with: their reviewer profile, or failing
    that their account's full name or user name."""
    profile = getattr(user, "reviewer_profile", None)
    name = (profile and profile.display_name) or user.get_full_name() or user.get_username()
    return name, profile.credentials if profile else ""


@dataclass(frozen=True)
class MedicalReview:
    """“Medically reviewed by <name>, <credentials> on <date>”, a later update if any, and when
    the review is due again."""

    reviewer_name: str
    credentials: str
    reviewed_on: datetime.date
    updated_on: datetime.date | None
    review_due: datetime.date | None = None

    @classmethod
    def for_page(cls, page):
        """The review shown on `page`, or None if it was never reviewed.

        The credit recorded at approval is shown, so it outlives the reviewer's account; a
        review recorded before credits were (none left after the migration that filled them)
        falls back to the reviewer's profile, which costs no query when the page was loaded
        with it (as the library's routing does).
        """
        if page.reviewed_at is None:
            return None
        if page.reviewer_name:
            name, credentials = page.reviewer_name, page.reviewer_credentials
        elif page.reviewed_by_id is not None:
            name, credentials = credit_of(page.reviewed_by)
        else:
            return None
        reviewed_on = timezone.localdate(page.reviewed_at)
        published_on = page.last_published_at and timezone.localdate(page.last_published_at)
        return cls(
            reviewer_name=name,
            credentials=credentials,
            reviewed_on=reviewed_on,
            # Approval publishes on the day of the review; a later day means the live
            # content changed after the reviewer saw it.
            updated_on=published_on if published_on and published_on > reviewed_on else None,
            review_due=page.review_due,
        )

    @property
    def is_overdue(self):
        """Whether the day to review again by has passed: the page then stops calling the
        review current (templates/components/review_line.html)."""
        return self.review_due is not None and self.review_due < timezone.localdate()

    @property
    def credit(self):
        return ", ".join(part for part in (self.reviewer_name, self.credentials) if part)

    def schema_org(self):
        """The schema.org properties of the article's web page, which its JSON-LD graph carries
        (research.metadata)."""
        reviewer = {"@type": "Person", "name": self.reviewer_name}
        if self.credentials:
            reviewer["honorificSuffix"] = self.credentials
        return {"reviewedBy": reviewer, "lastReviewed": self.reviewed_on.isoformat()}


def record_review_and_publish(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: the last approval of a workflow publishes the object.

    For a research article the approver is recorded as its clinical reviewer first, with the
    credit as the page prints it (name, credentials, date), so the published page (and the
    cache purge that follows publishing) already carries it, and it outlives the account.
    The date to review again by is set with it, from the interval or the earlier day the
    reviewer chose (`workflow_state.review_again_by`, research.review_task).
    Approving an article is itself the permission to publish it: reviewers hold no page
    "publish" permission, which keeps the workflow the only way an article goes live. Other
    objects (snippets in workflows) are published as Wagtail does by default.
    """
    # Wagtail imports this module while its own models are still loading (the setting names
    # WorkflowState.on_finish), before the research models (or the settings) can be.
    from research.models import ResearchArticlePage  # noqa: PLC0415
    from research.reviews_due.dates import review_due_after  # noqa: PLC0415

    # content_type is the specific type; content_object is the base Page.
    if not issubclass(workflow_state.content_type.model_class(), ResearchArticlePage):
        publish_workflow_state(workflow_state, user=user)
        return
    page = workflow_state.content_object
    if user is not None:
        name, credentials = credit_of(user)
        reviewed_at = timezone.now()
        ResearchArticlePage.objects.filter(pk=page.pk).update(
            reviewed_by=user,
            reviewed_at=reviewed_at,
            reviewer_name=name,
            reviewer_credentials=credentials,
            review_due=review_due_after(
                page,
                timezone.localdate(reviewed_at),
                getattr(workflow_state, "review_again_by", None),
            ),
        )
    # The latest revision loads the page afresh, with the review just recorded.
    page.get_latest_revision().publish(user=user, skip_permission_checks=True)
