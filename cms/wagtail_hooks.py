"""Site-wide additions to the Wagtail admin."""

from wagtail import hooks

from cms.account import ReviewerProfileSettingsPanel


@hooks.register("register_account_settings_panel")
def reviewer_profile_panel(request, user, profile):
    return ReviewerProfileSettingsPanel(request, user, profile)
