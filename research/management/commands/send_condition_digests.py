"""Email each condition follower the research published since their last digest.

Run it from cron (docs/deploy.md), daily or weekly; it does its work and exits.
"""

from django.core.management.base import BaseCommand

from research.alerts.digest import send_digests


class Command(BaseCommand):
    help = (
        "Email each confirmed condition follower the articles published since their last "
        "digest in the conditions they follow. Followers with nothing new get nothing."
    )

    def handle(self, *args, **options):
        run = send_digests()
        self.stdout.write(
            f"Condition digests: {run.sent} sent, {run.nothing_new} with nothing new, "
            f"{run.failed} failed (tried again next run)."
        )
        if run.failed:
            self.stderr.write("Some digests could not be sent; see the log.")
