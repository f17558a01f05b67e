"""A date's names are put in a new order in one save of the date's form (issue 14)."""

import pytest
from django.urls import reverse

from namedays.models import NameDay

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar")]


def test_the_names_of_a_date_are_reordered_in_one_save(client, editor):
    may_22 = NameDay.objects.get(month=5, day=22)
    names = list(may_22.names.order_by("position"))
    assert len(names) >= 3
    url = reverse("admin:namedays_nameday_change", args=[may_22.pk])
    post = {
        "note": may_22.note,
        "names-TOTAL_FORMS": len(names),
        "names-INITIAL_FORMS": len(names),
    }
    positions = [name.position for name in names]
    for number, (name, position) in enumerate(zip(names, reversed(positions), strict=True)):
        post |= {
            f"names-{number}-id": name.pk,
            f"names-{number}-name_day": may_22.pk,
            f"names-{number}-name": name.name,
            f"names-{number}-position": position,
            **({f"names-{number}-is_extended": "on"} if name.is_extended else {}),
        }
    client.force_login(editor)
    response = client.post(url, post)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    reordered = list(may_22.names.order_by("position").values_list("name", flat=True))
    assert reordered == [name.name for name in reversed(names)]


def test_two_names_in_one_place_are_a_form_error_not_a_crash(client, editor):
    may_22 = NameDay.objects.get(month=5, day=22)
    names = list(may_22.names.order_by("position"))
    url = reverse("admin:namedays_nameday_change", args=[may_22.pk])
    post = {
        "note": may_22.note,
        "names-TOTAL_FORMS": len(names),
        "names-INITIAL_FORMS": len(names),
    }
    for number, name in enumerate(names):
        post |= {
            f"names-{number}-id": name.pk,
            f"names-{number}-name_day": may_22.pk,
            f"names-{number}-name": name.name,
            f"names-{number}-position": names[0].position,
            **({f"names-{number}-is_extended": "on"} if name.is_extended else {}),
        }
    client.force_login(editor)
    response = client.post(url, post)
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert list(may_22.names.order_by("position")) == names
