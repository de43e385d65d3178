"""The "Reviewer credit" panel in a clinical reviewer's admin account settings."""

from django import forms
from django.utils.functional import cached_property
from wagtail.admin.views.account import BaseSettingsPanel

from cms import roles
from cms.models import ReviewerProfile


class ReviewerProfileForm(forms.ModelForm):
    class Meta:
        model = ReviewerProfile
        fields = ["display_name", "credentials"]


class ReviewerProfileSettingsPanel(BaseSettingsPanel):
    name = "reviewer_profile"
    title = "Reviewer credit"
    help_text = (
        "How articles you approve credit you: “Medically reviewed by <name>, <credentials> "
        "on <date>”."
    )
    order = 150
    form_class = ReviewerProfileForm

    def is_active(self):
        return (
            self.user.is_superuser
            or self.user.groups.filter(name=roles.CLINICAL_REVIEWERS).exists()
        )

    @cached_property
    def reviewer_profile(self):
        return ReviewerProfile.objects.filter(user=self.user).first() or ReviewerProfile(
            user=self.user, display_name=self.user.get_full_name()
        )

    def get_form(self):
        data = (self.request.POST, self.request.FILES) if self.request.method == "POST" else ()
        return self.form_class(*data, instance=self.reviewer_profile, prefix=self.name)
