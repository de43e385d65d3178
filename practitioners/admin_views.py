"""Approving and rejecting listing applications in the admin (wagtail-modeladmin)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.views import InspectView, InstanceSpecificView

from practitioners.models import (
    ApplicationAlreadyDecided,
    ApplicationStatus,
    PractitionerApplication,
)


class ApplicationPermissionHelper(PermissionHelper):
    """Applications arrive from the site and keep the applicant's own words: nobody creates or
    edits them in the admin; deciding on one needs the "change" permission."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_decide_on_applications(self, user):
        return self.user_has_specific_permission(user, self.get_perm_codename("change"))

    def user_can_decide(self, user, obj):
        return obj.status == ApplicationStatus.NEW and self.user_can_decide_on_applications(user)


class ApplicationButtonHelper(ButtonHelper):
    def decision_buttons(self, obj):
        if not self.permission_helper.user_can_decide(self.request.user, obj):
            return []
        return [
            {
                "url": self.url_helper.get_action_url(action, obj.pk),
                "label": label,
                "classname": self.finalise_classname(classnames),
                "title": f"{label} the application from {obj.name}",
            }
            for action, label, classnames in (
                ("approve", "Approve", []),
                ("reject", "Reject", ["button-secondary", "no"]),
            )
        ]

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        return self.decision_buttons(obj) + buttons


class ApplicationInspectView(InspectView):
    """The application's record; its photo shown from the private, permission-checked view."""

    def get_field_display_value(self, field_name, field=None):
        if field_name == "photo":
            photo = self.instance.photo
            if not photo:
                return self.model_admin.get_empty_value_display(field_name)
            return format_html(
                '<a href="{url}"><img src="{url}" alt="Photo sent by {name}" width="240"></a>',
                url=photo.url,
                name=self.instance.name,
            )
        return super().get_field_display_value(field_name, field)


def applicant_photo(request, model_admin, filename):
    """An applicant's photo, for those who may inspect applications; never cached (the admin
    sends `private, no-store` on every answer)."""
    upload_to = PractitionerApplication._meta.get_field("photo").upload_to
    application = get_object_or_404(PractitionerApplication, photo=f"{upload_to}{filename}")
    if not model_admin.permission_helper.user_can_inspect_obj(request.user, application):
        raise PermissionDenied
    try:
        photo = application.photo.open("rb")
    except FileNotFoundError as error:
        raise Http404("The photo file is missing.") from error
    response = FileResponse(photo, content_type="image/jpeg")
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class DecisionView(InstanceSpecificView):
    """A confirmation page with a form; the decision is made on POST."""

    template_name = "practitioners/admin/application_decision.html"

    def check_action_permitted(self, user):
        # Whether it is still undecided is checked on its locked row when deciding; a decided
        # application leads to its record with a message rather than a refusal.
        return self.permission_helper.user_can_decide_on_applications(user)

    def get(self, request, *args, **kwargs):
        if self.instance.status != ApplicationStatus.NEW:
            return self.already_decided(self.instance)
        return super().get(request, *args, **kwargs)

    def already_decided(self, application):
        """Back to the application's record, saying who decided it first."""
        who = "another manager"
        if application.decided_by:
            who = application.decided_by.get_full_name() or application.decided_by.get_username()
        when = ""
        if application.decided_at:
            when = f" on {date_format(localtime(application.decided_at), 'DATETIME_FORMAT')}"
        messages.warning(
            self.request,
            f"The application from {application.name} was already "
            f"{application.get_status_display().lower()} by {who}{when}; nothing was changed.",
        )
        return redirect(self.url_helper.get_action_url("inspect", application.pk))

    def get_form(self):
        return self.form_class(self.request.POST if self.request.method == "POST" else None)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        if self.instance.status != ApplicationStatus.NEW:
            return self.already_decided(self.instance)
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            with transaction.atomic():
                return self.decide(form.cleaned_data)
        except ApplicationAlreadyDecided as decided:
            return self.already_decided(decided.application)


class ApproveForm(forms.Form):
    pass


class ApproveView(DecisionView):
    page_title = "Approve application"
    form_class = ApproveForm
    submit_label = "Approve and make a draft listing"
    explanation = (
        "Approving makes a draft practitioner listing from this application. It stays hidden "
        "from visitors until you have checked the license with the state board, recorded "
        "the verification and published the listing."
    )

    def decide(self, data):
        listing = self.instance.approve(self.request.user)
        messages.success(
            self.request,
            f"Application approved. {listing.name}'s draft listing is below: check the license, "
            "fill in the verification and publish.",
        )
        return redirect(reverse(listing.snippet_viewset.get_url_name("edit"), args=[listing.pk]))


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Why the application is turned down, e.g. the license number does not match "
        "the state board's records. Kept with the application for the record.",
        error_messages={"required": "Give a reason, so that the decision can be explained later."},
    )


class RejectView(DecisionView):
    page_title = "Reject application"
    form_class = RejectForm
    submit_label = "Reject application"
    explanation = "Rejecting keeps the application on record with your reason; no listing is made."

    def decide(self, data):
        self.instance.reject(self.request.user, data["reason"])
        messages.success(self.request, f"The application from {self.instance.name} was rejected.")
        return redirect(self.index_url)
