"""Move applicants' photos stored under public media, before they were kept private.

Run once after upgrading (docs/deploy.md, "Security"); a second run finds nothing to do. Each
photo of a pending or approved application is re-encoded into the private storage under a
random name and its public file deleted; a rejected application's photo is deleted. A file
that cannot be read as a photo is left where it is and named, for someone to look at.
"""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from practitioners import photos
from practitioners.models import ApplicationStatus, PractitionerApplication


class Command(BaseCommand):
    help = "Move applicants' photos from public media into their private storage."

    def handle(self, *args, **options):
        moved = deleted = 0
        for application in PractitionerApplication.objects.exclude(photo="").order_by("pk"):
            public_name = application.photo.name
            if photos.applicant_photo_storage.exists(public_name):
                continue  # already private
            if not default_storage.exists(public_name):
                self.stderr.write(f"Application {application.pk}: {public_name} is missing.")
                continue
            if application.status == ApplicationStatus.REJECTED:
                application.photo = ""
                application.save(update_fields=["photo"])
                default_storage.delete(public_name)
                deleted += 1
                continue
            try:
                with default_storage.open(public_name) as public_file:
                    private_copy = photos.reencoded(public_file)
            except ValidationError as error:
                self.stderr.write(
                    f"Application {application.pk}: {public_name} left in place: "
                    f"{' '.join(error.messages)}"
                )
                continue
            application.photo.save(private_copy.name, private_copy, save=False)
            application.save(update_fields=["photo"])
            default_storage.delete(public_name)
            moved += 1
        self.stdout.write(
            f"Moved {moved} photo{'s' if moved != 1 else ''} into private storage; "
            f"deleted {deleted} of rejected applications."
        )
