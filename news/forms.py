from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        error_messages={
            "max_length": _("The search text is too long: at most %(limit_value)d characters.")
        },
    )

    def clean_q(self):
        # NUL characters cannot reach PostgreSQL; nobody types them on purpose.
        return self.cleaned_data["q"].replace("\x00", "").strip()
