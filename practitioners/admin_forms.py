"""The listing's form in the editor."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from cms.roles import DIRECTORY_MANAGERS


class PractitionerForm(WagtailAdminModelForm):
    """The listing's admin form: names the person verifying unless someone already is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "verified_by" not in self.fields:
            return
        self.fields["verified_by"].queryset = (
            get_user_model()
            .objects.filter(
                Q(groups__name=DIRECTORY_MANAGERS) | Q(is_superuser=True),
                is_active=True,
            )
            .distinct()
            .order_by("first_name", "last_name")
        )
        if not self.instance.verified_by_id and self.for_user:
            self.initial["verified_by"] = self.for_user.pk
