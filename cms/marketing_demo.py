"""Demo content for marketing: the seed page's call to action and one for a single condition."""

from cms.models.calls_to_action import CallToAction, Placement
from practitioners.models import PractitionerDirectoryPage
from research.models import ConditionIndexPage

DEMO_CALLS_TO_ACTION = [
    {
        "name": "Find a practitioner – every condition",
        "icon": "🌿",
        "heading": "Ready to try acupuncture for {condition}?",
        "text": "Browse our directory of verified licensed practitioners near you.",
        "button_label": "Find a practitioner →",
        "conditions": [],
    },
    {
        "name": "Find a practitioner – anxiety",
        "icon": "🌿",
        "heading": "Looking for calm? Meet practitioners who treat {condition}",
        "text": "Every practitioner in our directory is licensed and verified. "
        "Many offer telehealth.",
        "button_label": "See practitioners for anxiety →",
        "conditions": ["anxiety"],
        "priority": 10,
    },
]


def seed(demo):
    directory = PractitionerDirectoryPage.objects.get()
    for fields in DEMO_CALLS_TO_ACTION:
        if CallToAction.objects.filter(name=fields["name"]).exists():
            continue
        fields = dict(fields)
        condition_slugs = fields.pop("conditions")
        call_to_action = CallToAction(
            **fields, placement=Placement.ARTICLE_END, target_page=directory, live=False
        )
        call_to_action.conditions = list(
            ConditionIndexPage.objects.filter(slug__in=condition_slugs)
        )
        call_to_action.save()
        call_to_action.save_revision().publish()
        demo.made(f"call to action “{call_to_action.name}”")
