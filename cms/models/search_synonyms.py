"""Search synonyms: ways of saying one thing that the site's searches treat as the same."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from cms.searching import search_terms


class SearchSynonym(models.Model):
    """A group of phrases that mean the same, e.g. “knee arthritis” and “knee osteoarthritis”.

    A search containing any one of them also finds pages that use another instead.
    """

    phrases = models.TextField(
        help_text="Two or more ways of saying the same thing, one per line, e.g. “TCM” on one "
        "line and “traditional Chinese medicine” on the next. A search for any of them also "
        "finds pages that use the others. Capitals and punctuation make no difference.",
    )

    panels = [FieldPanel("phrases")]

    class Meta:
        verbose_name = "search synonym"
        ordering = ["phrases"]

    def __str__(self):
        return " = ".join(self.phrase_list())

    def phrase_list(self):
        """The phrases as a search compares them (lower-case words), each once, in order."""
        return list(dict.fromkeys(filter(None, map(search_terms, self.phrases.splitlines()))))

    def clean(self):
        if len(self.phrase_list()) < 2:
            raise ValidationError({"phrases": "Give at least two different phrases, one per line."})
