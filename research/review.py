"""Clinical review: recording who approved an article, and crediting them on the page.

The review belongs to the page as a whole, not to one revision: `ResearchArticlePage`
keeps `reviewed_by` and `reviewed_at` when a revision is loaded (see its
`with_content_json`), so a later draft neither loses nor forges the record.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.workflows import publish_workflow_state


@dataclass(frozen=True)
class MedicalReview:
    """“Medically reviewed by <name>, <credentials> on <date>”, and a later update if any."""

    reviewer_name: str
    credentials: str
    reviewed_on: datetime.date
    updated_on: datetime.date | None

    @classmethod
    def for_page(cls, page):
        """The review shown on `page`, or None if it was never reviewed.

        No query when the page was loaded with its reviewer and profile (as the library's
        routing does); otherwise two.
        """
        if page.reviewed_at is None or page.reviewed_by_id is None:
            return None
        reviewer = page.reviewed_by
        profile = getattr(reviewer, "reviewer_profile", None)
        reviewed_on = timezone.localdate(page.reviewed_at)
        published_on = page.last_published_at and timezone.localdate(page.last_published_at)
        return cls(
            reviewer_name=(profile and profile.display_name)
            or reviewer.get_full_name()
            or reviewer.get_username(),
            credentials=profile.credentials if profile else "",
            reviewed_on=reviewed_on,
            # Approval publishes on the day of the review; a later day means the live
            # content changed after the reviewer saw it.
            updated_on=published_on if published_on and published_on > reviewed_on else None,
        )

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

    For a research article the approver is recorded as its clinical reviewer first, so the
    published page (and the cache purge that follows publishing) already carries the credit.
    Approving an article is itself the permission to publish it: reviewers hold no page
    "publish" permission, which keeps the workflow the only way an article goes live. Other
    objects (snippets in workflows) are published as Wagtail does by default.
    """
    # Wagtail imports this module while its own models are still loading (the setting names
    # WorkflowState.on_finish), before the research models can be.
    from research.models import ResearchArticlePage  # noqa: PLC0415

    # content_type is the specific type; content_object is the base Page.
    if not issubclass(workflow_state.content_type.model_class(), ResearchArticlePage):
        publish_workflow_state(workflow_state, user=user)
        return
    page = workflow_state.content_object
    if user is not None:
        ResearchArticlePage.objects.filter(pk=page.pk).update(
            reviewed_by=user, reviewed_at=timezone.now()
        )
    # The latest revision loads the page afresh, with the review just recorded.
    page.get_latest_revision().publish(user=user, skip_permission_checks=True)
