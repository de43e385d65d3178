"""A "get listed" application sent from the site, worked by directory managers in the admin."""

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from wagtail.images import get_image_model

from practitioners.models.listing import Language, ListingDetails, Modality, Practitioner


class ApplicationStatus(models.TextChoices):
    NEW = "new", "New"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class PractitionerApplication(ListingDetails):
    """A "get listed" request sent from the site, worked by directory managers in the admin."""

    email = models.EmailField(
        help_text="Where we write about this application; also used for patient enquiries."
    )
    photo = models.ImageField(
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

    def approve(self, user):
        """Make a draft listing from the application, to be verified and published."""
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

    def reject(self, user, reason):
        self.status = ApplicationStatus.REJECTED
        self.rejection_reason = reason
        self.decided_by = user
        self.decided_at = timezone.now()
        self.save()

    def make_photo_image(self):
        self.photo.open("rb")
        try:
            return get_image_model().objects.create(
                title=self.name, file=ImageFile(self.photo.file, name=self.photo.name)
            )
        finally:
            self.photo.close()
