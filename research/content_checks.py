"""The research article's own content checks, shown to the writer and the reviewer.

They warn and never block: a writer may save, submit and publish with warnings showing,
and a reviewer decides whether each one matters. Wagtail's own checks (accessibility,
word count, reading time in the editor's "Checks" panel) stay on beside them.
"""

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.rich_text import RichText

# A key finding is read at a glance; past this it is a paragraph, not a finding.
FINDING_MAX_WORDS = 60
# The explainer is for the general public: US school grade 9 (age 14–15) on the
# Flesch–Kincaid scale, in line with plain-language guidance for health information.
EXPLAINER_MAX_GRADE = 9.0
# Below this the grade formula swings too much on a single long word to be worth showing.
MIN_WORDS_FOR_GRADE = 30

WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class ContentWarning:
    message: str
    link_url: str = ""
    link_text: str = ""


def plain_text(value):
    """The text of a block value, without markup."""
    if isinstance(value, RichText):
        value = value.source
    return " ".join(strip_tags(str(value or "")).split())


def count_syllables(word):
    """English syllables by vowel groups; a silent final “e” does not count (“cure” is one)."""
    word = word.lower()
    syllables = len(VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and syllables > 1:
        syllables -= 1
    return max(syllables, 1)


def reading_grade(text):
    """Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.

    Computed here rather than by a library so it needs no dictionary download and gives the
    same answer everywhere. Returns None for text too short to grade fairly.
    """
    words = WORD.findall(text)
    if len(words) < MIN_WORDS_FOR_GRADE:
        return None
    sentences = max(len(SENTENCE_END.findall(text)), 1)
    syllables = sum(count_syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59


def claim_pattern(phrase):
    """Matches `phrase` as whole words, any capitals, any spacing between its words."""
    words = [re.escape(word) for word in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def sections(page):
    """(label, plain text) for the title and each text part of the body, in page order."""
    yield "Title", page.title or ""
    for block in page.body:
        label = block.block.label
        value = block.value
        if block.block_type in ("finding", "explainer", "practitioner_notes", "limitations"):
            text = " ".join(plain_text(child) for child in value.values())
        elif block.block_type == "quote":
            text = plain_text(value.get("quote"))
        elif block.block_type == "image":
            text = plain_text(value.get("caption"))
        elif block.block_type == "key_figures":
            text = " ".join(
                f"{figure.get('value')} {figure.get('label')}" for figure in value["figures"]
            )
        else:
            continue
        yield label, text


def check_alt_text(page):
    for block in page.body:
        if block.block_type != "image":
            continue
        image = block.value.get("image")
        if image is not None and not (image.description or "").strip():
            yield ContentWarning(
                f"The image “{image.title}” has no alt text. Describe what it shows in the "
                "image's “Description” field so that people using screen readers get it too.",
                link_url=reverse("wagtailimages:edit", args=[image.pk]),
                link_text="Edit the image",
            )


def check_finding_length(page):
    for block in page.body:
        if block.block_type == "finding":
            words = len(plain_text(block.value.get("summary")).split())
            if words > FINDING_MAX_WORDS:
                yield ContentWarning(
                    f"The key finding has {words} words. Keep it to {FINDING_MAX_WORDS} or "
                    "fewer so a reader takes it in at a glance; details belong in the "
                    "sections below."
                )


def check_reading_grade(page):
    for block in page.body:
        if block.block_type == "explainer":
            grade = reading_grade(plain_text(block.value.get("body")))
            if grade is not None and grade > EXPLAINER_MAX_GRADE:
                yield ContentWarning(
                    f"“What this means for you” reads at school grade {grade:.0f} "
                    f"(Flesch–Kincaid). Aim for grade {EXPLAINER_MAX_GRADE:.0f} or below: "
                    "shorter sentences and everyday words make it easier to read."
                )


def check_claim_words(page, claim_words):
    texts = list(sections(page))
    for phrase in claim_words:
        pattern = claim_pattern(phrase)
        found_in = [label for label, text in texts if pattern.search(text)]
        if found_in:
            yield ContentWarning(
                f"“{phrase}” appears in {', '.join(found_in)}. A health site must not promise "
                "results: say what the study found, e.g. “reduced”, “may help”, “in this study”."
            )


def check_duplicate_citation(page):
    for other in type(page).citing(doi=page.doi, pubmed_id=page.pubmed_id, exclude_pk=page.pk):
        yield ContentWarning(
            f"Another article already summarises this study (same DOI or PubMed ID): "
            f"“{other.title}”. Check that this one is not a duplicate.",
            link_url=reverse("wagtailadmin_pages:edit", args=[other.pk]),
            link_text="Open the other article",
        )


def check_article(page, claim_words):
    """Every warning for `page` as it stands, in the order a writer meets them."""
    return [
        *check_duplicate_citation(page),
        *check_finding_length(page),
        *check_reading_grade(page),
        *check_claim_words(page, claim_words),
        *check_alt_text(page),
    ]
