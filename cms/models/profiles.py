"""How a clinical reviewer is credited on the articles they approve."""

from django.conf import settings
from django.db import models


class ReviewerProfile(models.Model):
    """The name and credentials printed in “Medically reviewed by …” lines.

    Kept apart from the account so that a reviewer's public credit can differ from their
    sign-in name, and so that fixing a typo in it corrects every article they reviewed.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile"
    )
    display_name = models.CharField(
        max_length=120,
        help_text="Your name as readers should see it, e.g. “Dr Rowan Reviewer”.",
    )
    credentials = models.CharField(
        max_length=120,
        blank=True,
        help_text="Your qualifications, e.g. “MD, LAc” or “PhD, Dipl. OM”.",
    )

    class Meta:
        verbose_name = "reviewer profile"

    def __str__(self):
        return self.credit

    @property
    def credit(self):
        """“Dr Rowan Reviewer, MD, LAc”: the name, then the credentials when there are any."""
        return ", ".join(part for part in (self.display_name, self.credentials) if part)
