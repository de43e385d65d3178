"""A reader for PubMed's MEDLINE export (the `.nbib` / "PubMed format" file).

The format is plain: each line is a tag of up to four letters padded to four characters, "- ",
and a value; a value that goes on is continued on lines indented by six spaces; a blank line
ends a record, and every record starts with `PMID- `. See
https://www.nlm.nih.gov/bsd/mms/medlineelements.html for the tags. No maintained package reads
it (the `nbib` package has been unreleased since 2021), so this reads only what the import uses.
"""

import re

from research.importing.references import ImportFileError

TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- ?(.*)$")
CONTINUATION = "      "


def read_records(text):
    """[(line number of the record's PMID, {tag: [values in order]})], or ImportFileError."""
    records = []
    current, last_tag = None, None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            current, last_tag = None, None
            continue
        if line.startswith(CONTINUATION) and current is not None and last_tag:
            values = current[1][last_tag]
            values[-1] = f"{values[-1]} {line.strip()}"
            continue
        match = TAG_LINE.match(line)
        if not match:
            raise ImportFileError(
                f"Line {number} is not a MEDLINE line (a tag such as “TI  - ” and a value). "
                "Export the file again from PubMed with “Save” → “PubMed” format."
            )
        tag, value = match.group(1), match.group(2).strip()
        if tag == "PMID":
            current = (number, {})
            records.append(current)
        elif current is None:
            raise ImportFileError(
                f"Line {number} comes before any “PMID- ” line; each MEDLINE record starts with "
                "its PubMed ID. Export the file again from PubMed."
            )
        current[1].setdefault(tag, []).append(value)
        last_tag = tag
    return records


def tagged_value(values, marker):
    """From LID/AID values such as "10.1186/x [doi]", the one carrying `[marker]`, unmarked."""
    for value in values:
        if value.endswith(f"[{marker}]"):
            return value.removesuffix(f"[{marker}]").strip()
    return ""
