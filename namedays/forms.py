import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# One name: letters, maybe joined by a hyphen or an apostrophe; any alphabet.
NAME = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


class NameSearchForm(forms.Form):
    """The reader's "when is my friend's name day?" question."""

    vards = forms.CharField(
        label=_("Given name"),
        max_length=40,
        error_messages={
            "required": _("Type a name to find its name day."),
            "max_length": _("That is too long for a name: at most %(limit_value)d letters."),
        },
    )

    def clean_vards(self):
        name = self.cleaned_data["vards"]
        if len(name.split()) > 1:
            raise ValidationError(_("Type one name at a time."), code="several")
        if not NAME.fullmatch(name):
            raise ValidationError(_("A name is written in letters, e.g. Mārcis."), code="letters")
        return name


class NameInlineForm(forms.ModelForm):
    """One name in its date's form, where the names are put in a new order in one save
    (issue 14). Its place is not checked against the stored rows, which still hold the old
    order and would refuse every swap: the formset checks the places among the submitted
    names, and the database's deferred constraint checks them all at commit."""

    def validate_constraints(self):
        exclude = self._get_validation_exclusions() | {"position"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)
