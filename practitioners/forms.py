"""The directory's search form and the "get listed" application form."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage

from practitioners import geo
from practitioners.models.application import PractitionerApplication
from practitioners.models.listing import Language, Modality
from research.models import ConditionIndexPage

RADIUS_CHOICES = [(10, "10 miles"), (25, "25 miles"), (50, "50 miles"), (100, "100 miles")]
DEFAULT_RADIUS = 25
MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


class SlugChoiceField(forms.ModelChoiceField):
    """A choice of object by slug, whose error names the option the visitor asked for."""

    default_error_messages = {
        "invalid_choice": "We don't list that %(what)s. Choose one from the list.",
    }

    def __init__(self, queryset, what, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "invalid_choice": self.error_messages["invalid_choice"] % {"what": what},
        }


def coordinate_field(limit):
    """A latitude (limit 90) or longitude (limit 180) in degrees. Hidden, because nobody types
    coordinates: the browser's location fills it in."""
    return forms.FloatField(
        required=False,
        min_value=-limit,
        max_value=limit,
        widget=forms.HiddenInput,
        error_messages={"invalid": "Your location could not be read. Enter a ZIP code instead."},
    )


class DirectorySearchForm(forms.Form):
    zip = forms.CharField(
        label="ZIP code",
        required=False,
        max_length=10,
        error_messages={"max_length": "A ZIP code is five digits, such as 94110."},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 10}
        ),
    )
    # Filled in by the "use my location" button.
    lat = coordinate_field(90)
    lng = coordinate_field(180)
    radius = forms.TypedChoiceField(
        label="Within",
        choices=RADIUS_CHOICES,
        coerce=int,
        required=False,
        initial=DEFAULT_RADIUS,
        empty_value=DEFAULT_RADIUS,
        error_messages={
            "invalid_choice": "Choose a distance from the list: 10, 25, 50 or 100 miles."
        },
    )
    condition = SlugChoiceField(
        ConditionIndexPage.objects.live().order_by("title"),
        "condition",
        label="Condition treated",
        empty_label="Any condition",
    )
    language = SlugChoiceField(
        Language.objects.all(), "language", label="Language", empty_label="Any language"
    )
    modality = SlugChoiceField(
        Modality.objects.all(), "treatment", label="Treatment", empty_label="Any treatment"
    )
    telehealth = forms.BooleanField(
        label="Offers telehealth (licensed in your state)", required=False
    )
    new_patients = forms.BooleanField(label="Accepting new patients", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)

    def clean(self):
        data = super().clean()
        zip_code = (data.get("zip") or "").strip()
        data["place"] = None
        if zip_code:
            if not geo.is_zip_format(zip_code):
                self.add_error("zip", "A ZIP code is five digits, such as 94110.")
            else:
                data["place"] = geo.place_for_zip(zip_code)
                if data["place"] is None:
                    self.add_error(
                        "zip",
                        f"We couldn't find the US ZIP code {zip_code}. Check the digits, "
                        "or try a nearby ZIP code.",
                    )
        elif data.get("lat") is not None and data.get("lng") is not None:
            nearest = geo.nearest_zip_place(data["lat"], data["lng"])
            if nearest is None:
                self.add_error(
                    None,
                    "Your location seems to be outside the United States. "
                    "Enter a US ZIP code instead.",
                )
            else:
                data["place"] = geo.Place(
                    data["lat"], data["lng"], "your location", state=nearest.state
                )
        return data


class PractitionerApplicationForm(forms.ModelForm):
    # A field people never see; bots that fill every input reveal themselves with it.
    fax_number = forms.CharField(
        required=False,
        label="Leave this empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent = forms.BooleanField(
        label="I agree to the directory checking my license and board certification with the "
        "issuing bodies, and to publishing the details above once they are checked.",
        error_messages={"required": "We can only list you with your agreement: tick the box."},
    )

    class Meta:
        model = PractitionerApplication
        fields = [
            "name",
            "credentials",
            "license_number",
            "license_state",
            "board_certification",
            "board_certificate_number",
            "practice_name",
            "street_address",
            "city",
            "state",
            "zip_code",
            "phone",
            "email",
            "website",
            "booking_url",
            "biography",
            "conditions",
            "modalities",
            "languages",
            "offers_telehealth",
            "accepting_new_patients",
            "photo",
            "consent",
        ]
        widgets = {
            "conditions": forms.CheckboxSelectMultiple,
            "modalities": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "biography": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"name": "Full name", "email": "Email address"}
        error_messages = {
            "name": {"required": "Enter your full name as it appears on your license."},
            "license_number": {"required": "Enter your license number."},
            "license_state": {"required": "Choose the state that issued your license."},
            "street_address": {"required": "Enter the street address of your practice."},
            "city": {"required": "Enter the city of your practice."},
            "state": {"required": "Choose the state of your practice."},
            "zip_code": {"required": "Enter the ZIP code of your practice."},
            "email": {"required": "Enter an email address so that we can reach you."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["conditions"].queryset = ConditionIndexPage.objects.live().order_by("title")
        for name, field in self.fields.items():
            if (
                not field.required
                and name not in ("fax_number",)
                and not isinstance(field.widget, forms.CheckboxInput)
            ):
                field.label = f"{field.label} (optional)"
        for name in ("license_state", "state"):
            self.fields[name].choices = [("", "Choose a state")] + list(self.fields[name].choices)[
                1:
            ]

    @property
    def is_spam(self):
        return bool(self.data.get("fax_number"))

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo:
            return photo
        if photo.size > MAX_PHOTO_BYTES:
            raise ValidationError(
                f"This photo is {filesizeformat(photo.size)}; the largest we take is 5 MB."
            )
        try:
            photo.seek(0)
            with PILImage.open(photo) as image:
                image_format = image.format
                image.verify()
        except Exception as error:
            raise ValidationError("This file is not an image we can read.") from error
        finally:
            photo.seek(0)
        if image_format not in PHOTO_FORMATS:
            raise ValidationError("Send the photo as a JPEG, PNG or WebP file.")
        return photo
