"""The practitioner directory: listings (a snippet), the directory page, and applications."""

import datetime

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, Page, PreviewableMixin, RevisionMixin

from cms.roles import DIRECTORY_MANAGERS
from practitioners import geo
from practitioners.photos import ApplicantPhotoField
from practitioners.us_states import USState

# The last thing in a profile's address: /practitioners/apply/ is the form, not a listing.
RESERVED_SLUGS = {"apply"}


def verification_cutoff(today=None):
    """The oldest verification date still current: settings.PRACTITIONER_VERIFICATION_VALID_MONTHS
    (12 by default) months before today."""
    today = today or timezone.localdate()
    months = settings.PRACTITIONER_VERIFICATION_VALID_MONTHS
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    # The 31st of a month that has no 31st becomes the last day of that month.
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue


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


class Language(models.Model):
    name = models.CharField(max_length=60, unique=True, help_text="The language, e.g. Spanish.")
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Used in the directory's address, e.g. spanish in ?language=spanish.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Modality(models.Model):
    name = models.CharField(
        max_length=60, unique=True, help_text="A treatment offered, e.g. Cupping or Moxibustion."
    )
    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Used in the directory's address, e.g. cupping in ?modality=cupping.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "modalities"

    def __str__(self):
        return self.name


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


class PractitionerForm(WagtailAdminModelForm):
    """The listing's admin form: names the person verifying unless someone already is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "verified_by" not in self.fields:
            return
        self.fields["verified_by"].queryset = (
            get_user_model()
            .objects.filter(
                models.Q(groups__name=DIRECTORY_MANAGERS) | models.Q(is_superuser=True),
                is_active=True,
            )
            .distinct()
            .order_by("first_name", "last_name")
        )
        if not self.instance.verified_by_id and self.for_user:
            self.initial["verified_by"] = self.for_user.pk


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
        return PractitionerDirectoryPage.objects.live().first()

    def get_preview_template(self, request, mode_name):
        return "practitioners/profile.html"

    def get_preview_context(self, request, mode_name):
        from practitioners.views import profile_context

        return profile_context(request, self.directory_page, self)


class PractitionerDirectoryPage(RoutablePageMixin, Page):
    """/practitioners/: verified, licensed practitioners, searchable by place."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short explanation of who is listed and how listings are verified.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "practitioner directory"

    @path("")
    def directory(self, request):
        from practitioners import views

        return views.directory(request, self)

    @path("apply/")
    def apply(self, request):
        from practitioners import views

        return views.apply(request, self)

    @path("apply/thanks/")
    def application_received(self, request):
        from practitioners import views

        return views.application_received(request, self)

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        from practitioners import views

        return views.profile(request, self, slug)

    @path("<slug:slug>/email/", name="email")
    def email(self, request, slug):
        from practitioners import views

        return views.email_practitioner(request, self, slug)


class ApplicationStatus(models.TextChoices):
    NEW = "new", "New"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class ApplicationAlreadyDecided(Exception):
    """Another manager decided on the application first; `application` says how."""

    def __init__(self, application):
        super().__init__(f"The application from {application.name} was already decided.")
        self.application = application


class PractitionerApplication(ListingDetails):
    """A "get listed" request sent from the site, worked by directory managers in the admin."""

    email = models.EmailField(
        help_text="Where we write about this application; also used for patient enquiries."
    )
    # Kept outside public media, under a random name (practitioners.photos).
    photo = ApplicantPhotoField(
        upload_to="practitioner-applications/",
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
        help_text="Optional: a JPEG, PNG or WebP head-and-shoulders photo, up to 5 MB.",
    )
    conditions = models.ManyToManyField(
        "research.ConditionIndexPage",
        blank=True,
        related_name="+",
        help_text="Conditions you treat.",
    )
    modalities = models.ManyToManyField(Modality, blank=True, related_name="+")
    languages = models.ManyToManyField(Language, blank=True, related_name="+")
    consent = models.BooleanField(
        help_text="The applicant agreed to us checking their license and publishing the listing."
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.NEW
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(
        blank=True, help_text="Why the application was turned down; kept for the record."
    )
    practitioner = models.ForeignKey(
        Practitioner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The draft listing made when the application was approved.",
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = "listing application"

    def __str__(self):
        return f"{self.name} ({self.get_license_state_display()})"

    def lock_for_decision(self):
        """Lock this application's row until the transaction ends, so that two managers
        deciding at once decide once: the second waits, then finds it decided."""
        locked = type(self).objects.select_for_update().get(pk=self.pk)
        if locked.status != ApplicationStatus.NEW:
            raise ApplicationAlreadyDecided(locked)

    @transaction.atomic
    def approve(self, user):
        """Make a draft listing from the application, to be verified and published."""
        self.lock_for_decision()
        listing = Practitioner(
            live=False,
            enquiry_email=self.email,
            **{
                field.name: getattr(self, field.name)
                for field in ListingDetails._meta.get_fields()
                if field.concrete
            },
        )
        if self.photo:
            listing.photo = self.make_photo_image()
        # Parental relations are held on the listing and written by its save().
        listing.conditions.set(self.conditions.all())
        listing.modalities.set(self.modalities.all())
        listing.languages.set(self.languages.all())
        listing.save()
        listing.save_revision(user=user, log_action=True)
        self.practitioner = listing
        self.status = ApplicationStatus.APPROVED
        self.decided_by = user
        self.decided_at = timezone.now()
        self.save()
        return listing

    @transaction.atomic
    def reject(self, user, reason):
        """Turn the application down; its photo is deleted once the decision is saved."""
        self.lock_for_decision()
        photo = self.photo.name
        self.photo = ""
        self.status = ApplicationStatus.REJECTED
        self.rejection_reason = reason
        self.decided_by = user
        self.decided_at = timezone.now()
        self.save()
        if photo:
            storage = self.photo.storage
            transaction.on_commit(lambda: storage.delete(photo))

    def make_photo_image(self):
        from django.core.files.images import ImageFile
        from wagtail.images import get_image_model

        self.photo.open("rb")
        try:
            return get_image_model().objects.create(
                title=self.name, file=ImageFile(self.photo.file, name=self.photo.name)
            )
        finally:
            self.photo.close()
