"""The research library's additions to the Wagtail admin."""

from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from cms.admin_reports import register_report
from research import search_words, views
from research.alerts.report import ConditionFollowersReportView
from research.importing import views as import_views
from research.review_task import SELF_APPROVAL_MESSAGE, ClinicalReviewTask
from research.reviewer_accounts import refusal_message
from research.reviews_due.panel import ReviewsDuePanel
from research.reviews_due.report import ReviewsDueReportView


@hooks.register("register_admin_urls")
def register_citation_lookup_url():
    return [
        path(
            "research/citation-lookup/",
            views.citation_lookup,
            name="research_citation_lookup",
        )
    ]


@hooks.register("insert_editor_js")
def citation_fill_in_script():
    """The "Fill in" button beside an article's DOI and PubMed ID (the script finds them)."""
    return format_html(
        '<script src="{}" data-lookup-url="{}" defer></script>',
        static("js/citation-fill.js"),
        reverse("research_citation_lookup"),
    )


@hooks.register("before_delete_user")
def keep_accounts_that_hold_review_credits(request, user):
    """A reviewer credited on articles is deactivated, not deleted (research.reviewer_accounts)."""
    message = refusal_message([user])
    if message:
        messages.error(request, message)
        return redirect("wagtailusers_users:edit", user.pk)
    return None


@hooks.register("before_bulk_action")
def keep_accounts_that_hold_review_credits_in_bulk(request, action_type, objects, action):
    if action_type != "delete" or not objects or not isinstance(objects[0], get_user_model()):
        return None
    message = refusal_message(objects)
    if message:
        messages.error(request, message)
        return redirect("wagtailusers_users:index")
    return None


@hooks.register("before_edit_page")
def explain_that_submitters_do_not_approve(request, page):
    """The reviewer who submitted this version sees why "Approve" is not offered to them, and
    an approval posted anyway is refused with the same words."""
    task = page.current_workflow_task
    if not isinstance(task, ClinicalReviewTask) or not task.is_submitter(page, request.user):
        return None
    if request.method == "POST":
        if request.POST.get("workflow-action-name") == "approve":
            messages.error(request, SELF_APPROVAL_MESSAGE)
            return redirect("wagtailadmin_pages:edit", page.pk)
    elif task.get_actions(page, request.user):
        messages.warning(request, SELF_APPROVAL_MESSAGE)
    return None


# Under Reports, for administrators only (the view's own check hides the menu item too).
register_report(
    ConditionFollowersReportView,
    "reports/condition-followers/",
    "Condition followers",
    name="condition-followers",
    icon_name="mail",
    order=1400,
)


# Under Reports, for clinical reviewers, writers and administrators (the view says who).
register_report(
    ReviewsDueReportView,
    "reports/reviews-due/",
    "Reviews due",
    name="reviews-due",
    icon_name="clipboard-list",
    order=1200,
)


@hooks.register("construct_homepage_panels")
def reviews_due_panel(request, panels):
    panels.append(ReviewsDuePanel())


@hooks.register("register_admin_urls")
def register_study_import_urls():
    return [
        path("research/import/", import_views.import_studies, name="research_import"),
        path(
            "research/import/<int:pk>/", import_views.import_status, name="research_import_status"
        ),
        path(
            "research/import/<int:pk>/results.csv",
            import_views.import_results_csv,
            name="research_import_results_csv",
        ),
        path(
            "research/import/<int:pk>/retry/",
            import_views.retry_failed,
            name="research_import_retry",
        ),
    ]


class StudyImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(import_views.ADD)


@hooks.register("register_admin_menu_item")
def register_study_import_menu_item():
    return StudyImportMenuItem(
        "Import studies",
        reverse("research_import"),
        name="import-studies",
        icon_name="upload",
        order=210,
    )


hooks.register("search_vocabulary", search_words.library_words)
hooks.register("search_named_pages", search_words.condition_pages)
