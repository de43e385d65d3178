"""cms's demo part: the role groups with their permissions, an administrator and one account
per editorial role, the reviewer's credit and the share block.

Passwords are generated on the first run and kept in settings.DEMO_CREDENTIALS_FILE (ignored by git) so
that `make run` can show them every time; nothing else about the accounts changes on a re-run.
"""

import json
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from cms import roles
from cms.models import ReviewerProfile, ShareBlock

DEMO_ACCOUNTS = [
    # (username, first name, last name, group or None for the administrator)
    ("admin", "Ada", "Admin", None),
    ("writer", "Wren", "Writer", roles.WRITERS),
    ("reviewer", "Dr Rowan", "Reviewer", roles.CLINICAL_REVIEWERS),
    ("marketing", "Mara", "Marketing", roles.MARKETING),
    ("directory", "Dev", "Directory", roles.DIRECTORY_MANAGERS),
]


# How the demo reviewer is credited on the articles they approve.
DEMO_REVIEWER_CREDIT = {"display_name": "Dr Rowan Reviewer", "credentials": "MD, LAc"}


def load_credentials():
    try:
        return json.loads(settings.DEMO_CREDENTIALS_FILE.read_text())
    except (FileNotFoundError, ValueError):
        return {}


def seed(demo):
    # A test that commits empties every table, groups included; this puts them back.
    roles.ensure_role_groups(Group, Permission, ContentType)
    roles.grant_role_permissions(Group, Permission, ContentType)
    seed_accounts(demo)
    seed_reviewer_credit(demo)
    seed_share_block(demo)


def seed_accounts(demo):
    User = get_user_model()
    credentials = load_credentials()
    changed = False
    for username, first_name, last_name, group_name in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is not None and username in credentials:
            continue
        password = secrets.token_urlsafe(12)
        if user is None:
            user = User.objects.create_user(
                username=username,
                email=f"{username}@example.org",
                first_name=first_name,
                last_name=last_name,
                is_staff=group_name is None,
                is_superuser=group_name is None,
            )
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            demo.made(f"account “{username}”")
        user.set_password(password)
        user.save(update_fields=["password"])
        credentials[username] = {"password": password, "role": group_name or "Administrator"}
        changed = True
    if changed:
        settings.DEMO_CREDENTIALS_FILE.parent.mkdir(parents=True, exist_ok=True)
        settings.DEMO_CREDENTIALS_FILE.write_text(json.dumps(credentials, indent=2))


def seed_reviewer_credit(demo):
    reviewer = get_user_model().objects.get(username="reviewer")
    _, created = ReviewerProfile.objects.get_or_create(user=reviewer, defaults=DEMO_REVIEWER_CREDIT)
    if created:
        demo.made(f"reviewer credit “{DEMO_REVIEWER_CREDIT['display_name']}”")


def seed_share_block(demo):
    if not ShareBlock.objects.exists():
        ShareBlock.objects.create(name="Standard share block")
        demo.made("share block “Standard share block”")
