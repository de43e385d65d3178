"""What the Directory managers group may do: the practitioner snippets (with publishing and
locking) and the listing-application queue, and nothing else.

Used by a data migration, and by seed_demo so that a database emptied by a test is set up again.
"""

from cms.roles import DIRECTORY_MANAGERS, grant_permissions

DIRECTORY_PERMISSIONS = [
    (
        "practitioners",
        "practitioner",
        "practitioner",
        ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    ),
    ("practitioners", "language", "language", ["add", "change", "delete", "view"]),
    ("practitioners", "modality", "modality", ["add", "change", "delete", "view"]),
    # Applications come from the site: managers decide on them (change) and clear out spam.
    (
        "practitioners",
        "practitionerapplication",
        "listing application",
        ["change", "delete", "view"],
    ),
]


def grant_directory_permissions(group_model, permission_model, content_type_model):
    """Takes the models as arguments so that the data migration can pass its historical ones."""
    grant_permissions(
        group_model, permission_model, content_type_model, DIRECTORY_MANAGERS, DIRECTORY_PERMISSIONS
    )
