"""Email each clinical reviewer the articles whose review is due.

Run it from cron (docs/deploy.md), weekly; it does its work and exits.
"""

from django.core.management.base import BaseCommand

from research.reviews_due.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Email each clinical reviewer one list of the live articles whose review is overdue or "
        "due within 30 days: the ones they last reviewed, and those with no reviewer on record. "
        "Nothing is sent when nothing is due."
    )

    def handle(self, *args, **options):
        run = send_reminders()
        if not run.due:
            self.stdout.write("Reviews due: nothing is due, no email sent.")
            return
        self.stdout.write(
            f"Reviews due: {run.due} article{'s' if run.due != 1 else ''}; "
            f"{run.sent} email{'s' if run.sent != 1 else ''} sent, {run.failed} failed."
        )
        if run.failed:
            self.stderr.write("Some reminders could not be sent; see the log.")
