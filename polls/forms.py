"""The reader's vote: one answer of this poll."""

from django import forms
from django.utils.translation import gettext_lazy as _

from polls.models import Choice

CHOOSE_AN_ANSWER = _("Choose one of the answers.")


class OneAnswer(forms.Select):
    """Reads the answer only when the form sent exactly one: `choice=1&choice=2` is a
    malformed vote (a 400 with the form's error), not a vote for the last value."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        return values[0] if len(values) == 1 else values


class VoteForm(forms.Form):
    # A missing, non-numeric, repeated or foreign answer (another poll's) all get the same
    # message.
    choice = forms.ModelChoiceField(
        queryset=Choice.objects.none(),
        widget=OneAnswer,
        error_messages={"required": CHOOSE_AN_ANSWER, "invalid_choice": CHOOSE_AN_ANSWER},
    )

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].queryset = poll.choices.all()

    def selected_choice_id(self):
        """The valid answer to show as chosen when the form is shown again, else None."""
        choice = self.cleaned_data.get("choice") if self.is_valid() else None
        return choice.pk if choice else None
