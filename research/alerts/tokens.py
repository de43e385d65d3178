"""The signed links in alert emails (django.core.signing, keyed by SECRET_KEY).

- Confirm: carries the address and the chosen conditions, since nothing is stored before the
  owner confirms; it expires after settings.CONDITION_ALERTS_CONFIRM_MAX_AGE seconds.
- Manage and unsubscribe: name one follower row and a digest of its address, so that a link
  stops working once the row is gone (a later sign-up of the same address is a new row). They
  do not expire: a digest in someone's inbox must still let them leave years later.
"""

import hashlib
import time

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "research.alerts.confirm"
MANAGE_SALT = "research.alerts.manage"
UNSUBSCRIBE_SALT = "research.alerts.unsubscribe"


class BadLink(Exception):
    """The link was altered, cut short or signed with another key."""


class ExpiredLink(Exception):
    """The link was ours but is older than its allowed age."""


def address_digest(email):
    return hashlib.sha256(email.encode()).hexdigest()[:16]


def confirm_token(email, condition_ids):
    return signing.dumps(
        {"email": email, "conditions": sorted(condition_ids), "issued": time.time()},
        salt=CONFIRM_SALT,
        compress=True,
    )


def read_confirm_token(token):
    """{"email", "conditions", "issued"} from a confirm link."""
    try:
        data = signing.loads(
            token, salt=CONFIRM_SALT, max_age=settings.CONDITION_ALERTS_CONFIRM_MAX_AGE
        )
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise BadLink from error
    if not (
        isinstance(data, dict)
        and isinstance(data.get("email"), str)
        and isinstance(data.get("conditions"), list)
        and all(isinstance(pk, int) for pk in data["conditions"])
        and isinstance(data.get("issued"), int | float)
    ):
        raise BadLink
    return data


def follower_token(follower, salt):
    return signing.dumps([follower.pk, address_digest(follower.email)], salt=salt)


def read_follower_token(token, salt):
    """(follower id, address digest) from a manage or unsubscribe link."""
    try:
        data = signing.loads(token, salt=salt)
    except signing.BadSignature as error:
        raise BadLink from error
    if not (
        isinstance(data, list)
        and len(data) == 2
        and isinstance(data[0], int)
        and isinstance(data[1], str)
    ):
        raise BadLink
    return data
