"""An article's study as a reader would cite it: formatted text, RIS and BibTeX."""

import re

from anyascii import anyascii

MONTH_ABBREVIATIONS = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
]  # fmt: skip


def formatted(article):
    """A Vancouver-style reference: authors. Title. Journal. Year Mon Day;Vol(Issue):Pages."""
    names = article.author_names
    authors = ", ".join(names[:6]) + (", et al" if len(names) > 6 else "")
    date = " ".join(
        part
        for part in (
            str(article.publication_year),
            MONTH_ABBREVIATIONS[article.publication_month - 1].title()
            if article.publication_month
            else "",
            str(article.publication_day or "") if article.publication_month else "",
        )
        if part
    )
    locator = article.volume
    if article.issue:
        locator += f"({article.issue})"
    if article.pages:
        locator += f":{article.pages}"
    parts = [
        f"{authors}." if authors else "",
        f"{article.title.rstrip('.')}.",
        f"{article.journal}.",
        f"{date};{locator}." if locator else f"{date}.",
        f"doi:{article.doi}." if article.doi else "",
        f"PMID: {article.pubmed_id}." if article.pubmed_id else "",
    ]
    return " ".join(part for part in parts if part)


def ris(article):
    """The RIS record reference managers (Zotero, EndNote, Mendeley) import."""
    lines = [("TY", "JOUR"), ("TI", article.title)]
    lines += [("AU", name) for name in article.author_names]
    lines += [("T2", article.journal), ("JO", article.journal)]
    lines.append(("PY", str(article.publication_year)))
    if article.publication_month:
        day = f"{article.publication_day:02d}" if article.publication_day else ""
        lines.append(("DA", f"{article.publication_year}/{article.publication_month:02d}/{day}"))
    optional = [
        ("VL", article.volume),
        ("IS", article.issue),
        ("SP", article.pages),
        ("DO", article.doi),
        ("AN", article.pubmed_id),
        ("UR", article.doi_url or article.source_url),
    ]
    lines += [(tag, value) for tag, value in optional if value]
    lines.append(("ER", ""))
    # RIS puts two spaces, a hyphen and a space after each tag, and ends lines with CRLF.
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


BIBTEX_SPECIALS = re.compile(r"([\\{}%&$#_^~])")


def _bibtex_escape(text):
    def replace(match):
        char = match.group(1)
        if char == "\\":
            return r"\textbackslash{}"
        if char in "^~":
            return rf"\{char}{{}}"
        return "\\" + char

    return BIBTEX_SPECIALS.sub(replace, _one_line(text))


def _bibtex_verbatim(text):
    """A verbatim field (doi, url): styles print and link it exactly as written, so LaTeX escapes
    would end up in the address. Braces and backslashes, which would break the entry, are
    percent-encoded instead, which addresses and DOI resolvers read as the same characters."""
    return _one_line(text).replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


BIBTEX_VERBATIM_FIELDS = {"doi", "url"}


def _bibtex_value(name, value):
    return _bibtex_verbatim(value) if name in BIBTEX_VERBATIM_FIELDS else _bibtex_escape(value)


def bibtex_key(article):
    """Surname, year and the title's first long word, in ASCII: "Häckert" gives "hackert"."""
    first_author = article.author_names[0] if article.author_names else "anon"
    surname = re.sub(r"[^a-z]", "", anyascii(first_author.split()[-1]).lower()) or "anon"
    first_word = next(
        (word for word in re.findall(r"[a-z]+", anyascii(article.title).lower()) if len(word) > 3),
        "study",
    )
    return f"{surname}{article.publication_year}{first_word}"


def bibtex(article):
    fields = [
        ("title", article.title),
        ("author", " and ".join(article.author_names)),
        ("journal", article.journal),
        ("year", str(article.publication_year)),
        ("volume", article.volume),
        ("number", article.issue),
        ("pages", article.pages),
        ("doi", article.doi),
        ("pmid", article.pubmed_id),
        ("url", article.doi_url or article.source_url),
    ]
    body = [f"  {name} = {{{_bibtex_value(name, value)}}}" for name, value in fields if value]
    if article.publication_month:
        # BibTeX's month macros (jan … dec) are unbraced so styles can format them.
        body.insert(4, f"  month = {MONTH_ABBREVIATIONS[article.publication_month - 1]}")
    return f"@article{{{bibtex_key(article)},\n" + ",\n".join(body) + "\n}\n"


def _one_line(text):
    return " ".join(str(text).split())
