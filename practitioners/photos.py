"""Applicants' photos: checked and re-encoded on the way in, kept out of public media.

A photo sent with a "get listed" application is refused when its header says it is larger than
settings.PRACTITIONER_PHOTO_MAX_PIXELS, before any pixel is decoded; what is accepted is decoded
(at most a few thousand pixels a side) and saved again as a plain JPEG under a random name, which
drops metadata (location, camera) and anything hidden in or after the image data.

The file lives under settings.APPLICANT_PHOTOS_ROOT, outside MEDIA_ROOT, so neither the web
server nor the app serves it at /media/; directory managers see it through a view that checks
their permission (practitioners.admin_views.applicant_photo).
"""

import io
import os
import uuid
import warnings
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from PIL import Image, ImageOps

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# A head-and-shoulders photo needs no more; larger ones are scaled down when re-encoded.
LONGEST_SIDE = 2400
JPEG_QUALITY = 85


def _megapixels(pixels):
    return f"{pixels / 1_000_000:.3g}"


def reencoded(upload):
    """The uploaded photo as a new JPEG under a random name, or ValidationError in words."""
    limit = settings.PRACTITIONER_PHOTO_MAX_PIXELS
    too_large = (
        f"This photo is too large to take: the largest we take is {_megapixels(limit)} "
        "megapixels. Send a smaller copy; a head-and-shoulders photo needs far fewer."
    )
    upload.seek(0)
    try:
        # Opening reads the header only. Pillow refuses outright past its own, far higher
        # limit and only warns below it; ours, lower, is checked next.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload)
    except Image.DecompressionBombError as error:
        raise ValidationError(too_large, code="too_many_pixels") from error
    except Exception as error:
        raise ValidationError(
            "Upload a valid image: this file is not a photo we can read.", code="invalid_image"
        ) from error
    with image:
        if image.format not in ACCEPTED_FORMATS:
            raise ValidationError(
                "Send the photo as a JPEG, PNG or WebP file.", code="invalid_format"
            )
        width, height = image.size
        if width * height > limit:
            raise ValidationError(
                f"This photo is {width:,} × {height:,} pixels ({_megapixels(width * height)} "
                f"megapixels); the largest we take is {_megapixels(limit)} megapixels. Send a "
                "smaller copy; a head-and-shoulders photo needs far fewer.",
                code="too_many_pixels",
            )
        # JPEGs can be decoded straight at a reduced scale, which saves most of the memory.
        image.draft("RGB", (LONGEST_SIDE, LONGEST_SIDE))
        try:
            image.load()
            photo = ImageOps.exif_transpose(image)
        except Exception as error:
            raise ValidationError(
                "Upload a valid image: this photo is damaged or cut short.",
                code="invalid_image",
            ) from error
    photo.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    if photo.mode in ("RGBA", "LA") or "transparency" in photo.info:
        background = Image.new("RGB", photo.size, "white")
        background.paste(photo.convert("RGBA"), mask=photo.convert("RGBA"))
        photo = background
    output = io.BytesIO()
    photo.convert("RGB").save(output, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


class ApplicantPhotoStorage(FileSystemStorage):
    """Files under settings.APPLICANT_PHOTOS_ROOT (read when used, so tests can move it), whose
    address is the admin's permission-checked photo view rather than MEDIA_URL."""

    @property
    def base_location(self):
        return os.fspath(settings.APPLICANT_PHOTOS_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        return reverse("practitioners_applicant_photo", args=[PurePosixPath(name).name])


applicant_photo_storage = ApplicantPhotoStorage()


class ApplicantPhotoField(models.ImageField):
    """An image field kept in the applicants' private storage.

    Where files are stored is configuration, not schema: migrations record a plain ImageField,
    so they never import this module (nor change when the storage does).
    """

    def __init__(self, *args, **kwargs):
        kwargs["storage"] = applicant_photo_storage
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("storage", None)
        return name, "django.db.models.ImageField", args, kwargs
