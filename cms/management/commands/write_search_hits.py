"""`manage.py write_search_hits`: write the searches counted in the cache to Wagtail's
“Search terms” report (cms.search_picks). Run from cron every few minutes; the library's
public result pages only count, and the site search writes only when a visitor uses it."""

from django.core.management.base import BaseCommand

from cms.search_picks import write_pending_hits


class Command(BaseCommand):
    help = "Write the searches counted in the cache to the Search terms report."

    def handle(self, *args, **options):
        written = write_pending_hits()
        self.stdout.write(f"wrote {written} search{'es' if written != 1 else ''}")
