"""Turn what a writer pasted or uploaded into `Reference`s, or say in words why it cannot be.

Pasted text holds identifiers, one a line. Files may be RIS (read by `rispy`), BibTeX
(`bibtexparser` 2), PubMed's MEDLINE export (research.importing.medline) or CSV with the header
documented in docs/editors-guide.md. A file that cannot be read at all raises ImportFileError;
an entry that cannot be imported comes back with its `problem` set, and the others go ahead.
"""

import csv
import io
import re

import bibtexparser
import rispy
from bibtexparser import middlewares
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from research.citation_lookup import PUBMED_DATE, PUBMED_MONTHS, CitationLookupError
from research.citation_lookup import parse_identifier as parse_lookup_identifier
from research.importing import medline
from research.importing.references import (
    ImportFileError,
    Reference,
    author_name,
    clean_doi,
    clean_words,
    int_or_none,
    study_design_from,
    tags_from,
    year_of,
    ymd,
)

RIS, BIBTEX, MEDLINE, CSV = "RIS", "BibTeX", "MEDLINE", "CSV"
CSV_COLUMNS = [
    "doi",
    "pubmed_id",
    "title",
    "journal",
    "year",
    "month",
    "day",
    "authors",
    "volume",
    "issue",
    "pages",
    "study_design",
    "keywords",
    "condition",
]
CSV_LIST_SEPARATOR = ";"
RIS_START = re.compile(r"^TY  -", re.M)
RIS_END = re.compile(r"^ER  -", re.M)


def too_many(count, what):
    limit = settings.STUDY_IMPORT_MAX_ENTRIES
    return ImportFileError(
        f"That is {count} {what}; one import takes at most {limit}. Split them into smaller "
        "imports."
    )


# --- Pasted identifiers -----------------------------------------------------------------------


def parse_pasted(text):
    """One Reference per non-empty line: a DOI or PubMed ID (bare, prefixed or as a URL)."""
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1)]
    lines = [(number, line) for number, line in lines if line]
    if not lines:
        raise ImportFileError("Paste at least one DOI or PubMed ID, one a line.")
    if len(lines) > settings.STUDY_IMPORT_MAX_ENTRIES:
        raise too_many(len(lines), "lines")
    return [identifier_reference(number, line) for number, line in lines]


def identifier_reference(number, text):
    reference = Reference(line=number, given=text)
    try:
        kind, identifier = parse_lookup_identifier(text)
    except CitationLookupError:
        shown = text if len(text) <= 60 else text[:57] + "…"
        if text.startswith("10."):
            return reference.refuse(
                f"“{shown}” is not a whole DOI: a DOI starts with “10.”, then four or more "
                "digits, a slash and the rest, e.g. 10.1186/s10194-023-01590-5."
            )
        return reference.refuse(
            f"“{shown}” is neither a DOI (a DOI starts with “10.”, e.g. "
            "10.1186/s10194-023-01590-5) nor a PubMed ID (digits only, e.g. 37221469)."
        )
    if kind == "doi":
        reference.doi = clean_doi(identifier)
    else:
        reference.pubmed_id = identifier
    return reference.check()


# --- Uploaded files ---------------------------------------------------------------------------


def read_upload(upload):
    """The text of an uploaded file, or ImportFileError: too big, empty, binary, not UTF-8."""
    limit = settings.STUDY_IMPORT_MAX_FILE_SIZE
    if upload.size > limit:
        raise ImportFileError(
            f"The file is {filesizeformat(upload.size)}; files of up to {filesizeformat(limit)} "
            "can be imported. Export fewer references at a time."
        )
    data = upload.read()
    if not data.strip():
        raise ImportFileError("The file is empty.")
    if b"\x00" in data[:8192]:
        raise ImportFileError(
            "This is not a text file (it may be a PDF, a Word document or a library "
            "database). Export the references as RIS, BibTeX, PubMed (.nbib) or CSV."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"The file is not in UTF-8: line {line} holds a character that cannot be read "
            "as UTF-8. Save or export it as UTF-8 (Unicode) and try again."
        ) from None


def detect_format(text, filename=""):
    """Which format the text is in, from its contents first and its file name second."""
    start = text.lstrip()
    if RIS_START.search(text):
        return RIS
    if start.startswith("@") or re.search(r"^\s*@\w+\s*[{(]", text, re.M):
        return BIBTEX
    if start.startswith("PMID-"):
        return MEDLINE
    first_line = start.splitlines()[0].lower() if start else ""
    if filename.lower().endswith(".csv") or any(
        column in first_line for column in ("doi", "pubmed_id", "title")
    ):
        return CSV
    raise ImportFileError(
        "This file is not in a format the import reads. Export the references as RIS (.ris), "
        "BibTeX (.bib), PubMed format (.nbib) or CSV with the columns the editors' guide lists."
    )


def parse_file(upload):
    """(format, [Reference]) for an uploaded file, or ImportFileError."""
    text = read_upload(upload)
    file_format = detect_format(text, upload.name or "")
    references = READERS[file_format](text)
    if not references:
        raise ImportFileError(f"The {file_format} file holds no references.")
    if len(references) > settings.STUDY_IMPORT_MAX_ENTRIES:
        raise too_many(len(references), "references")
    return file_format, [reference.check() for reference in references]


# --- RIS --------------------------------------------------------------------------------------


def parse_ris(text):
    starts = [text.count("\n", 0, match.start()) + 1 for match in RIS_START.finditer(text)]
    ends = [text.count("\n", 0, match.start()) + 1 for match in RIS_END.finditer(text)]
    for index, start in enumerate(starts):
        following = starts[index + 1] if index + 1 < len(starts) else float("inf")
        if not any(start < end < following for end in ends):
            raise ImportFileError(
                f"The reference that starts on line {start} has no end: each RIS reference "
                "ends with a line “ER  - ”. The file may have been cut short; export it again."
            )
    try:
        records = rispy.loads(text, skip_unknown_tags=True)
    except (OSError, ValueError) as error:
        raise ImportFileError(f"The RIS file cannot be read: {error}") from None
    return [ris_reference(line, record) for line, record in zip(starts, records, strict=False)]


def first(record, *keys):
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = value[0] if value else ""
        if value:
            return clean_words(value)
    return ""


def ris_reference(line, record):
    year, month, day = ymd(first(record, "date"))
    py_year, py_month, py_day = ymd(first(record, "year", "publication_year"))
    start, end = first(record, "start_page"), first(record, "end_page")
    accession = first(record, "accession_number")
    return Reference(
        line=line,
        doi=clean_doi(first(record, "doi")),
        pubmed_id=accession if accession.isdigit() else "",
        title=first(record, "title", "primary_title"),
        journal=first(
            record, "secondary_title", "journal_name", "alternate_title3", "alternate_title1"
        ),
        year=py_year or year,
        month=py_month or month,
        day=py_day or day,
        authors=[
            author_name(name) for name in record.get("authors") or record.get("first_authors") or []
        ],
        volume=first(record, "volume"),
        issue=first(record, "number"),
        pages=f"{start}–{end}" if start and end and start != end else start,
        keywords=tags_from(record.get("keywords") or []),
        source_url=first(record, "urls"),
    )


# --- BibTeX -----------------------------------------------------------------------------------


def parse_bibtex(text):
    library = bibtexparser.parse_string(
        text,
        append_middleware=[
            middlewares.LatexDecodingMiddleware(),
            middlewares.MonthIntMiddleware(True),
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
        ],
    )
    if library.failed_blocks:
        failed = library.failed_blocks[0]
        raise ImportFileError(
            f"The BibTeX entry that starts on line {failed.start_line + 1} cannot be read "
            "(a brace or quote may be missing). Correct it or export the file again."
        )
    return [bibtex_reference(entry) for entry in library.entries]


def bibtex_reference(entry):
    fields = {key.lower(): value.value for key, value in entry.fields_dict.items()}
    text = {key: clean_words(value) for key, value in fields.items() if isinstance(value, str)}
    authors = [
        author_name(f"{' '.join(name.von + name.last)}, {' '.join(name.first)}")
        if name.first
        else clean_words(" ".join(name.von + name.last))
        for name in fields.get("author") or []
        if not isinstance(name, str)
    ]
    month = fields.get("month")
    pmid = text.get("pmid", "")
    return Reference(
        line=entry.start_line + 1,
        doi=clean_doi(text.get("doi", "")),
        pubmed_id=pmid,
        title=text.get("title", ""),
        journal=text.get("journal", "") or text.get("journaltitle", ""),
        year=year_of(text.get("year") or text.get("date")),
        month=month if isinstance(month, int) and 1 <= month <= 12 else None,
        day=int_or_none(text.get("day"), 1, 31),
        authors=authors,
        volume=text.get("volume", ""),
        issue=text.get("number", "") or text.get("issue", ""),
        pages=text.get("pages", "").replace("--", "–"),
        keywords=tags_from(re.split(r"[;,]", text.get("keywords", ""))),
        source_url=text.get("url", ""),
    )


# --- PubMed MEDLINE ---------------------------------------------------------------------------


def parse_medline(text):
    return [medline_reference(line, tags) for line, tags in medline.read_records(text)]


def medline_reference(line, tags):
    def one(tag):
        return clean_words((tags.get(tag) or [""])[0])

    date = PUBMED_DATE.match(one("DP"))
    year, month, day = date.groups() if date else (None, None, None)
    identifiers = tags.get("LID", []) + tags.get("AID", [])
    return Reference(
        line=line,
        doi=clean_doi(medline.tagged_value(identifiers, "doi")),
        pubmed_id=one("PMID"),
        title=one("TI").removesuffix("."),
        journal=one("JT") or one("TA"),
        year=int(year) if year else None,
        month=PUBMED_MONTHS.get(month),
        day=int(day) if day and month else None,
        authors=[author_name(name) for name in tags.get("FAU") or tags.get("AU") or []],
        volume=one("VI"),
        issue=one("IP"),
        pages=one("PG").replace("-", "–"),
        study_design=study_design_from(tags.get("PT", [])),
        keywords=tags_from(tags.get("OT", [])),
    )


# --- CSV --------------------------------------------------------------------------------------


def parse_csv(text):
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [clean_words(name).lower() for name in reader.fieldnames or []]
    except csv.Error as error:
        raise ImportFileError(f"The CSV file cannot be read: {error}.") from None
    if not {"doi", "pubmed_id", "title"} & set(header):
        raise ImportFileError(
            "The CSV file's first line must name its columns, with at least one of doi, "
            f"pubmed_id or title. The columns the import reads are: {', '.join(CSV_COLUMNS)}."
        )
    reader.fieldnames = header
    references = []
    try:
        for row in reader:
            values = {key: clean_words(value) for key, value in row.items() if key}
            if not any(values.values()):
                continue
            references.append(csv_reference(reader.line_num, values))
    except csv.Error as error:
        raise ImportFileError(f"Line {reader.line_num} of the CSV file: {error}.") from None
    return references


def split_list(value):
    return [part.strip() for part in (value or "").split(CSV_LIST_SEPARATOR) if part.strip()]


def csv_reference(line, values):
    reference = Reference(
        line=line,
        doi=clean_doi(values.get("doi", "")),
        pubmed_id=values.get("pubmed_id", "").removeprefix("PMID").strip(": "),
        title=values.get("title", ""),
        journal=values.get("journal", ""),
        year=year_of(values.get("year")),
        month=int_or_none(values.get("month"), 1, 12),
        day=int_or_none(values.get("day"), 1, 31),
        authors=[author_name(name) for name in split_list(values.get("authors"))],
        volume=values.get("volume", ""),
        issue=values.get("issue", ""),
        pages=values.get("pages", ""),
        keywords=tags_from(split_list(values.get("keywords"))),
        condition=values.get("condition", ""),
    )
    design = values.get("study_design", "")
    if design:
        reference.study_design = study_design_from([design])
        if not reference.study_design:
            reference.refuse(
                f"“{design}” is not a study design the library knows (e.g. Systematic review, "
                "Meta-analysis, Randomised controlled trial, Cohort study)."
            )
    return reference


READERS = {RIS: parse_ris, BIBTEX: parse_bibtex, MEDLINE: parse_medline, CSV: parse_csv}
