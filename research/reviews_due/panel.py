"""The dashboard panel that tells a clinical reviewer (or an administrator) how many of their
reviews are due, and how many due articles have no reviewer on record. Two queries, whatever
the number of articles."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from cms import roles
from research.reviews_due.articles import DUE_SOON_DAYS, articles_due


def reviews_user(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=roles.CLINICAL_REVIEWERS).exists()
    )


class ReviewsDuePanel(Component):
    name = "reviews_due"
    template_name = "research/admin/reviews_due_panel.html"
    order = 205  # above Wagtail's "Awaiting your review" (220)

    def render_html(self, parent_context=None):
        if not reviews_user(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        today = timezone.localdate()
        theirs = Q(reviewed_by=user, has_reviewer=True)
        counts = articles_due(today).aggregate(
            overdue=Count("pk", filter=theirs & Q(review_due__lt=today)),
            due_soon=Count("pk", filter=theirs & Q(review_due__gte=today)),
            unassigned=Count("pk", filter=Q(has_reviewer=False)),
        )
        report = reverse("reviews_due_report")
        return {
            **counts,
            "due_soon_days": DUE_SOON_DAYS,
            "theirs_url": f"{report}?reviewed_by={user.pk}",
            "report_url": report,
        }
