"""Choices an article's citation offers: the study's design and the month it was published, and
the kinds of study the evidence map and the library's design filter group designs into."""

from dataclasses import dataclass

from django.db import models


class StudyDesign(models.TextChoices):
    SYSTEMATIC_REVIEW = "systematic_review", "Systematic review"
    META_ANALYSIS = "meta_analysis", "Meta-analysis"
    RCT = "rct", "Randomised controlled trial"
    COHORT = "cohort", "Cohort study"
    CASE_SERIES = "case_series", "Case series"
    IMAGING = "imaging", "Imaging study"
    OTHER = "other", "Other"


class Month(models.IntegerChoices):
    JANUARY = 1, "January"
    FEBRUARY = 2, "February"
    MARCH = 3, "March"
    APRIL = 4, "April"
    MAY = 5, "May"
    JUNE = 6, "June"
    JULY = 7, "July"
    AUGUST = 8, "August"
    SEPTEMBER = 9, "September"
    OCTOBER = 10, "October"
    NOVEMBER = 11, "November"
    DECEMBER = 12, "December"


@dataclass(frozen=True)
class DesignGroup:
    """A kind of study on the map, and the value the library's design filter takes for it."""

    label: str
    filter_value: str
    designs: tuple


DESIGN_GROUPS = (
    DesignGroup(
        "Systematic reviews and meta-analyses",
        "reviews",
        (StudyDesign.SYSTEMATIC_REVIEW, StudyDesign.META_ANALYSIS),
    ),
    DesignGroup("Randomised trials", StudyDesign.RCT, (StudyDesign.RCT,)),
    DesignGroup("Cohort studies", StudyDesign.COHORT, (StudyDesign.COHORT,)),
    DesignGroup(
        "Other studies",
        "other-designs",
        (StudyDesign.CASE_SERIES, StudyDesign.IMAGING, StudyDesign.OTHER, ""),
    ),
)
# The grouped values the library's design filter accepts beside each single design.
GROUPED_DESIGN_FILTERS = {
    group.filter_value: group.designs for group in DESIGN_GROUPS if len(group.designs) > 1
}
