"""Editorial settings that administrators change without a developer."""

import re

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_MEDICAL_DISCLAIMER = (
    "This summary is for information, not medical advice. It does not replace a consultation "
    "with a qualified clinician: talk to your doctor or a licensed practitioner before starting, "
    "stopping or changing any treatment."
)
DEFAULT_CLAIM_WORDS = "\n".join(
    [
        "cure",
        "cures",
        "cured",
        "guaranteed",
        "guarantee",
        "proven to",
        "miracle",
        "no side effects",
        "risk-free",
        "100% effective",
        "instant relief",
    ]
)


@register_setting(icon="clipboard-list")
class EditorialSettings(BaseSiteSetting):
    """The medical disclaimer on every article, the wording the content checks flag and how
    long a clinical review holds."""

    medical_disclaimer = models.TextField(
        default=DEFAULT_MEDICAL_DISCLAIMER,
        help_text="Shown at the end of every research article. Keep it to two or three "
        "sentences in plain words.",
    )
    claim_words = models.TextField(
        "claim words to flag",
        default=DEFAULT_CLAIM_WORDS,
        blank=True,
        help_text="One word or phrase a line. The content checks warn writers and reviewers "
        "when an article uses one, e.g. “cure” or “proven to”. Capitals do not matter.",
    )

    review_interval_months = models.PositiveSmallIntegerField(
        "months between clinical reviews",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="When a clinical reviewer approves an article, it is due for review again this "
        "many months later (a reviewer may choose an earlier date). A change here applies to "
        "approvals from now on, not to dates already set.",
    )

    panels = [
        FieldPanel("medical_disclaimer"),
        FieldPanel("claim_words"),
        FieldPanel("review_interval_months"),
    ]

    class Meta:
        verbose_name = "editorial settings"

    def claim_word_list(self):
        """The claim words, one entry each, without blank lines or stray spaces."""
        return [
            re.sub(r"\s+", " ", line).strip()
            for line in self.claim_words.splitlines()
            if line.strip()
        ]
