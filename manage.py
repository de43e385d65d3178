#!/usr/bin/env python
"""Django's command line for this project.

Which settings: DJANGO_SETTINGS_MODULE when it is set. Without it, a checkout gets the
development settings (cms.settings.dev), so `make run` and the tools need nothing set. A
deployment always names cms.settings.production (docs/deploy.md); a SECRET_KEY in the
environment says this is one, so with a SECRET_KEY and no DJANGO_SETTINGS_MODULE manage.py
stops rather than run commands against production's database on development settings (debug on,
demo content allowed).
"""

import os
import sys

DEVELOPMENT_SETTINGS = "cms.settings.dev"


def settings_module(environ):
    """The settings to use, or a message saying why none is chosen."""
    if environ.get("DJANGO_SETTINGS_MODULE"):
        return environ["DJANGO_SETTINGS_MODULE"], None
    if environ.get("SECRET_KEY"):
        return None, (
            "SECRET_KEY is set but DJANGO_SETTINGS_MODULE is not, so this looks like a "
            "deployment: set DJANGO_SETTINGS_MODULE=cms.settings.production (docs/deploy.md). "
            "For development, unset SECRET_KEY or set "
            f"DJANGO_SETTINGS_MODULE={DEVELOPMENT_SETTINGS}."
        )
    return DEVELOPMENT_SETTINGS, None


if __name__ == "__main__":
    module, refusal = settings_module(os.environ)
    if refusal:
        sys.exit(f"manage.py: {refusal}")
    os.environ["DJANGO_SETTINGS_MODULE"] = module
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
