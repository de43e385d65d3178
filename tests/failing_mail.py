"""A mail backend that fails the way an unreachable SMTP server does."""

from django.core.mail.backends.base import BaseEmailBackend


class RefusedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")
