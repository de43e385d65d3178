"""What crawlers and citation managers read about an article: JSON-LD and Google Scholar tags."""


def scholar_tags(article):
    """(name, content) pairs for Google Scholar's citation_* meta tags, about the study."""
    tags = [("citation_title", article.title)]
    tags += [("citation_author", name) for name in article.author_names]
    date = [str(article.publication_year)]
    if article.publication_month:
        date.append(f"{article.publication_month:02d}")
        if article.publication_day:
            date.append(f"{article.publication_day:02d}")
    tags += [
        ("citation_publication_date", "/".join(date)),
        ("citation_journal_title", article.journal),
        ("citation_volume", article.volume),
        ("citation_issue", article.issue),
        ("citation_firstpage", article.pages),
        ("citation_doi", article.doi),
        ("citation_pmid", article.pubmed_id),
    ]
    return [(name, content) for name, content in tags if content]


def study_date(article):
    date = str(article.publication_year)
    if article.publication_month:
        date += f"-{article.publication_month:02d}"
        if article.publication_day:
            date += f"-{article.publication_day:02d}"
    return date


def article_json_ld(article, request, library, condition):
    """A schema.org graph: this page, the study it summarises, and the breadcrumb to it."""
    page_url = article.get_full_url(request)
    study_id = article.doi_url or f"{page_url}#study"
    study = {
        "@type": "ScholarlyArticle",
        "@id": study_id,
        "name": article.title,
        "headline": article.title[:110],
        "author": [{"@type": "Person", "name": name} for name in article.author_names],
        "datePublished": study_date(article),
        "isPartOf": {"@type": "Periodical", "name": article.journal},
    }
    if article.doi:
        study["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": article.doi}
        study["sameAs"] = [article.doi_url] + ([article.pubmed_url] if article.pubmed_id else [])
    if article.source_url:
        study["url"] = article.source_url
    crumbs = [page for page in (library, condition) if page is not None] + [article]
    page = {
        "@type": "MedicalWebPage",
        "@id": page_url,
        "url": page_url,
        "name": article.title,
        "description": article.search_description or article.finding_text,
        "about": [{"@id": study_id}],
        "citation": study,
        "breadcrumb": {"@id": f"{page_url}#breadcrumb"},
    }
    if condition is not None:
        page["about"].append({"@type": "MedicalCondition", "name": condition.title})
    if article.first_published_at:
        page["datePublished"] = article.first_published_at.isoformat()
    if article.last_published_at:
        page["dateModified"] = article.last_published_at.isoformat()
    if article.medical_review is not None:
        page.update(article.medical_review.schema_org())
    breadcrumb = {
        "@type": "BreadcrumbList",
        "@id": f"{page_url}#breadcrumb",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }
    return {"@context": "https://schema.org", "@graph": [page, breadcrumb]}
