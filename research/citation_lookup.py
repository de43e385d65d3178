"""Fill in an article's citation from a DOI (Crossref) or a PubMed ID (NCBI E-utilities).

Both services are public JSON APIs that need no key; `requests` with a short timeout is
all they take. Their base URLs are settings (CROSSREF_API_URL, NCBI_EUTILS_URL) so the
tests and the browser journey serve stored responses from a local stub instead.
Nothing here saves anything: the writer sees the values in the form and saves them.
"""

import html
import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import quote

import requests
import urllib3
from django.conf import settings
from django.utils.html import strip_tags

DOI_IN_TEXT = re.compile(r"(10\.\d{4,9}/\S+)")
PUBMED_ID = re.compile(r"^(?:pmid:?\s*|https?://pubmed\.ncbi\.nlm\.nih\.gov/)?(\d{1,9})/?$", re.I)
PUBMED_MONTHS = {
    name: number
    for number, name in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        start=1,
    )
}
# "2023 May 24", "2023 May", "2023": PubMed's display date.
PUBMED_DATE = re.compile(r"^(\d{4})(?:\s+([A-Z][a-z]{2}))?(?:\s+(\d{1,2}))?")
# "Christensen RH" → surname "Christensen", initials "RH".
PUBMED_AUTHOR = re.compile(r"^(.+?)\s+([A-Z]{1,4})$")


class CitationLookupError(Exception):
    """A message in words for the writer; the form stays as it was."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


@dataclass
class Citation:
    source: str
    title: str = ""
    journal: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    authors: list[str] = field(default_factory=list)
    doi: str = ""
    pubmed_id: str = ""
    source_url: str = ""
    # Read by the bulk import (research.importing); the editor's fill-in leaves them alone.
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publication_types: list[str] = field(default_factory=list)

    def form_values(self):
        """The article form's fields, by name, that the lookup found a value for."""
        values = {
            "title": self.title,
            "journal": self.journal,
            "publication_year": self.year,
            "publication_month": self.month,
            "publication_day": self.day,
            "doi": self.doi,
            "pubmed_id": self.pubmed_id,
            "source_url": self.source_url,
        }
        return {name: value for name, value in values.items() if value}


def parse_identifier(raw):
    """("doi", "10.…") or ("pubmed", "123…") from what a writer pastes: bare, URL or prefixed."""
    text = (raw or "").strip()
    pubmed = PUBMED_ID.match(text)
    if pubmed:
        return "pubmed", pubmed.group(1)
    doi = DOI_IN_TEXT.search(text)
    if doi:
        return "doi", doi.group(1).rstrip(".")
    raise CitationLookupError(
        "That is neither a DOI (it starts with “10.”, e.g. 10.1186/s10194-023-01590-5) nor a "
        "PubMed ID (digits only, e.g. 37221469)."
    )


class AnswerTooSlow(Exception):
    pass


class AnswerTooLarge(Exception):
    pass


def _read_capped(response):
    """The body, read in parts as they come: AnswerTooSlow once the whole answer has taken
    CITATION_LOOKUP_TOTAL_TIMEOUT (each part may take CITATION_LOOKUP_TIMEOUT, so a service
    that trickles would otherwise hold the writer for ever), AnswerTooLarge past
    CITATION_LOOKUP_MAX_BYTES."""
    limit = settings.CITATION_LOOKUP_MAX_BYTES
    deadline = time.monotonic() + settings.CITATION_LOOKUP_TOTAL_TIMEOUT
    if int(response.headers.get("Content-Length") or 0) > limit:
        raise AnswerTooLarge
    body = bytearray()
    while part := response.raw.read1(64 * 1024):
        body += part
        if len(body) > limit:
            raise AnswerTooLarge
        if time.monotonic() > deadline:
            raise AnswerTooSlow
    return bytes(body)


def _get_json(service, url, params=None):
    """The service's JSON answer, None for "not found", or CitationLookupError in words."""
    timeout = settings.CITATION_LOOKUP_TIMEOUT

    def too_slow(seconds):
        return CitationLookupError(
            f"{service} did not answer within {seconds:g} seconds. Try again in a minute, or "
            "type the citation in by hand.",
            status=504,
        )

    try:
        with requests.get(
            url,
            params=params,
            timeout=timeout,
            headers={"User-Agent": settings.CITATION_LOOKUP_USER_AGENT},
            stream=True,
        ) as response:
            if response.status_code == 404:
                return None
            if response.status_code != 200:
                raise CitationLookupError(
                    f"{service} answered with an error (HTTP {response.status_code}). Try again "
                    "later, or type the citation in by hand.",
                    status=502,
                )
            body = _read_capped(response)
    except (requests.Timeout, urllib3.exceptions.TimeoutError) as error:
        raise too_slow(timeout) from error
    except AnswerTooSlow as error:
        raise too_slow(settings.CITATION_LOOKUP_TOTAL_TIMEOUT) from error
    except AnswerTooLarge as error:
        raise CitationLookupError(
            f"{service} sent far more than a citation. Type the citation in by hand.",
            status=502,
        ) from error
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
        raise CitationLookupError(
            f"{service} could not be reached. Check the connection and try again, or type the "
            "citation in by hand.",
            status=502,
        ) from error
    try:
        return json.loads(body)
    except ValueError as error:
        raise CitationLookupError(
            f"{service} sent an answer this site cannot read. Type the citation in by hand.",
            status=502,
        ) from error


def clean_text(value):
    """Crossref titles may carry markup (<i>, <sub>) and entities; the form wants words."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def initials_then_surname(given, family):
    """“Rune Häckert”, “Christensen” → “R H Christensen”, the way the article page lists authors."""
    initials = " ".join(part[0] for part in re.split(r"[\s.]+", given or "") if part)
    return " ".join(part for part in (initials, family) if part)


def crossref_date(work):
    """(year, month, day) from the first date Crossref gives; missing parts are None."""
    for key in ("issued", "published", "published-online", "published-print"):
        parts = ((work.get(key) or {}).get("date-parts") or [[]])[0]
        if parts and parts[0]:
            return (list(parts) + [None, None])[:3]
    return None, None, None


def from_crossref(doi):
    data = _get_json("Crossref", f"{settings.CROSSREF_API_URL}/works/{quote(doi, safe='/')}")
    if data is None or not isinstance(data.get("message"), dict):
        raise CitationLookupError(
            f"Crossref does not know the DOI {doi}. Check it against the study, or type the "
            "citation in by hand.",
            status=404,
        )
    work = data["message"]
    year, month, day = crossref_date(work)
    authors = [
        initials_then_surname(person.get("given"), person.get("family")) or person.get("name", "")
        for person in work.get("author", [])
    ]
    return Citation(
        source="Crossref",
        title=clean_text((work.get("title") or [""])[0]),
        journal=clean_text((work.get("container-title") or [""])[0]),
        year=year,
        month=month,
        day=day,
        authors=[name for name in authors if name],
        doi=work.get("DOI") or doi,
        volume=work.get("volume") or "",
        issue=work.get("issue") or "",
        pages=work.get("page") or work.get("article-number") or "",
        source_url=((work.get("resource") or {}).get("primary") or {}).get("URL")
        or work.get("URL")
        or f"https://doi.org/{doi}",
    )


def pubmed_author(name):
    """“Christensen RH” → “R H Christensen”; a group name (“PRISMA Group”) stays as it is."""
    match = PUBMED_AUTHOR.match(name.strip())
    if not match:
        return name.strip()
    surname, initials = match.groups()
    return " ".join([*initials, surname])


def from_pubmed(pubmed_id):
    data = _get_json(
        "PubMed",
        f"{settings.NCBI_EUTILS_URL}/esummary.fcgi",
        params={
            "db": "pubmed",
            "id": pubmed_id,
            "retmode": "json",
            "tool": settings.CITATION_LOOKUP_TOOL_NAME,
            "email": settings.CITATION_LOOKUP_CONTACT_EMAIL,
        },
    )
    summary = ((data or {}).get("result") or {}).get(pubmed_id)
    if not summary or "error" in summary:
        raise CitationLookupError(
            f"PubMed does not know the ID {pubmed_id}. Check it against the study, or type the "
            "citation in by hand.",
            status=404,
        )
    date = PUBMED_DATE.match(summary.get("pubdate", ""))
    year, month, day = date.groups() if date else (None, None, None)
    doi = next(
        (
            article_id["value"]
            for article_id in summary.get("articleids", [])
            if article_id.get("idtype") == "doi"
        ),
        "",
    )
    return Citation(
        source="PubMed",
        title=clean_text(summary.get("title", "")).removesuffix("."),
        journal=clean_text(summary.get("fulljournalname") or summary.get("source", "")),
        year=int(year) if year else None,
        month=PUBMED_MONTHS.get(month),
        day=int(day) if day else None,
        authors=[
            pubmed_author(author["name"])
            for author in summary.get("authors", [])
            if author.get("authtype", "Author") == "Author" and author.get("name")
        ],
        doi=doi,
        pubmed_id=pubmed_id,
        volume=summary.get("volume") or "",
        issue=summary.get("issue") or "",
        pages=summary.get("pages") or "",
        publication_types=list(summary.get("pubtype") or []),
        source_url=f"https://doi.org/{doi}"
        if doi
        else f"https://pubmed.ncbi.nlm.nih.gov/{pubmed_id}/",
    )


def lookup(raw_identifier):
    """The citation for a DOI or PubMed ID, or CitationLookupError with a message in words."""
    kind, identifier = parse_identifier(raw_identifier)
    if kind == "doi":
        return from_crossref(identifier)
    return from_pubmed(identifier)
