"""The editorial roles: one auth group each, created by a data migration in every environment."""

WRITERS = "Writers"
CLINICAL_REVIEWERS = "Clinical reviewers"
MARKETING = "Marketing"
DIRECTORY_MANAGERS = "Directory managers"

ROLE_GROUPS = [WRITERS, CLINICAL_REVIEWERS, MARKETING, DIRECTORY_MANAGERS]
