"""Approving and rejecting listing applications in the admin (wagtail-modeladmin)."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.views import InstanceSpecificView

from practitioners.models import ApplicationStatus


class ApplicationPermissionHelper(PermissionHelper):
    """Applications arrive from the site and keep the applicant's own words: nobody creates or
    edits them in the admin; deciding on one needs the "change" permission."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_decide(self, user, obj):
        return obj.status == ApplicationStatus.NEW and self.user_has_specific_permission(
            user, self.get_perm_codename("change")
        )


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


class DecisionView(InstanceSpecificView):
    """A confirmation page with a form; the decision is made on POST."""

    template_name = "practitioners/admin/application_decision.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_decide(user, self.instance)

    def get_form(self):
        return self.form_class(self.request.POST if self.request.method == "POST" else None)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            response = self.decide(form.cleaned_data)
        return response


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
