"""Clinical reviewers' accounts and the credits they hold on articles.

The credit printed on an article ("Medically reviewed by …") is recorded with the review
(research.review), so it no longer depends on the account. Two rules keep it right:

- a reviewer who corrects their profile (a typo, a new qualification) corrects the credit on
  every article they reviewed, as the profile promises;
- an account that holds credits is not deleted from the admin: it is deactivated instead
  (Users › the account › untick "Active"), which stops the sign-in and keeps the record of who
  reviewed what. Deletion would only leave the recorded name behind.
"""

from research.models import ResearchArticlePage
from research.review import credit_of


def credited_articles(users):
    """Articles whose review credit belongs to one of `users`."""
    return ResearchArticlePage.objects.filter(reviewed_by__in=[user.pk for user in users])


def refresh_recorded_credits(sender, instance, raw=False, **kwargs):
    """post_save of a ReviewerProfile: the articles it credits print the corrected credit."""
    if raw:
        return
    name, credentials = credit_of(instance.user)
    ResearchArticlePage.objects.filter(reviewed_by=instance.user_id).update(
        reviewer_name=name, reviewer_credentials=credentials
    )


def refusal_message(users):
    """Why these accounts cannot be deleted, in an administrator's words; "" when they can."""
    holders = {article.reviewed_by_id for article in credited_articles(users).only("reviewed_by")}
    names = [user.get_full_name() or user.get_username() for user in users if user.pk in holders]
    if not names:
        return ""
    return (
        f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} credited as clinical "
        f"reviewer on research articles, so the account{'' if len(names) == 1 else 's'} "
        "cannot be deleted. Deactivate instead: edit the account and untick “Active”. "
        "That stops the sign-in and keeps the record of who reviewed what."
    )
