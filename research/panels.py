"""Editor panels of the research library's own."""

from wagtail.admin.panels import Panel
from wagtail.models import WorkflowState

from cms.models import EditorialSettings
from research.content_checks import FINDING_MAX_WORDS, check_article


def changes_requested(page):
    """The reviewer's rejection (a finished TaskState) while the page waits on its writer."""
    if page.pk is None:
        return None
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return workflow_state.current_task_state


class EditorialChecksPanel(Panel):
    """What the writer and the reviewer should look at before the article goes live.

    Shows a reviewer's "changes requested" comment while it applies, then the content
    checks for the article as last saved. Read-only: it never stops anyone saving.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Content checks")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "research/admin/editorial_checks_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            claim_words = EditorialSettings.for_request(self.request).claim_word_list()
            context["warnings"] = check_article(self.instance, claim_words)
            context["changes_requested"] = changes_requested(self.instance)
            context["finding_max_words"] = FINDING_MAX_WORDS
            return context
