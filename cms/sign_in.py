"""The admin's sign-in page when django-axes has locked an account or an address out.

django-axes refuses the sign-in (its backend runs before the password is checked) and flags
the request; the sign-in form then says why in words, and the page answers 429 instead of
Django's "didn't match", which would send the person to try again.
"""

from django import forms
from django.conf import settings
from django.http import HttpResponse
from wagtail.admin.forms.auth import LoginForm


def locked_out_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        "Too many failed sign-in attempts for this account or from your connection, so "
        f"signing in is paused for {minutes} minutes. Try again later, or ask an administrator "
        "to unlock your account."
    )


class SignInForm(LoginForm):
    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            return forms.ValidationError(locked_out_message(), code="locked_out")
        return super().get_invalid_login_error()


def locked_out_response(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE: the sign-in page as rendered, with the form's
    message, answering 429; any other sign-in gets the message alone."""
    context = getattr(original_response, "context_data", None) or {}
    if isinstance(context.get("form"), SignInForm):
        original_response.status_code = 429
        return original_response
    return HttpResponse(locked_out_message(), status=429, content_type="text/plain")
