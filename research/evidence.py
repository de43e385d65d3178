"""The plain scale the library rates evidence on, with the definitions writers and readers see."""

from django.db import models


class EvidenceStrength(models.TextChoices):
    STRONG = "strong", "Strong"
    MODERATE = "moderate", "Moderate"
    EMERGING = "emerging", "Emerging"
    LIMITED = "limited", "Limited"
    INSUFFICIENT = "insufficient", "Insufficient"


# One definition per level: the editor's help text and the public "How we rate evidence" page
# both read these, so what writers are told and what readers are told never drift apart.
EVIDENCE_DEFINITIONS = {
    EvidenceStrength.STRONG: (
        "Several large, well-designed trials or a high-quality review of them agree, and further "
        "research is unlikely to change the conclusion."
    ),
    EvidenceStrength.MODERATE: (
        "Good studies point the same way, but they are fewer, smaller or less consistent; new "
        "research could change the size of the effect."
    ),
    EvidenceStrength.EMERGING: (
        "Early but promising results, e.g. from mechanism or imaging studies or small trials; "
        "worth knowing about, not yet settled."
    ),
    EvidenceStrength.LIMITED: (
        "Few or weak studies, or results that disagree; treat any conclusion with caution."
    ),
    EvidenceStrength.INSUFFICIENT: ("Not enough good research to say whether it works either way."),
}


def evidence_help_text():
    return "How much weight this evidence can bear. " + " ".join(
        f"{level.label}: {EVIDENCE_DEFINITIONS[level]}" for level in EvidenceStrength
    )
