"""A visitor who follows conditions by email: the address and its choices, nothing more.

Imported at the end of research.models, so the model belongs to the research app.
"""

from django.db import models


class ConditionFollowerQuerySet(models.QuerySet):
    def for_address(self, email):
        return self.filter(email__iexact=email)


class ConditionFollower(models.Model):
    """A confirmed follower. Rows exist only once the address owner has confirmed (double
    opt-in); unsubscribing deletes the row and its choices. No IP address, no open or click
    tracking is kept anywhere."""

    email = models.EmailField(max_length=254, unique=True)
    # Deleting a condition deletes only the through rows: the follower keeps its other choices.
    conditions = models.ManyToManyField(
        "research.ConditionIndexPage", related_name="followers", blank=True
    )
    confirmed_at = models.DateTimeField(help_text="When the address owner confirmed.")
    last_digest_at = models.DateTimeField(
        help_text="New research is what was published after this time: the last digest sent, "
        "or the confirmation for a follower who has had none yet."
    )

    objects = ConditionFollowerQuerySet.as_manager()

    class Meta:
        verbose_name = "condition follower"
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def condition_titles(self):
        """The followed conditions' titles, for the admin's list and export (prefetched)."""
        return ", ".join(condition.title for condition in self.conditions.all())
