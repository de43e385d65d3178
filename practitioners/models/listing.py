"""A practitioner's listing: the snippet, what it shares with an application, its validators and
the languages and treatments (modalities) it offers."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin

from practitioners import geo
from practitioners.admin_forms import PractitionerForm
from practitioners.profiles import profile_context
from practitioners.us_states import USState
from practitioners.verification import verification_cutoff

# The last thing in a profile's address: /practitioners/apply/ is the form, not a listing.
RESERVED_SLUGS = {"apply"}


def validate_us_zip(value):
    if not geo.is_zip_format(value):
        raise ValidationError("Enter a US ZIP code: five digits, such as 94110.")
    if geo.place_for_zip(value) is None:
        raise ValidationError(f"{value} is not a US ZIP code we know. Check the digits.")


validate_license_number = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9 .\-/]{2,29}$",
    "A license number is 3 to 30 letters and digits (dashes, dots and slashes allowed), "
    "as printed on the license, e.g. AC-12345.",
)
validate_us_phone = RegexValidator(
    r"^(\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]?\d{4}$",
    "Enter a US phone number with its area code, e.g. (415) 555-0134.",
)


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Not yet verified"
    VERIFIED = "verified", "Verified"
    EXPIRED = "expired", "License expired"
    SUSPENDED = "suspended", "License suspended"


class Vocabulary(models.Model):
    """A short list editors keep for the directory's filters: each entry's name and the slug
    that stands for it in the directory's address."""

    name = models.CharField(
        max_length=60, unique=True, help_text="As visitors see it on profiles and in the search."
    )
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Used in the directory's address, e.g. spanish in ?language=spanish or "
        "cupping in ?modality=cupping.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Language(Vocabulary):
    """A language practitioners treat patients in, e.g. Spanish."""


class Modality(Vocabulary):
    """A treatment offered, e.g. Cupping or Moxibustion."""

    class Meta(Vocabulary.Meta):
        verbose_name_plural = "modalities"


class ListingDetails(models.Model):
    """What a practitioner tells us about themselves: shared by listings and applications."""

    name = models.CharField(
        max_length=120, help_text="Full name as it appears on the license, e.g. Mei Lin Chen."
    )
    credentials = models.CharField(
        max_length=80,
        blank=True,
        help_text="Letters after the name, separated by commas, e.g. L.Ac., DACM.",
    )
    biography = models.TextField(
        max_length=2000,
        blank=True,
        help_text="A few plain sentences about training, approach and experience (2,000 "
        "characters at most).",
    )
    license_number = models.CharField(
        max_length=30,
        validators=[validate_license_number],
        help_text="The acupuncture license number exactly as the state board issues it.",
    )
    license_state = models.CharField(
        max_length=2,
        choices=USState.choices,
        help_text="The state whose board issued the license.",
    )
    board_certification = models.CharField(
        max_length=80,
        blank=True,
        help_text="National board certification, if any, e.g. NCCAOM Diplomate of Acupuncture.",
    )
    board_certificate_number = models.CharField(
        max_length=30,
        blank=True,
        help_text="The certificate number, so that the certification can be checked.",
    )
    offers_telehealth = models.BooleanField(
        default=False,
        help_text="Sees patients by video as well as (or instead of) in person.",
    )
    accepting_new_patients = models.BooleanField(
        default=True, help_text="Has room for new patients at the moment."
    )
    practice_name = models.CharField(
        max_length=120, blank=True, help_text="The clinic or practice, e.g. Mission Acupuncture."
    )
    street_address = models.CharField(
        max_length=200, help_text="Street and number, with suite if any."
    )
    city = models.CharField(max_length=80)
    state = models.CharField(max_length=2, choices=USState.choices)
    zip_code = models.CharField(
        "ZIP code",
        max_length=10,
        validators=[validate_us_zip],
        help_text="Five digits. Distance searches measure from this ZIP code's centre.",
    )
    phone = models.CharField(
        max_length=25,
        blank=True,
        validators=[validate_us_phone],
        help_text="The number patients call, with area code, e.g. (415) 555-0134.",
    )
    website = models.URLField(blank=True, help_text="The practice's website, starting https://.")
    booking_url = models.URLField(
        "booking link",
        blank=True,
        help_text="Where patients book an appointment online, starting https://.",
    )

    class Meta:
        abstract = True

    @property
    def zip5(self):
        return self.zip_code[:5]


class PractitionerQuerySet(models.QuerySet):
    def visible(self):
        """What visitors may see: published listings whose license has been verified."""
        return self.filter(live=True, verification_status=VerificationStatus.VERIFIED)

    def due_for_reverification(self, today=None):
        return self.filter(
            verification_status=VerificationStatus.VERIFIED,
        ).filter(models.Q(verified_on__lt=verification_cutoff(today)) | models.Q(verified_on=None))


class Practitioner(
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    PreviewableMixin,
    ListingDetails,
    ClusterableModel,
):
    """A licensed practitioner's listing in the directory."""

    slug = models.SlugField(
        max_length=140,
        unique=True,
        blank=True,
        help_text="The profile's address: /practitioners/<slug>/. Leave blank to make one from "
        "the name.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A clear, recent head-and-shoulders photo; square works best.",
    )
    verification_status = models.CharField(
        max_length=12,
        choices=VerificationStatus.choices,
        default=VerificationStatus.UNVERIFIED,
        help_text="Only verified listings appear on the site. Choose Verified only after "
        "checking the license with the state board.",
    )
    verified_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day you checked the license (and board certification) yourself.",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who checked the license.",
    )
    conditions = ParentalManyToManyField(
        "research.ConditionIndexPage",
        blank=True,
        related_name="practitioners",
        help_text="Conditions this practitioner treats; each links to its research.",
    )
    modalities = ParentalManyToManyField(
        Modality, blank=True, related_name="practitioners", help_text="Treatments offered."
    )
    languages = ParentalManyToManyField(
        Language,
        blank=True,
        related_name="practitioners",
        help_text="Languages the practitioner can treat patients in.",
    )
    enquiry_email = models.EmailField(
        blank=True,
        help_text="Where enquiries go. Never printed on the page, so that it is not harvested.",
    )
    is_sample = models.BooleanField(
        "sample listing",
        default=False,
        help_text="Fictional demo content; the profile says so.",
    )
    latitude = models.FloatField(null=True, editable=False)
    longitude = models.FloatField(null=True, editable=False)

    objects = PractitionerQuerySet.as_manager()
    base_form_class = PractitionerForm

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("credentials"),
                FieldPanel("slug"),
                FieldPanel("photo"),
                FieldPanel("biography"),
                FieldPanel("is_sample"),
            ],
            heading="Who they are",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("license_number"), FieldPanel("license_state")]),
                FieldRowPanel(
                    [FieldPanel("board_certification"), FieldPanel("board_certificate_number")]
                ),
                FieldPanel("verification_status"),
                FieldRowPanel([FieldPanel("verified_on"), FieldPanel("verified_by")]),
            ],
            heading="License and verification",
        ),
        MultiFieldPanel(
            [
                FieldPanel("conditions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("modalities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [FieldPanel("offers_telehealth"), FieldPanel("accepting_new_patients")]
                ),
            ],
            heading="What they offer",
        ),
        MultiFieldPanel(
            [
                FieldPanel("practice_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("zip_code")]),
                FieldPanel("phone"),
                FieldPanel("website"),
                FieldPanel("booking_url"),
                FieldPanel("enquiry_email"),
            ],
            heading="Practice and contact",
        ),
    ]

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="practitioner_lat_lng")]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        place = geo.place_for_zip(self.zip_code)
        self.latitude = place.latitude if place else None
        self.longitude = place.longitude if place else None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is taken by the site; choose another."})
        if self.verification_status == VerificationStatus.VERIFIED and not self.verified_on:
            raise ValidationError(
                {"verified_on": "Give the day you checked the license before marking it verified."}
            )
        if self.verified_on and self.verified_on > timezone.localdate():
            raise ValidationError({"verified_on": "The verification date cannot be in the future."})

    def unique_slug(self):
        base = slugify(self.name)[:120] or "practitioner"
        slug, n = base, 1
        taken = Practitioner.objects.exclude(pk=self.pk)
        while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    @property
    def verification_is_current(self):
        return (
            self.verification_status == VerificationStatus.VERIFIED
            and self.verified_on is not None
            and self.verified_on >= verification_cutoff()
        )

    @property
    def needs_reverification(self):
        return (
            self.verification_status == VerificationStatus.VERIFIED
            and not self.verification_is_current
        )

    @cached_property
    def directory_page(self):
        # Looked up by name: the directory page's module builds on this one.
        directory_page_model = apps.get_model("practitioners", "PractitionerDirectoryPage")
        return directory_page_model.objects.live().first()

    def get_preview_template(self, request, mode_name):
        return "practitioners/profile.html"

    def get_preview_context(self, request, mode_name):
        return profile_context(request, self.directory_page, self)
