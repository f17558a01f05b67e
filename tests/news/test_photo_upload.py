"""Many photos into an article's gallery at once (issue 14): one credit for all, every file
checked by its content, a refused one named while the others go in, texts written after."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gallery.models import Photo
from tests.factories import make_article
from tests.gallery.factories import jpeg_bytes, make_photo

pytestmark = pytest.mark.django_db


def upload_url(article):
    return reverse("admin:news_article_upload_photos", args=[article.pk])


def texts_url(article):
    return reverse("admin:news_article_photo_texts", args=[article.pk])


def jpegs(count):
    return [SimpleUploadedFile(f"IMG_{n:04}.jpg", jpeg_bytes(), "image/jpeg") for n in range(count)]


def test_an_editor_uploads_several_photos_with_one_credit_into_the_gallery(client, editor):
    article = make_article(title_lv="Pilsētas svētki")
    client.force_login(editor)
    response = client.post(upload_url(article), {"files": jpegs(3), "credit": "Jura Rogas foto"})

    photos = list(Photo.objects.order_by("pk"))
    assert [photo.credit_lv for photo in photos] == ["Jura Rogas foto"] * 3
    assert [photo.title_lv for photo in photos] == ["Pilsētas svētki"] * 3
    assert all(photo.renditions and photo.created_by == editor for photo in photos)
    assert article.gallery_photos() == photos
    ids = ",".join(str(photo.pk) for photo in photos)
    assert response.status_code == 302
    assert response.url == f"{texts_url(article)}?photos={ids.replace(',', '%2C')}"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "3 foto augšupielādēti. Zemāk uzrakstiet, kas tajos redzams."
    ]


def test_a_file_that_is_no_photo_is_named_and_the_others_go_in(client, editor):
    article = make_article()
    client.force_login(editor)
    bad = SimpleUploadedFile("programma.jpg", b"%PDF-1.4 not a photo", "image/jpeg")
    response = client.post(upload_url(article), {"files": [*jpegs(2), bad]}, follow=True)

    assert Photo.objects.count() == 2
    assert len(article.gallery_photos()) == 2
    messages = [str(m) for m in response.context["messages"]]
    assert any(m.startswith("programma.jpg netika augšupielādēts:") for m in messages), messages
    assert response.context["formset"].total_form_count() == 2


def test_photos_go_after_those_the_gallery_already_has(client, editor):
    article = make_article()
    earlier = make_photo()
    article.add_to_gallery([earlier])
    client.force_login(editor)
    client.post(upload_url(article), {"files": jpegs(2)})
    assert article.gallery_photos()[0] == earlier
    assert len(article.gallery_photos()) == 3


def test_no_files_is_a_form_error_and_stores_nothing(client, editor):
    article = make_article()
    client.force_login(editor)
    response = client.post(upload_url(article), {"credit": "Jura Rogas foto"})
    assert response.status_code == 400
    assert "Šis lauks ir nepieciešams." in response.content.decode()
    assert not Photo.objects.exists()


def test_a_journalist_uploads_into_her_own_draft_but_not_into_others(client, journalist, editor):
    own = make_article(is_published=False, created_by=journalist)
    others = make_article(is_published=False, created_by=editor)
    client.force_login(journalist)
    assert client.get(upload_url(own)).status_code == 200
    assert client.post(upload_url(others), {"files": jpegs(1)}).status_code == 403
    assert client.get(texts_url(others)).status_code == 403
    assert not Photo.objects.exists()


def test_the_texts_page_saves_each_photos_texts(client, editor):
    article = make_article()
    client.force_login(editor)
    client.post(upload_url(article), {"files": jpegs(2)})
    first, second = Photo.objects.order_by("pk")
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": first.pk,
        "form-0-title_lv": "Gājiens",
        "form-0-alt_text_lv": "Cilvēki ar karogiem ielā",
        "form-0-caption_lv": "Svētku gājiens Rīgas ielā",
        "form-0-caption_ru": "Праздничное шествие",
        "form-1-id": second.pk,
        "form-1-title_lv": "Koncerts",
        "form-1-alt_text_lv": "Koris uz skatuves",
        "form-1-caption_lv": "",
        "form-1-caption_ru": "",
    }
    response = client.post(texts_url(article), data)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.caption_lv == "Svētku gājiens Rīgas ielā"
    assert first.caption_ru == "Праздничное шествие"


def test_a_journalist_cannot_change_texts_of_photos_that_are_not_hers(client, journalist, editor):
    article = make_article(is_published=False, created_by=journalist)
    someone_elses = make_photo(title_lv="Redaktores foto", created_by=editor)
    article.add_to_gallery([someone_elses])
    client.force_login(journalist)
    response = client.get(texts_url(article))
    assert response.context["formset"].total_form_count() == 0
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": someone_elses.pk,
        "form-0-title_lv": "Pārrakstīts",
        "form-0-alt_text_lv": "x",
    }
    client.post(texts_url(article), data)
    someone_elses.refresh_from_db()
    assert someone_elses.title_lv == "Redaktores foto"


def test_the_texts_page_makes_no_photo_from_a_forged_form_count(client, editor):
    """Photos come only through the upload, which checks their files."""
    article = make_article()
    client.force_login(editor)
    client.post(upload_url(article), {"files": jpegs(1)})
    (photo,) = Photo.objects.all()
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "1",
        "form-0-id": photo.pk,
        "form-0-title_lv": "Gājiens",
        "form-0-alt_text_lv": "Cilvēki ar karogiem",
        "form-1-title_lv": "Foto bez faila",
        "form-1-alt_text_lv": "Nekas",
    }
    client.post(texts_url(article), data)
    assert list(Photo.objects.values_list("title_lv", flat=True)) == ["Gājiens"]


def test_a_bad_photo_list_in_the_address_is_ignored_not_a_server_error(client, editor):
    article = make_article()
    client.force_login(editor)
    assert client.get(texts_url(article) + "?photos=²,x,-1").status_code == 200
