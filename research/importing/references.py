"""One reference read from what a writer pasted or uploaded, before it becomes an article.

Every format's reader (research.importing.formats) turns its entries into `Reference`s; the
import stores each as JSON on its entry row, so a refresh or a retry finds it again.
"""

import dataclasses
import re
from dataclasses import dataclass, field

from research.choices import StudyDesign
from research.citation_lookup import PUBMED_AUTHOR, initials_then_surname

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIXES = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
PUBMED_ID = re.compile(r"^\d{1,9}$")
YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")

# What a writer's file may call a study design, lower-cased, and the article's value for it.
# PubMed's publication types come first; the article's own values and labels are added by
# `study_design_from`.
DESIGN_NAMES = {
    "meta-analysis": "meta_analysis",
    "systematic review": "systematic_review",
    "randomized controlled trial": "rct",
    "randomised controlled trial": "rct",
    "rct": "rct",
    "cohort study": "cohort",
    "case series": "case_series",
}
# When a record has several types ("Systematic Review", "Meta-Analysis"), the most specific wins.
DESIGN_PRIORITY = ["meta_analysis", "systematic_review", "rct", "cohort", "case_series", "imaging"]

# The longest values the article's fields hold; longer ones are reported, never cut silently.
FIELD_LIMITS = {"title": 255, "journal": 255, "volume": 20, "issue": 20, "pages": 40}
TAG_MAX_LENGTH = 100


class ImportFileError(Exception):
    """The whole file cannot be read; the message says why in words. Nothing is imported."""


@dataclass
class Reference:
    """A study as its source describes it. `line` is where it starts, for messages."""

    line: int | None = None
    doi: str = ""
    pubmed_id: str = ""
    title: str = ""
    journal: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    authors: list[str] = field(default_factory=list)
    volume: str = ""
    issue: str = ""
    pages: str = ""
    study_design: str = ""
    keywords: list[str] = field(default_factory=list)
    source_url: str = ""
    # A CSV row may name its own condition (by title or slug).
    condition: str = ""
    # The pasted line as given, to name an entry that could not be read.
    given: str = ""
    # Why this entry cannot be imported, in words; empty when it can.
    problem: str = ""

    def as_json(self):
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data):
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{key: value for key, value in (data or {}).items() if key in names})

    @property
    def label(self):
        """How the results table names this entry."""
        if self.doi:
            return self.doi
        if self.pubmed_id:
            return f"PMID {self.pubmed_id}"
        return self.title[:120] or self.given[:120] or "(no title)"

    @property
    def needs_lookup(self):
        """A bare identifier, or a record too thin to make a draft from: ask Crossref/PubMed."""
        has_identifier = bool(self.doi or self.pubmed_id)
        return has_identifier and not (self.title and self.journal and self.year)

    def where(self):
        return f"line {self.line}: " if self.line else ""

    def refuse(self, reason):
        """Mark the entry as not importable, unless an earlier problem was found already."""
        if not self.problem:
            self.problem = self.where() + reason
        return self

    def check(self):
        """Validate identifiers and lengths; sets `problem` in words when something is off."""
        if self.doi and not DOI.match(self.doi):
            self.refuse(
                f"a DOI starts with “10.”, then four or more digits and a slash "
                f"(this one is “{self.doi}”)."
            )
        if self.pubmed_id and not PUBMED_ID.match(self.pubmed_id):
            self.refuse(f"a PubMed ID is up to nine digits (this one is “{self.pubmed_id}”).")
        if not (self.doi or self.pubmed_id or self.title):
            self.refuse("there is no DOI, PubMed ID or title to import.")
        for name, limit in FIELD_LIMITS.items():
            value = getattr(self, name)
            if len(value) > limit:
                self.refuse(
                    f"the {name} is {len(value)} characters long; an article's {name} holds at "
                    f"most {limit}."
                )
        return self


def clean_doi(value):
    """A DOI as the article stores it: no resolver prefix, no trailing full stop."""
    return DOI_PREFIXES.sub("", (value or "").strip()).rstrip(".").strip()


def clean_words(value):
    return " ".join(str(value or "").split())


def year_of(value):
    match = YEAR.search(str(value or ""))
    return int(match.group(1)) if match else None


def int_or_none(value, low, high):
    text = str(value or "").strip()
    if text.isdigit() and low <= int(text) <= high:
        return int(text)
    return None


def ymd(text):
    """(year, month, day) from "2023/05/24/", "2023-05", "2023"; missing parts are None."""
    parts = re.split(r"[/\-\s]+", (text or "").strip())
    year = year_of(parts[0]) if parts else None
    month = int_or_none(parts[1], 1, 12) if len(parts) > 1 and year else None
    day = int_or_none(parts[2], 1, 31) if len(parts) > 2 and month else None
    return year, month, day


def author_name(name):
    """“Christensen, Rune Häckert” or “Christensen RH” → “R H Christensen”, the page's form."""
    name = clean_words(name)
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return initials_then_surname(given, family)
    match = PUBMED_AUTHOR.match(name)
    if match:
        surname, initials = match.groups()
        return " ".join([*initials, surname])
    return name


def tags_from(keywords):
    """Keywords as tags: trimmed, each once (any capitals), none longer than a tag holds."""
    seen, tags = set(), []
    for keyword in keywords:
        word = clean_words(keyword).strip(" .;")
        if word and len(word) <= TAG_MAX_LENGTH and word.lower() not in seen:
            seen.add(word.lower())
            tags.append(word)
    return tags


def study_design_from(names):
    """The article's study design for the types a source lists, or "" when none is known."""
    known = dict(DESIGN_NAMES)
    for design in StudyDesign:
        known[design.value] = design.value
        known[design.label.lower()] = design.value
    found = {known[name.strip().lower()] for name in names if name.strip().lower() in known}
    return next((design for design in DESIGN_PRIORITY if design in found), "")
