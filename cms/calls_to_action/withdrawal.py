"""A call to action never widens, nor leads nowhere, because a page it depends on was deleted.

A call to action with no conditions shows with every condition, and its button leads to its
target page. Deleting its last condition would therefore turn it site-wide, and deleting its
target would leave a live button that answers "not found". Instead, when a page is deleted,
each call to action that served it as its last condition, or led to it, stops showing: a live
one is unpublished, a scheduled one loses its schedule, and its history says why. Marketing
then chooses new conditions or a new target and publishes it again.

This module knows pages only as Wagtail pages (any deleted page may be a target; the conditions
are whatever pages the many-to-many relation holds), so `cms` needs nothing from the apps above.
"""

from django.db.models import Q
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Revision

from cms.models.calls_to_action import CallToAction

WITHDRAWN = "cms.call_to_action.withdrawn"
DEPENDANTS = "_calls_to_action_depending_on_it"


class WithdrawnFormatter(LogFormatter):
    """How the history of a call to action tells of the withdrawal."""

    label = "Withdrawn: a page it depends on was deleted"

    def format_message(self, log_entry):
        return log_entry.data.get("reason", self.label)


def note_dependants(sender, instance, **kwargs):
    """pre_delete of a page: remember which calls to action serve or lead to it (one query)."""
    found = (
        CallToAction.objects.filter(Q(target_page_id=instance.pk) | Q(conditions=instance.pk))
        .values_list("pk", "target_page_id")
        .distinct()
    )
    setattr(instance, DEPENDANTS, {pk: target_id == instance.pk for pk, target_id in found})


def withdraw_dependants(sender, instance, **kwargs):
    """post_delete of a page: withdraw each call to action the deletion would widen or break."""
    depending = getattr(instance, DEPENDANTS, None)
    if not depending:
        return
    title = instance.title
    for call_to_action in CallToAction.objects.filter(pk__in=depending):
        if depending[call_to_action.pk]:
            reason = (
                f"Stopped showing: the page its button led to, “{title}”, was deleted. "
                "Choose another target before publishing it again."
            )
        elif not call_to_action.conditions.exists():
            reason = (
                f"Stopped showing: its last condition, “{title}”, was deleted, and with no "
                "condition left it would have shown everywhere. Choose its conditions before "
                "publishing it again."
            )
        else:
            continue
        withdraw(call_to_action, reason)


def withdraw(call_to_action, reason):
    """Unpublish and unschedule `call_to_action`, and note `reason` in its history."""
    Revision.objects.for_instance(call_to_action).exclude(approved_go_live_at=None).update(
        approved_go_live_at=None
    )
    if call_to_action.live:
        call_to_action.unpublish()
    log(instance=call_to_action, action=WITHDRAWN, data={"reason": reason})
