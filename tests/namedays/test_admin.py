"""Editors view and correct the calendar in the admin."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from namedays.models import Name, NameDay

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("calendar")]


def test_dates_are_listed_with_their_traditional_names(admin_client):
    response = admin_client.get(reverse("admin:namedays_nameday_changelist"), {"month": 6})
    assert response.status_code == 200
    assert "24. jūnijs" in response.text
    assert "Jānis" in response.text
    assert "1. jūlijs" not in response.text


def test_dates_are_found_by_a_name_with_or_without_diacritics(admin_client):
    url = reverse("admin:namedays_nameday_changelist")
    for query in ("Mārcis", "marcis"):
        response = admin_client.get(url, {"q": query})
        assert list(response.context["cl"].result_list) == [NameDay.objects.get(month=11, day=10)]


def test_date_page_shows_its_names_for_correction(admin_client):
    may_22 = NameDay.objects.get(month=5, day=22)
    response = admin_client.get(reverse("admin:namedays_nameday_change", args=[may_22.pk]))
    assert response.status_code == 200
    assert 'value="Emīlija"' in response.text
    assert "Visu neparasto un kalendāros neierakstīto vārdu diena" in response.text


def test_dates_cannot_be_added_or_deleted(admin_client):
    assert admin_client.get(reverse("admin:namedays_nameday_add")).status_code == 403


def test_names_are_filtered_by_month_and_list(admin_client):
    url = reverse("admin:namedays_name_changelist")
    response = admin_client.get(url, {"name_day__month": 6, "is_extended__exact": 0})
    names = [name.name for name in response.context["cl"].result_list]
    assert names[:5] == ["Biruta", "Mairita", "Bernedīne", "Lība", "Emma"]  # 1, 2 June
    assert "Jānis" in names and "Joņs" not in names


def test_editor_corrects_a_name(admin_client):
    name = Name.objects.get(name="Joņs")
    response = admin_client.post(
        reverse("admin:namedays_name_change", args=[name.pk]),
        {
            "name": "Jonis",
            "name_day": name.name_day_id,
            "is_extended": "on",
            "position": name.position,
        },
    )
    assert response.status_code == 302
    name.refresh_from_db()
    assert (name.name, name.folded) == ("Jonis", "jonis")


def test_a_name_that_already_has_a_day_is_refused_with_a_message(admin_client):
    name = Name.objects.get(name="Joņs")
    response = admin_client.post(
        reverse("admin:namedays_name_change", args=[name.pk]),
        {"name": "Jānis", "name_day": name.name_day_id, "position": name.position},
    )
    assert response.status_code == 200
    assert "Šim vārdam jau ir vārda diena." in response.text


def test_search_does_not_repeat_the_names_of_a_date(admin_client):
    """ "mar" matches several names of 10 November; the date's names still show once."""
    url = reverse("admin:namedays_nameday_changelist")
    response = admin_client.get(url, {"q": "mar", "month": 11})
    dates = {str(day): day for day in response.context["cl"].result_list}
    assert dates["11-10"].traditional_names == ["Mārtiņš", "Mārcis", "Markuss", "Marks"]


def test_a_taken_place_in_the_list_is_refused_with_a_message(admin_client):
    name = Name.objects.get(name="Joņs")
    response = admin_client.post(
        reverse("admin:namedays_name_change", args=[name.pk]),
        {"name": "Joņs", "name_day": name.name_day_id, "is_extended": "on", "position": 0},
    )
    assert response.status_code == 200
    assert "errornote" in response.text


def test_a_corrected_name_marks_its_date_corrected_and_the_loader_keeps_it(admin_client):
    name = Name.objects.get(name="Joņs")
    assert not name.name_day.corrected
    admin_client.post(
        reverse("admin:namedays_name_change", args=[name.pk]),
        {"name": "Jonis", "name_day": name.name_day_id, "is_extended": "on", "position": 1},
    )
    assert NameDay.objects.get(pk=name.name_day_id).corrected

    call_command("load_namedays", stdout=StringIO())

    assert Name.objects.filter(name="Jonis").exists()
    assert not Name.objects.filter(name="Joņs").exists()


def test_a_date_changed_in_its_own_form_is_marked_unless_only_the_mark_changes(admin_client):
    may_22 = NameDay.objects.get(month=5, day=22)
    url = reverse("admin:namedays_nameday_change", args=[may_22.pk])
    assert admin_client.get(url).context["adminform"].form.initial["corrected"] is False
    names = may_22.names.order_by("position")
    post = {
        "note": "Neparasto vārdu diena",
        "names-TOTAL_FORMS": len(names),
        "names-INITIAL_FORMS": len(names),
    }
    for number, name in enumerate(names):
        post |= {
            f"names-{number}-id": name.pk,
            f"names-{number}-name_day": may_22.pk,
            f"names-{number}-name": name.name,
            f"names-{number}-position": name.position,
            **({f"names-{number}-is_extended": "on"} if name.is_extended else {}),
        }

    assert admin_client.post(url, post).status_code == 302
    may_22.refresh_from_db()
    assert (may_22.note, may_22.corrected) == ("Neparasto vārdu diena", True)

    # Unticking the mark alone hands the date back to the official calendar.
    assert admin_client.post(url, post).status_code == 302  # "corrected" left unticked
    may_22.refresh_from_db()
    assert may_22.corrected is False
