"""The sign-up form and the "manage my alerts" form."""

from django import forms

from research.models import ConditionIndexPage

EMAIL_MAX_LENGTH = 254  # the longest address SMTP carries (RFC 3696 erratum 1690)


def followable_conditions():
    """Live conditions open to everyone. Wagtail's `public()` reads the view restrictions when
    it is called, so forms call this when they are made, not when their class is defined."""
    return ConditionIndexPage.objects.live().public().order_by("title")


class ConditionsField(forms.ModelMultipleChoiceField):
    """Conditions ticked by slug, so that `?condition=<slug>` can pre-tick one."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            queryset=ConditionIndexPage.objects.none(),
            to_field_name="slug",
            label="Conditions",
            error_messages={
                "required": "Tick at least one condition to follow.",
                "invalid_choice": "One of the conditions sent is not one we cover. "
                "Tick conditions from the list.",
                "invalid_list": "Tick the conditions to follow from the list.",
            },
            **kwargs,
        )


class FollowForm(forms.Form):
    email = forms.EmailField(
        label="Your email address",
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter an email address in the form name@example.org.",
            "max_length": f"An email address has at most {EMAIL_MAX_LENGTH} characters; "
            "this one is longer. Check it and try again.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    conditions = ConditionsField(help_text="Tick one or more.")
    # A field people never see; bots that fill every input reveal themselves with it.
    website = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["conditions"].queryset = followable_conditions()

    @property
    def is_spam(self):
        return bool(self.data.get("website"))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class ManageForm(forms.Form):
    conditions = ConditionsField(
        help_text="Untick a condition to stop hearing about it. To stop every email, "
        "unsubscribe below."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["conditions"].queryset = followable_conditions()
