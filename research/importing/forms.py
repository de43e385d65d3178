"""The "Import studies" form: identifiers pasted or a reference file, and a condition."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from wagtail.permission_policies.pages import PagePermissionPolicy

from research.importing import formats
from research.importing.references import ImportFileError
from research.models import ConditionIndexPage


def conditions_for(user):
    """The conditions `user` may add articles to, alphabetical."""
    addable = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return ConditionIndexPage.objects.filter(pk__in=addable.values("pk")).order_by("title")


class StudyImportForm(forms.Form):
    identifiers = forms.CharField(
        label="DOIs and PubMed IDs",
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": "10.1186/s10194-023-01590-5\n37221469"}
        ),
        help_text=f"One a line, up to {settings.STUDY_IMPORT_MAX_ENTRIES}. DOIs and PubMed IDs "
        "may be mixed; links such as https://doi.org/… work too.",
    )
    file = forms.FileField(
        label="Or a reference file",
        required=False,
        allow_empty_file=True,  # refused with the import's own words
        help_text="RIS (.ris), BibTeX (.bib), PubMed format (.nbib) or CSV (.csv), in UTF-8, "
        f"up to {filesizeformat(settings.STUDY_IMPORT_MAX_FILE_SIZE)}. The editors' guide lists "
        "the CSV columns.",
    )
    condition = forms.ModelChoiceField(
        queryset=ConditionIndexPage.objects.none(),
        required=False,
        empty_label="Choose a condition",
        help_text="The drafts are made under this condition. A CSV file may name each row's "
        "condition in a “condition” column instead.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["condition"].queryset = conditions_for(user)
        self.references = []
        self.source = ""

    def clean(self):
        cleaned_data = super().clean()
        pasted, upload = cleaned_data.get("identifiers", ""), cleaned_data.get("file")
        if pasted and upload:
            raise forms.ValidationError("Paste identifiers or choose a file, not both.")
        if not pasted and not upload:
            raise forms.ValidationError("Paste some DOIs or PubMed IDs, or choose a file.")
        try:
            if upload:
                file_format, self.references = formats.parse_file(upload)
                self.source = f"{upload.name} ({file_format})"
            else:
                self.references = formats.parse_pasted(pasted)
                count = len(self.references)
                self.source = f"{count} pasted identifier{'s' if count != 1 else ''}"
        except ImportFileError as error:
            self.add_error("file" if upload else "identifiers", str(error))
            return cleaned_data
        names_own_condition = any(reference.condition for reference in self.references)
        if not cleaned_data.get("condition") and not names_own_condition:
            self.add_error("condition", "Choose the condition these studies go under.")
        return cleaned_data
