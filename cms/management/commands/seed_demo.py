"""Builds the demo site: the page tree, sample content and one account per role.

Each app contributes its own part in a `demo.py` module with a `seed(demo)` function that makes
only that app's content; the parts run in DEMO_PARTS order because later parts hang content on
pages earlier ones made. Then a second pass calls each part's optional `link(demo)`, for what
joins one app's content to another's (the home page features the seed article), so that no
part imports an app above its own. Every part is idempotent: it creates what is missing and
leaves what exists alone.
"""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.demo import load_credentials

DEMO_PARTS = ["cms.demo", "home.demo", "research.demo", "practitioners.demo"]


class Demo:
    """What the parts share: a place to report what they made."""

    def __init__(self, command):
        self.command = command
        self.created = []

    def made(self, description):
        self.created.append(description)


class Command(BaseCommand):
    help = "Create the demo site's pages, sample content and demo accounts (idempotent)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "seed_demo makes demo accounts and sample content; it refuses to run here."
            )
        demo = Demo(self)
        with transaction.atomic():
            parts = [import_module(name) for name in DEMO_PARTS]
            for part in parts:
                part.seed(demo)
            for part in parts:
                if hasattr(part, "link"):
                    part.link(demo)
        if demo.created:
            for line in demo.created:
                self.stdout.write(f"  created {line}")
        else:
            self.stdout.write("Demo content is already in place; nothing changed.")
        self.print_accounts()

    def print_accounts(self):
        base_url = settings.WAGTAILADMIN_BASE_URL
        self.stdout.write(f"\nThe site: {base_url}/   The editor: {base_url}/admin/")
        self.stdout.write("Demo sign-ins (username / password, role):")
        for username, account in load_credentials().items():
            self.stdout.write(f"  {username:<10} {account['password']:<20} {account['role']}")
        self.stdout.write("The editors' guide: docs/editors-guide.md")
