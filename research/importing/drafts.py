"""Make a draft research article from a Reference, and find the article it would duplicate."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.text import slugify
from wagtail.log_actions import log

from research.citation_lookup import Citation
from research.importing.references import Reference, study_design_from, tags_from
from research.models import ArticleAuthor, ResearchArticlePage, article_body_skeleton

SLUG_LENGTH = 80
# A draft is saved the way Wagtail saves drafts: required fields may still be empty (the writer
# fills them before submitting), but what is there must fit its field.
DRAFT_DEFERRED_CODES = {"blank", "null", "required"}


def existing_article(reference):
    """The first article (draft or live) with the same DOI (any capitals) or PubMed ID, or, for
    a reference with neither, the same title."""
    match = Q()
    if reference.doi:
        match |= Q(doi__iexact=reference.doi)
    if reference.pubmed_id:
        match |= Q(pubmed_id=reference.pubmed_id)
    if not match and reference.title:
        match = Q(draft_title__iexact=reference.title) | Q(title__iexact=reference.title)
    if not match:
        return None
    return ResearchArticlePage.objects.filter(match).order_by("pk").first()


def merge_citation(reference, citation: Citation):
    """The reference with the look-up's values where the source gave none."""
    values = reference.as_json()
    found = {
        "doi": citation.doi,
        "pubmed_id": citation.pubmed_id,
        "title": citation.title,
        "journal": citation.journal,
        "year": citation.year,
        "month": citation.month,
        "day": citation.day,
        "authors": citation.authors,
        "volume": citation.volume,
        "issue": citation.issue,
        "pages": citation.pages,
        "source_url": citation.source_url,
        "study_design": study_design_from(citation.publication_types),
    }
    for name, value in found.items():
        if value and not values.get(name):
            values[name] = value
    # The services' values are held to the same checks as a file's.
    return Reference.from_json(values).check()


def unique_slug(condition, title):
    base = slugify(title)[:SLUG_LENGTH].strip("-") or "study"
    taken = set(
        condition.get_children().filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, suffix = base, 1
    while slug in taken:
        suffix += 1
        slug = f"{base}-{suffix}"
    return slug


def draft_problems(page):
    """What is wrong with the draft's values, in words, ignoring fields left for the writer."""
    try:
        page.clean_fields(exclude=["path", "depth", "slug", "url_path", "content_type"])
    except ValidationError as error:
        return [
            f"{page._meta.get_field(name).verbose_name}: {problem.message % (problem.params or {})}"
            for name, problems in error.error_dict.items()
            for problem in problems
            if problem.code not in DRAFT_DEFERRED_CODES
        ]
    return []


def create_draft(reference, condition, user):
    """A new draft article under `condition`, never published; ValidationError if it cannot."""
    if not reference.title:
        raise ValidationError("The source gives no title for this study.")
    if not reference.year:
        raise ValidationError(
            "The source gives no publication year; add it to the file, or import the study "
            "by its DOI or PubMed ID."
        )
    page = ResearchArticlePage(
        title=reference.title,
        slug=unique_slug(condition, reference.title),
        journal=reference.journal,
        publication_year=reference.year,
        publication_month=reference.month,
        publication_day=reference.day if reference.month else None,
        volume=reference.volume,
        issue=reference.issue,
        pages=reference.pages,
        doi=reference.doi,
        pubmed_id=reference.pubmed_id,
        source_url=reference.source_url
        or (f"https://doi.org/{reference.doi}" if reference.doi else ""),
        study_design=reference.study_design,
        body=article_body_skeleton(),
        live=False,
        has_unpublished_changes=True,
        owner=user,
    )
    page.authors = [ArticleAuthor(name=name[:255]) for name in reference.authors if name]
    problems = draft_problems(page)
    if problems:
        raise ValidationError(" ".join(problems))
    tags = tags_from(reference.keywords)
    if tags:
        page.tags.add(*tags)
    condition.add_child(instance=page)
    page.save_revision(user=user, clean=False, log_action=False)
    log(instance=page, action="wagtail.create", user=user)
    return page
