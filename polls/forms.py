"""The reader's vote: one answer of this poll."""

from django import forms
from django.utils.translation import gettext_lazy as _

from polls.models import Choice

CHOOSE_AN_ANSWER = _("Choose one of the answers.")


class VoteForm(forms.Form):
    # A missing, non-numeric or foreign answer (another poll's) all get the same message.
    choice = forms.ModelChoiceField(
        queryset=Choice.objects.none(),
        error_messages={"required": CHOOSE_AN_ANSWER, "invalid_choice": CHOOSE_AN_ANSWER},
    )

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].queryset = poll.choices.all()

    def selected_choice_id(self):
        """The valid answer to show as chosen when the form is shown again, else None."""
        choice = self.cleaned_data.get("choice") if self.is_valid() else None
        return choice.pk if choice else None
