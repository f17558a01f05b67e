"""The template API other apps use: {% picture %}, captions, the gallery strip, the sidebar."""

import datetime
import re

import pytest
import time_machine
from django.template import Context, Template
from django.utils import translation

from tests.gallery.factories import jpeg_bytes, make_photo

pytestmark = pytest.mark.django_db

JUST_AFTER_MIDNIGHT_IN_RIGA = "2024-11-11T22:30:00+00:00"  # Tuesday 12 November in Riga
TUESDAY = datetime.date(2024, 11, 12)


def render(source, **context):
    return Template("{% load gallery_tags %}" + source).render(Context(context))


def test_picture_offers_webp_and_jpeg_in_every_width_with_a_fixed_size():
    photo = make_photo(jpeg_bytes(1000, 750), alt_text_lv="Laivas pie Daugavas krasta")
    name = photo.image.name.removesuffix(".jpg")

    html = render('{% picture photo sizes="(min-width: 60em) 45rem, 100vw" %}', photo=photo)

    webp = ", ".join(f"/media/{name}-{w}w.webp {w}w" for w in (320, 640, 960, 1000))
    jpeg = ", ".join(f"/media/{name}-{w}w.jpg {w}w" for w in (320, 640, 960, 1000))
    sizes = "(min-width: 60em) 45rem, 100vw"
    assert html == (
        f'<picture><source type="image/webp" srcset="{webp}" sizes="{sizes}">'
        f'<img src="/media/{name}-960w.jpg" srcset="{jpeg}" sizes="{sizes}" width="960" '
        'height="720" alt="Laivas pie Daugavas krasta" loading="lazy" decoding="async">'
        "</picture>"
    )


def test_picture_above_the_fold_loads_eagerly_and_first():
    html = render('{% picture photo loading="eager" %}', photo=make_photo())
    assert 'loading="eager"' in html
    assert 'fetchpriority="high"' in html


def test_picture_of_a_small_photo_never_upscales():
    html = render("{% picture photo %}", photo=make_photo(jpeg_bytes(300, 200)))
    assert re.findall(r" (\d+)w", html) == ["300", "300"]
    assert 'width="300" height="200"' in html


def test_picture_needs_no_query(django_assert_num_queries):
    photo = make_photo()
    with django_assert_num_queries(0):
        render("{% picture photo %}{{ photo|largest_jpeg_url }}", photo=photo)


def test_alt_text_and_caption_are_escaped():
    photo = make_photo(alt_text_lv='"><script>x</script>', caption_lv="<b>Ezers</b>")
    html = render('{% picture photo %}{% include "gallery/_caption.html" %}', photo=photo)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;b&gt;Ezers&lt;/b&gt;" in html


def test_caption_shows_the_text_and_the_credit_as_printed():
    photo = make_photo(caption_lv="Rudens pie ezera", credit_lv="Jura Rogas foto")
    html = render('{% include "gallery/_caption.html" %}', photo=photo)
    assert '<span class="photo-caption__text">Rudens pie ezera</span>' in html
    assert '<span class="photo-caption__credit">Jura Rogas foto</span>' in html


def test_caption_is_left_out_when_there_is_nothing_to_say():
    photo = make_photo(caption_lv="", credit_lv="")
    assert "figcaption" not in render('{% include "gallery/_caption.html" %}', photo=photo)


def test_gallery_strip_links_each_photo_to_its_largest_jpeg_with_only_the_sites_viewer():
    photos = [make_photo(jpeg_bytes(2400, 1600)), make_photo(caption_lv="Otrais")]
    html = render('{% include "gallery/_gallery.html" %}', photos=photos)

    first_largest = photos[0].image.name.removesuffix(".jpg") + "-1920w.jpg"
    assert f'href="/media/{first_largest}"' in html
    assert html.count('<li class="photo-strip__item">') == 2
    assert "2 foto" in html and "Otrais" in html
    # No CDN, and no script but the site's own viewer (the links work without it).
    assert html.count("<script") == 1 and 'src="/static/js/gallery-viewer.js"' in html
    assert "http" not in html


def test_photo_of_the_day_shows_the_day_as_the_paper_writes_it():
    photo = make_photo(shown_on=TUESDAY, title_lv="Miglains rīts", credit_lv="Jura Rogas foto")
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        html = render("{% photo_of_the_day %}")
    assert '<h2 id="photo-of-the-day-heading" class="widget__title">Dienas foto</h2>' in html
    assert '<time class="photo-of-the-day__date" datetime="2024-11-12">otrdiena, 12.11.2024' in html
    assert "Jura Rogas foto" in html
    assert f'href="{photo.get_absolute_url()}"' in html
    assert 'href="/dienas-foto/2024/11/12/"' in html


def test_photo_of_the_day_in_russian():
    make_photo(shown_on=TUESDAY, title_lv="Miglains rīts", title_ru="Туманное утро")
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False), translation.override("ru"):
        html = render("{% photo_of_the_day %}")
    assert "Фото дня" in html and "Туманное утро" in html
    assert "вторник, 12.11.2024" in html.lower()
    assert 'href="/ru/dienas-foto/2024/11/12/"' in html


def test_photo_of_the_day_is_never_a_future_one():
    make_photo(shown_on=TUESDAY + datetime.timedelta(days=1), title_lv="Rītdienas foto")
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False):
        assert render("{% photo_of_the_day %}").strip() == ""


def test_photo_of_the_day_takes_one_query_however_many_photos_exist(django_assert_num_queries):
    for days in range(6):
        make_photo(shown_on=TUESDAY - datetime.timedelta(days=days))
    with (
        time_machine.travel(JUST_AFTER_MIDNIGHT_IN_RIGA, tick=False),
        django_assert_num_queries(1),
    ):
        render("{% photo_of_the_day %}")
