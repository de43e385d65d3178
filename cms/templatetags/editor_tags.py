"""`{% editor_userbar %}`: Wagtail's user bar for signed-in editors, and nothing else.

Wagtail's `{% wagtailuserbar %}` reads `request.user` on every page, which loads the session and
makes the response vary on Cookie, so no shared cache could keep it. Without a session cookie
nobody is signed in, so the session is left unread and the page stays the same for everyone.
"""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from cms.http_caching import may_be_signed_in

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_userbar(context, position="bottom-right"):
    request = context.get("request")
    if request is None or not may_be_signed_in(request):
        return ""
    return wagtailuserbar(context, position)
