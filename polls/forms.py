"""The reader's vote: one answer of this poll."""

import uuid

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

    # The form's own key, made when it was shown (polls.js asks for one with the CSRF
    # token; the confirmation page has one of its own): a retry of the same vote.
    vote_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, poll, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].queryset = poll.choices.all()

    def selected_choice_id(self):
        """The valid answer to show as chosen when the form is shown again, else None."""
        choice = self.cleaned_data.get("choice") if self.is_valid() else None
        return choice.pk if choice else None

    def clean_vote_key(self):
        """The key as a UUID; a missing or damaged one is none (the vote still counts, it
        only cannot be recognised if it is sent again)."""
        try:
            return uuid.UUID(self.cleaned_data["vote_key"])
        except ValueError:
            return None

    def key_to_show(self):
        """The key for the form shown again: the same vote keeps the key it came with."""
        key = self.cleaned_data.get("vote_key") if self.is_bound and self.is_valid() else None
        return (key or uuid.uuid4()).hex
