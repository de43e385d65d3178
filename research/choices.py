"""Choices an article's citation offers: the study's design and the month it was published."""

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
