"""The sections a research article is built from.

Every article carries one finding, one explainer, one practitioner-notes and one limitations
block, in that order; optional blocks (image, quote, key figures) may sit between them.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

SECTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class FindingBlock(blocks.StructBlock):
    summary = blocks.TextBlock(
        label="Key finding",
        help_text=(
            "One or two sentences a reader can take away, e.g. “Neuroimaging evidence suggests "
            "acupuncture may reduce migraine by reverting abnormal pain-processing activity.”"
        ),
    )

    class Meta:
        icon = "pick"
        label = "Key finding"
        template = "research/blocks/finding.html"
        description = "The study's main result in one or two plain sentences."
        preview_value = {
            "summary": "Acupuncture reduced the number of migraine days compared with sham "
            "treatment over 12 weeks."
        }


class ExplainerBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=160,
        help_text=(
            "A plain-language headline for readers, e.g. “What Happens in Your Brain During a "
            "Headache — and How Treatments Like Acupuncture Help”."
        ),
    )
    body = blocks.RichTextBlock(
        features=SECTION_FEATURES,
        help_text=(
            "Explain the study as you would to a friend: what was studied, what was found, and "
            "what it means for someone living with the condition. Avoid jargon."
        ),
    )

    class Meta:
        icon = "user"
        label = "What this means for you"
        template = "research/blocks/explainer.html"
        description = "The plain-language explanation for patients, under its own heading."
        preview_value = {
            "heading": "How acupuncture may help your headaches",
            "body": "<p>Researchers compared people who had acupuncture with people who did "
            "not, and found fewer headache days in the acupuncture group.</p>",
        }


class PractitionerNotesBlock(blocks.StructBlock):
    body = blocks.RichTextBlock(
        features=SECTION_FEATURES,
        help_text=(
            "For clinicians: the study design, the numbers (studies, participants, n=…), the "
            "modalities or protocols used, and what is relevant to practice."
        ),
    )

    class Meta:
        icon = "doc-full"
        label = "Clinical notes for practitioners"
        template = "research/blocks/practitioner_notes.html"
        description = "Design, counts and modalities, written for practitioners."
        preview_value = {
            "body": "<p>Randomised controlled trial (n=120), 12 sessions over 8 weeks, "
            "manual acupuncture versus sham.</p>"
        }


class LimitationsBlock(blocks.StructBlock):
    body = blocks.RichTextBlock(
        features=SECTION_FEATURES,
        help_text=(
            "Be honest about what the study cannot show, e.g. “Most studies were small and used "
            "different methods, so firm conclusions are difficult.”"
        ),
    )

    class Meta:
        icon = "warning"
        label = "Limitations"
        template = "research/blocks/limitations.html"
        description = "What the study cannot tell us. Always shown in full."
        preview_value = {
            "body": "<p>The trial was small and not blinded, so a placebo effect cannot be "
            "ruled out.</p>"
        }


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=250, help_text="What the image shows.")
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Who made the image, e.g. “Figure 2, Messina et al.”",
    )

    class Meta:
        icon = "image"
        label = "Image with caption"
        template = "research/blocks/captioned_image.html"
        description = "A figure or photo with a caption and its credit."


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text="A short sentence worth highlighting.")
    attribution = blocks.CharBlock(required=False, max_length=120, help_text="Who said it.")

    class Meta:
        icon = "openquote"
        label = "Pull quote"
        template = "research/blocks/pull_quote.html"
        description = "A highlighted quotation from the study or an expert."
        preview_value = {
            "quote": "More high-quality research is still needed.",
            "attribution": "The review's authors",
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=20, help_text="The number, e.g. “63” or “n=54”.")
    label = blocks.CharBlock(max_length=80, help_text="What it counts, e.g. “imaging studies”.")


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = "Key figures"
        template = "research/blocks/key_figures.html"
        description = "A row of headline numbers, e.g. “63 studies”, “n=54”."
        preview_value = {
            "figures": [
                {"value": "63", "label": "imaging studies"},
                {"value": "54", "label": "on migraine"},
            ]
        }


# The sections no article may be published without, each with the words a writer reads when it
# is missing: the block's own label plus what to do about it.
REQUIRED_SECTIONS = {
    "finding": (
        "The Key finding is missing. Add a “Key finding” block at the top of the body and sum "
        "up the study's main result in one or two sentences."
    ),
    "limitations": (
        "The Limitations section is missing. Add a “Limitations” block after the clinical notes "
        "and say honestly what the study cannot show."
    ),
}
EMPTY_SECTION_MESSAGES = {
    "finding": "The Key finding is empty: sum up the study's main result in one or two sentences.",
    "limitations": "The Limitations section is empty: say what the study cannot show.",
}


def _section_has_text(block_type, value):
    text = value["summary"] if block_type == "finding" else value["body"].source
    return bool(strip_tags(text or "").strip())


def missing_section_messages(stream_value):
    """Plain-words messages for each required section that is absent or left empty."""
    present = {}
    for child in stream_value:
        if child.block_type in REQUIRED_SECTIONS:
            present.setdefault(child.block_type, _section_has_text(child.block_type, child.value))
    messages = []
    for block_type, missing_message in REQUIRED_SECTIONS.items():
        if block_type not in present:
            messages.append(missing_message)
        elif not present[block_type]:
            messages.append(EMPTY_SECTION_MESSAGES[block_type])
    return messages


class ArticleBodyValidationError(StreamBlockValidationError):
    """Wagtail lists this error's message at the top of the editor as “Body: …”; say it in words."""

    def __init__(self, block_errors=None, non_block_errors=None):
        super().__init__(block_errors=block_errors, non_block_errors=non_block_errors)
        self.message = "Some sections need attention: see the messages beside them."


class ArticleBodyBlock(blocks.StreamBlock):
    finding = FindingBlock()
    explainer = ExplainerBlock()
    practitioner_notes = PractitionerNotesBlock()
    limitations = LimitationsBlock()
    image = CaptionedImageBlock()
    quote = PullQuoteBlock()
    key_figures = KeyFiguresBlock()

    class Meta:
        # Required sections are checked in clean(), which words the message for a writer;
        # Wagtail's own min_num message would read "Key finding: The minimum number of items is 1".
        block_counts = {
            "finding": {"max_num": 1},
            "explainer": {"max_num": 1},
            "practitioner_notes": {"max_num": 1},
            "limitations": {"max_num": 1},
        }

    def clean(self, value):
        block_errors, non_block_errors = {}, ErrorList()
        try:
            cleaned = super().clean(value)
        except StreamBlockValidationError as error:
            block_errors = error.block_errors
            non_block_errors = error.non_block_errors
            cleaned = None
        if not self.is_deferred_validation:
            # Empty sections already get "This field is required." beside the empty field.
            present = {child.block_type for child in value}
            non_block_errors.extend(
                ValidationError(message)
                for block_type, message in REQUIRED_SECTIONS.items()
                if block_type not in present
            )
        if block_errors or non_block_errors:
            raise ArticleBodyValidationError(
                block_errors=block_errors, non_block_errors=non_block_errors
            )
        return cleaned
